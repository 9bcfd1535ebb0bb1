// The store's watch: changes made elsewhere become changed() on the store's thread.
#include "store/etcd/EtcdConnection.h"

#include <set>

namespace lw::server {

void EtcdStore::announce(const std::string &key, int64_t revision)
{
    const std::string rest = key.substr(std::min(key.size(), m_options.prefix.size() + 1));
    const size_t slash = rest.find('/');
    if (slash == std::string::npos)
        return;
    const QString kind = QString::fromStdString(rest.substr(0, slash));
    const QString name = QString::fromStdString(rest.substr(slash + 1));
    {
        std::lock_guard lock(m_watchMutex);
        m_knownKinds.insert(rest.substr(0, slash));
    }
    // Decided on this object's thread, where writes are made: by then the commit() that made
    // `revision` (if it was this store's) has returned and remembered it, however fast the
    // watch was.
    QMetaObject::invokeMethod(
        this,
        [this, kind, name, revision] {
            {
                std::lock_guard lock(m_watchMutex);
                const auto own = m_ownRevisions.find(revision);
                if (own != m_ownRevisions.end()) {
                    m_ownRevisions.erase(own); // this store's write: commit() announced it already
                    return;
                }
            }
            Q_EMIT changed(kind, name, revision);
        },
        Qt::QueuedConnection);
}

void EtcdStore::remember(int64_t revision, size_t keys)
{
    // One Txn, one revision, one watch event per key: the watch skips that many.
    std::lock_guard lock(m_watchMutex);
    for (size_t i = 0; i < keys; ++i)
        m_ownRevisions.insert(revision);
    while (m_ownRevisions.size() > 65536) // bounded, should a watch event never come
        m_ownRevisions.erase(m_ownRevisions.begin());
}

void EtcdStore::watchLoop(int64_t from)
{
    int failures = 0;
    while (!m_stopping) {
        bool compacted = false;
        try {
            const auto outcome = watchOnce(from);
            compacted = outcome == WatchEnd::Compacted;
            if (compacted)
                reloadAll(from);
            failures = outcome == WatchEnd::Failed ? failures + 1 : 0;
        } catch (const std::exception &) {
            ++failures;
        }
        if (m_stopping)
            break;
        // Back off while members fail (100 ms doubling to 2 s), in small steps so a stop is quick.
        const int waitMs = compacted ? 0 : std::min(2000, 100 << std::min(failures, 5));
        for (int waited = 0; waited < waitMs && !m_stopping; waited += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

EtcdStore::WatchEnd EtcdStore::watchOnce(int64_t &from)
{
    Connection &c = *m_connection;
    // The watch's own choice of member (reads and writes keep theirs): the next one each time.
    const size_t index = m_watchMember++ % c.members.size();
    Connection::Member &member = c.members[index];
    grpc::ClientContext context;
    // etcd ends a watch whose member has lost its leader (a partitioned member would otherwise
    // keep it open and silent): this one then moves to another member.
    context.AddMetadata("hasleader", "true");
    if (!m_options.user.empty()) {
        std::string error;
        const std::string token = c.tokenFor(member, &error);
        if (token.empty())
            return WatchEnd::Failed;
        context.AddMetadata("token", token);
    }
    {
        std::lock_guard lock(m_watchMutex);
        if (m_stopping)
            return WatchEnd::Ended;
        m_watchContext = &context;
    }
    struct Clear {
        EtcdStore *self;
        ~Clear()
        {
            std::lock_guard lock(self->m_watchMutex);
            self->m_watchContext = nullptr;
        }
    } clear{this};
    auto stream = member.watch->Watch(&context);
    pb::WatchRequest request;
    pb::WatchCreateRequest *create = request.mutable_create_request();
    create->set_key(m_options.prefix + "/");
    create->set_range_end(prefixEnd(m_options.prefix + "/"));
    create->set_start_revision(from);
    create->set_progress_notify(true);
    if (!stream->Write(request)) {
        stream->Finish();
        return WatchEnd::Failed;
    }
    pb::WatchResponse response;
    bool received = false;
    while (stream->Read(&response)) {
        received = true;
        if (response.compact_revision() > 0) {
            context.TryCancel();
            stream->Finish();
            return WatchEnd::Compacted;
        }
        if (response.canceled()) {
            // etcd cancels a watch whose auth token expired (the stream itself ends OK).
            if (response.cancel_reason().find("auth") != std::string::npos) {
                std::lock_guard lock(c.mutex);
                c.token.clear();
                context.TryCancel();
                stream->Finish();
                return WatchEnd::Failed;
            }
            break;
        }
        for (const pb::Event &event : response.events()) {
            const int64_t revision = event.kv().mod_revision();
            announce(event.kv().key(), revision);
            seen(revision);
            from = std::max(from, revision + 1);
        }
        if (response.events_size() == 0 && !response.created())
            from = std::max(from, response.header().revision() + 1); // progress: nothing before it is missed
        seen(response.header().revision());
    }
    context.TryCancel();
    const grpc::Status status = stream->Finish();
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
        std::lock_guard lock(c.mutex);
        c.token.clear(); // made again on the next attempt
    }
    return received ? WatchEnd::Ended : WatchEnd::Failed;
}

void EtcdStore::reloadAll(int64_t &from)
{
    // History before `from` is gone: every kind under the prefix is announced as changed, so
    // every cache reads afresh, and the watch starts again after the revision read here.
    const int64_t current = revision();
    std::set<std::string> all;
    for (const std::string &kind : kinds())
        all.insert(kind);
    {
        // Kinds emptied during the gap are announced too: their caches still hold records.
        std::lock_guard lock(m_watchMutex);
        all.insert(m_knownKinds.begin(), m_knownKinds.end());
        m_knownKinds = all;
    }
    for (const std::string &kind : all) {
        const QString name = QString::fromStdString(kind);
        QMetaObject::invokeMethod(this, [this, name, current] { Q_EMIT changed(name, QString(), current); }, Qt::QueuedConnection);
    }
    from = current + 1;
}

} // namespace lw::server
