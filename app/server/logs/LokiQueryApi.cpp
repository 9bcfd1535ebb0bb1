#include "LokiQueryApi.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "logs/LokiController.h"

#include <QDateTime>

#include <algorithm>
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
    bool ok = false;
    // Loki takes nanoseconds, (fractional) seconds or RFC 3339; digits alone are read by magnitude.
    const qlonglong integer = text.toLongLong(&ok);
    if (ok && integer >= 0) {
        const int digits = text.size();
        return digits <= 10 ? integer * NsPerSecond : digits <= 13 ? integer * 1000000 : digits <= 16 ? integer * 1000 : integer;
    }
    const double seconds = text.toDouble(&ok);
    if (ok && seconds >= 0)
        return static_cast<int64_t>(seconds * 1e9);
    if (auto ms = parseRfc3339Millis(text.toStdString()))
        return *ms * 1000000;
    throw ApiError(400, "bad_request",
                   "cannot parse \"" + text.left(40).toStdString() + "\" as the " + name
                       + " time: use nanoseconds, seconds since the epoch or RFC 3339");
}

LokiQueryApi::LokiQueryApi(LogStore &logs, TenantAccess &tenants) : m_logs(logs), m_tenants(tenants) {}

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

std::vector<StoredStream> LokiQueryApi::visibleStreams(const HttpRequest &req, const std::string &tenant,
                                                       const std::vector<LabelMatcher> &selector) const
{
    std::vector<std::vector<LabelMatcher>> policies;
    for (const std::string &s : req.principal->labelSelectorsFor(tenant))
        policies.push_back(parseSelector(s)); // validated when the policy was stored
    std::vector<StoredStream> out;
    for (const StoredStream &stream : m_logs.streams(tenant)) {
        bool matches = true;
        for (const LabelMatcher &m : selector)
            matches = matches && m.matches(stream.labels);
        bool allowed = policies.empty();
        for (const auto &policy : policies) {
            bool all = true;
            for (const LabelMatcher &m : policy)
                all = all && m.matches(stream.labels);
            allowed = allowed || all;
        }
        if (matches && allowed)
            out.push_back(stream);
    }
    return out;
}

HttpResponse LokiQueryApi::queryRange(HttpRequest &req, bool instant)
{
    const std::string tenant = m_tenants.resolve(req);
    const LogQLQuery query = parseOrReject(req.query.value(QStringLiteral("query")).toStdString());
    const int64_t now = nowNanos();
    const int64_t end = parseTime(req.query.value(instant ? QStringLiteral("time") : QStringLiteral("end")), now,
                                  instant ? "time" : "end");
    const int64_t start = instant ? end - DefaultRangeNs
                                  : parseTime(req.query.value(QStringLiteral("start")), end - DefaultRangeNs, "start");
    if (start > end)
        throw ApiError(400, "bad_request", "the end timestamp must not be before the start time");
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

    const std::vector<StoredStream> streams = visibleStreams(req, tenant, query.selector);
    std::map<int64_t, const Labels *> labelsById;
    LogQuery q;
    for (const StoredStream &s : streams) {
        q.streamIds.push_back(s.id);
        labelsById[s.id] = &s.labels;
    }
    q.startNs = start;
    q.endNs = instant ? end + 1 : end; // query_range's end is exclusive in Loki, an instant query includes `time`
    q.forward = direction == QLatin1String("forward");
    q.limit = static_cast<size_t>(limit);
    if (query.hasStages()) {
        q.filter = [&query, &labelsById](int64_t streamId, const std::string &line, Labels &parsed) {
            Labels labels = *labelsById.at(streamId);
            if (!query.process(line, labels))
                return false;
            for (auto &[k, v] : labels) {
                auto original = labelsById.at(streamId)->find(k);
                if (original == labelsById.at(streamId)->end() || original->second != v)
                    parsed[k] = v;
            }
            return true;
        };
    }
    const std::vector<QueriedEntry> entries = m_logs.query(q);

    // Group by the full label set, streams in first-seen order, entries in query order.
    std::vector<std::pair<Labels, Json>> grouped;
    std::map<Labels, size_t> index;
    for (const QueriedEntry &e : entries) {
        Labels full = *labelsById.at(e.streamId);
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
    Json stats = {{"summary", {{"totalEntriesReturned", entries.size()}, {"streamsSearched", streams.size()}}}};
    return lokiSuccess({{"resultType", "streams"}, {"result", std::move(result)}, {"stats", stats}});
}

HttpResponse LokiQueryApi::labels(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    std::set<std::string> names;
    for (const StoredStream &s : visibleStreams(req, tenant, {})) {
        for (const auto &[k, v] : s.labels)
            names.insert(k);
    }
    return lokiSuccess(Json(std::vector<std::string>(names.begin(), names.end())));
}

HttpResponse LokiQueryApi::labelValues(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const QString queryText = req.query.value(QStringLiteral("query"));
    const auto selector = queryText.isEmpty() ? std::vector<LabelMatcher>{} : selectorOrReject(queryText.toStdString());
    std::set<std::string> values;
    for (const StoredStream &s : visibleStreams(req, tenant, selector)) {
        auto it = s.labels.find(req.param("name"));
        if (it != s.labels.end())
            values.insert(it->second);
    }
    return lokiSuccess(Json(std::vector<std::string>(values.begin(), values.end())));
}

HttpResponse LokiQueryApi::series(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const QStringList matches = req.query.values(QStringLiteral("match[]"))
                                + req.query.values(QStringLiteral("match"));
    if (matches.isEmpty())
        throw ApiError(400, "bad_request", "at least one match[] selector is required");
    std::set<Labels> found;
    for (const QString &m : matches) {
        for (const StoredStream &s : visibleStreams(req, tenant, selectorOrReject(m.toStdString())))
            found.insert(s.labels);
    }
    Json data = Json::array();
    for (const Labels &l : found)
        data.push_back(l);
    return lokiSuccess(data);
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
    for (const StoredStream &s : visibleStreams(req, tenant, selector))
        ids.push_back(s.id);
    m_logs.remove(ids, start, end + 1);
    return HttpResponse::raw(204, {}, "text/plain; charset=utf-8");
}

} // namespace lw::server
