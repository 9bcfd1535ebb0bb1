#include "AdminV3Controller.h"
#include "store/AuditLog.h"
#include "ConfigResource.h"
#include "auth/CredentialResolver.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "store/SecretBox.h"
#include "JsonReader.h"
#include "Validation.h"

#include <QByteArray>

namespace lw::server {

namespace {

const char *const V3 = "/admin/api/v3";

} // namespace

AdminV3Controller::AdminV3Controller(ConfigStore &store, const SecretBox &secrets, CredentialResolver &credentials,
                                     AuditLog &audit, AdminOptions options)
    : m_store(store), m_secrets(secrets), m_credentials(credentials), m_audit(audit), m_options(std::move(options)),
      m_startedAt(nowRfc3339())
{
    m_tenants = std::make_unique<AdminResource>(
        store, audit, Tenant::kind, "tenant", "tenant",
        AdminResource::Hooks{[this](HttpRequest &, const Json &b, Json &) { return createTenant(b); },
                             [this](const Json &s, const Json &b) { return updateTenant(s, b); }, {}, {}});
    m_policies = std::make_unique<AdminResource>(
        store, audit, AccessPolicy::kind, "access_policy", "access policy",
        AdminResource::Hooks{[this](HttpRequest &, const Json &b, Json &) { return createPolicy(b); },
                             [this](const Json &s, const Json &b) { return updatePolicy(s, b); }, {}, {}});
    m_tokens = std::make_unique<AdminResource>(
        store, audit, AdminToken::kind, "token", "token",
        AdminResource::Hooks{[this](HttpRequest &, const Json &b, Json &e) { return createToken(b, e); },
                             [this](const Json &s, const Json &b) { return updateToken(s, b); },
                             [this](const Json &s) { return presentToken(s); }, {}});
    m_users = std::make_unique<AdminResource>(
        store, audit, User::kind, "user", "user",
        AdminResource::Hooks{[this](HttpRequest &, const Json &b, Json &e) { return createUser(b, e); },
                             [this](const Json &s, const Json &b) { return updateUser(s, b); },
                             [](const Json &s) { return User::fromStorageJson(s).toPublicJson(); }, {}});
    m_ingestTokens = std::make_unique<AdminResource>(
        store, audit, IngestToken::kind, "ingest_token", "ingest token",
        AdminResource::Hooks{[this](HttpRequest &q, const Json &b, Json &e) { return createIngestToken(q, b, e); },
                             [this](const Json &s, const Json &b) { return updateIngestToken(s, b); },
                             [](const Json &s) { return IngestToken::fromStorageJson(s).toPublicJson(); },
                             [this](HttpRequest &q) { return ingestTokenPrefix(q); }});
}

AdminV3Controller::~AdminV3Controller() = default;

void AdminV3Controller::registerRoutes(Router &router)
{
    const std::string v3 = V3;
    m_tenants->registerRoutes(router, v3 + "/tenants", {"/admin/api/v1/instances", "/admin/api/v2/tenants"});
    m_policies->registerRoutes(router, v3 + "/accesspolicies", {"/admin/api/v1/accesspolicies", "/admin/api/v2/accesspolicies"});
    m_tokens->registerRoutes(router, v3 + "/tokens", {"/admin/api/v1/tokens", "/admin/api/v2/tokens"});
    m_users->registerRoutes(router, v3 + "/users", {});
    const auto admin = scopes::Admin;
    const auto read = scopes::AdminRead;
    router.add("POST", v3 + "/users/{name}/access-key", admin, [this](HttpRequest &r) { return regenerateAccessKey(r); });
    router.add("GET", v3 + "/clusters", read, [this](HttpRequest &r) { return clusters(r); });
    router.add("GET", v3 + "/clusters/{name}", read, [this](HttpRequest &r) { return cluster(r); });
    router.add("GET", v3 + "/audit", read, [this](HttpRequest &r) { return audit(r); });
    const std::string ingest = v3 + "/tenants/{tenant}/ingest-tokens";
    m_ingestTokens->registerRoutes(router, ingest, {});
    m_ingestTokens->registerSoftDelete(router, ingest);
}

void AdminV3Controller::requireCluster(const std::string &field, const std::string &cluster) const
{
    if (cluster != m_options.clusterName) {
        throw ValidationError(field, "\"" + field + "\" names cluster \"" + cluster.substr(0, 64)
                                         + "\", but this server serves cluster \"" + m_options.clusterName + "\"",
                              "unknown_cluster");
    }
}

// ---- tenants ----

Json AdminV3Controller::createTenant(const Json &body) const
{
    JsonReader r(body);
    Tenant t;
    t.name = readRecordName(r);
    t.displayName = readDisplayName(r, t.name);
    t.cluster = r.requiredString("cluster");
    requireCluster("cluster", t.cluster);
    ignoreReadOnly(r);
    r.finish();
    return t.toJson();
}

Json AdminV3Controller::updateTenant(const Json &stored, const Json &body) const
{
    JsonReader r(body);
    Tenant t = Tenant::fromJson(stored);
    t.displayName = readDisplayName(r, t.displayName);
    if (auto cluster = r.optionalString("cluster")) {
        requireCluster("cluster", *cluster);
        t.cluster = *cluster;
    }
    r.ignore("name");
    ignoreReadOnly(r);
    r.finish();
    return t.toJson();
}

// ---- access policies ----

std::vector<Realm> AdminV3Controller::readRealms(JsonReader &r, const std::string &field, bool required) const
{
    const Json *realms = r.optionalArray(field);
    if (!realms) {
        if (required)
            throw ValidationError(field, "\"" + field + "\" is required", "missing_field");
        return {};
    }
    std::vector<Realm> out;
    for (size_t i = 0; i < realms->size(); ++i) {
        const std::string path = field + "[" + std::to_string(i) + "]";
        JsonReader rr((*realms)[i], path);
        Realm realm;
        realm.tenant = rr.requiredString("tenant");
        realm.cluster = rr.requiredString("cluster");
        requireCluster(path + ".cluster", realm.cluster);
        if (realm.tenant != "*" && !m_store.get(Tenant::kind, realm.tenant)) {
            throw ValidationError(path + ".tenant", "\"" + path + ".tenant\" names tenant \"" + realm.tenant.substr(0, 64)
                                                       + "\", which does not exist (use an existing tenant or \"*\")",
                                  "unknown_reference");
        }
        if (const Json *policies = rr.optionalArray("label_policies")) {
            for (size_t k = 0; k < policies->size(); ++k) {
                const std::string lp = path + ".label_policies[" + std::to_string(k) + "]";
                JsonReader pr((*policies)[k], lp);
                const std::string selector = pr.requiredString("selector");
                validation::requireStreamSelector(lp + ".selector", selector);
                if (m_options.checkSelector) {
                    try {
                        m_options.checkSelector(selector);
                    } catch (const std::exception &e) {
                        throw ValidationError(lp + ".selector", "\"" + lp + ".selector\" is not a valid stream selector: "
                                                                    + std::string(e.what()).substr(0, 200),
                                              "invalid_selector");
                    }
                }
                pr.finish();
                realm.labelSelectors.push_back(selector);
            }
        }
        rr.finish();
        out.push_back(realm);
    }
    if (required && out.empty())
        throw ValidationError(field, "\"" + field + "\" needs at least one realm", "invalid_value");
    return out;
}

std::vector<std::string> AdminV3Controller::readScopes(JsonReader &r, bool aliasesAllowed) const
{
    const std::vector<std::string> words = r.stringArray("scopes", true);
    std::vector<std::string> out;
    for (size_t i = 0; i < words.size(); ++i) {
        auto canonical = scope::canonical(words[i]);
        if (!canonical || (!aliasesAllowed && *canonical != words[i])) {
            std::string list;
            for (const auto &k : scope::known())
                list += (list.empty() ? "" : ", ") + k;
            throw ValidationError("scopes[" + std::to_string(i) + "]",
                                  "\"scopes[" + std::to_string(i) + "]\" is \"" + words[i].substr(0, 64)
                                      + "\", not a known scope (" + list + ")",
                                  "invalid_value");
        }
        if (std::find(out.begin(), out.end(), words[i]) == out.end())
            out.push_back(words[i]);
    }
    return out;
}

Json AdminV3Controller::createPolicy(const Json &body) const
{
    JsonReader r(body);
    AccessPolicy p;
    p.name = readRecordName(r);
    p.displayName = readDisplayName(r, p.name);
    p.realms = readRealms(r, "realms", true);
    p.scopes = readScopes(r, false);
    ignoreReadOnly(r);
    r.finish();
    return p.toJson();
}

Json AdminV3Controller::updatePolicy(const Json &stored, const Json &body) const
{
    JsonReader r(body);
    AccessPolicy p = AccessPolicy::fromJson(stored);
    p.displayName = readDisplayName(r, p.displayName);
    if (r.has("realms"))
        p.realms = readRealms(r, "realms", true);
    if (r.has("scopes"))
        p.scopes = readScopes(r, false);
    r.ignore("name");
    ignoreReadOnly(r);
    r.finish();
    return p.toJson();
}

// ---- tokens ----

std::pair<std::string, std::string> AdminV3Controller::mintToken(const std::string &name)
{
    const std::string secret = CredentialResolver::randomSecret(32);
    const std::string token = QByteArray::fromStdString(name + ":" + secret).toBase64().toStdString();
    return {token, CredentialResolver::hashSecret(secret)};
}

Json AdminV3Controller::createToken(const Json &body, Json &extras) const
{
    JsonReader r(body);
    AdminToken t;
    t.name = readRecordName(r);
    t.displayName = readDisplayName(r, t.name);
    t.accessPolicy = r.requiredString("access_policy");
    auto policy = m_store.get(AccessPolicy::kind, t.accessPolicy);
    if (!policy)
        throw ValidationError("access_policy", "access policy \"" + t.accessPolicy.substr(0, 64) + "\" does not exist",
                              "unknown_reference");
    t.expiration = readExpiration(r).value_or("");
    ignoreReadOnly(r);
    r.finish();
    auto [token, hash] = mintToken(t.name);
    t.secretHash = hash;
    extras["token"] = token; // shown this once; only the hash is kept
    return t.toStorageJson();
}

Json AdminV3Controller::updateToken(const Json &stored, const Json &body) const
{
    JsonReader r(body);
    AdminToken t = AdminToken::fromStorageJson(stored);
    t.displayName = readDisplayName(r, t.displayName);
    if (auto policy = r.optionalString("access_policy"); policy && *policy != t.accessPolicy)
        throw ValidationError("access_policy", "a token's \"access_policy\" cannot change; create a new token", "immutable_field");
    if (auto expiration = readExpiration(r))
        t.expiration = *expiration;
    r.ignore("name");
    r.ignore("token");
    ignoreReadOnly(r);
    r.finish();
    return t.toStorageJson();
}

Json AdminV3Controller::presentToken(const Json &stored) const
{
    Json view = AdminToken::fromStorageJson(stored).toPublicJson();
    if (auto usage = m_store.get(CredentialResolver::TokenUsageKind, view.value("name", "")))
        view["last_used_at"] = Json::parse(usage->value).value("last_used_at", "");
    return view;
}

// ---- users ----

Json AdminV3Controller::createUser(const Json &body, Json &extras) const
{
    JsonReader r(body);
    User u;
    u.name = readRecordName(r);
    u.displayName = readDisplayName(r, u.name);
    u.scopes = readScopes(r, true);
    u.realms = readRealms(r, "realms", false);
    if (!r.has("realms"))
        u.realms = {Realm{"*", m_options.clusterName, {}}};
    ignoreReadOnly(r);
    r.finish();
    const std::string key = CredentialResolver::randomSecret(32);
    u.accessKeyCiphertext = m_secrets.seal(key, "user/" + u.name);
    u.accessKeyCreatedAt = nowRfc3339();
    extras["access_key"] = key; // shown this once
    return u.toStorageJson();
}

Json AdminV3Controller::updateUser(const Json &stored, const Json &body) const
{
    JsonReader r(body);
    User u = User::fromStorageJson(stored);
    u.displayName = readDisplayName(r, u.displayName);
    if (r.has("scopes"))
        u.scopes = readScopes(r, true);
    if (r.has("realms"))
        u.realms = readRealms(r, "realms", false);
    r.ignore("name");
    ignoreReadOnly(r);
    r.finish();
    return u.toStorageJson();
}

HttpResponse AdminV3Controller::regenerateAccessKey(HttpRequest &req)
{
    const std::string &name = req.param("name");
    auto record = m_store.get(User::kind, name);
    if (!record)
        throw ApiError(404, "not_found", "user \"" + name.substr(0, 80) + "\" does not exist");
    User u = User::fromStorageJson(Json::parse(record->value));
    const std::string key = CredentialResolver::randomSecret(32);
    u.accessKeyCiphertext = m_secrets.seal(key, "user/" + u.name);
    u.accessKeyCreatedAt = nowRfc3339();
    const auto results = m_audit.commit({Mutation{Mutation::Op::Update, User::kind, name, u.toStorageJson().dump(), record->modRevision},
                                         m_audit.entry(actorOf(req), "regenerate-access-key", User::kind, name, nullptr,
                                                       {{"access_key_created_at", u.accessKeyCreatedAt}})});
    if (results[0].status != WriteStatus::Ok)
        throw ApiError(412, "precondition_failed", "user \"" + name + "\" changed meanwhile; try again");
    const WriteResult &result = results[0];
    return HttpResponse::json(200, {{"name", name}, {"access_key", key}, {"access_key_created_at", u.accessKeyCreatedAt}})
        .header("ETag", etagFor(result.revision));
}

// ---- clusters and audit ----

HttpResponse AdminV3Controller::clusters(HttpRequest &)
{
    Json item = {{"name", m_options.clusterName}, {"display_name", m_options.clusterName},
                 {"created_at", m_startedAt}, {"status", "active"}};
    return HttpResponse::json(200, {{"items", Json::array({item})}, {"type", "cluster"}});
}

HttpResponse AdminV3Controller::cluster(HttpRequest &req)
{
    if (req.param("name") != m_options.clusterName)
        throw ApiError(404, "not_found", "cluster \"" + req.param("name").substr(0, 80) + "\" is not served here");
    return HttpResponse::json(200, {{"name", m_options.clusterName}, {"display_name", m_options.clusterName},
                                    {"created_at", m_startedAt}, {"status", "active"}});
}

HttpResponse AdminV3Controller::audit(HttpRequest &req)
{
    bool ok = true;
    const QString limitText = req.query.value(QStringLiteral("limit"));
    const QString offsetText = req.query.value(QStringLiteral("offset"));
    const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        throw ApiError(400, "invalid_parameter", "\"limit\" must be an integer from 1 to 1000", "limit");
    const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&ok);
    if (!ok || offset < 0)
        throw ApiError(400, "invalid_parameter", "\"offset\" must be a non-negative integer", "offset");
    return HttpResponse::json(200, m_audit.page(limit, offset, req.query.value(QStringLiteral("kind")).toStdString()));
}

