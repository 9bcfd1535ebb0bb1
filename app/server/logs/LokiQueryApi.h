#pragma once

#include "http/HttpTypes.h"
#include "logs/LabelPolicy.h"
#include "logs/LogQL.h"
#include "logs/LogStore.h"
#include "logs/TenantAccess.h"

#include <functional>
#include <memory>

namespace lw::server {

class LogWriter;
class QueryPool;
class Router;

// Loki's read API on the LogStore: query_range, query (log queries), labels, label values, series,
// and delete. Every answer only covers streams the principal's label policies allow. Requests are
// checked on the event loop (tenant, parameters); the reading runs on the query pool.
class LokiQueryApi {
public:
    LokiQueryApi(LogStore &logs, TenantAccess &tenants, QueryPool &pool, LogWriter &writer);
    void registerRoutes(Router &router);

    // Streams of `tenant` that `policy` allows and `selector` matches (all when empty); any thread.
    std::vector<StoredStream> visibleStreams(const std::string &tenant, const LabelPolicy &policy,
                                             const std::vector<LabelMatcher> &selector) const;
    static int64_t parseTime(const QString &text, int64_t fallbackNs, const char *name);

    static constexpr size_t MaxLimit = 5000;
    static constexpr int64_t MaxRangeNs = 721LL * 3600 * 1000000000LL; // Loki's max_query_length
    static constexpr int QueryTimeLimitSeconds = 60;
    static constexpr size_t MaxSeries = 10000; // series / label-value answers
    LogStore &store() { return m_logs; }
    QueryPool &pool() { return m_pool; }

private:
    HttpResponse queryRange(HttpRequest &req, bool instant);
    HttpResponse labels(HttpRequest &req);
    HttpResponse labelValues(HttpRequest &req);
    HttpResponse series(HttpRequest &req);
    HttpResponse remove(HttpRequest &req);
    // Answers later with what `work` computes on a query worker (503 when the pool is full).
    HttpResponse onPool(std::function<HttpResponse()> work);

    LogStore &m_logs;
    TenantAccess &m_tenants;
    QueryPool &m_pool;
    LogWriter &m_writer;
};

// Loki's {"status": "success", "data": …}
HttpResponse lokiSuccess(const Json &data);

// Loki's series answer for these label sets; more than MaxSeries of them is ApiError (400).
template <typename LabelSets>
HttpResponse seriesAnswer(const LabelSets &series)
{
    if (series.size() > LokiQueryApi::MaxSeries)
        throw ApiError(400, "too_many_series",
                       "the selectors match " + std::to_string(series.size()) + " series; the limit is "
                           + std::to_string(LokiQueryApi::MaxSeries) + ": narrow the match[] selectors");
    Json data = Json::array();
    for (const Labels &l : series)
        data.push_back(l);
    return lokiSuccess(data);
}

} // namespace lw::server
