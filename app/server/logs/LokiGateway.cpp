#include "LokiGateway.h"
#include "JsonDepth.h"
#include "Log.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "logs/LogQLRewrite.h"
#include "logs/PushDecoder.h"
#include "logs/LokiQueryApi.h"
#include "logs/TenantAccess.h"

#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>

namespace lw::server {

namespace {

using Params = LokiUpstream::Params;

// The listed parameters of the client's request, every value of each, in order.
Params pick(const HttpRequest &req, const QStringList &names)
{
    Params out;
    for (const auto &[name, value] : req.query.items()) {
        if (names.contains(name))
            out.emplace_back(name, value);
    }
    return out;
}

Params with(Params params, const QString &name, const std::string &value)
{
    params.erase(std::remove_if(params.begin(), params.end(), [&name](const auto &p) { return p.first == name; }), params.end());
    params.emplace_back(name, QString::fromStdString(value));
    return params;
}

bool matchesAll(const std::vector<LabelMatcher> &selector, const Labels &labels)
{
    return std::all_of(selector.begin(), selector.end(), [&labels](const LabelMatcher &m) { return m.matches(labels); });
}

// Runs the handling of Loki's answer; whatever it throws is answered, not left to the event loop.
template <typename F>
void answering(const std::function<void(HttpResponse)> &reply, F &&work)
{
    try {
        work();
    } catch (const ApiError &e) { // the client's to act on (a limit), as on every other path
        reply(HttpResponse::plainError(e.status, e.code, e.what()));
    } catch (const std::exception &e) {
        log::error("handling an answer of upstream Loki failed: %s", e.what());
        reply(HttpResponse::plainError(502, "upstream", "the answer of upstream Loki could not be processed"));
    }
}

HttpResponse notJson(const QString &upstream)
{
    return HttpResponse::plainError(502, "upstream", "upstream Loki at " + upstream.toStdString() + " answered something that is not Loki's JSON");
}

const QStringList RangeParams = {"query", "start", "end", "limit", "direction", "step", "interval"};
const QStringList InstantParams = {"query", "time", "limit", "direction"};
const QStringList SpanParams = {"start", "end", "since"};

struct Entry {
    int64_t ts = 0;
    size_t stream = 0;
    Json value;
};

// The log answers (one per policy selector) as one: an entry two selectors returned once (the
// same labels, time and line), entries in the query's direction, at most `limit`, grouped by
// stream in first-seen order.
Json mergeStreams(std::vector<std::pair<Labels, Json>> streams, bool forward, size_t limit)
{
    std::map<Labels, size_t> index;
    std::vector<const Labels *> labelsAt;
    std::set<std::pair<size_t, std::string>> seen;
    std::vector<Entry> entries;
    for (auto &[labels, values] : streams) {
        auto [it, inserted] = index.try_emplace(labels, labelsAt.size());
        if (inserted)
            labelsAt.push_back(&it->first);
        for (Json &v : values) {
            if (!seen.emplace(it->second, v.dump()).second)
                continue;
            int64_t ts = 0;
            if (v.is_array() && !v.empty() && v[0].is_string()) {
                try {
                    ts = std::stoll(v[0].get<std::string>());
                } catch (const std::exception &) {
                }
            }
            entries.push_back({ts, it->second, std::move(v)});
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [forward](const Entry &a, const Entry &b) { return forward ? a.ts < b.ts : a.ts > b.ts; });
    if (entries.size() > limit)
        entries.resize(limit);
    std::vector<Json> values(labelsAt.size(), Json::array());
    std::vector<size_t> order;
    for (Entry &e : entries) {
        if (values[e.stream].empty())
            order.push_back(e.stream);
        values[e.stream].push_back(std::move(e.value));
    }
    Json result = Json::array();
    for (size_t s : order)
        result.push_back({{"stream", *labelsAt[s]}, {"values", std::move(values[s])}});
    return result;
}

// The value under `key` when the object has it exactly once: a repeated key is read as the first
// one here and as the last one by nlohmann and by Loki's clients, so it never takes the fast path.
std::optional<simdjson::dom::element> onlyValue(simdjson::dom::element element, std::string_view key)
{
    simdjson::dom::object object;
    if (element.get(object) != simdjson::SUCCESS)
        return std::nullopt;
    std::optional<simdjson::dom::element> found;
    for (const auto field : object) {
        if (field.key != key)
            continue;
        if (found)
            return std::nullopt;
        found = field.value;
    }
    return found;
}

// True when `body` is Loki's log answer and every stream in it is within the policy: then it is
// relayed as Loki wrote it (with one selector, the rewritten query makes that the rule). Anything
// else — a stream outside, a metric answer, an answer of another shape — takes the checked path,
// which drops, refuses or says what is wrong.
bool everyStreamAllowed(const QByteArray &body, const LabelPolicy &policy)
{
    // (Large answers take the checked path: the parser would keep their size for the thread's life.)
    constexpr qsizetype MaxFastPathBytes = 8 << 20;
    const std::string_view text(body.constData(), static_cast<size_t>(body.size()));
    if (body.size() > MaxFastPathBytes || jsonTooDeepAt(text))
        return false;
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(text.data(), text.size()).get(doc) != simdjson::SUCCESS)
        return false;
    const auto data = onlyValue(doc, "data");
    const auto type = data ? onlyValue(*data, "resultType") : std::nullopt;
    const auto result = data ? onlyValue(*data, "result") : std::nullopt;
    std::string_view typeName;
    simdjson::dom::array streams;
    if (!type || type->get(typeName) != simdjson::SUCCESS || typeName != "streams" || !result
        || result->get(streams) != simdjson::SUCCESS)
        return false;
    for (simdjson::dom::element stream : streams) {
        const auto labelsValue = onlyValue(stream, "stream");
        simdjson::dom::object labels;
        if (!labelsValue || labelsValue->get(labels) != simdjson::SUCCESS)
            return false;
        Labels parsed;
        for (const auto field : labels) {
            std::string_view value;
            if (field.value.get(value) != simdjson::SUCCESS || !parsed.emplace(std::string(field.key), std::string(value)).second)
                return false;
        }
        if (!policy.allows(parsed))
            return false;
    }
    return true;
}

} // namespace

LokiGateway::LokiGateway(TenantAccess &tenants, QUrl base, QByteArray token, QByteArray caPem)
    : m_tenants(tenants), m_upstream(std::move(base), std::move(token), std::move(caPem))
{
}

void LokiGateway::registerRoutes(Router &router)
{
    const auto plain = Router::ErrorStyle::PlainText;
    router.add("GET", "/loki/api/v1/query_range", scopes::LogsRead, [this](HttpRequest &r) { return query(r, false); }, plain);
    router.add("GET", "/loki/api/v1/query", scopes::LogsRead, [this](HttpRequest &r) { return query(r, true); }, plain);
    router.add("GET", "/loki/api/v1/labels", scopes::LogsRead, [this](HttpRequest &r) { return labels(r); }, plain);
    router.add("GET", "/loki/api/v1/label/{name}/values", scopes::LogsRead, [this](HttpRequest &r) { return labelValues(r); }, plain);
    router.add("GET", "/loki/api/v1/series", scopes::LogsRead, [this](HttpRequest &r) { return series(r); }, plain);
    router.add("POST", "/loki/api/v1/delete", scopes::LogsDelete, [this](HttpRequest &r) { return remove(r); }, plain);
}

std::vector<std::string> LokiGateway::restrictedQueries(const std::string &query, const LabelPolicy &policy)
{
    if (query.empty())
        throw ApiError(400, "bad_request", "the query parameter \"query\" is required");
    if (policy.unrestricted())
        return {query};
    if (policy.selectors().size() > MaxPolicySelectors)
        throw ApiError(400, "bad_request",
                       "the credential's label policy has " + std::to_string(policy.selectors().size())
                           + " selectors for this tenant; the gateway runs at most " + std::to_string(MaxPolicySelectors));
    std::vector<std::string> out;
    try {
        for (const auto &selector : policy.selectors())
            out.push_back(restrictQuery(query, selector));
    } catch (const LogQLError &e) {
        throw ApiError(400, "bad_request", e.what());
    }
    return out;
}

bool LokiGateway::keepStream(const Labels &labels, const LabelPolicy &policy, size_t variant)
{
    if (!policy.allows(labels))
        return false;
    const auto &selectors = policy.selectors();
    for (size_t i = 0; i < variant && i < selectors.size(); ++i) {
        if (matchesAll(selectors[i], labels))
            return false;
    }
    return true;
}

std::optional<Labels> LokiGateway::labelsOf(const Json &object)
{
    if (!object.is_object())
        return std::nullopt;
    Labels out;
    for (const auto &[k, v] : object.items()) {
        if (!v.is_string())
            return std::nullopt;
        out.emplace(k, v.get<std::string>());
    }
    return out;
}

std::optional<Json> LokiGateway::parseAnswer(const QByteArray &body)
{
    const std::string_view text(body.constData(), static_cast<size_t>(body.size()));
    if (jsonTooDeepAt(text))
        return std::nullopt;
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

HttpResponse LokiGateway::relay(const std::string &tenant, const QString &path, const Params &query, bool post)
{
    m_upstream.reserve(tenant, 1);
    HttpResponse later;
    later.deferred = [this, tenant, path, post, query](std::function<void(HttpResponse)> reply) {
        auto done = [this, reply](LokiUpstream::Answer a) {
            if (!a.failure.empty() || a.status < 200 || a.status >= 300)
                return reply(LokiUpstream::relayError(a, m_upstream.describe()));
            reply(HttpResponse::raw(a.status, std::move(a.body), a.contentType.isEmpty() ? QByteArray("application/json") : a.contentType));
        };
        post ? m_upstream.post(path, query, tenant, done) : m_upstream.get(path, query, tenant, done);
    };
    return later;
}

HttpResponse LokiGateway::query(HttpRequest &req, bool instant)
{
    const std::string tenant = m_tenants.resolve(req);
    const LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const QString path = instant ? QStringLiteral("/loki/api/v1/query") : QStringLiteral("/loki/api/v1/query_range");
    const QStringList &names = instant ? InstantParams : RangeParams;
    const std::vector<std::string> queries = restrictedQueries(req.query.value(QStringLiteral("query")).toStdString(), policy);
    if (policy.unrestricted())
        return relay(tenant, path, pick(req, names));
    std::vector<Params> variants;
    for (const std::string &q : queries)
        variants.push_back(with(pick(req, names), QStringLiteral("query"), q));
    m_upstream.reserve(tenant, variants.size());
    bool ok = false;
    const qlonglong limitValue = req.query.value(QStringLiteral("limit")).toLongLong(&ok);
    const size_t limit = ok && limitValue > 0 ? static_cast<size_t>(limitValue) : 100;
    const bool forward = req.query.value(QStringLiteral("direction")).toLower() == QLatin1String("forward");
    HttpResponse later;
    later.deferred = [this, tenant, path, variants, policy, limit, forward](std::function<void(HttpResponse)> reply) {
        m_upstream.getAll(path, variants, tenant, [this, policy, limit, forward, reply](std::vector<LokiUpstream::Answer> answers) {
            answering(reply, [&] { mergeAnswers(answers, policy, limit, forward, reply); });
        });
    };
    return later;
}

void LokiGateway::mergeAnswers(std::vector<LokiUpstream::Answer> &answers, const LabelPolicy &policy, size_t limit, bool forward,
                               const std::function<void(HttpResponse)> &reply) const
{
    std::vector<std::pair<Labels, Json>> streams;
    Json stats;
    for (size_t v = 0; v < answers.size(); ++v) {
        const LokiUpstream::Answer &a = answers[v];
        if (!a.failure.empty() || a.status != 200)
            return reply(LokiUpstream::relayError(a, m_upstream.describe()));
        if (answers.size() == 1 && everyStreamAllowed(a.body, policy))
            return reply(HttpResponse::raw(200, a.body, "application/json"));
        auto parsed = parseAnswer(a.body);
        if (!parsed || !(*parsed)["data"].is_object())
            return reply(notJson(m_upstream.describe()));
        Json &data = (*parsed)["data"];
        if (data.value("resultType", "") != "streams") {
            // A metric answer cannot be checked stream by stream; the rewritten selectors
            // hold it to the policy. Several selectors' metric answers cannot be merged.
            if (answers.size() == 1)
                return reply(HttpResponse::raw(200, a.body, "application/json"));
            return reply(HttpResponse::plainError(
                400, "bad_request",
                "metric queries are not available to a credential whose label policy has several selectors for this "
                "tenant; run log queries, or ask for a policy with one selector"));
        }
        if (stats.is_null())
            stats = data["stats"];
        for (Json &stream : data["result"]) {
            auto labels = labelsOf(stream["stream"]);
            // Held to the policy again; an entry two selectors returned is merged once below.
            if (labels && policy.allows(*labels) && stream["values"].is_array())
                streams.emplace_back(std::move(*labels), std::move(stream["values"]));
        }
    }
    reply(lokiSuccess({{"resultType", "streams"}, {"result", mergeStreams(std::move(streams), forward, limit)}, {"stats", stats}}));
}

HttpResponse LokiGateway::seriesUnderPolicy(const HttpRequest &req, const std::string &tenant, const LabelPolicy &policy,
                                            const std::vector<std::string> &matches,
                                            std::function<HttpResponse(const std::vector<Labels> &)> answer)
{
    // Loki's series API takes several match[] and answers their union: one request.
    Params params = pick(req, SpanParams);
    for (const std::string &m : matches)
        params.emplace_back(QStringLiteral("match[]"), QString::fromStdString(m));
    m_upstream.reserve(tenant, 1);
    HttpResponse later;
    later.deferred = [this, tenant, params, policy, answer](std::function<void(HttpResponse)> reply) {
        m_upstream.get(QStringLiteral("/loki/api/v1/series"), params, tenant, [this, policy, answer, reply](LokiUpstream::Answer a) {
            answering(reply, [&] { seriesAnswered(a, policy, answer, reply); });
        });
    };
    return later;
}

void LokiGateway::seriesAnswered(const LokiUpstream::Answer &a, const LabelPolicy &policy,
                                 const std::function<HttpResponse(const std::vector<Labels> &)> &answer,
                                 const std::function<void(HttpResponse)> &reply) const
{
    if (!a.failure.empty() || a.status != 200)
        return reply(LokiUpstream::relayError(a, m_upstream.describe()));
    auto parsed = parseAnswer(a.body);
    if (!parsed || !(*parsed)["data"].is_array())
        return reply(notJson(m_upstream.describe()));
    std::set<Labels> seen;
    std::vector<Labels> allowed;
    for (const Json &series : (*parsed)["data"]) {
        auto labels = labelsOf(series);
        if (labels && policy.allows(*labels) && seen.insert(*labels).second)
            allowed.push_back(std::move(*labels));
    }
    reply(answer(allowed));
}

namespace {

// Each selector of `queries` under each policy selector (every selector unrestricted: the policy's own).
std::vector<std::string> restrictedSelectors(const QStringList &selectors, const LabelPolicy &policy)
{
    std::vector<std::string> out;
    if (selectors.isEmpty()) {
        try {
            for (const auto &s : policy.selectors())
                out.push_back(writeSelector(s));
        } catch (const LogQLError &e) {
            throw ApiError(403, "forbidden", std::string("the credential's label policy cannot be applied: ") + e.what());
        }
        return out;
    }
    for (const QString &s : selectors) {
        for (std::string &q : LokiGateway::restrictedQueries(s.toStdString(), policy))
            out.push_back(std::move(q));
    }
    return out;
}

} // namespace

HttpResponse LokiGateway::labels(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    if (policy.unrestricted())
        return relay(tenant, QStringLiteral("/loki/api/v1/labels"), pick(req, SpanParams));
    // Loki 2.8's labels API takes no selector: the names come from the series the policy allows.
    return seriesUnderPolicy(req, tenant, policy, restrictedSelectors({}, policy), [](const std::vector<Labels> &series) {
        std::set<std::string> names;
        for (const Labels &l : series) {
            for (const auto &[k, v] : l)
                names.insert(k);
        }
        return lokiSuccess(Json(std::vector<std::string>(names.begin(), names.end())));
    });
}

HttpResponse LokiGateway::labelValues(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const std::string name = req.param("name");
    if (!PushDecoder::isValidLabelName(name))
        throw ApiError(400, "bad_request", "\"" + name.substr(0, 64) + "\" is not a label name");
    if (policy.unrestricted())
        return relay(tenant, QStringLiteral("/loki/api/v1/label/") + QString::fromStdString(name) + QStringLiteral("/values"),
                     pick(req, SpanParams + QStringList{"query"}));
    const QString selector = req.query.value(QStringLiteral("query"));
    return seriesUnderPolicy(req, tenant, policy, restrictedSelectors(selector.isEmpty() ? QStringList() : QStringList{selector}, policy),
                             [name](const std::vector<Labels> &series) {
                                 std::set<std::string> values;
                                 for (const Labels &l : series) {
                                     if (auto it = l.find(name); it != l.end())
                                         values.insert(it->second);
                                 }
                                 return lokiSuccess(Json(std::vector<std::string>(values.begin(), values.end())));
                             });
}

HttpResponse LokiGateway::series(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const QStringList matches = req.query.values(QStringLiteral("match[]")) + req.query.values(QStringLiteral("match"));
    if (matches.isEmpty())
        throw ApiError(400, "bad_request", "at least one match[] selector is required");
    if (policy.unrestricted()) {
        Params params = pick(req, SpanParams);
        for (const QString &m : matches)
            params.emplace_back(QStringLiteral("match[]"), m);
        return relay(tenant, QStringLiteral("/loki/api/v1/series"), params);
    }
    return seriesUnderPolicy(req, tenant, policy, restrictedSelectors(matches, policy),
                             [](const std::vector<Labels> &series) { return seriesAnswer(series); });
}

HttpResponse LokiGateway::remove(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    const LabelPolicy policy = LabelPolicy::forPrincipal(*req.principal, tenant);
    const QStringList names = {"query", "start", "end", "max_interval"};
    const std::vector<std::string> queries = restrictedQueries(req.query.value(QStringLiteral("query")).toStdString(), policy);
    if (policy.unrestricted())
        return relay(tenant, QStringLiteral("/loki/api/v1/delete"), pick(req, names), true);
    // One delete request per policy selector, one after the other: the first refusal stops them
    // and says how many were accepted before it.
    m_upstream.reserve(tenant, 1);
    auto run = std::make_shared<DeleteRun>();
    run->tenant = tenant;
    for (const std::string &q : queries)
        run->requests.push_back(with(pick(req, names), QStringLiteral("query"), q));
    HttpResponse later;
    later.deferred = [this, run](std::function<void(HttpResponse)> reply) {
        run->reply = std::move(reply);
        deleteNext(run);
    };
    return later;
}

void LokiGateway::deleteNext(const std::shared_ptr<DeleteRun> &run)
{
    if (run->next == run->requests.size())
        return run->reply(HttpResponse::raw(204, {}, "text/plain; charset=utf-8"));
    m_upstream.post(QStringLiteral("/loki/api/v1/delete"), run->requests[run->next], run->tenant, [this, run](LokiUpstream::Answer a) {
        if (!a.failure.empty() || a.status < 200 || a.status >= 300) {
            HttpResponse error = LokiUpstream::relayError(a, m_upstream.describe());
            if (run->next > 0)
                error.body.prepend(QByteArray::number(qulonglong(run->next)) + " of " + QByteArray::number(qulonglong(run->requests.size()))
                                   + " delete requests (one per label-policy selector) were accepted before this refusal: ");
            return run->reply(std::move(error));
        }
        ++run->next;
        deleteNext(run);
    });
}

} // namespace lw::server
