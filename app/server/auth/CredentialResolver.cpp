#include "CredentialResolver.h"

#include <openssl/rand.h>
#include "store/ConfigStore.h"
#include "store/SecretBox.h"

#include "auth/JwtClaims.h"
#include <openssl/crypto.h>

#include <QCryptographicHash>
#include <QDateTime>

namespace lw::server {

namespace {

constexpr int64_t LastUseThrottleMs = 60 * 1000;

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool equalHex(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

bool CredentialResolver::affectsCredentials(const QString &kind)
{
    for (const char *k : {Tenant::kind, AccessPolicy::kind, AdminToken::kind, User::kind, IngestToken::kind, RevokedJwtKind}) {
        if (kind == QLatin1String(k))
            return true;
    }
    return false;
}

CredentialResolver::CredentialResolver(ConfigStore &store, const SecretBox &secrets, std::string clusterName,
                                       int64_t maxSelfSignedLifetimeSeconds)
    : m_store(store), m_secrets(secrets), m_cluster(std::move(clusterName)), m_maxSelfSignedLifetimeSeconds(maxSelfSignedLifetimeSeconds)
{
    m_storeChanges = QObject::connect(&store, &ConfigStore::changed, [this](const QString &kind) {
        if (kind == QLatin1String(IngestToken::kind))
            m_ingestIndexValid = false;
    });
}

CredentialResolver::~CredentialResolver()
{
    QObject::disconnect(m_storeChanges);
}

std::string CredentialResolver::randomSecret(int bytes)
{
    QByteArray raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), bytes) != 1)
        throw std::runtime_error("the system's random number generator failed");
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
}

bool CredentialResolver::isJwtRevoked(const std::string &jti)
{
    return !jti.empty() && m_store.get(RevokedJwtKind, jti).has_value();
}

std::string CredentialResolver::hashSecret(const std::string &secret)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(secret), QCryptographicHash::Sha256).toHex().toStdString();
}

