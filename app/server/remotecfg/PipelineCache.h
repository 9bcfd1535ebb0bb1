#pragma once

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace lw::server {

class ConfigStore;
class SecretBox;

struct Pipeline {
    std::string content;  // what agents get
    std::string redacted; // what people see: private keys replaced by a marker
    std::string hash;     // hex SHA-256 of content
    int enabledTargets = 0;
    QByteArray fullResponseProto; // serialized GetConfigResponse with content, shared by every full answer
    QByteArray notModifiedProto;  // serialized GetConfigResponse with not_modified = true
};

// The rendered Alloy pipeline, rebuilt once after each change of sources, targets or TLS
// bundles (lazily, on the next read), never per poll.
class PipelineCache : public QObject {
    Q_OBJECT
public:
    PipelineCache(ConfigStore &store, const SecretBox &secrets, QObject *parent = nullptr);

    // On the event loop: the pipeline, rendered now if a change made it stale.
    const Pipeline &current();
    // From any thread: the current pipeline, or null while a change waits to be rendered.
    std::shared_ptr<const Pipeline> snapshot() const;
    int renderCount() const { return m_renders; }

Q_SIGNALS:
    void invalidated();

private:
    void rebuild();

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Pipeline> m_pipeline;
    std::atomic<bool> m_dirty{true};
    int m_renders = 0;
};

} // namespace lw::server
