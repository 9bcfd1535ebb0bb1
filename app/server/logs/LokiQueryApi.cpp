#include "LokiQueryApi.h"
#include "Log.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "logs/LokiController.h"
#include "logs/QueryPool.h"
#include "logs/LogWriter.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <set>

namespace lw::server {

namespace {

constexpr int64_t NsPerSecond = 1000000000LL;
constexpr int64_t DefaultRangeNs = 3600 * NsPerSecond;

LogQLQuery parseOrReject(const std::string &text)
{
    if (text.empty())
        throw ApiError(400, "bad_request", "the query parameter \"query\" is required");
    try {
        return parseLogQL(text);
    } catch (const LogQLError &e) {
        throw ApiError(400, "bad_request", std::string(e.what()) + " in query " + text.substr(0, 200));
    }
}

std::vector<LabelMatcher> selectorOrReject(const std::string &text)
{
    try {
        return parseSelector(text);
    } catch (const LogQLError &e) {
        throw ApiError(400, "bad_request", e.what());
    }
}

} // namespace

HttpResponse lokiSuccess(const Json &data)
{
    return HttpResponse::json(200, {{"status", "success"}, {"data", data}});
}

int64_t LokiQueryApi::parseTime(const QString &text, int64_t fallbackNs, const char *name)
{
    if (text.isEmpty())
        return fallbackNs;
    bool ok = false, parsed = true;
    std::optional<int64_t> ns;
    // Loki takes nanoseconds, (fractional) seconds or RFC 3339; digits alone are read by magnitude.
    const qlonglong integer = text.toLongLong(&ok);
    if (ok && integer >= 0) {
        const int digits = text.size();
        ns = toNanos(integer, digits <= 10 ? NsPerSecond : digits <= 13 ? 1000000 : digits <= 16 ? 1000 : 1);
    } else if (const double seconds = text.toDouble(&ok); ok && seconds >= 0) {
        ns = secondsToNanos(seconds);
    } else if (auto ms = parseRfc3339Millis(text.toStdString())) {
        ns = toNanos(*ms, 1000000);
    } else {
        parsed = false;
    }
    if (ns)
        return *ns;
    if (parsed)
        throw ApiError(400, "bad_request",
                       "the " + std::string(name) + " time \"" + text.left(40).toStdString()
                           + "\" is out of range (nanoseconds since 1970 must fit in 64 bits)");
    throw ApiError(400, "bad_request",
                   "cannot parse \"" + text.left(40).toStdString() + "\" as the " + name
                       + " time: use nanoseconds, seconds since the epoch or RFC 3339");
}

LokiQueryApi::LokiQueryApi(LogStore &logs, TenantAccess &tenants, QueryPool &pool, LogWriter &writer)
    : m_logs(logs), m_tenants(tenants), m_pool(pool), m_writer(writer)
{
}

void LokiQueryApi::registerRoutes(Router &router)
{
    const auto plain = Router::ErrorStyle::PlainText;
    router.add("GET", "/loki/api/v1/query_range", scopes::LogsRead, [this](HttpRequest &r) { return queryRange(r, false); }, plain);
    router.add("GET", "/loki/api/v1/query", scopes::LogsRead, [this](HttpRequest &r) { return queryRange(r, true); }, plain);
    router.add("GET", "/loki/api/v1/labels", scopes::LogsRead, [this](HttpRequest &r) { return labels(r); }, plain);
    router.add("GET", "/loki/api/v1/label/{name}/values", scopes::LogsRead, [this](HttpRequest &r) { return labelValues(r); }, plain);
    router.add("GET", "/loki/api/v1/series", scopes::LogsRead, [this](HttpRequest &r) { return series(r); }, plain);
    router.add("POST", "/loki/api/v1/delete", scopes::LogsDelete, [this](HttpRequest &r) { return remove(r); }, plain);
}

std::vector<StoredStream> LokiQueryApi::visibleStreams(const std::string &tenant, const LabelPolicy &policy,
                                                       const std::vector<LabelMatcher> &selector) const
{
    std::vector<StoredStream> out;
    for (StoredStream &stream : m_logs.streams(tenant)) {
        bool matches = true;
        for (const LabelMatcher &m : selector)
            matches = matches && m.matches(stream.labels);
        if (matches && policy.allows(stream.labels))
            out.push_back(std::move(stream));
    }
    return out;
}

HttpResponse LokiQueryApi::onPool(std::function<HttpResponse()> work)
{
    HttpResponse later;
    later.deferred = [this, work = std::move(work)](std::function<void(HttpResponse)> reply) {
        const bool queued = m_pool.post([work, reply](LogReader *) {
            try {
                reply(work());
            } catch (const ApiError &e) {
                reply(HttpResponse::plainError(e.status, e.code, e.what()));
            } catch (const std::exception &e) {
                log::error("a log read failed: %s", e.what());
                reply(HttpResponse::plainError(503, "unavailable", "the log store could not be read; try again"));
            }
        });
        if (!queued)
            reply(HttpResponse::plainError(503, "busy", "too many log queries are waiting; try again shortly"));
    };
    return later;
}

namespace {

// A query_range/query request, checked and ready to run on the pool.
struct RangeQuery {
    std::string tenant;
    LabelPolicy policy;
    LogQLQuery query;
    LogQuery scan;
    std::map<int64_t, Labels> labelsById;
};

HttpResponse rangeAnswer(const RangeQuery &plan, size_t streamsSearched, const std::vector<QueriedEntry> &entries)
{
    // Group by the full label set, streams in first-seen order, entries in query order.
    std::vector<std::pair<Labels, Json>> grouped;
    std::map<Labels, size_t> index;
    for (const QueriedEntry &e : entries) {
        Labels full = plan.labelsById.at(e.streamId);
        for (const auto &[k, v] : e.parsed)
            full[k] = v;
        auto [it, inserted] = index.try_emplace(full, grouped.size());
        if (inserted)
            grouped.emplace_back(full, Json::array());
        Json value = Json::array({std::to_string(e.entry.timestampNs), e.entry.line});
        if (!e.entry.metadata.empty())
            value.push_back(e.entry.metadata);
        grouped[it->second].second.push_back(std::move(value));
    }
    Json result = Json::array();
    for (auto &[labels, values] : grouped)
        result.push_back({{"stream", labels}, {"values", std::move(values)}});
    Json stats = {{"summary", {{"totalEntriesReturned", entries.size()}, {"streamsSearched", streamsSearched}}}};
    return lokiSuccess({{"resultType", "streams"}, {"result", std::move(result)}, {"stats", stats}});
}

} // namespace

HttpResponse LokiQueryApi::queryRange(HttpRequest &req, bool instant)
{
    auto plan = std::make_shared<RangeQuery>();
    plan->tenant = m_tenants.resolve(req);
    plan->policy = LabelPolicy::forPrincipal(*req.principal, plan->tenant);
    plan->query = parseOrReject(req.query.value(QStringLiteral("query")).toStdString());
    const int64_t now = nowNanos();
    const int64_t end = parseTime(req.query.value(instant ? QStringLiteral("time") : QStringLiteral("end")), now,
                                  instant ? "time" : "end");
    const int64_t start = instant ? end - DefaultRangeNs
                                  : parseTime(req.query.value(QStringLiteral("start")), end - DefaultRangeNs, "start");
    if (start > end)
        throw ApiError(400, "bad_request", "the end timestamp must not be before the start time");
    if (end - start > MaxRangeNs)
        throw ApiError(400, "bad_request",
                       "the query time range exceeds the limit (query length: " + std::to_string((end - start) / NsPerSecond / 3600)
                           + "h, limit: " + std::to_string(MaxRangeNs / NsPerSecond / 3600) + "h)");
    bool ok = true;
    const QString limitText = req.query.value(QStringLiteral("limit"));
    const qlonglong limit = limitText.isEmpty() ? 100 : limitText.toLongLong(&ok);
    if (!ok || limit <= 0)
        throw ApiError(400, "bad_request", "limit must be a positive integer");
    if (static_cast<size_t>(limit) > MaxLimit)
        throw ApiError(400, "bad_request", "max entries limit per query exceeded, limit > max_entries_limit (" + std::to_string(limit)
                                               + " > " + std::to_string(MaxLimit) + ")");
    const QString direction = req.query.value(QStringLiteral("direction")).toLower();
    if (!direction.isEmpty() && direction != QLatin1String("forward") && direction != QLatin1String("backward"))
        throw ApiError(400, "bad_request", "direction must be forward or backward");
    plan->scan.startNs = start;
    // query_range's end is exclusive in Loki, an instant query includes `time`.
    plan->scan.endNs = instant && end < std::numeric_limits<int64_t>::max() ? end + 1 : end;
    plan->scan.forward = direction == QLatin1String("forward");
    plan->scan.limit = static_cast<size_t>(limit);

    HttpResponse later;
    later.deferred = [this, plan](std::function<void(HttpResponse)> reply) {
        // First the streams (on a worker), then the scan, split across the workers.
        const bool queued = m_pool.post([this, plan, reply](LogReader *) {
            const std::vector<StoredStream> streams = visibleStreams(plan->tenant, plan->policy, plan->query.selector);
            for (const StoredStream &s : streams) {
                plan->scan.streamIds.push_back(s.id);
                plan->labelsById.emplace(s.id, s.labels);
            }
            LogQuery scan = plan->scan;
            scan.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(QueryTimeLimitSeconds);
            if (plan->query.hasStages()) {
                // The plan outlives the scan: the filter holds it.
                scan.filter = [plan](int64_t streamId, std::string_view line, Labels &parsed) {
                    return plan->query.process(line, plan->labelsById.at(streamId), parsed);
                };
            }
            const size_t searched = streams.size();
            const bool submitted = m_pool.submit(std::move(scan), [plan, searched, reply](QueryPool::Result result) {
                if (auto *failure = std::get_if<QueryPool::Failure>(&result)) {
                    if (failure->timedOut)
                        return reply(HttpResponse::plainError(
                            422, "query_too_costly",
                            "the query ran longer than " + std::to_string(QueryTimeLimitSeconds)
                                + " s and was stopped; narrow its time range, its stream selector or add a line filter"));
                    log::error("a log query failed: %s", failure->message.c_str());
                    return reply(HttpResponse::plainError(503, "unavailable", "the log store could not be read; try again"));
                }
                reply(rangeAnswer(*plan, searched, std::get<std::vector<QueriedEntry>>(result)));
            });
            if (!submitted)
                reply(HttpResponse::plainError(503, "busy", "too many log queries are waiting; try again shortly"));
        });
        if (!queued)
            reply(HttpResponse::plainError(503, "busy", "too many log queries are waiting; try again shortly"));
    };
    return later;
}

HttpResponse LokiQueryApi::labels(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    return onPool([this, tenant, policy] {
        std::set<std::string> names;
        for (const StoredStream &s : visibleStreams(tenant, policy, {})) {
            for (const auto &[k, v] : s.labels)
                names.insert(k);
        }
        return lokiSuccess(Json(std::vector<std::string>(names.begin(), names.end())));
    });
}

HttpResponse LokiQueryApi::labelValues(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const QString queryText = req.query.value(QStringLiteral("query"));
    auto selector = queryText.isEmpty() ? std::vector<LabelMatcher>{} : selectorOrReject(queryText.toStdString());
    return onPool([this, tenant, policy, selector, name = req.param("name")] {
        std::set<std::string> values;
        for (const StoredStream &s : visibleStreams(tenant, policy, selector)) {
            auto it = s.labels.find(name);
            if (it != s.labels.end())
                values.insert(it->second);
        }
        return lokiSuccess(Json(std::vector<std::string>(values.begin(), values.end())));
    });
}

HttpResponse LokiQueryApi::series(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const QStringList matches = req.query.values(QStringLiteral("match[]")) + req.query.values(QStringLiteral("match"));
    if (matches.isEmpty())
        throw ApiError(400, "bad_request", "at least one match[] selector is required");
    std::vector<std::vector<LabelMatcher>> selectors;
    for (const QString &m : matches)
        selectors.push_back(selectorOrReject(m.toStdString()));
    return onPool([this, tenant, policy, selectors] {
        std::set<Labels> found;
        for (const auto &selector : selectors) {
            for (const StoredStream &s : visibleStreams(tenant, policy, selector))
                found.insert(s.labels);
        }
        return seriesAnswer(found);
    });
}

HttpResponse LokiQueryApi::remove(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const QString queryText = req.query.value(QStringLiteral("query"));
    if (queryText.isEmpty())
        throw ApiError(400, "bad_request", "the query parameter \"query\" (a stream selector) is required");
    const auto selector = selectorOrReject(queryText.toStdString());
    const int64_t start = parseTime(req.query.value(QStringLiteral("start")), -1, "start");
    if (start < 0)
        throw ApiError(400, "bad_request", "the start time is required for a delete");
    const int64_t end = parseTime(req.query.value(QStringLiteral("end")), nowNanos(), "end");
    std::vector<int64_t> ids;
    for (const StoredStream &s : visibleStreams(tenant, LabelPolicy::forPrincipal(*req.principal, tenant), selector))
        ids.push_back(s.id);
    // On the writer thread, in order with the pushes before it; answered once it is durable.
    HttpResponse later;
    later.deferred = [this, ids, start, end](std::function<void(HttpResponse)> reply) {
        m_writer.run([ids, start, end, reply](LogStore &store) {
            try {
                store.remove(ids, start, end == std::numeric_limits<int64_t>::max() ? end : end + 1);
                reply(HttpResponse::raw(204, {}, "text/plain; charset=utf-8"));
            } catch (const std::exception &e) {
                log::error("a delete failed: %s", e.what());
                reply(HttpResponse::plainError(503, "store_unavailable", "the log store cannot write right now; nothing was deleted"));
            }
        });
    };
    return later;
}

} // namespace lw::server
