#include "Authenticator.h"
#include "Authorization.h"
#include "CredentialResolver.h"
#include "JwtAuthority.h"
#include "JwtClaims.h"
#include "store/ConfigStore.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace lw::server {

namespace {
constexpr int MaxCached = 10000;
} // namespace

Authenticator::Authenticator(JwtAuthority &serverJwts, CredentialResolver &credentials, ConfigStore &store)
    : m_serverJwts(serverJwts), m_credentials(credentials)
{
    m_storeChanges = QObject::connect(&store, &ConfigStore::changed, [this](const QString &kind) {
        if (CredentialResolver::affectsCredentials(kind)) {
            std::unique_lock lock(m_cacheMutex);
            m_cache.clear();
        }
    });
}

Authenticator::~Authenticator()
{
    QObject::disconnect(m_storeChanges);
}

std::variant<Authenticator::PrincipalPtr, std::string> Authenticator::authenticate(const QByteArray &header)
{
    if (header.isEmpty() || header.size() > MaxCredentialLength + 16)
        return std::get<std::string>(resolve(header));
    const QByteArray digest = cacheKey(header);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    {
        std::shared_lock lock(m_cacheMutex);
        auto it = m_cache.constFind(digest);
        if (it != m_cache.constEnd() && (it->expiresAtMs == 0 || it->expiresAtMs > now)) {
            PrincipalPtr hit = it->principal;
            lock.unlock();
            if (hit->kind == Principal::Kind::AdminToken)
                m_credentials.noteTokenUse(hit->credentialName);
            return hit;
        }
    }
    auto result = resolve(header);
    if (auto *why = std::get_if<std::string>(&result)) {
        std::unique_lock lock(m_cacheMutex);
        m_cache.remove(digest);
        return *why;
    }
    Verified &verified = std::get<Verified>(result);
    verified.principal.expiresAtMs = verified.expiresAtMs;
    auto principal = std::make_shared<const Principal>(std::move(verified.principal));
    if (principal->kind == Principal::Kind::AdminToken)
        m_credentials.noteTokenUse(principal->credentialName);
    std::unique_lock lock(m_cacheMutex);
    if (m_cache.size() >= MaxCached) {
        // Bounded memory: a tenth goes (hot credentials come back on their next use), not all of
        // it, so one client cycling through credentials cannot empty everyone's cache at once.
        auto it = m_cache.begin();
        for (int i = 0; i < MaxCached / 10 && it != m_cache.end(); ++i)
            it = m_cache.erase(it);
    }
    m_cache.insert(digest, Cached{principal, verified.expiresAtMs});
    return principal;
}

Authenticator::PrincipalPtr Authenticator::cached(const QByteArray &header) const
{
    if (header.isEmpty() || header.size() > MaxCredentialLength + 16)
        return nullptr;
    const QByteArray digest = cacheKey(header);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    std::shared_lock lock(m_cacheMutex);
    auto it = m_cache.constFind(digest);
    if (it == m_cache.constEnd() || (it->expiresAtMs != 0 && it->expiresAtMs <= now))
        return nullptr;
    // Admin tokens record their use (throttled) through the store: let authenticate() do that.
    if (it->principal->kind == Principal::Kind::AdminToken && m_credentials.tokenUseDue(it->principal->credentialName))
        return nullptr;
    return it->principal;
}

QByteArray Authenticator::cacheKey(const QByteArray &header)
{
    // For Basic credentials only the password (the token) counts: the user name names a tenant.
    auto parsed = parseAuthorization(header);
    if (auto *a = std::get_if<Authorization>(&parsed); a && a->scheme == Authorization::Scheme::Basic)
        return QCryptographicHash::hash("basic:" + a->token, QCryptographicHash::Sha256);
    return QCryptographicHash::hash(header, QCryptographicHash::Sha256);
}

std::variant<Verified, std::string> Authenticator::resolve(const QByteArray &header)
{
    auto parsed = parseAuthorization(header);
    if (auto *why = std::get_if<std::string>(&parsed))
        return *why;
    const Authorization &a = std::get<Authorization>(parsed);
    switch (a.scheme) {
    case Authorization::Scheme::Bearer: return bearer(a.token);
    // GEL style: the token is the password; the user name is free (Loki uses it for the tenant).
    case Authorization::Scheme::Basic: return opaqueToken(a.token);
    case Authorization::Scheme::Splunk: return opaqueToken(a.token); // HEC clients
    }
    return std::string("unsupported authorization scheme");
}

std::variant<Verified, std::string> Authenticator::bearer(const QByteArray &credential)
{
    if (credential.count('.') != 2)
        return opaqueToken(credential);
    const std::string token = credential.toStdString();
    // Taken apart once, by our own decoder, before any JWT library sees it.
    auto decoded = decodeJwt(token);
    if (auto *why = std::get_if<std::string>(&decoded))
        return *why;
    const Json algClaim = std::get<DecodedJwt>(decoded).header.value("alg", Json());
    if (!algClaim.is_string())
        return std::string("the JWT header has no \"alg\" string");
    const std::string alg = algClaim.get<std::string>();
    if (alg == "RS256") {
        auto verified = m_serverJwts.verify(token);
        if (auto *v = std::get_if<Verified>(&verified); v && m_credentials.isJwtRevoked(v->principal.credentialName))
            return std::string("the token was revoked");
        return verified;
    }
    if (alg == "HS256" || alg == "HS384" || alg == "HS512")
        return m_credentials.resolveSelfSignedJwt(token);
    if (alg.empty())
        return std::string("the bearer token is not a JWT");
    return "JWT algorithm \"" + alg.substr(0, 16) + "\" is not accepted (RS256 server tokens, HS256/384/512 self-signed)";
}

std::variant<Verified, std::string> Authenticator::opaqueToken(const QByteArray &credential)
{
    if (auto admin = m_credentials.resolveAdminToken(credential))
        return *admin;
    if (auto ingest = m_credentials.resolveIngestToken(credential))
        return *ingest;
    return std::string("unknown token");
}

} // namespace lw::server
