#pragma once

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "Json.h"

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

struct PipelineInput;

// A proposed change to one source or target, for a preview: its stored form, or nothing (a delete).
struct PipelineChange {
    std::string kind; // Source::kind or Target::kind
    std::string name;
    std::optional<Json> stored;
};

// What agents would be served with a change applied: the hash they would get and the text people see.
struct PipelinePreview {
    std::string hash;
    std::string redacted;
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
    // Renders the pipeline as it would be with `change` applied; nothing is stored or served.
    PipelinePreview preview(const PipelineChange &change) const;

Q_SIGNALS:
    void invalidated();

private:
    void rebuild();
    PipelineInput gather(const PipelineChange *change) const;

    ConfigStore &m_store;
    const SecretBox &m_secrets;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Pipeline> m_pipeline;
    std::atomic<bool> m_dirty{true};
    int m_renders = 0;
};

} // namespace lw::server