// ---- ingest tokens ----

std::string AdminV3Controller::ingestTokenPrefix(HttpRequest &req) const
{
    const std::string &tenant = req.param("tenant");
    if (!m_store.get(Tenant::kind, tenant))
        throw ApiError(404, "not_found", "tenant \"" + tenant.substr(0, 80) + "\" does not exist");
    return tenant + "/";
}

Json AdminV3Controller::createIngestToken(HttpRequest &req, const Json &body, Json &extras) const
{
    JsonReader r(body);
    IngestToken t;
    t.tenant = req.param("tenant");
    t.name = readRecordName(r);
    if (auto parser = r.optionalString("parser")) {
        validation::requireOneOf("parser", *parser, {"json", "kv", "zap_json", "none"});
        t.parser = *parser;
    }
    std::string value;
    if (auto custom = r.optionalString("token")) {
        if (!m_options.allowCustomIngestTokens)
            throw ApiError(403, "feature_disabled",
                           "custom ingest token values are disabled; start logwardend with --allow-custom-ingest-tokens",
                           "token");
        if (custom->size() < 32 || custom->size() > 512)
            throw ValidationError("token", "a custom \"token\" must have 32 to 512 characters", "invalid_value");
        for (char c : *custom) {
            if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
                throw ValidationError("token", "a custom \"token\" must not contain spaces or control characters", "invalid_value");
        }
        value = *custom;
        t.custom = true;
    } else {
        value = CredentialResolver::randomSecret(32);
    }
    ignoreReadOnly(r);
    r.finish();
    t.tokenHash = CredentialResolver::hashSecret(value);
    // Inactive tokens included: a value, like a name, is never reused.
    for (const StoredRecord &existing : m_store.list(IngestToken::kind)) {
        if (IngestToken::fromStorageJson(Json::parse(existing.value)).tokenHash == t.tokenHash)
            throw ApiError(409, "already_exists", "this token value is already in use", "token");
    }
    extras["token"] = value; // shown this once; only the hash is kept
    return t.toStorageJson();
}

