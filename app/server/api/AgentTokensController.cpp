#include "AgentTokensController.h"
#include "AdminResource.h"
#include "auth/AgentCredentials.h"
#include "auth/CredentialResolver.h"
#include "AccessModels.h"
#include "JsonReader.h"

namespace lw::server {

namespace {

int readMaxCollectors(JsonReader &r, int fallback)
{
    auto v = r.optionalInteger("max_collectors", 1, AgentToken::MaxCollectorsLimit);
    return v ? static_cast<int>(*v) : fallback;
}

Json createAgentToken(HttpRequest &, const Json &body, Json &extras)
{
    JsonReader r(body);
    AgentToken t;
    t.name = readRecordName(r);
    t.displayName = readDisplayName(r, t.name);
    t.expiration = readExpiration(r).value_or("");
    t.maxCollectors = readMaxCollectors(r, t.maxCollectors);
    ignoreReadOnly(r);
    r.finish();
    const std::string token = AgentCredentials::mint();
    t.secretHash = CredentialResolver::hashSecret(token);
    extras["token"] = token; // shown this once
    return t.toStorageJson();
}

Json updateAgentToken(const Json &stored, const Json &body)
{
    JsonReader r(body);
    AgentToken t = AgentToken::fromStorageJson(stored);
    t.displayName = readDisplayName(r, t.displayName);
    if (auto expiration = readExpiration(r))
        t.expiration = *expiration;
    t.maxCollectors = readMaxCollectors(r, t.maxCollectors);
    r.ignore("name");
    r.ignore("token");
    ignoreReadOnly(r);
    r.finish();
    return t.toStorageJson();
}

} // namespace

AgentTokensController::AgentTokensController(ConfigStore &store, AuditLog &audit)
    : m_resource(std::make_unique<AdminResource>(
          store, audit, AgentToken::kind, "agent_token", "agent token",
          AdminResource::Hooks{&createAgentToken, &updateAgentToken,
                               [](const Json &s) { return AgentToken::fromStorageJson(s).toPublicJson(); }, {}}))
{
}

AgentTokensController::~AgentTokensController() = default;

void AgentTokensController::registerRoutes(Router &router)
{
    m_resource->registerRoutes(router, "/admin/api/v3/agent-tokens", {});
}

} // namespace lw::server