std::optional<CredentialResolver::Result> CredentialResolver::resolveAdminToken(const QByteArray &credential)
{
    auto decoded = QByteArray::fromBase64Encoding(credential, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const int colon = decoded.decoded.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    const std::string name = decoded.decoded.left(colon).toStdString();
    const std::string secret = decoded.decoded.mid(colon + 1).toStdString();
    if (!m_store.get(AdminToken::kind, name))
        return std::nullopt; // not one of ours: maybe an ingest token that happens to decode
    return resolveAdminToken(name, secret);
}

CredentialResolver::Result CredentialResolver::resolveAdminToken(const std::string &name, const std::string &secret)
{
    int64_t expiresAtMs = 0;
    auto record = m_store.get(AdminToken::kind, name);
    if (!record)
        return std::string("unknown token");
    const AdminToken token = AdminToken::fromStorageJson(Json::parse(record->value));
    if (!equalHex(hashSecret(secret), token.secretHash))
        return std::string("invalid token");
    if (token.status != "active")
        return "token \"" + name + "\" is inactive";
    if (!token.expiration.empty()) {
        auto expires = parseRfc3339Millis(token.expiration);
        if (!expires || *expires <= nowMs())
            return "token \"" + name + "\" has expired";
        expiresAtMs = *expires;
    }
    auto policyRecord = m_store.get(AccessPolicy::kind, token.accessPolicy);
    if (!policyRecord)
        return "the access policy of token \"" + name + "\" no longer exists";
    const AccessPolicy policy = AccessPolicy::fromJson(Json::parse(policyRecord->value));
    if (policy.status != "active")
        return "access policy \"" + policy.name + "\" is inactive";

    Principal p;
    p.kind = Principal::Kind::AdminToken;
    p.subject = "token:" + name;
    p.credentialName = name;
    for (const std::string &s : policy.scopes)
        p.scopes.insert(s);
    bool anyActiveTenant = false;
    for (const Realm &realm : policy.realms) {
        if (realm.cluster != m_cluster)
            continue;
        if (realm.tenant != "*") {
            auto tenantRecord = m_store.get(Tenant::kind, realm.tenant);
            if (!tenantRecord || Tenant::fromJson(Json::parse(tenantRecord->value)).status != "active")
                continue; // an inactive tenant is unreachable
        }
        anyActiveTenant = true;
        p.realms.push_back(realm);
    }
    if (!anyActiveTenant && !policy.realms.empty())
        return "every tenant of access policy \"" + policy.name + "\" is inactive";
    return Verified{p, expiresAtMs};
}

CredentialResolver::Result CredentialResolver::resolveSelfSignedJwt(const std::string &token)
{
    // Verified here rather than by a JWT library: the HMAC is compared in constant time, and the
    // time claims are held to the rules every JWT we accept keeps (integers, not past, and at
    // most the server's maximum lifetime ahead).
    auto decoded = decodeJwt(token);
    if (auto *why = std::get_if<std::string>(&decoded))
        return *why;
    const DecodedJwt &jwt = std::get<DecodedJwt>(decoded);
    const std::string alg = jwt.header.value("alg", Json()).is_string() ? jwt.header["alg"].get<std::string>() : std::string();
    const auto sub = jwt.claims.find("sub");
    if (sub == jwt.claims.end() || !sub->is_string() || sub->get<std::string>().empty())
        return std::string("the self-signed token has no subject (sub)");
    const std::string name = sub->get<std::string>();
    auto record = m_store.get(User::kind, name);
    if (!record)
        return "unknown user \"" + name.substr(0, 64) + "\"";
    const User user = User::fromStorageJson(Json::parse(record->value));
    if (user.status != "active")
        return "user \"" + user.name + "\" is inactive";
    // A key regenerated since the token was signed fails here.
    if (!hmacSignatureMatches(alg, m_secrets.open(user.accessKeyCiphertext, "user/" + user.name), jwt))
        return std::string("the self-signed token's signature does not match the user's access key");
    if (jwt.claims.value("iss", Json()) != Json("self-signed"))
        return std::string("a self-signed token must have iss \"self-signed\"");
    const int64_t now = nowMs() / 1000;
    if (auto why = timeClaimsError(jwt.claims, TimeRules{now, 30, true, m_maxSelfSignedLifetimeSeconds}))
        return "the self-signed token: " + *why;
    const auto scopeClaim = jwt.claims.find("scope");
    if (scopeClaim != jwt.claims.end() && !scopeClaim->is_string())
        return std::string("the self-signed token's scope must be a string of space-separated scopes");
    const std::string claimed = scopeClaim == jwt.claims.end() ? std::string() : scopeClaim->get<std::string>();
    std::set<std::string> granted;
    for (const std::string &s : user.scopes) {
        if (auto c = scope::canonical(s))
            granted.insert(*c);
    }
    Principal p;
    p.kind = Principal::Kind::SelfSignedJwt;
    p.subject = "user:" + user.name;
    p.credentialName = user.name;
    for (const std::string &s : scope::parseList(claimed)) {
        if (granted.count(s))
            p.scopes.insert(s);
    }
    for (const Realm &r : user.realms) {
        if (r.cluster == m_cluster)
            p.realms.push_back(r);
    }
    return Verified{p, jwt.claims.at("exp").get<int64_t>() * 1000};
}

std::optional<CredentialResolver::Result> CredentialResolver::resolveIngestToken(const QByteArray &credential)
{
    if (!m_ingestIndexValid) {
        m_ingestByHash.clear();
        for (const StoredRecord &r : m_store.list(IngestToken::kind)) {
            const IngestToken t = IngestToken::fromStorageJson(Json::parse(r.value));
            m_ingestByHash.insert(QByteArray::fromStdString(t.tokenHash), r.name);
        }
        m_ingestIndexValid = true;
    }
    const QByteArray hash = QByteArray::fromStdString(hashSecret(credential.toStdString()));
    auto it = m_ingestByHash.constFind(hash);
    if (it == m_ingestByHash.constEnd())
        return std::nullopt;
    auto record = m_store.get(IngestToken::kind, *it);
    if (!record)
        return std::nullopt;
    const IngestToken token = IngestToken::fromStorageJson(Json::parse(record->value));
    if (token.status != "active")
        return Result(std::string("this ingest token is inactive"));
    auto tenantRecord = m_store.get(Tenant::kind, token.tenant);
    if (!tenantRecord || Tenant::fromJson(Json::parse(tenantRecord->value)).status != "active")
        return Result(std::string("the tenant of this ingest token is inactive"));
    Principal p;
    p.kind = Principal::Kind::IngestToken;
    p.subject = "ingest-token:" + token.tenant + "/" + token.name;
    p.credentialName = token.name;
    p.scopes = {std::string(scopes::Ingest)};
    p.ingestTenant = token.tenant;
    p.ingestParser = token.parser;
    p.realms.push_back(Realm{token.tenant, m_cluster, {}});
    return Result(Verified{p, 0});
}

bool CredentialResolver::tokenUseDue(const std::string &tokenName) const
{
    std::lock_guard lock(m_lastUseMutex);
    auto it = m_lastUseWrittenMs.find(tokenName);
    return it == m_lastUseWrittenMs.end() || nowMs() - it->second >= LastUseThrottleMs;
}

void CredentialResolver::noteTokenUse(const std::string &tokenName)
{
    const int64_t now = nowMs();
    {
        std::lock_guard lock(m_lastUseMutex);
        auto [it, inserted] = m_lastUseWrittenMs.try_emplace(tokenName, now);
        if (!inserted) {
            if (now - it->second < LastUseThrottleMs)
                return;
            it->second = now;
        }
    }
    // A separate kind, so recording use never changes the token's ETag.
    m_store.upsertMany(TokenUsageKind, {{tokenName, Json({{"last_used_at", nowRfc3339()}}).dump()}});
}

} // namespace lw::server
