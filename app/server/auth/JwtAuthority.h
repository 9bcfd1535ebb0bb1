#pragma once

#include "auth/Principal.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <string>
#include <variant>

namespace lw::server {

class DataDirectory;

// Signs and verifies the server's own RS256 JWTs. The RSA key lives in <data>/jwt-signing.pem
// (0600). Verification accepts RS256 only (so neither `none` nor an HS256 token keyed with the
// public key passes) and caches each verified token by its SHA-256 until it expires.
class JwtAuthority {
public:
    static constexpr const char *Issuer = "logwardend";

    explicit JwtAuthority(const DataDirectory &dataDir);

    std::string issue(const std::string &subject, const std::string &role, std::chrono::seconds ttl) const;

    // The principal, or the reason the token is refused (a sentence for the 401 body).
    std::variant<Principal, std::string> verify(const std::string &token);

    const std::string &publicKeyPem() const { return m_publicPem; }
    const std::string &keyId() const { return m_keyId; }

private:
    struct Cached {
        Principal principal;
        int64_t expiresAt;
    };
    std::variant<Cached, std::string> verifyUncached(const std::string &token) const;

    std::string m_privatePem;
    std::string m_publicPem;
    std::string m_keyId;
    QHash<QByteArray, Cached> m_cache;
};

// The `alg` of a compact JWT's header, read without verifying; empty when unreadable.
std::string jwtHeaderAlgorithm(const std::string &token);

} // namespace lw::server
