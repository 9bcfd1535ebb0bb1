#pragma once

#include "auth/Principal.h"

#include <QByteArray>
#include <QHash>
#include <QMetaObject>

#include <memory>
#include <shared_mutex>
#include <string>
#include <variant>

namespace lw::server {

class ConfigStore;
class CredentialResolver;
class JwtAuthority;
struct Verified;

// Turns the Authorization header into a principal, whatever the credential kind:
//   Bearer <JWT>   RS256 server JWTs, or HS256/384/512 self-signed user JWTs (iss "self-signed")
//   Bearer <token> / Basic with the token as password (curl -u :$TOKEN)   admin API tokens
//   Bearer <token> / Splunk <token>                                       ingest tokens
// What verifies is cached by the SHA-256 of the header, as one shared immutable principal, until
// the credential expires or any access-control record changes: a hit costs a hash and a lookup.
class Authenticator {
public:
    using PrincipalPtr = std::shared_ptr<const Principal>;
    static constexpr const char *MissingCredentials =
        "missing credentials: send \"Authorization: Bearer <token>\" (or curl -u :TOKEN)";

    Authenticator(JwtAuthority &serverJwts, CredentialResolver &credentials, ConfigStore &store);
    ~Authenticator();
    Authenticator(const Authenticator &) = delete;
    Authenticator &operator=(const Authenticator &) = delete;

    // The principal, or why the request is unauthenticated (a sentence for the 401 body).
    // On the thread that owns the store.
    std::variant<PrincipalPtr, std::string> authenticate(const QByteArray &authorizationHeader);
    // The cached principal for this header, if one is cached and still valid; from any thread.
    // Null means "ask authenticate()", not "refused".
    PrincipalPtr cached(const QByteArray &authorizationHeader) const;

private:
    std::variant<Verified, std::string> resolve(const QByteArray &header);
    // What the cache is keyed by: the header's digest, except that for Basic credentials only the
    // password (the token) counts, since the user name only names a tenant.
    static QByteArray cacheKey(const QByteArray &header);
    std::variant<Verified, std::string> bearer(const QByteArray &credential);
    std::variant<Verified, std::string> opaqueToken(const QByteArray &credential);

    struct Cached {
        PrincipalPtr principal;
        int64_t expiresAtMs;
    };
    JwtAuthority &m_serverJwts;
    CredentialResolver &m_credentials;
    mutable std::shared_mutex m_cacheMutex; // written on the store's thread, read from I/O threads too
    QHash<QByteArray, Cached> m_cache;
    QMetaObject::Connection m_storeChanges;
};

} // namespace lw::server
