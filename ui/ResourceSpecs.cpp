#include "ResourceSpecs.h"

#include "AccessModels.h"
#include "AdminForms.h"
#include "ConfigForms.h"

#include "Source.h"
#include "Target.h"
#include "TlsBundle.h"
#include "Validation.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QHash>

namespace lw::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lw::ui", text); // the context lupdate gives tr() in this namespace
}

// Runs a check and turns its ValidationError into the sentence shown under the editor and the
// field it names (framed in the form).
template <typename F> std::function<Problem(const Json &)> validating(F check)
{
    return [check](const Json &value) -> Problem {
        try {
            check(value);
            return {};
        } catch (const lw::ValidationError &e) {
            return {QString::fromUtf8(e.what()), QString::fromStdString(e.field())};
        } catch (const std::exception &e) {
            return {QString::fromUtf8(e.what()), {}};
        }
    };
}

// The admin API's rules (AdminV3Controller) that need no server state, checked as the admin types;
// what needs the server (does the tenant exist, is the selector's regex valid) it answers on save.
std::string stringField(const Json &v, const std::string &field, bool required)
{
    const auto it = v.find(field);
    if (it == v.end() || it->is_null()) {
        if (required)
            throw lw::ValidationError(field, "\"" + field + "\" is required", "missing_field");
        return {};
    }
    if (!it->is_string())
        throw lw::ValidationError(field, "\"" + field + "\" must be a string", "invalid_type");
    return it->get<std::string>();
}

void checkAdminBase(const Json &v)
{
    if (!v.is_object())
        throw lw::ValidationError("", "a record is a JSON object", "invalid_type");
    lw::validation::requireName("name", stringField(v, "name", true));
    if (stringField(v, "display_name", false).size() > 256)
        throw lw::ValidationError("display_name", "\"display_name\" is longer than 256 characters", "invalid_value");
}

void checkRealms(const Json &v, bool required)
{
    if (!v.contains("realms")) {
        if (required)
            throw lw::ValidationError("realms", "\"realms\" is required", "missing_field");
        return;
    }
    const Json &realms = v["realms"];
    if (!realms.is_array())
        throw lw::ValidationError("realms", "\"realms\" must be an array", "invalid_type");
    if (required && realms.empty())
        throw lw::ValidationError("realms", "\"realms\" needs at least one realm", "invalid_value");
    for (size_t i = 0; i < realms.size(); ++i) {
        const std::string path = "realms[" + std::to_string(i) + "]";
        if (!realms[i].is_object())
            throw lw::ValidationError(path, "\"" + path + "\" must be an object", "invalid_type");
        for (const char *key : {"tenant", "cluster"}) {
            if (stringField(realms[i], key, true).empty())
                throw lw::ValidationError(path + "." + key, "\"" + path + "." + key + "\" is required", "missing_field");
        }
        const Json policies = realms[i].value("label_policies", Json::array());
        if (!policies.is_array())
            throw lw::ValidationError(path + ".label_policies", "\"" + path + ".label_policies\" must be an array", "invalid_type");
        for (size_t k = 0; k < policies.size(); ++k) {
            const std::string lp = path + ".label_policies[" + std::to_string(k) + "].selector";
            const Json selector = policies[k].is_object() ? policies[k].value("selector", Json()) : Json();
            lw::validation::requireStreamSelector(lp, selector.is_string() ? selector.get<std::string>() : std::string());
        }
    }
}

