#pragma once

#include "http/HttpTypes.h"

#include <string>

namespace lw::server {

class ConfigStore;

// Which tenant a data-path request is for, and whether its principal may act on it: the basic-auth
// user name or X-Scope-OrgID name it; failing both, the only tenant the credential's realms name.
class TenantAccess {
public:
    TenantAccess(ConfigStore &store, std::string clusterName);

    // Throws ApiError: 400 when no tenant can be told, 401 when it is inactive, 403 when the
    // principal does not reach it, 404-as-400 when it does not exist.
    std::string resolve(const HttpRequest &req) const;

private:
    ConfigStore &m_store;
    std::string m_cluster;
};

} // namespace lw::server
