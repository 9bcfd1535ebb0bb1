#pragma once

#include "Json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace lw::server {

// A compact JWT taken apart, before any signature is trusted: its header and claims as JSON
// objects (within the nesting limit), the signing input and the signature bytes.
struct DecodedJwt {
    lw::Json header;
    lw::Json claims;
    std::string signingInput; // "<header>.<claims>" as sent
    std::string signature;    // decoded
};
std::variant<DecodedJwt, std::string> decodeJwt(const std::string &token);

// Checks an HS256/384/512 signature with the key, comparing in constant time.
bool hmacSignatureMatches(const std::string &alg, const std::string &key, const DecodedJwt &jwt);

// The time claims every JWT we accept must have right: iat, nbf and exp, when present, are
// integers of seconds between 0 and year 9999 (not strings, floats or negatives); exp is present
// when required and not past (leeway seconds allowed), nbf not ahead; with maxLifetimeSeconds > 0,
// exp is at most that far from now. Nullopt when they are, or why not.
struct TimeRules {
    int64_t nowSeconds = 0;
    int64_t leewaySeconds = 30;
    bool requireExp = true;
    int64_t maxLifetimeSeconds = 0; // 0: no maximum
};
std::optional<std::string> timeClaimsError(const lw::Json &claims, const TimeRules &rules);

} // namespace lw::server
