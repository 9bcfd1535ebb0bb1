#pragma once

#include "http/HttpTypes.h"
#include "logs/LogQL.h"
#include "logs/LogStore.h"
#include "logs/TenantAccess.h"

namespace lw::server {

class Router;

// Loki's read API on the LogStore: query_range, query (log queries), labels, label values, series,
// and delete. Every answer only covers streams the principal's label policies allow.
class LokiQueryApi {
public:
    LokiQueryApi(LogStore &logs, TenantAccess &tenants);
    void registerRoutes(Router &router);

    // Streams of `tenant` the principal may see, matching `selector` (all when empty).
    std::vector<StoredStream> visibleStreams(const HttpRequest &req, const std::string &tenant,
                                             const std::vector<LabelMatcher> &selector) const;
    static int64_t parseTime(const QString &text, int64_t fallbackNs, const char *name);

    static constexpr size_t MaxLimit = 5000;
    LogStore &store() { return m_logs; }

private:
    HttpResponse queryRange(HttpRequest &req, bool instant);
    HttpResponse labels(HttpRequest &req);
    HttpResponse labelValues(HttpRequest &req);
    HttpResponse series(HttpRequest &req);
    HttpResponse remove(HttpRequest &req);

    LogStore &m_logs;
    TenantAccess &m_tenants;
};

// Loki's {"status": "success", "data": …}
HttpResponse lokiSuccess(const Json &data);

} // namespace lw::server
