#include "Target.h"
#include "JsonReader.h"
#include "Validation.h"

namespace lw {

using json = lw::Json;

static std::optional<std::string> readBundleName(JsonReader &r)
{
    auto bundle = r.optionalString("tlsBundle");
    if (bundle)
        validation::requireName(r.fieldPath("tlsBundle"), *bundle);
    return bundle;
}

Target Target::fromJson(const json &document)
{
    JsonReader r(document);
    Target t;
    t.name = r.requiredString("name");
    validation::requireName("name", t.name);
    t.type = r.requiredString("type");
    validation::requireOneOf("type", t.type, {"LOKI", "RSYSLOG"});
    t.enabled = r.optionalBool("enabled", true);

    if (auto l = r.optionalObject("loki")) {
        Loki loki;
        loki.url = l->requiredString("url");
        validation::requireHttpUrl("loki.url", loki.url);
        loki.tenantId = l->optionalString("tenantId");
        if (loki.tenantId)
            validation::requirePlainText("loki.tenantId", *loki.tenantId, 256);
        loki.tlsBundle = readBundleName(*l);
        l->finish();
        t.loki = loki;
    }
    if (auto s = r.optionalObject("rsyslog")) {
        Rsyslog rs;
        rs.endpoint = s->requiredString("endpoint");
        validation::requireHost("rsyslog.endpoint", rs.endpoint);
        rs.port = static_cast<int>(s->requiredInteger("port", 1, 65535));
        rs.timeout = s->optionalString("timeout");
        if (rs.timeout)
            validation::requireGoDuration("rsyslog.timeout", *rs.timeout);
        rs.tlsBundle = readBundleName(*s);
        s->finish();
        t.rsyslog = rs;
    }
    r.finish();

    if (t.type == "LOKI") {
        if (!t.loki)
            throw ValidationError("loki", "a target of type LOKI needs a \"loki\" block", "missing_field");
        if (t.rsyslog)
            throw ValidationError("rsyslog", "a target of type LOKI must not have an \"rsyslog\" block", "conflicting_fields");
    } else {
        if (!t.rsyslog)
            throw ValidationError("rsyslog", "a target of type RSYSLOG needs an \"rsyslog\" block", "missing_field");
        if (t.loki)
            throw ValidationError("loki", "a target of type RSYSLOG must not have a \"loki\" block", "conflicting_fields");
    }
    return t;
}

json Target::toJson() const
{
    json j = {{"name", name}, {"type", type}, {"enabled", enabled}};
    if (loki) {
        json l = {{"url", loki->url}};
        if (loki->tenantId)
            l["tenantId"] = *loki->tenantId;
        if (loki->tlsBundle)
            l["tlsBundle"] = *loki->tlsBundle;
        j["loki"] = l;
    }
    if (rsyslog) {
        json s = {{"endpoint", rsyslog->endpoint}, {"port", rsyslog->port}};
        if (rsyslog->timeout)
            s["timeout"] = *rsyslog->timeout;
        if (rsyslog->tlsBundle)
            s["tlsBundle"] = *rsyslog->tlsBundle;
        j["rsyslog"] = s;
    }
    return j;
}

std::optional<std::pair<std::string, std::string>> Target::tlsBundleReference() const
{
    if (loki && loki->tlsBundle)
        return std::make_pair(*loki->tlsBundle, std::string("loki.tlsBundle"));
    if (rsyslog && rsyslog->tlsBundle)
        return std::make_pair(*rsyslog->tlsBundle, std::string("rsyslog.tlsBundle"));
    return std::nullopt;
}

} // namespace lw
