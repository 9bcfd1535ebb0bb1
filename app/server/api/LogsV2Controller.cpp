#include "LogsV2Controller.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "store/ConfigStore.h"
#include "store/SecretBox.h"
#include "Source.h"
#include "Target.h"
#include "TlsBundle.h"
#include "ValidationError.h"

namespace lw::server {

using json = lw::Json;

namespace {
std::string bundleAad(const std::string &name)
{
    return "tls-bundle/" + name;
}
} // namespace

LogsV2Controller::LogsV2Controller(ConfigStore &store, const SecretBox &secrets, AuditLog &audit)
    : m_store(store), m_secrets(secrets)
{
    m_sources = std::make_unique<ConfigResource>(
        store, audit, Source::kind, "source", Source::collection, "source",
        ConfigResource::Hooks{[this](const json &b, const StoredRecord *) { return decodeSource(b); }, {}, {}});
    m_targets = std::make_unique<ConfigResource>(
        store, audit, Target::kind, "target", Target::collection, "target",
        ConfigResource::Hooks{[this](const json &b, const StoredRecord *) { return decodeTarget(b); }, {}, {}});
    m_tlsBundles = std::make_unique<ConfigResource>(
        store, audit, TlsBundle::kind, "tlsBundle", TlsBundle::collection, "TLS bundle",
        ConfigResource::Hooks{
            [this](const json &b, const StoredRecord *existing) { return decodeTlsBundle(b, existing); },
            [](const json &stored) { return TlsBundle::fromStorageJson(stored).toPublicJson(); },
            [this](const std::string &name) { refuseDeletingUsedBundle(name); }});
}

void LogsV2Controller::registerRoutes(Router &router)
{
    m_tlsBundles->registerRoutes(router, "/api/v2/logs/tls-bundles", scopes::ConfigRead, scopes::ConfigWrite);
    m_sources->registerRoutes(router, "/api/v2/logs/sources", scopes::ConfigRead, scopes::ConfigWrite);
    m_targets->registerRoutes(router, "/api/v2/logs/targets", scopes::ConfigRead, scopes::ConfigWrite);
}

json LogsV2Controller::decode(const std::string &kind, const json &body) const
{
    if (kind == Source::kind)
        return decodeSource(body);
    if (kind == Target::kind)
        return decodeTarget(body);
    throw std::logic_error("no preview decoder for kind " + kind);
}

json LogsV2Controller::decodeSource(const json &body) const
{
    return Source::fromJson(body).toJson();
}

json LogsV2Controller::decodeTarget(const json &body) const
{
    Target target = Target::fromJson(body);
    if (auto ref = target.tlsBundleReference(); ref && !m_store.get(TlsBundle::kind, ref->first)) {
        throw ValidationError(ref->second, "TLS bundle \"" + ref->first + "\" named in \"" + ref->second
                                               + "\" does not exist; create it under /api/v2/logs/tls-bundles first",
                              "unknown_reference");
    }
    return target.toJson();
}

json LogsV2Controller::decodeTlsBundle(const json &body, const StoredRecord *existing) const
{
    TlsBundleInput input = TlsBundleInput::fromJson(body);
    TlsBundle bundle;
    bundle.name = input.name;
    bundle.caPem = input.caPem;
    bundle.ca = tls::inspectCertificates("caPem", input.caPem);
    bundle.certPem = input.certPem;
    if (input.certPem)
        bundle.cert = tls::inspectCertificates("certPem", *input.certPem);
    if (input.keyPem) {
        bundle.keyCiphertext = m_secrets.seal(*input.keyPem, bundleAad(bundle.name));
    } else if (existing && input.certPem) {
        // The key is never sent back to clients, so an edit may omit it: keep the stored key,
        // but only while it still belongs to the certificate.
        TlsBundle old = TlsBundle::fromStorageJson(json::parse(existing->value));
        if (old.keyCiphertext) {
            if (old.certPem != input.certPem)
                throw ValidationError("keyPem", "\"keyPem\" is required when \"certPem\" changes", "missing_field");
            bundle.keyCiphertext = old.keyCiphertext;
        }
    }
    return bundle.toStorageJson();
}

void LogsV2Controller::refuseDeletingUsedBundle(const std::string &name) const
{
    std::string users;
    for (const StoredRecord &r : m_store.list(Target::kind)) {
        Target t = Target::fromJson(json::parse(r.value));
        if (auto ref = t.tlsBundleReference(); ref && ref->first == name)
            users += (users.empty() ? "\"" : ", \"") + t.name + "\"";
    }
    if (!users.empty()) {
        throw ApiError(409, "in_use",
                       "TLS bundle \"" + name + "\" is still used by target " + users
                           + "; change or delete the target first");
    }
}

} // namespace lw::server
