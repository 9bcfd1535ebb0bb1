#pragma once

#include "auth/Principal.h"

#include <QByteArray>

#include <chrono>
#include <optional>
#include <string>
#include <variant>

namespace lw::server {

class DataDirectory;

// What a verifier concluded about a credential: who it is, and until when that holds.
struct Verified {
    Principal principal;
    int64_t expiresAtMs = 0; // 0: until access-control records change
};

// Signs and verifies the server's own RS256 JWTs. The RSA key lives in <data>/jwt-signing.pem
// (0600). Verification accepts RS256 only, so neither `none` nor an HS256 token keyed with the
// public key passes. (The Authenticator caches what verifies.)
class JwtAuthority {
public:
    static constexpr const char *Issuer = "logwardend";

    explicit JwtAuthority(const DataDirectory &dataDir);

    std::string issue(const std::string &subject, const std::string &role, std::chrono::seconds ttl) const;
    // The system:cluster-admin token written to <data-dir>/system_jwt (10 years; revocable by jti).
    std::string issueSystemJwt() const;
    // Replaces the signing key of a data directory: every token signed so far stops verifying.
    static void rotateKey(const DataDirectory &dataDir);

    // The principal, or the reason the token is refused (a sentence for the 401 body).
    std::variant<Verified, std::string> verify(const std::string &token) const;

    const std::string &publicKeyPem() const { return m_publicPem; }
    const std::string &keyId() const { return m_keyId; }

private:
    std::string m_privatePem;
    std::string m_publicPem;
    std::string m_keyId;
};



} // namespace lw::server
