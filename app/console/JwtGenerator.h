#pragma once

#include <QString>

#include <optional>
#include <string>

namespace lw::console {

// Client-self-signed JWTs as seed 001 describes them: claims iss ("self-signed"), iat, exp, sub
// and scope (space-separated), signed HS256/384/512 with the user's API access key, or
// RS256/ES256 with a PEM private key.
struct TokenRequest {
    std::string subject;
    std::string scope;
    std::string secret; // the access key, or a PEM private key for RS256/ES256
    std::string algorithm = "HS256";
    qint64 lifetimeSeconds = 3600;
};

struct DecodedToken {
    QString headerJson;   // pretty-printed
    QString claimsJson;   // pretty-printed
    QString algorithm;
    qint64 expiresAt = 0; // seconds since the epoch; 0 when absent
};

class JwtGenerator {
public:
    // The token, or throws std::invalid_argument with a sentence naming what is wrong.
    static std::string generate(const TokenRequest &request);
    // Decodes without verifying (the inspector shows any token); nullopt when it is no JWT.
    static std::optional<DecodedToken> decode(const QString &token);
    static bool isSupportedAlgorithm(const std::string &alg);
};

} // namespace lw::console
