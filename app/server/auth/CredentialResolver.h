#pragma once

#include "auth/Principal.h"

#include <QByteArray>
#include <QHash>
#include <QMetaObject>

#include <string>
#include <variant>

namespace lw::server {

class ConfigStore;
class SecretBox;

// Resolves the credentials the admin API issues — admin tokens (GEL: base64 of name:secret),
// self-signed user JWTs (seed 001, HS256/384/512 keyed with the user's access key) and ingest
// tokens (seed 004) — against the store. Every check happens on each resolution: token, policy
// and tenant status, expiry, user status and key. Results are cached by credential digest and the
// cache is dropped whenever any access-control record changes, so a deactivation is felt at once.
class CredentialResolver {
public:
    using Result = std::variant<Principal, std::string>;

    CredentialResolver(ConfigStore &store, const SecretBox &secrets, std::string clusterName);
    ~CredentialResolver();
    CredentialResolver(const CredentialResolver &) = delete;
    CredentialResolver &operator=(const CredentialResolver &) = delete;

    // nullopt: the credential is not an admin token (let another verifier try).
    std::optional<Result> resolveAdminToken(const QByteArray &credential);
    Result resolveSelfSignedJwt(const std::string &jwt);
    std::optional<Result> resolveIngestToken(const QByteArray &credential);

    // Throttled: at most one stored update of last_used_at per token and minute.
    void noteTokenUse(const std::string &tokenName);

    static std::string hashSecret(const std::string &secret);
    static constexpr const char *TokenUsageKind = "token-usage";

private:
    struct Cached {
        Result result;
        int64_t expiresAtMs; // 0: until the next change
    };
    Result resolveAdminTokenUncached(const std::string &name, const std::string &secret, int64_t *expiresAtMs);
    std::optional<Result> cached(const QByteArray &digest);
    void remember(const QByteArray &digest, Result result, int64_t expiresAtMs);

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    std::string m_cluster;
    QHash<QByteArray, Cached> m_cache;
    QHash<QByteArray, std::string> m_ingestByHash; // token hash -> "tenant/name"
    bool m_ingestIndexValid = false;
    QHash<QString, int64_t> m_lastUseWrittenMs;
    QMetaObject::Connection m_storeChanges;
};

} // namespace lw::server
