#include "AccessModels.h"
#include "JsonReader.h"

#include <QDateTime>
#include <QRegularExpression>

#include <map>
#include <sstream>

namespace lw {

namespace scope {

const std::vector<std::string> &known()
{
    static const std::vector<std::string> list = {"logs:read", "logs:write", "logs:delete", "admin", "admin:read", "config:read", "config:write"};
    return list;
}

const std::vector<std::pair<std::string, std::string>> &aliases()
{
    static const std::vector<std::pair<std::string, std::string>> list = {
        {"search:read", "logs:read"},       {"search:write", "logs:write"},     {"logsource:read", "config:read"},
        {"logsources:read", "config:read"}, {"logsource:write", "config:write"}, {"logsources:write", "config:write"},
        {"user:read", "admin:read"},        {"user:write", "admin"}, // reading users is not administering them
    };
    return list;
}

std::optional<std::string> canonical(const std::string &word)
{
    for (const std::string &k : known()) {
        if (k == word)
            return k;
    }
    for (const auto &[alias, ours] : aliases()) {
        if (alias == word)
            return ours;
    }
    return std::nullopt;
}

std::set<std::string> parseList(const std::string &spaceSeparated)
{
    std::set<std::string> out;
    std::istringstream in(spaceSeparated);
    std::string word;
    while (in >> word) {
        if (auto c = canonical(word))
            out.insert(*c);
    }
    return out;
}

} // namespace scope

namespace {

Json realmsToJson(const std::vector<Realm> &realms)
{
    Json out = Json::array();
    for (const Realm &r : realms) {
        Json j = {{"tenant", r.tenant}, {"cluster", r.cluster}};
        if (!r.labelSelectors.empty()) {
            Json policies = Json::array();
            for (const auto &s : r.labelSelectors)
                policies.push_back({{"selector", s}});
            j["label_policies"] = policies;
        }
        out.push_back(j);
    }
    return out;
}

std::vector<Realm> realmsFromJson(const Json &j)
{
    std::vector<Realm> out;
    for (const Json &r : j) {
        Realm realm{r.value("tenant", ""), r.value("cluster", ""), {}};
        for (const Json &p : r.value("label_policies", Json::array()))
            realm.labelSelectors.push_back(p.value("selector", ""));
        out.push_back(realm);
    }
    return out;
}

void baseToJson(const AdminRecordBase &b, Json &j)
{
    j["name"] = b.name;
    j["display_name"] = b.displayName;
    j["created_at"] = b.createdAt;
    j["status"] = b.status;
}

void baseFromJson(const Json &j, AdminRecordBase &b)
{
    b.name = j.value("name", "");
    b.displayName = j.value("display_name", "");
    b.createdAt = j.value("created_at", "");
    b.status = j.value("status", "active");
}

} // namespace

Json Tenant::toJson() const
{
    Json j = Json::object();
    baseToJson(*this, j);
    j["cluster"] = cluster;
    return j;
}

Tenant Tenant::fromJson(const Json &j)
{
    Tenant t;
    baseFromJson(j, t);
    t.cluster = j.value("cluster", "");
    return t;
}

Json AccessPolicy::toJson() const
{
    Json j = Json::object();
    baseToJson(*this, j);
    j["realms"] = realmsToJson(realms);
    j["scopes"] = scopes;
    return j;
}

AccessPolicy AccessPolicy::fromJson(const Json &j)
{
    AccessPolicy p;
    baseFromJson(j, p);
    p.realms = realmsFromJson(j.value("realms", Json::array()));
    p.scopes = j.value("scopes", std::vector<std::string>{});
    return p;
}

Json AdminToken::toPublicJson() const
{
    Json j = Json::object();
    baseToJson(*this, j);
    j["access_policy"] = accessPolicy;
    j["expiration"] = expiration;
    return j;
}

Json AdminToken::toStorageJson() const
{
    Json j = toPublicJson();
    j["secret_hash"] = secretHash;
    return j;
}

AdminToken AdminToken::fromStorageJson(const Json &j)
{
    AdminToken t;
    baseFromJson(j, t);
    t.accessPolicy = j.value("access_policy", "");
    t.expiration = j.value("expiration", "");
    t.secretHash = j.value("secret_hash", "");
    return t;
}

Json AgentToken::toPublicJson() const
{
    Json j = Json::object();
    baseToJson(*this, j);
    j["expiration"] = expiration;
    j["max_collectors"] = maxCollectors;
    return j;
}

Json AgentToken::toStorageJson() const
{
    Json j = toPublicJson();
    j["secret_hash"] = secretHash;
    return j;
}

AgentToken AgentToken::fromStorageJson(const Json &j)
{
    AgentToken t;
    baseFromJson(j, t);
    t.expiration = j.value("expiration", "");
    t.maxCollectors = j.value("max_collectors", 10);
    t.secretHash = j.value("secret_hash", "");
    return t;
}

Json User::toPublicJson() const
{
    Json j = Json::object();
    baseToJson(*this, j);
    j["scopes"] = scopes;
    j["realms"] = realmsToJson(realms);
    j["access_key_created_at"] = accessKeyCreatedAt;
    return j;
}

Json User::toStorageJson() const
{
    Json j = toPublicJson();
    j["access_key_ciphertext"] = accessKeyCiphertext;
    return j;
}

User User::fromStorageJson(const Json &j)
{
    User u;
    baseFromJson(j, u);
    u.scopes = j.value("scopes", std::vector<std::string>{});
    u.realms = realmsFromJson(j.value("realms", Json::array()));
    u.accessKeyCiphertext = j.value("access_key_ciphertext", "");
    u.accessKeyCreatedAt = j.value("access_key_created_at", "");
    return u;
}

Json IngestToken::toPublicJson() const
{
    return {{"name", name}, {"tenant", tenant}, {"parser", parser}, {"created_at", createdAt}, {"custom", custom},
            {"status", status}};
}

Json IngestToken::toStorageJson() const
{
    Json j = toPublicJson();
    j["token_hash"] = tokenHash;
    return j;
}

IngestToken IngestToken::fromStorageJson(const Json &j)
{
    IngestToken t;
    t.name = j.value("name", "");
    t.tenant = j.value("tenant", "");
    t.parser = j.value("parser", "none");
    t.createdAt = j.value("created_at", "");
    t.custom = j.value("custom", false);
    t.tokenHash = j.value("token_hash", "");
    t.status = j.value("status", "active");
    return t;
}

std::optional<int64_t> parseRfc3339Millis(const std::string &text)
{
    // GEL writes nanoseconds ("…59.341728283Z"); Qt reads milliseconds: keep three digits.
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})$"));
    const auto m = re.match(QString::fromStdString(text));
    if (!m.hasMatch())
        return std::nullopt;
    const QString fraction = (m.captured(2) + QStringLiteral("000")).left(3);
    const QDateTime t = QDateTime::fromString(m.captured(1) + QLatin1Char('.') + fraction + m.captured(3), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::string nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace lw
