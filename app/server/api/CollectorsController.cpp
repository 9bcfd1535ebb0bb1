#include "CollectorsController.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/PipelineCache.h"
#include "ValidationError.h"

#include <set>

namespace lw::server {

namespace {
constexpr int MaxPageSize = 1000;

int queryInt(const HttpRequest &req, const char *name, int fallback, int min, int max)
{
    const QString text = req.query.value(QLatin1String(name));
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max) {
        throw ApiError(400, "invalid_parameter",
                       "query parameter \"" + std::string(name) + "\" must be an integer from " + std::to_string(min)
                           + " to " + std::to_string(max),
                       name);
    }
    return value;
}
} // namespace

CollectorsController::CollectorsController(CollectorRegistry &registry, PipelineCache &pipeline)
    : m_registry(registry), m_pipeline(pipeline)
{
}

void CollectorsController::registerRoutes(Router &router)
{
    router.add("GET", "/api/v2/logs/collectors", scopes::ConfigRead, [this](HttpRequest &r) { return list(r); });
    router.add("GET", "/api/v2/logs/collectors/{id}", scopes::ConfigRead, [this](HttpRequest &r) { return get(r); });
    // Forgets a collector (audited): its id is free for the next credential that registers it.
    router.add("DELETE", "/api/v2/logs/collectors/{id}", scopes::ConfigWrite, [this](HttpRequest &r) {
        const std::string &id = r.param("id");
        const std::optional<CollectorState> c = m_registry.find(id);
        if (!c || !m_registry.remove(id, "delete", "deleted through the API", nullptr, actorOf(r)))
            throw ApiError(404, "not_found", "collector \"" + id.substr(0, 80) + "\" does not exist");
        const Pipeline &pipeline = m_pipeline.current();
        return HttpResponse::json(200, {{"collector", m_registry.view(*c, pipeline.hash, pipeline.enabledTargets, nowMillis())}});
    });
    router.add("GET", "/api/v2/logs/collectors/{id}/config", scopes::ConfigRead, [this](HttpRequest &r) { return config(r); });
}

HttpResponse CollectorsController::list(HttpRequest &req)
{
    // status=A,B or status=A&status=B: any of them (each of alloyStatus, remotecfgStatus, pipelineHealth).
    static const std::set<std::string> Known = [] {
        std::set<std::string> all;
        for (const auto &[dimension, values] : CollectorRegistry::statusValues())
            all.insert(values.begin(), values.end());
        return all;
    }();
    std::set<std::string> wanted;
    for (const QString &value : req.query.values(QStringLiteral("status"))) {
        for (const QString &word : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::string w = word.trimmed().toStdString();
            if (!Known.count(w))
                throw ValidationError("status", "\"status\" " + w.substr(0, 64) + " is not one of ALLOY_ONLINE, ALLOY_OFFLINE, "
                                      "ALLOY_UNKNOWN, REMOTECFG_UP, REMOTECFG_DOWN, REMOTECFG_FAILED, REMOTECFG_PENDING, "
                                      "OK, DEGRADED, ERROR, UNKNOWN", "invalid_value");
            wanted.insert(w);
        }
    }
    // fields=id,name,…: only those fields of each collector (a table of a few columns over a big fleet).
    std::vector<std::string> fields;
    for (const QString &value : req.query.values(QStringLiteral("fields"))) {
        for (const QString &word : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::string f = word.trimmed().toStdString();
            const auto &known = CollectorRegistry::viewFields();
            if (std::find(known.begin(), known.end(), f) == known.end()) {
                std::string list;
                for (const std::string &k : known)
                    list += (list.empty() ? "" : ", ") + k;
                throw ValidationError("fields", "\"fields\" names \"" + f.substr(0, 64) + "\", which is not a collector field (" + list + ")",
                                      "invalid_value");
            }
            if (std::find(fields.begin(), fields.end(), f) == fields.end())
                fields.push_back(f);
        }
    }
    const int limit = queryInt(req, "limit", 0, 1, MaxPageSize);
    const int offset = queryInt(req, "offset", 0, 0, INT32_MAX);
    const Pipeline &pipeline = m_pipeline.current();
    const int64_t now = nowMillis();

    Json items = Json::array();
    int matched = 0;
    for (const CollectorState &c : m_registry.all()) {
        Json v = m_registry.view(c, pipeline.hash, pipeline.enabledTargets, now);
        if (!wanted.empty() && !wanted.count(v["alloyStatus"].get<std::string>())
            && !wanted.count(v["remotecfgStatus"].get<std::string>()) && !wanted.count(v["pipelineHealth"].get<std::string>()))
            continue;
        if (matched++ < offset)
            continue;
        if (limit == 0 || static_cast<int>(items.size()) < limit)
            items.push_back(CollectorRegistry::project(std::move(v), fields));
    }
    Json body = {{"collectors", std::move(items)}};
    if (limit > 0 || offset > 0 || req.query.has(QStringLiteral("status"))) {
        body["total"] = matched;
        if (limit > 0 && offset + limit < matched)
            body["nextOffset"] = offset + limit;
    }
    return HttpResponse::json(200, body);
}

HttpResponse CollectorsController::get(HttpRequest &req)
{
    const std::optional<CollectorState> c = m_registry.find(req.param("id"));
    if (!c)
        throw ApiError(404, "not_found", "collector \"" + req.param("id").substr(0, 80) + "\" has never contacted this server");
    const Pipeline &pipeline = m_pipeline.current();
    return HttpResponse::json(200, {{"collector", m_registry.view(*c, pipeline.hash, pipeline.enabledTargets, nowMillis())}});
}

HttpResponse CollectorsController::config(HttpRequest &req)
{
    if (!m_registry.find(req.param("id")))
        throw ApiError(404, "not_found", "collector \"" + req.param("id").substr(0, 80) + "\" has never contacted this server");
    // Every collector is served the same pipeline; private keys are redacted for people.
    const Pipeline &pipeline = m_pipeline.current();
    return HttpResponse::json(200, {{"id", req.param("id")}, {"hash", pipeline.hash}, {"content", pipeline.redacted}});
}

} // namespace lw::server
