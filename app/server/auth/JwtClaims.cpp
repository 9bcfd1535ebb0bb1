#include "JwtClaims.h"
#include "JsonDepth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <QByteArray>

namespace lw::server {

namespace {

std::optional<std::string> base64Url(const std::string &segment)
{
    auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(segment), QByteArray::Base64UrlEncoding
                                                                                          | QByteArray::OmitTrailingEquals
                                                                                          | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded.toStdString();
}

std::variant<lw::Json, std::string> jsonObject(const std::string &text, const char *what)
{
    if (auto at = lw::jsonTooDeepAt(text))
        return "the bearer token's " + std::string(what) + ": " + lw::jsonTooDeepMessage(*at);
    lw::Json j = lw::Json::parse(text, nullptr, false);
    if (!j.is_object())
        return "the bearer token's " + std::string(what) + " is not a JSON object";
    return j;
}

} // namespace

std::variant<DecodedJwt, std::string> decodeJwt(const std::string &token)
{
    const size_t first = token.find('.');
    const size_t second = first == std::string::npos ? first : token.find('.', first + 1);
    if (second == std::string::npos || token.find('.', second + 1) != std::string::npos)
        return std::string("the bearer token is not a JWT (three dot-separated parts)");
    auto header = base64Url(token.substr(0, first));
    auto claims = base64Url(token.substr(first + 1, second - first - 1));
    auto signature = base64Url(token.substr(second + 1));
    if (!header || !claims || !signature)
        return std::string("the bearer token's parts are not base64url");
    auto headerJson = jsonObject(*header, "header");
    if (auto *why = std::get_if<std::string>(&headerJson))
        return *why;
    auto claimsJson = jsonObject(*claims, "claims");
    if (auto *why = std::get_if<std::string>(&claimsJson))
        return *why;
    return DecodedJwt{std::get<lw::Json>(std::move(headerJson)), std::get<lw::Json>(std::move(claimsJson)), token.substr(0, second),
                      std::move(*signature)};
}

bool hmacSignatureMatches(const std::string &alg, const std::string &key, const DecodedJwt &jwt)
{
    const EVP_MD *md = alg == "HS256" ? EVP_sha256() : alg == "HS384" ? EVP_sha384() : alg == "HS512" ? EVP_sha512() : nullptr;
    if (!md || key.empty())
        return false;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char *>(jwt.signingInput.data()),
              jwt.signingInput.size(), mac, &length))
        return false;
    return jwt.signature.size() == length && CRYPTO_memcmp(mac, jwt.signature.data(), length) == 0;
}

std::optional<std::string> timeClaimsError(const lw::Json &claims, const TimeRules &rules)
{
    constexpr int64_t MaxSeconds = 253402300799; // 9999-12-31T23:59:59Z
    auto read = [&](const char *name, int64_t &out) -> std::optional<std::string> {
        const auto it = claims.find(name);
        if (it == claims.end())
            return std::nullopt;
        if (!it->is_number_integer() && !it->is_number_unsigned())
            return "the token's \"" + std::string(name) + "\" is not an integer number of seconds";
        if (it->is_number_unsigned() ? it->get<uint64_t>() > static_cast<uint64_t>(MaxSeconds)
                                     : (it->get<int64_t>() < 0 || it->get<int64_t>() > MaxSeconds))
            return "the token's \"" + std::string(name) + "\" is out of range";
        out = it->get<int64_t>();
        return std::nullopt;
    };
    int64_t iat = -1, nbf = -1, exp = -1;
    for (auto &[name, value] : {std::pair<const char *, int64_t *>{"iat", &iat}, {"nbf", &nbf}, {"exp", &exp}}) {
        if (auto why = read(name, *value))
            return why;
    }
    if (exp < 0) {
        if (rules.requireExp)
            return std::string("the token has no expiry (exp)");
    } else if (exp + rules.leewaySeconds <= rules.nowSeconds) {
        return std::string("the token has expired");
    }
    if (nbf >= 0 && nbf > rules.nowSeconds + rules.leewaySeconds)
        return std::string("the token is not valid yet (nbf)");
    if (iat >= 0 && iat > rules.nowSeconds + rules.leewaySeconds)
        return std::string("the token was issued in the future (iat)");
    if (rules.maxLifetimeSeconds > 0 && exp >= 0 && exp > rules.nowSeconds + rules.maxLifetimeSeconds + rules.leewaySeconds)
        return "the token lives longer than " + std::to_string(rules.maxLifetimeSeconds) + " s (the server's limit); sign it with a shorter exp";
    return std::nullopt;
}

} // namespace lw::server
