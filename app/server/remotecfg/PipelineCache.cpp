#include "PipelineCache.h"
#include "Log.h"
#include "AlloyRenderer.h"
#include "remotecfg/collector.pb.h"
#include "store/ConfigStore.h"
#include "store/SecretBox.h"
#include "TlsBundle.h"

#include <QCryptographicHash>

#include "ValidationError.h"

#include <algorithm>
#include <cstdio>

namespace lw::server {

PipelineCache::PipelineCache(ConfigStore &store, const SecretBox &secrets, QObject *parent)
    : QObject(parent), m_store(store), m_secrets(secrets)
{
    connect(&store, &ConfigStore::changed, this, [this](const QString &kind) {
        if (kind == QLatin1String(Source::kind) || kind == QLatin1String(Target::kind)
            || kind == QLatin1String(TlsBundle::kind)) {
            m_dirty = true;
            Q_EMIT invalidated();
        }
    });
}

const Pipeline &PipelineCache::current()
{
    if (m_dirty)
        rebuild();
    return *m_pipeline;
}

std::shared_ptr<const Pipeline> PipelineCache::snapshot() const
{
    if (m_dirty)
        return nullptr;
    std::lock_guard lock(m_mutex);
    return m_pipeline;
}

PipelineInput PipelineCache::gather(const PipelineChange *change) const
{
    PipelineInput input;
    // A record stored before today's rules (say, a journald identifier with a space) is left out of
    // the pipeline rather than rendered into something broader, or breaking every agent's config.
    auto skip = [](const StoredRecord &r, const std::exception &e) {
        log::warning("%s \"%s\" is left out of the agents' pipeline: %s", r.kind.c_str(),
                     r.name.c_str(), e.what());
    };
    // The records of a kind in store order, with the proposed change in its place (or appended).
    auto records = [this, change](const char *kind) {
        std::vector<StoredRecord> list = m_store.list(kind);
        if (!change || change->kind != kind)
            return list;
        auto it = std::find_if(list.begin(), list.end(), [&](const StoredRecord &r) { return r.name == change->name; });
        if (!change->stored) {
            if (it != list.end())
                list.erase(it);
        } else if (it != list.end()) {
            it->value = change->stored->dump();
        } else {
            list.push_back(StoredRecord{kind, change->name, change->stored->dump(), 0, 0});
        }
        return list;
    };
    for (const StoredRecord &r : records(Source::kind)) {
        try {
            input.sources.push_back(Source::fromJson(Json::parse(r.value)));
        } catch (const std::exception &e) { // ValidationError, or a damaged record
            skip(r, e);
        }
    }
    for (const StoredRecord &r : records(Target::kind)) {
        try {
            input.targets.push_back(Target::fromJson(Json::parse(r.value)));
        } catch (const std::exception &e) { // ValidationError, or a damaged record
            skip(r, e);
        }
    }
    for (const StoredRecord &r : m_store.list(TlsBundle::kind)) {
        TlsBundle b = TlsBundle::fromStorageJson(Json::parse(r.value));
        TlsMaterial m{b.caPem, b.certPem, std::nullopt};
        if (b.keyCiphertext)
            m.keyPem = m_secrets.open(*b.keyCiphertext, "tls-bundle/" + b.name);
        input.tlsBundles.emplace(b.name, std::move(m));
    }
    return input;
}

PipelinePreview PipelineCache::preview(const PipelineChange &change) const
{
    const PipelineInput input = gather(&change);
    const std::string content = AlloyRenderer::render(input, false);
    return {QCryptographicHash::hash(QByteArray::fromStdString(content), QCryptographicHash::Sha256).toHex().toStdString(),
            AlloyRenderer::render(input, true)};
}

void PipelineCache::rebuild()
{
    const PipelineInput input = gather(nullptr);
    Pipeline p;
    p.content = AlloyRenderer::render(input, false);
    p.redacted = AlloyRenderer::render(input, true);
    p.hash = QCryptographicHash::hash(QByteArray::fromStdString(p.content), QCryptographicHash::Sha256).toHex().toStdString();
    bool anySource = false;
    for (const Source &s : input.sources)
        anySource = anySource || s.enabled;
    for (const Target &t : input.targets)
        p.enabledTargets += (t.enabled && anySource) ? 1 : 0;

    collector::v1::GetConfigResponse full;
    full.set_content(p.content);
    full.set_hash(p.hash);
    p.fullResponseProto = QByteArray::fromStdString(full.SerializeAsString());
    collector::v1::GetConfigResponse same;
    same.set_hash(p.hash);
    same.set_not_modified(true);
    p.notModifiedProto = QByteArray::fromStdString(same.SerializeAsString());

    {
        std::lock_guard lock(m_mutex);
        m_pipeline = std::make_shared<const Pipeline>(std::move(p));
    }
    m_dirty = false;
    ++m_renders;
}

} // namespace lw::server
