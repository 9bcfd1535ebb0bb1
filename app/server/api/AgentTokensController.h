#pragma once

#include <memory>

namespace lw::server {

class AdminResource;
class AuditLog;
class ConfigStore;
class Router;

// Collector enrollment tokens, a v3 collection like tokens (ETags, If-Match, soft delete):
//   /admin/api/v3/agent-tokens[/{name}]   admin to write, admin:read to list and get
// The token is in the create answer only; the store keeps its SHA-256. PUT {"status":"inactive"}
// deactivates it (v3's soft delete), and every agent that presents it is refused from its next
// poll on.
class AgentTokensController {
public:
    AgentTokensController(ConfigStore &store, AuditLog &audit);
    ~AgentTokensController();
    void registerRoutes(Router &router);

private:
    std::unique_ptr<AdminResource> m_resource;
};

} // namespace lw::server