void checkScopes(const Json &v, bool aliasesAllowed)
{
    if (!v.contains("scopes"))
        throw lw::ValidationError("scopes", "\"scopes\" is required", "missing_field"); // as the server's readScopes
    const Json &scopes = v["scopes"];
    if (!scopes.is_array())
        throw lw::ValidationError("scopes", "\"scopes\" must be an array", "invalid_type");
    for (size_t i = 0; i < scopes.size(); ++i) {
        if (!scopes[i].is_string())
            throw lw::ValidationError("scopes[" + std::to_string(i) + "]", "\"scopes[" + std::to_string(i) + "]\" must be a string",
                                      "invalid_type");
        const std::string word = scopes[i].get<std::string>();
        const auto canonical = lw::scope::canonical(word);
        if (!canonical || (!aliasesAllowed && *canonical != word))
            throw lw::ValidationError("scopes[" + std::to_string(i) + "]",
                                      "\"scopes[" + std::to_string(i) + "]\" is \"" + word.substr(0, 64) + "\", not a known scope",
                                      "invalid_value");
    }
}

void checkExpiration(const Json &v)
{
    const std::string expiration = stringField(v, "expiration", false);
    if (!expiration.empty() && !lw::parseRfc3339Millis(expiration))
        throw lw::ValidationError("expiration", "\"expiration\" must be an RFC 3339 time such as 2030-01-01T00:00:00Z", "invalid_value");
}

template <typename Form> std::function<RecordForm *(const FormContext &)> formOf()
{
    return [](const FormContext &context) -> RecordForm * { return new Form(context); };
}

} // namespace

QString collectorListPath()
{
    return QStringLiteral("/api/v2/logs/collectors?fields=id,name,alloyStatus,remotecfgStatus,pipelineHealth,failingExporters,"
                          "totalExporters,lastSeen");
}

std::function<lw::JsonTableModel::Presented(const QString &)> collectorStatusWords()
{
    using Tone = lw::JsonTableModel::Tone;
    // Translated once, when the tabs are made: the table calls this for three cells of every row.
    const QHash<QString, lw::JsonTableModel::Presented> words = {
        {QStringLiteral("ALLOY_ONLINE"), {tr("Online"), Tone::Good}},
        {QStringLiteral("ALLOY_OFFLINE"), {tr("Offline"), Tone::Bad}},
        {QStringLiteral("ALLOY_UNKNOWN"), {tr("Unknown"), Tone::Warning}},
        {QStringLiteral("REMOTECFG_UP"), {tr("Up to date"), Tone::Good}},
        {QStringLiteral("REMOTECFG_PENDING"), {tr("Pending"), Tone::Warning}},
        {QStringLiteral("REMOTECFG_FAILED"), {tr("Failed"), Tone::Bad}},
        {QStringLiteral("REMOTECFG_DOWN"), {tr("Down"), Tone::Bad}},
        {QStringLiteral("OK"), {tr("OK"), Tone::Good}},
        {QStringLiteral("DEGRADED"), {tr("Degraded"), Tone::Warning}},
        {QStringLiteral("ERROR"), {tr("Error"), Tone::Bad}},
        {QStringLiteral("UNKNOWN"), {tr("Unknown"), Tone::Neutral}}, // not probed yet
    };
    return [words](const QString &raw) {
        const auto it = words.constFind(raw);
        return it != words.constEnd() ? *it : lw::JsonTableModel::Presented{raw, Tone::None};
    };
}

