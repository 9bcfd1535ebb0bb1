#pragma once

#include "AccessModels.h"

#include <optional>
#include <vector>
#include <set>
#include <string>
#include <string_view>

namespace lw::server {

// The scope vocabulary. Admin-API scopes follow GEL; config:* guard the log-streaming config.
namespace scopes {
inline constexpr std::string_view ConfigRead = "config:read";
inline constexpr std::string_view ConfigWrite = "config:write";
inline constexpr std::string_view LogsRead = "logs:read";
inline constexpr std::string_view LogsWrite = "logs:write";
inline constexpr std::string_view LogsDelete = "logs:delete";
inline constexpr std::string_view Admin = "admin";
inline constexpr std::string_view AdminRead = "admin:read"; // list and get on the admin API (no secrets are ever read)
inline constexpr std::string_view Ingest = "ingest"; // only ingest tokens hold it
// Not a scope a credential can hold: a route that any authenticated caller may use.
inline constexpr std::string_view AnyPrincipal = "(any authenticated caller)";

// Scopes a server-signed JWT's `role` claim grants; nullopt for an unknown role.
std::optional<std::set<std::string>> forRole(std::string_view role);
} // namespace scopes

// Who is calling, resolved from the credential before any handler runs.
struct Principal {
    enum class Kind { ServerJwt, SelfSignedJwt, AdminToken, IngestToken };

    std::string subject;
    Kind kind = Kind::ServerJwt;
    std::set<std::string> scopes;
    // Tenants reachable on the data paths; empty for server JWTs, which reach every tenant.
    std::vector<Realm> realms;
    bool allTenants = false;
    std::string credentialName; // the admin token, user or ingest token behind it
    std::string ingestTenant;   // ingest tokens: the one tenant they write to
    std::string ingestParser;
    int64_t expiresAtMs = 0; // the credential's own end (a JWT's exp, a token's expiration); 0: none

    // `admin` implies the configuration scopes and `admin:read`.
    bool allows(std::string_view scope) const;
    // May this principal act on `tenant` (in `cluster`)?
    bool reachesTenant(const std::string &tenant, const std::string &cluster) const;
    // The label selectors restricting what it sees of `tenant` (empty: everything).
    std::vector<std::string> labelSelectorsFor(const std::string &tenant) const;
    // The tenant a request means when it names none: the only one its realms name, if any.
    std::optional<std::string> soleTenant() const;
};

} // namespace lw::server
