#include "JwtRevocations.h"
#include "store/AuditLog.h"
#include "auth/CredentialResolver.h"
#include "auth/JwtClaims.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"
#include "JsonReader.h"

namespace lw::server {

namespace {
constexpr const char *Kind = CredentialResolver::RevokedJwtKind;

void requireJti(const std::string &jti)
{
    bool ok = !jti.empty() && jti.size() <= 128;
    for (char c : jti)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    if (!ok)
        throw ValidationError("jti", "\"jti\" must be 1 to 128 characters of A-Z, a-z, 0-9, '-' and '_'", "invalid_value");
}
} // namespace

JwtRevocations::JwtRevocations(ConfigStore &store, AuditLog &audit) : m_store(store), m_audit(audit) {}

void JwtRevocations::registerRoutes(Router &router)
{
    router.add("GET", "/admin/api/v3/revoked-jwts", scopes::AdminRead, [this](HttpRequest &r) { return list(r); });
    router.add("POST", "/admin/api/v3/revoked-jwts", scopes::Admin, [this](HttpRequest &r) { return create(r); });
}

std::pair<std::string, int64_t> JwtRevocations::idOf(const std::string &token)
{
    auto decoded = decodeJwt(token);
    if (auto *why = std::get_if<std::string>(&decoded))
        throw ValidationError("token", "\"token\": " + *why, "invalid_value");
    const Json &claims = std::get<DecodedJwt>(decoded).claims;
    const Json jti = claims.value("jti", Json());
    if (!jti.is_string())
        throw ValidationError("token", "\"token\" has no jti (only server JWTs can be revoked; users' tokens end with "
                                       "a new access key, admin tokens by deactivating them)", "invalid_value");
    const Json exp = claims.value("exp", Json());
    return {jti.get<std::string>(), exp.is_number_integer() ? exp.get<int64_t>() : 0};
}

bool JwtRevocations::revoke(ConfigStore &store, AuditLog &audit, const std::string &actor, const std::string &jti,
                            int64_t expiresAtSeconds)
{
    requireJti(jti);
    Json record = {{"jti", jti}, {"revoked_at", nowRfc3339()}, {"revoked_by", actor}};
    if (expiresAtSeconds > 0)
        record["expires_at"] = expiresAtSeconds;
    const auto results = audit.commit({Mutation{Mutation::Op::Create, Kind, jti, record.dump(), ConfigStore::AnyRevision},
                                       audit.entry(actor, "revoke", Kind, jti, nullptr, record)});
    return results[0].status == WriteStatus::Ok;
}

HttpResponse JwtRevocations::list(HttpRequest &)
{
    Json items = Json::array();
    for (const StoredRecord &r : m_store.list(Kind))
        items.push_back(Json::parse(r.value));
    return HttpResponse::json(200, {{"items", items}, {"type", "revoked-jwt"}});
}

HttpResponse JwtRevocations::create(HttpRequest &req)
{
    const Json body = parseJsonDocument(req.body.toStdString());
    if (!body.is_object())
        throw ValidationError({}, "the body must be a JSON object with \"jti\" or \"token\"", "invalid_type");
    JsonReader r(body);
    auto jti = r.optionalString("jti");
    auto token = r.optionalString("token");
    r.finish();
    if (jti.has_value() == token.has_value())
        throw ValidationError({}, "give exactly one of \"jti\" and \"token\"", "invalid_value");
    int64_t exp = 0;
    if (token)
        std::tie(jti, exp) = idOf(*token);
    if (!revoke(m_store, m_audit, actorOf(req), *jti, exp))
        throw ApiError(409, "already_exists", "the JWT \"" + jti->substr(0, 128) + "\" is revoked already", "jti");
    return HttpResponse::json(201, Json::parse(m_store.get(Kind, *jti)->value));
}

} // namespace lw::server
