#pragma once

#include <QObject>

#include <cstdint>
#include <string>

namespace lw::server {

class ConfigStore;
class SecretBox;

struct Pipeline {
    std::string content;  // what agents get
    std::string redacted; // what people see: private keys replaced by a marker
    std::string hash;     // hex SHA-256 of content
    int enabledTargets = 0;
    std::string fullResponseProto; // serialized GetConfigResponse with content, reused for every full answer
    std::string notModifiedProto;  // serialized GetConfigResponse with not_modified = true
};

// The rendered Alloy pipeline, rebuilt once after each change of sources, targets or TLS
// bundles (lazily, on the next read), never per poll.
class PipelineCache : public QObject {
    Q_OBJECT
public:
    PipelineCache(ConfigStore &store, const SecretBox &secrets, QObject *parent = nullptr);

    const Pipeline &current();
    int renderCount() const { return m_renders; }

Q_SIGNALS:
    void invalidated();

private:
    void rebuild();

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    Pipeline m_pipeline;
    bool m_dirty = true;
    int m_renders = 0;
};

} // namespace lw::server
