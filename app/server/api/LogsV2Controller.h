#pragma once

#include "api/ConfigResource.h"

#include <memory>

namespace lw::server {

class AuditLog;
class ConfigStore;
class Router;
class SecretBox;

// Seed 000's log-streaming configuration: /api/v2/logs/{tls-bundles,sources,targets}.
class LogsV2Controller {
public:
    LogsV2Controller(ConfigStore &store, const SecretBox &secrets, AuditLog &audit);
    void registerRoutes(Router &router);
    // A source's or target's request body as POST/PUT would store it (the same refusals).
    lw::Json decode(const std::string &kind, const lw::Json &body) const;

private:
    lw::Json decodeSource(const lw::Json &body) const;
    lw::Json decodeTarget(const lw::Json &body) const;
    lw::Json decodeTlsBundle(const lw::Json &body, const StoredRecord *existing) const;
    void refuseDeletingUsedBundle(const std::string &name) const;

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    std::unique_ptr<ConfigResource> m_sources;
    std::unique_ptr<ConfigResource> m_targets;
    std::unique_ptr<ConfigResource> m_tlsBundles;
};

} // namespace lw::server