Json AdminV3Controller::updateIngestToken(const Json &stored, const Json &body) const
{
    JsonReader r(body);
    IngestToken t = IngestToken::fromStorageJson(stored);
    if (auto parser = r.optionalString("parser")) {
        validation::requireOneOf("parser", *parser, {"json", "kv", "zap_json", "none"});
        t.parser = *parser;
    }
    if (auto tenant = r.optionalString("tenant"); tenant && *tenant != t.tenant)
        throw ValidationError("tenant", "an ingest token's \"tenant\" cannot change; create a token in the other tenant",
                              "immutable_field");
    // What a client read may come back; a new value may not (it would be a silent no-op).
    if (auto value = r.optionalString("token"); value && CredentialResolver::hashSecret(*value) != t.tokenHash)
        throw ValidationError("token", "an ingest token's value cannot change; create a new token and deactivate this one",
                              "immutable_field");
    if (auto custom = r.optionalBool("custom"); custom && *custom != t.custom)
        throw ValidationError("custom", "\"custom\" is the server's to say", "immutable_field");
    r.ignore("name");
    ignoreReadOnly(r);
    r.finish();
    return t.toStorageJson();
}

// ---- tokengen ----

std::string AdminV3Controller::createAdminToken(ConfigStore &store, const std::string &clusterName, const std::string &tokenName)
{
    const std::string policyName = "__admin__";
    if (auto existing = store.get(AccessPolicy::kind, policyName)) {
        // The cluster is the data directory's, not this command's to change: say which it is.
        const AccessPolicy p = AccessPolicy::fromJson(Json::parse(existing->value));
        for (const Realm &realm : p.realms) {
            if (realm.cluster != clusterName)
                throw std::runtime_error("this data directory's admin policy is for cluster \"" + realm.cluster
                                         + "\", not \"" + clusterName + "\"; give --cluster-name " + realm.cluster);
        }
    } else {
        AccessPolicy p;
        p.name = policyName;
        p.displayName = "Administrators (created by logwardend tokengen)";
        p.createdAt = nowRfc3339();
        p.realms = {Realm{"*", clusterName, {}}};
        p.scopes = {"admin"};
        store.create(AccessPolicy::kind, policyName, p.toJson().dump());
    }
    AdminToken t;
    t.name = tokenName;
    t.displayName = "Admin token (created by logwardend tokengen)";
    t.createdAt = nowRfc3339();
    t.accessPolicy = policyName;
    auto [token, hash] = mintToken(tokenName);
    t.secretHash = hash;
    if (store.create(AdminToken::kind, tokenName, t.toStorageJson().dump()).status != WriteStatus::Ok)
        throw std::runtime_error("a token named \"" + tokenName + "\" already exists; choose another with --token-name");
    return token;
}

} // namespace lw::server
