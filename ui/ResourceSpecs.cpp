#include "ResourceSpecs.h"

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

// Runs a model codec and turns its ValidationError into the sentence shown under the editor.
template <typename F> std::function<QString(const Json &)> validating(F codec)
{
    return [codec](const Json &value) -> QString {
        try {
            codec(value);
            return {};
        } catch (const lw::ValidationError &e) {
            return QString::fromUtf8(e.what());
        }
    };
}

QString requireAdminName(const Json &v)
{
    if (!v.is_object() || !v.contains("name") || !v["name"].is_string())
        return tr("\"name\" is required.");
    if (!lw::validation::isValidName(v["name"].get<std::string>()))
        return tr("\"name\" must be 3 to 64 characters of a-z, 0-9, '-' and '_'.");
    return {};
}

} // namespace

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
        {QStringLiteral("UNKNOWN"), {tr("Unknown"), Tone::None}},
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
    targets.singular = tr("target");
    targets.previewKind = "target";
    out.push_back(targets);
    ResourceSpec bundles{tr("TLS Bundles"), "/api/v2/logs/tls-bundles", "tlsBundles", "/api/v2/logs/tls-bundles/", "tlsBundle",
                         {{tr("Name"), "/name"}, {tr("Certificate subject"), "/cert/subject"}, {tr("Issuer"), "/cert/issuer"},
                          {tr("Not after"), "/cert/notAfter"}, {tr("Has key"), "/hasKey"}},
                         Json{{"name", "new-bundle"}, {"caPem", "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n"},
                              {"certPem", ""}, {"keyPem", ""}},
                         true, false, 0, validating([](const Json &v) { lw::TlsBundleInput::fromJson(v); }),
                         {"ca", "cert", "hasKey"}, {}};
    bundles.singular = tr("TLS bundle");
    out.push_back(bundles);
    using Kind = lw::JsonTableModel::Column::Kind;
    const auto presentCollectorStatus = collectorStatusWords();
    ResourceSpec collectors{tr("Collectors"), "/api/v2/logs/collectors", "collectors", "/api/v2/logs/collectors/", "collector",
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
                         true, true, 0, requireAdminName, {"created_at"}, {}};
    tenants.singular = tr("tenant");
    out.push_back(tenants);
    ResourceSpec policies{tr("Access Policies"), "/admin/api/v3/accesspolicies?include-non-active=true", "items",
                          "/admin/api/v3/accesspolicies/", "",
                          {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Scopes"), "/scopes"},
                           {tr("Realms"), "/realms"}, {tr("Created"), "/created_at"}},
                          Json{{"name", "new-policy"}, {"realms", {{{"tenant", "*"}, {"cluster", "logwarden"}}}},
                               {"scopes", {"logs:read"}}},
                          true, true, 0, requireAdminName, {"created_at"}, {}};
    policies.singular = tr("access policy");
    out.push_back(policies);
    ResourceSpec tokens{tr("Tokens"), "/admin/api/v3/tokens?include-non-active=true", "items", "/admin/api/v3/tokens/", "",
                        {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Access policy"), "/access_policy"},
                         {tr("Expiration"), "/expiration", lw::JsonTableModel::Column::Kind::Expiry}, {tr("Last used"), "/last_used_at"}},
                        Json{{"name", "new-token"}, {"access_policy", "new-policy"}, {"expiration", "2030-01-01T00:00:00Z"}},
                        true, true, 0, requireAdminName, {"created_at", "last_used_at"}, {}};
    tokens.singular = tr("token");
    out.push_back(tokens);
    ResourceSpec ingest{tr("Ingest Tokens"), "/admin/api/v3/tenants/{tenant}/ingest-tokens?include-non-active=true", "items",
                        "/admin/api/v3/tenants/{tenant}/ingest-tokens/", "",
                        {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Parser"), "/parser"},
                         {tr("Custom value"), "/custom"}, {tr("Created"), "/created_at"}},
                        Json{{"name", "new-shipper"}, {"parser", "json"}},
                        true, true, 0,
                        [](const Json &v) -> QString {
                            if (QString problem = requireAdminName(v); !problem.isEmpty())
                                return problem;
                            if (v.contains("parser")) {
                                const std::string p = v["parser"].is_string() ? v["parser"].get<std::string>() : "";
                                if (p != "json" && p != "kv" && p != "zap_json" && p != "none")
                                    return tr("\"parser\" must be json, kv, zap_json or none.");
                            }
                            return {};
                        },
                        {"created_at", "tenant", "custom"}, {}, true};
    ingest.singular = tr("ingest token");
    out.push_back(ingest);
    ResourceSpec users{tr("Users"), "/admin/api/v3/users?include-non-active=true", "items", "/admin/api/v3/users/", "",
                       {{tr("Name"), "/name"}, {tr("Status"), "/status"}, {tr("Scopes"), "/scopes"},
                        {tr("Key created"), "/access_key_created_at"}},
                       Json{{"name", "new-user"}, {"scopes", {"logsource:read", "search:read"}}},
                       true, true, 0, requireAdminName, {"created_at", "access_key_created_at"}, {}};
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
