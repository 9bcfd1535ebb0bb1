#pragma once

#include "http/HttpTypes.h"

#include <string>

namespace lw::server {

class AuditLog;
class ConfigStore;
class Router;

// The revocation list of server JWTs (by their jti), in the store so every server sees it:
//   POST /admin/api/v3/revoked-jwts  {"jti": "…"} or {"token": "<the JWT>"}   admin
//   GET  /admin/api/v3/revoked-jwts                                           admin:read
// A revoked token is refused from the next request on, live tails included. `logwardend
// revoke-jwt` writes the same records while the server is stopped.
class JwtRevocations {
public:
    JwtRevocations(ConfigStore &store, AuditLog &audit);
    void registerRoutes(Router &router);

    // Records the revocation (and its audit entry); false when it was revoked already.
    // Throws ValidationError for an id that cannot be a jti.
    static bool revoke(ConfigStore &store, AuditLog &audit, const std::string &actor, const std::string &jti,
                       int64_t expiresAtSeconds);
    // The jti and exp of a token, read without verifying it (revoking needs no signature).
    static std::pair<std::string, int64_t> idOf(const std::string &token);

private:
    HttpResponse list(HttpRequest &req);
    HttpResponse create(HttpRequest &req);

    ConfigStore &m_store;
    AuditLog &m_audit;
};

} // namespace lw::server
