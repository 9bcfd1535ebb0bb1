#pragma once

#include "auth/JwtAuthority.h"
#include "auth/Principal.h"

#include <QByteArray>
#include <QHash>
#include <QMetaObject>

#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>

namespace lw::server {

class ConfigStore;
class SecretBox;

// Resolves the credentials the admin API issues — admin tokens (GEL: base64 of name:secret),
// self-signed user JWTs (seed 001, HS256/384/512 keyed with the user's access key) and ingest
// tokens (seed 004) — against the store. Every check happens on each resolution: token, policy
// and tenant status, expiry, user status and key. (The Authenticator caches results and drops
// them when any access-control record changes, so a deactivation is felt at once.)
class CredentialResolver {
public:
    using Result = std::variant<Verified, std::string>;

    // Self-signed JWTs may live at most maxSelfSignedLifetimeSeconds (exp - now); 0: no maximum.
    static constexpr int64_t DefaultMaxSelfSignedLifetimeSeconds = 24 * 3600;
    CredentialResolver(ConfigStore &store, const SecretBox &secrets, std::string clusterName,
                       int64_t maxSelfSignedLifetimeSeconds = DefaultMaxSelfSignedLifetimeSeconds);
    ~CredentialResolver();
    CredentialResolver(const CredentialResolver &) = delete;
    CredentialResolver &operator=(const CredentialResolver &) = delete;

    // Does a change to records of this kind change what credentials resolve to?
    static bool affectsCredentials(const QString &kind);

    // nullopt: the credential is not an admin token (let another verifier try).
    std::optional<Result> resolveAdminToken(const QByteArray &credential);
    Result resolveSelfSignedJwt(const std::string &jwt);
    std::optional<Result> resolveIngestToken(const QByteArray &credential);

    // Throttled: at most one stored update of last_used_at per token and minute.
    void noteTokenUse(const std::string &tokenName);
    // Would noteTokenUse() write now? From any thread.
    bool tokenUseDue(const std::string &tokenName) const;

    static std::string hashSecret(const std::string &secret);
    // `bytes` random bytes from OpenSSL's CSPRNG, base64url without padding.
    static std::string randomSecret(int bytes);
    static constexpr const char *TokenUsageKind = "token-usage";
    // Revoked server JWTs, by jti (logwardend revoke-jwt, the admin API).
    static constexpr const char *RevokedJwtKind = "revoked-jwt";
    bool isJwtRevoked(const std::string &jti);

private:
    Result resolveAdminToken(const std::string &name, const std::string &secret);

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    std::string m_cluster;
    int64_t m_maxSelfSignedLifetimeSeconds;
    QHash<QByteArray, std::string> m_ingestByHash; // token hash -> "tenant/name"
    bool m_ingestIndexValid = false;
    mutable std::mutex m_lastUseMutex;
    std::unordered_map<std::string, int64_t> m_lastUseWrittenMs;
    QMetaObject::Connection m_storeChanges;
};

} // namespace lw::server
