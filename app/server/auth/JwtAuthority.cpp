#include "JwtAuthority.h"
#include "JwtClaims.h"
#include "store/DataDirectory.h"

#include <jwt/jwt.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <QCryptographicHash>

#include <ctime>
#include <memory>

namespace lw::server {

namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string bioToString(BIO *bio)
{
    char *data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<size_t>(len));
}

QByteArray generateRsaKeyPem()
{
    PkeyPtr key(EVP_RSA_gen(2048), EVP_PKEY_free);
    BioPtr out(BIO_new(BIO_s_mem()), BIO_free);
    if (!key || PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("cannot generate the JWT signing key");
    return QByteArray::fromStdString(bioToString(out.get()));
}

std::string publicPemOf(const std::string &privatePem)
{
    BioPtr in(BIO_new_mem_buf(privatePem.data(), static_cast<int>(privatePem.size())), BIO_free);
    PkeyPtr key(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    BioPtr out(BIO_new(BIO_s_mem()), BIO_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA || PEM_write_bio_PUBKEY(out.get(), key.get()) != 1)
        throw std::runtime_error("jwt-signing.pem does not hold an RSA private key");
    return bioToString(out.get());
}


} // namespace

std::string JwtAuthority::issueSystemJwt() const
{
    return issue("system:cluster-admin", "cluster-admin", std::chrono::seconds(10LL * 365 * 24 * 3600));
}

void JwtAuthority::rotateKey(const DataDirectory &dataDir)
{
    dataDir.writeSecret(QStringLiteral("jwt-signing.pem"), generateRsaKeyPem());
}

JwtAuthority::JwtAuthority(const DataDirectory &dataDir)
{
    m_privatePem = dataDir.readOrCreateSecret(QStringLiteral("jwt-signing.pem"), generateRsaKeyPem).toStdString();
    m_publicPem = publicPemOf(m_privatePem);
    m_keyId = QCryptographicHash::hash(QByteArray::fromStdString(m_publicPem), QCryptographicHash::Sha256)
                  .toHex()
                  .left(16)
                  .toStdString();
}

std::string JwtAuthority::issue(const std::string &subject, const std::string &role, std::chrono::seconds ttl) const
{
    const int64_t now = std::time(nullptr);
    unsigned char nonce[12];
    RAND_bytes(nonce, sizeof nonce);
    std::string jti = QByteArray(reinterpret_cast<char *>(nonce), sizeof nonce).toHex().toStdString();
    jwt::jwt_object obj{jwt::params::algorithm("RS256"), jwt::params::secret(m_privatePem),
                        jwt::params::headers({{"kid", m_keyId}})};
    obj.add_claim("iss", Issuer)
        .add_claim("sub", subject)
        .add_claim("role", role)
        .add_claim("iat", now)
        .add_claim("nbf", now)
        .add_claim("exp", now + ttl.count())
        .add_claim("jti", jti);
    return obj.signature();
}

std::variant<Verified, std::string> JwtAuthority::verify(const std::string &token) const
{
    auto decoded = decodeJwt(token);
    if (auto *why = std::get_if<std::string>(&decoded))
        return *why;
    const DecodedJwt &jwt = std::get<DecodedJwt>(decoded);
    const std::string alg = jwt.header.value("alg", Json()).is_string() ? jwt.header["alg"].get<std::string>() : std::string();
    if (alg != "RS256")
        return "JWT algorithm \"" + alg.substr(0, 16) + "\" is not accepted for server tokens (RS256 only)";
    // The time claims by the same rules as every JWT (integers; exp required), checked on our
    // own reading of the claims before the library verifies the signature.
    if (auto why = timeClaimsError(jwt.claims, TimeRules{static_cast<int64_t>(std::time(nullptr)), 30, true, 0}))
        return *why;
    const auto jti = jwt.claims.find("jti");
    if (jti == jwt.claims.end() || !jti->is_string() || jti->get<std::string>().empty() || jti->get<std::string>().size() > 128)
        return std::string("the token has no id (jti); issue a new one with logwardend issue-jwt");
    try {
        std::error_code ec;
        auto decoded = jwt::decode(token, jwt::params::algorithms({"RS256"}), ec, jwt::params::secret(m_publicPem),
                                   jwt::params::verify(true), jwt::params::issuer(Issuer), jwt::params::leeway(30));
        if (ec) {
            if (ec == jwt::VerificationErrc::TokenExpired)
                return std::string("the token has expired");
            if (ec == jwt::VerificationErrc::ImmatureSignature)
                return std::string("the token is not valid yet (nbf)");
            if (ec == jwt::VerificationErrc::InvalidIssuer)
                return std::string("the token was not issued by this server");
            return "the token failed verification: " + ec.message();
        }
        const auto &payload = decoded.payload();
        if (!payload.has_claim("exp"))
            return std::string("the token has no expiry (exp)");
        if (!payload.has_claim("sub"))
            return std::string("the token has no subject (sub)");
        Principal p;
        p.kind = Principal::Kind::ServerJwt;
        p.subject = payload.get_claim_value<std::string>("sub");
        std::string role = payload.has_claim("role") ? payload.get_claim_value<std::string>("role") : "";
        auto granted = scopes::forRole(role);
        if (!granted)
            return "the token's role \"" + role.substr(0, 64) + "\" is unknown";
        p.scopes = *granted;
        p.allTenants = true; // the server's own tokens are not bound to tenants
        p.credentialName = jti->get<std::string>(); // what a revocation names
        return Verified{p, payload.get_claim_value<int64_t>("exp") * 1000};
    } catch (const std::exception &) {
        return std::string("the bearer token is malformed");
    }
}

} // namespace lw::server
