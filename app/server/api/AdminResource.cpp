#include "AdminResource.h"
#include "store/AuditLog.h"
#include "ConfigResource.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"
#include "JsonReader.h"
#include "Validation.h"

#include <QCryptographicHash>

namespace lw::server {

namespace {

// "a token", "an ingest token", "an access policy".
std::string article(const std::string &noun)
{
    return (noun.find_first_of("aeio") == 0 ? "an " : "a ") + noun; // ("a user")
}

} // namespace

HttpResponse deprecated(HttpResponse response, const std::string &successor)
{
    response.header("Deprecation", "true");
    response.header("Link", QByteArray::fromStdString("<" + successor + ">; rel=\"successor-version\""));
    return response;
}

AdminResource::AdminResource(ConfigStore &store, AuditLog &audit, std::string kind, std::string type, std::string noun,
                             Hooks hooks)
    : m_store(store), m_audit(audit), m_kind(std::move(kind)), m_type(std::move(type)), m_noun(std::move(noun)),
      m_hooks(std::move(hooks))
{
}

void AdminResource::registerRoutes(Router &router, const std::string &v3Path, const std::vector<std::string> &deprecatedPaths)
{
    // Reading needs admin:read (which admin implies); changing needs admin.
    const auto scope = scopes::Admin;
    const auto read = scopes::AdminRead;
    router.add("GET", v3Path, read, [this](HttpRequest &r) { return list(r); });
    router.add("POST", v3Path, scope, [this](HttpRequest &r) { return create(r); });
    router.add("GET", v3Path + "/{name}", read, [this](HttpRequest &r) { return get(r); });
    router.add("PUT", v3Path + "/{name}", scope, [this](HttpRequest &r) { return update(r, true); });
    for (const std::string &old : deprecatedPaths) {
        auto wrap = [v3Path](auto handler) {
            return [handler, v3Path](HttpRequest &r) { return deprecated(handler(r), v3Path); };
        };
        router.add("GET", old, read, wrap([this](HttpRequest &r) { return list(r); }));
        router.add("POST", old, scope, wrap([this](HttpRequest &r) { return create(r); }));
        router.add("GET", old + "/{name}", read, wrap([this](HttpRequest &r) { return get(r); }));
        router.add("PUT", old + "/{name}", scope, wrap([this](HttpRequest &r) { return update(r, false); }));
        router.add("DELETE", old + "/{name}", scope, wrap([this](HttpRequest &r) { return deactivate(r, false); }));
    }
}

void AdminResource::registerSoftDelete(Router &router, const std::string &v3Path)
{
    router.add("DELETE", v3Path + "/{name}", scopes::Admin, [this](HttpRequest &r) { return deactivate(r, true); });
}

std::string AdminResource::keyOf(HttpRequest &req, const std::string &name) const
{
    return (m_hooks.keyPrefix ? m_hooks.keyPrefix(req) : std::string()) + name;
}

StoredRecord AdminResource::mustGet(HttpRequest &req) const
{
    const std::string &name = req.param("name");
    auto record = m_store.get(m_kind, keyOf(req, name));
    if (!record)
        throw ApiError(404, "not_found", m_noun + " \"" + name.substr(0, 80) + "\" does not exist");
    return *record;
}

void AdminResource::checkIfMatch(HttpRequest &req, const StoredRecord &existing, bool required, const char *verb) const
{
    const std::string &name = req.param("name");
    const QByteArray ifMatch = req.header("if-match");
    if (ifMatch.isEmpty() && required) {
        throw ApiError(428, "precondition_required",
                       std::string(verb) + " " + article(m_noun) + " needs an If-Match header with its current ETag (\""
                           + std::to_string(existing.modRevision) + "\" now; read it with GET)");
    }
    bool malformed = false;
    auto expected = parseIfMatch(ifMatch, &malformed);
    if (malformed || (expected && *expected != ConfigStore::AnyRevision && *expected != existing.modRevision)) {
        throw ApiError(412, "precondition_failed",
                       m_noun + " \"" + name + "\" was changed by someone else (its ETag is now \""
                           + std::to_string(existing.modRevision) + "\"); reload it and apply your change again");
    }
}

Json AdminResource::present(const StoredRecord &record) const
{
    Json stored = Json::parse(record.value);
    return m_hooks.present ? m_hooks.present(stored) : stored;
}

HttpResponse AdminResource::list(HttpRequest &req)
{
    const QString flag = req.query.value(QStringLiteral("include-non-active"));
    const bool all = flag == QLatin1String("true") || flag == QLatin1String("1");
    const std::string prefix = keyOf(req, {});
    Json items = Json::array();
    for (const StoredRecord &r : m_store.list(m_kind)) {
        if (r.name.compare(0, prefix.size(), prefix) != 0)
            continue;
        Json item = present(r);
        if (all || item.value("status", "active") == "active")
            items.push_back(std::move(item));
    }
    // A list's ETag names its exact bytes (they also change with what other kinds add, such as a
    // token's last_used_at), so a client can tell an unchanged list without comparing it.
    HttpResponse r = HttpResponse::json(200, {{"items", items}, {"type", m_type}});
    r.header("ETag", '"' + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex().left(32) + '"');
    return r;
}

HttpResponse AdminResource::get(HttpRequest &req)
{
    const StoredRecord record = mustGet(req);
    return HttpResponse::json(200, present(record)).header("ETag", etagFor(record.modRevision));
}

HttpResponse AdminResource::create(HttpRequest &req)
{
    const Json body = parseJsonDocument(req.body.toStdString());
    Json extras = Json::object();
    const std::string prefix = keyOf(req, {});
    Json stored = m_hooks.create(req, body, extras);
    const std::string name = stored.at("name").get<std::string>();
    const std::string key = prefix + name;
    stored["status"] = "active"; // always, whatever the body said
    stored["created_at"] = nowRfc3339();
    if (auto existing = m_store.get(m_kind, key)) {
        const bool inactive = Json::parse(existing->value).value("status", "") == "inactive";
        throw ApiError(409, "already_exists",
                       inactive ? article(m_noun) + " named \"" + name + "\" exists but is inactive; names are never reused: "
                                      "re-activate it with PUT and \"status\": \"active\""
                                : article(m_noun) + " named \"" + name + "\" already exists",
                       "name");
    }
    const StoredRecord record{m_kind, key, stored.dump(), 0, 0};
    Json view = present(record);
    const auto results = m_audit.commit({Mutation{Mutation::Op::Create, m_kind, key, record.value, ConfigStore::AnyRevision},
                                         m_audit.entry(actorOf(req), "create", m_kind, key, nullptr, view)});
    if (results[0].status == WriteStatus::AlreadyExists)
        throw ApiError(409, "already_exists", article(m_noun) + " named \"" + name + "\" already exists", "name");
    WriteResult result = results[0];
    for (auto it = extras.begin(); it != extras.end(); ++it)
        view[it.key()] = it.value();
    return HttpResponse::json(201, view).header("ETag", etagFor(result.revision));
}

HttpResponse AdminResource::update(HttpRequest &req, bool requireIfMatch)
{
    const std::string &name = req.param("name");
    const StoredRecord existing = mustGet(req);
    checkIfMatch(req, existing, requireIfMatch, "updating");
    const Json body = parseJsonDocument(req.body.toStdString());
    if (!body.is_object())
        throw ValidationError({}, "the body must be a JSON object, not " + jsonTypeName(body), "invalid_type");
    if (body.contains("name") && body["name"] != Json(name))
        throw ValidationError("name", "\"name\" cannot change: the URL names \"" + name + "\"", "immutable_field");
    if (body.contains("status")) {
        if (!body["status"].is_string())
            throw ValidationError("status", "\"status\" must be a string, not " + jsonTypeName(body["status"]), "invalid_type");
        validation::requireOneOf("status", body["status"].get<std::string>(), {"active", "inactive"});
    }
    const Json stored = Json::parse(existing.value);
    Json next = m_hooks.update(stored, body);
    next["name"] = name;
    next["created_at"] = stored.value("created_at", "");
    if (body.contains("status"))
        next["status"] = body["status"];
    // (records written before a collection had a status are active)
    const bool deactivating = stored.value("status", "active") == "active" && next.value("status", "") == "inactive";
    return write(req, existing, std::move(next), deactivating ? "deactivate" : "update");
}

HttpResponse AdminResource::deactivate(HttpRequest &req, bool requireIfMatch)
{
    const StoredRecord existing = mustGet(req);
    checkIfMatch(req, existing, requireIfMatch, "deleting");
    Json next = Json::parse(existing.value);
    next["status"] = "inactive";
    return write(req, existing, std::move(next), "deactivate");
}

HttpResponse AdminResource::write(HttpRequest &req, const StoredRecord &existing, Json next, const char *action)
{
    const std::string &name = req.param("name");
    const StoredRecord updated{m_kind, existing.name, next.dump(), existing.createRevision, 0};
    Json view = present(updated);
    const auto results = m_audit.commit({Mutation{Mutation::Op::Update, m_kind, existing.name, updated.value, existing.modRevision},
                                         m_audit.entry(actorOf(req), action, m_kind, existing.name, present(existing), view)});
    if (results[0].status == WriteStatus::RevisionMismatch)
        throw ApiError(412, "precondition_failed", m_noun + " \"" + name + "\" was changed by someone else; reload it");
    if (results[0].status == WriteStatus::NotFound)
        throw ApiError(404, "not_found", m_noun + " \"" + name + "\" does not exist");
    return HttpResponse::json(200, view).header("ETag", etagFor(results[0].revision));
}

std::string readRecordName(JsonReader &r)
{
    const std::string name = r.requiredString("name");
    validation::requireName("name", name);
    return name;
}

std::string readDisplayName(JsonReader &r, const std::string &fallback)
{
    auto v = r.optionalString("display_name");
    if (v && v->size() > 256)
        throw ValidationError("display_name", "\"display_name\" is longer than 256 characters", "invalid_value");
    return v.value_or(fallback);
}

std::optional<std::string> readExpiration(JsonReader &r)
{
    auto expiration = r.optionalString("expiration");
    if (expiration && !expiration->empty() && !parseRfc3339Millis(*expiration))
        throw ValidationError("expiration", "\"expiration\" must be an RFC 3339 time such as 2030-01-01T00:00:00Z",
                              "invalid_time");
    return expiration;
}

void ignoreReadOnly(JsonReader &r)
{
    for (const char *f : {"created_at", "status", "last_used_at", "access_key_created_at"})
        r.ignore(f);
}

} // namespace lw::server