std::vector<ResourceSpec> standardResources()
{
    std::vector<ResourceSpec> out;
    ResourceSpec sources{tr("Sources"), "/api/v2/logs/sources", "sources", "/api/v2/logs/sources/", "source",
                         {{tr("Name"), "/name"}, {tr("Enabled"), "/enabled"}, {tr("Format"), "/logFormat"},
                          {tr("Min level"), "/minLevel"}, {tr("Journald identifier"), "/journald/syslogIdentifier"},
                          {tr("Files"), "/file/paths"}},
                         Json{{"name", "new-source"}, {"enabled", true}, {"logFormat", "ZAP_JSON"}, {"minLevel", "INFO"},
                              {"journald", {{"syslogIdentifier", "my-service"}}}},
                         true, false, 0, validating([](const Json &v) { lw::Source::fromJson(v); }), {}, {}};
    sources.form = formOf<SourceForm>();
    sources.singular = tr("source");
    sources.previewKind = "source";
    out.push_back(sources);
    ResourceSpec targets{tr("Targets"), "/api/v2/logs/targets", "targets", "/api/v2/logs/targets/", "target",
                         {{tr("Name"), "/name"}, {tr("Type"), "/type"}, {tr("Enabled"), "/enabled"}, {tr("Loki URL"), "/loki/url"},
                          {tr("Rsyslog endpoint"), "/rsyslog/endpoint"}, {tr("Port"), "/rsyslog/port"},
                          {tr("TLS bundle"), "/rsyslog/tlsBundle"}},
                         Json{{"name", "new-target"}, {"type", "LOKI"}, {"enabled", true},
                              {"loki", {{"url", "http://loki.example.com:3100/loki/api/v1/push"}}}},
                         true, false, 0, validating([](const Json &v) { lw::Target::fromJson(v); }), {}, {}};
    targets.form = formOf<TargetForm>();
    targets.singular = tr("target");
    targets.previewKind = "target";
    out.push_back(targets);
    ResourceSpec bundles{tr("TLS Bundles"), "/api/v2/logs/tls-bundles", "tlsBundles", "/api/v2/logs/tls-bundles/", "tlsBundle",
                         {{tr("Name"), "/name"}, {tr("Certificate subject"), "/cert/subject"}, {tr("Issuer"), "/cert/issuer"},
                          {tr("Not after"), "/cert/notAfter"}, {tr("Has key"), "/hasKey"}},
                         Json{{"name", "new-bundle"}, {"caPem", "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n"},
                              {"certPem", ""}, {"keyPem", ""}},
                         true, false, 0, validating([](const Json &v) { lw::TlsBundleInput::fromJson(v); }),
                         {"ca", "cert"}, {}}; // "hasKey" stays: the form says the stored key is kept
    bundles.form = formOf<TlsBundleForm>();
    bundles.singular = tr("TLS bundle");
    out.push_back(bundles);
    using Kind = lw::JsonTableModel::Column::Kind;
    const auto presentCollectorStatus = collectorStatusWords();
    // Only the columns' fields: a tenth of the bytes over a big fleet; the selected one is fetched whole.
    ResourceSpec collectors{tr("Collectors"), collectorListPath(), "collectors", "/api/v2/logs/collectors/", "collector",
                            {{tr("ID"), "/id"}, {tr("Name"), "/name"},
                             {tr("Alloy"), "/alloyStatus", Kind::Text, presentCollectorStatus},
                             {tr("Configuration"), "/remotecfgStatus", Kind::Text, presentCollectorStatus},
                             {tr("Pipeline"), "/pipelineHealth", Kind::Text, presentCollectorStatus},
                             {tr("Failing exporters"), "/failingExporters"},
                             {tr("Exporters"), "/totalExporters"}, {tr("Last seen"), "/lastSeen", Kind::Age}},
                            nullptr, false, false, 10, {}, {}, QStringLiteral("/config")};
    collectors.singular = tr("collector");
    collectors.keyField = "id";
    out.push_back(collectors);
    ResourceSpec tenants{tr("Tenants"), "/admin/api/v3/tenants?include-non-active=true", "items", "/admin/api/v3/tenants/", "",
                         {{tr("Name"), "/name"}, {tr("Display name"), "/display_name"}, {tr("Status"), "/status"},
                          {tr("Cluster"), "/cluster"}, {tr("Created"), "/created_at"}},
                         Json{{"name", "new-tenant"}, {"display_name", "New tenant"}, {"cluster", "logwarden"}},
                         true, true, 0, validating([](const Json &v) {
                             checkAdminBase(v);
                             if (stringField(v, "cluster", true).empty())
                                 throw lw::ValidationError("cluster", "\"cluster\" is required", "missing_field");
                         }),
                         {"created_at"}, {}};
    tenants.form = formOf<TenantForm>();
    tenants.singular = tr("tenant");
    out.push_back(tenants);
    ResourceSpec policies{tr("Access Policies"), "/admin/api/v3/accesspolicies?include-non-active=true", "items",
                          "/admin/api/v3/accesspolicies/", "",
                          {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Scopes"), "/scopes"},
                           {tr("Realms"), "/realms"}, {tr("Created"), "/created_at"}},
                          Json{{"name", "new-policy"}, {"realms", {{{"tenant", "*"}, {"cluster", "logwarden"}}}},
                               {"scopes", {"logs:read"}}},
                          true, true, 0, validating([](const Json &v) {
                              checkAdminBase(v);
                              checkRealms(v, true);
                              checkScopes(v, false);
                          }),
                          {"created_at"}, {}};
    policies.form = formOf<AccessPolicyForm>();
    policies.singular = tr("access policy");
    out.push_back(policies);
    ResourceSpec tokens{tr("Tokens"), "/admin/api/v3/tokens?include-non-active=true", "items", "/admin/api/v3/tokens/", "",
                        {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Access policy"), "/access_policy"},
                         {tr("Expiration"), "/expiration", lw::JsonTableModel::Column::Kind::Expiry}, {tr("Last used"), "/last_used_at"}},
                        Json{{"name", "new-token"}, {"access_policy", "new-policy"}, {"expiration", "2030-01-01T00:00:00Z"}},
                        true, true, 0, validating([](const Json &v) {
                            checkAdminBase(v);
                            if (stringField(v, "access_policy", true).empty())
                                throw lw::ValidationError("access_policy", "\"access_policy\" is required", "missing_field");
                            checkExpiration(v);
                        }),
                        {"created_at", "last_used_at"}, {}};
    tokens.form = formOf<TokenForm>();
    tokens.singular = tr("token");
    out.push_back(tokens);
    ResourceSpec ingest{tr("Ingest Tokens"), "/admin/api/v3/tenants/{tenant}/ingest-tokens?include-non-active=true", "items",
                        "/admin/api/v3/tenants/{tenant}/ingest-tokens/", "",
                        {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Parser"), "/parser"},
                         {tr("Custom value"), "/custom"}, {tr("Created"), "/created_at"}},
                        Json{{"name", "new-shipper"}, {"parser", "json"}},
                        true, true, 0,
                        validating([](const Json &v) {
                            checkAdminBase(v);
                            if (v.contains("parser"))
                                lw::validation::requireOneOf("parser", stringField(v, "parser", true), {"json", "kv", "zap_json", "none"});
                        }),
                        {"created_at", "tenant", "custom"}, {}, true};
    ingest.form = formOf<IngestTokenForm>();
    ingest.singular = tr("ingest token");
    out.push_back(ingest);
    ResourceSpec users{tr("Users"), "/admin/api/v3/users?include-non-active=true", "items", "/admin/api/v3/users/", "",
                       {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Scopes"), "/scopes"},
                        {tr("Key created"), "/access_key_created_at"}},
                       Json{{"name", "new-user"}, {"scopes", {"logsource:read", "search:read"}}},
                       true, true, 0, validating([](const Json &v) {
                           checkAdminBase(v);
                           checkScopes(v, true);
                           checkRealms(v, false);
                       }),
                       {"created_at", "access_key_created_at"}, {}};
    users.form = formOf<UserForm>();
    users.singular = tr("user");
    out.push_back(users);
    ResourceSpec audit{tr("Audit"), "/admin/api/v3/audit?limit=1000", "items", "", "",
                       {{tr("Time"), "/time", Kind::Age}, {tr("Actor"), "/actor"}, {tr("Action"), "/action"},
                        {tr("Kind"), "/kind"}, {tr("Name"), "/name"}},
                       nullptr, false, false, 0, {}, {}, {}};
    audit.singular = tr("audit entry");
    audit.keyField = "id";
    audit.showChanges = true;
    audit.initialOrder = Qt::DescendingOrder;
    out.push_back(audit);
    return out;
}

} // namespace lw::ui
