#pragma once

#include <functional>

#include "api/AdminResource.h"
#include "AccessModels.h"
#include "store/ConfigStore.h"

#include <memory>

namespace lw {
class JsonReader;
}

namespace lw::server {

class AuditLog;
class ConfigStore;
class CredentialResolver;
class Router;
class SecretBox;

struct AdminOptions {
    std::string clusterName;
    bool allowCustomIngestTokens = false;
    // Parses a label-policy selector with the query language's own parser; throws a
    // std::exception saying what is wrong (wired by the server, so that no layer reaches up).
    std::function<void(const std::string &selector)> checkSelector;
};

// The admin API v3 of seed 003 (tenants, access policies, tokens, clusters), users with API
// access keys (seed 001), repository ingest tokens (seed 004) and the audit log.
class AdminV3Controller {
public:
    AdminV3Controller(ConfigStore &store, const SecretBox &secrets, CredentialResolver &credentials, AuditLog &audit,
                      AdminOptions options);
    ~AdminV3Controller();
    void registerRoutes(Router &router);

    // Creates the token (and, if missing, the __admin__ policy) that `logwardend tokengen` prints.
    static std::string createAdminToken(ConfigStore &store, const std::string &clusterName, const std::string &tokenName);
    // base64("<name>:<secret>") and the hash stored for it.
    static std::pair<std::string, std::string> mintToken(const std::string &name);

private:
    Json createTenant(const Json &body) const;
    Json updateTenant(const Json &stored, const Json &body) const;
    Json createPolicy(const Json &body) const;
    Json updatePolicy(const Json &stored, const Json &body) const;
    Json createToken(const Json &body, Json &extras) const;
    Json updateToken(const Json &stored, const Json &body) const;
    Json createUser(const Json &body, Json &extras) const;
    Json updateUser(const Json &stored, const Json &body) const;
    Json presentToken(const Json &stored) const;

    std::vector<Realm> readRealms(JsonReader &r, const std::string &field, bool required) const;
    std::vector<std::string> readScopes(JsonReader &r, bool aliasesAllowed) const;
    void requireCluster(const std::string &field, const std::string &cluster) const;

    HttpResponse clusters(HttpRequest &req);
    HttpResponse cluster(HttpRequest &req);
    HttpResponse regenerateAccessKey(HttpRequest &req);
    HttpResponse audit(HttpRequest &req);
    Json createIngestToken(HttpRequest &req, const Json &body, Json &extras) const;
    Json updateIngestToken(const Json &stored, const Json &body) const;
    std::string ingestTokenPrefix(HttpRequest &req) const;

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    CredentialResolver &m_credentials;
    AuditLog &m_audit;
    AdminOptions m_options;
    std::string m_startedAt;
    std::unique_ptr<AdminResource> m_tenants, m_policies, m_tokens, m_users, m_ingestTokens;
};

} // namespace lw::server
