#pragma once

#include <optional>
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

// Scopes a server-signed JWT's `role` claim grants; nullopt for an unknown role.
std::optional<std::set<std::string>> forRole(std::string_view role);
const std::set<std::string> &knownRoles();
} // namespace scopes

// Who is calling, resolved from the credential before any handler runs.
struct Principal {
    enum class Kind { ServerJwt, SelfSignedJwt, AdminToken, IngestToken };

    std::string subject;
    Kind kind = Kind::ServerJwt;
    std::set<std::string> scopes;

    // `admin` implies the configuration scopes.
    bool allows(std::string_view scope) const;
};

} // namespace lw::server
