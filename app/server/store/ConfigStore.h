#pragma once

#include <QObject>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lw::server {

// One stored value. Revisions come from one store-wide counter that only grows (like etcd's):
// createRevision orders lists, modRevision is the ETag and the compare-and-set token.
struct StoredRecord {
    std::string kind;
    std::string name;
    std::string value;
    int64_t createRevision = 0;
    int64_t modRevision = 0;
};

enum class WriteStatus { Ok, NotFound, AlreadyExists, RevisionMismatch };

struct WriteResult {
    WriteStatus status = WriteStatus::Ok;
    int64_t revision = 0;             // new modRevision on success, current one on mismatch
    std::optional<StoredRecord> previous;
};

// One write of a commit(): create, replace or remove a record, optionally only at a revision.
struct Mutation {
    enum class Op { Create, Update, Remove };
    Op op = Op::Create;
    std::string kind;
    std::string name;
    std::string value;        // Create and Update
    int64_t expectedRevision = 0; // Update and Remove: 0 (AnyRevision) or the modRevision required
};

// The store could not do its job (I/O error, corrupt file, lost cluster): not the client's fault.
class StoreError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where the configuration lives: the embedded SQLite file by default, etcd at scale.
// Every write bumps the store revision and emits changed() once it is durable.
class ConfigStore : public QObject {
    Q_OBJECT
public:
    static constexpr int64_t AnyRevision = 0;

    using QObject::QObject;
    ~ConfigStore() override = default;

    virtual std::optional<StoredRecord> get(const std::string &kind, const std::string &name) = 0;
    virtual std::vector<StoredRecord> list(const std::string &kind) = 0; // in creation order
    virtual std::vector<std::string> kinds() = 0; // every kind that holds a record, sorted
    virtual WriteResult create(const std::string &kind, const std::string &name, const std::string &value) = 0;
    virtual WriteResult update(const std::string &kind, const std::string &name, const std::string &value,
                               int64_t expectedModRevision) = 0;
    virtual WriteResult remove(const std::string &kind, const std::string &name, int64_t expectedModRevision) = 0;
    // All or nothing, in one durable transaction: when any mutation's precondition fails nothing
    // is written, and the results say which failed (the others report Ok with revision 0).
    virtual std::vector<WriteResult> commit(const std::vector<Mutation> &mutations) = 0;
    // Writes many records of one kind in one durable transaction, creating or replacing each
    // unconditionally (for state that its single writer owns, e.g. collector heartbeats).
    // Emits changed() once, with an empty name.
    virtual void upsertMany(const std::string &kind, const std::vector<std::pair<std::string, std::string>> &records) = 0;
    // Calls `done(true)` once every write made so far is durable (at once when nothing is
    // pending), `done(false)` if making them durable failed and they were rolled back.
    virtual void whenDurable(std::function<void(bool durable)> done) { done(true); }
    virtual bool hasPendingWrites() const { return false; }
    // The latest revision this store has seen; list caches are keyed by it.
    virtual int64_t revision() = 0;

    // A record that lives as long as this process keeps it alive: on etcd under a lease of
    // `ttlSeconds`, renewed every third of it, so it is gone that long after the process died
    // (watchers see it removed). Calling again replaces the value. A store without leases throws.
    virtual void putEphemeral(const std::string &kind, const std::string &name, const std::string &value, int ttlSeconds)
    {
        (void)kind, (void)name, (void)value, (void)ttlSeconds;
        throw StoreError("this configuration store has no leases: ephemeral records need etcd");
    }

    // Whether `m` may be applied to the record as it stands (`previous`; nullopt: absent): Ok,
    // AlreadyExists, NotFound, or RevisionMismatch with the current revision. Every store judges
    // a commit's preconditions with this one rule.
    static WriteResult judge(const Mutation &m, std::optional<StoredRecord> previous)
    {
        WriteResult r;
        r.previous = std::move(previous);
        if (m.op == Mutation::Op::Create && r.previous) {
            r.status = WriteStatus::AlreadyExists;
        } else if (m.op != Mutation::Op::Create && !r.previous) {
            r.status = WriteStatus::NotFound;
        } else if (m.op != Mutation::Op::Create && m.expectedRevision != AnyRevision && r.previous->modRevision != m.expectedRevision) {
            r.status = WriteStatus::RevisionMismatch;
            r.revision = r.previous->modRevision;
        }
        return r;
    }

Q_SIGNALS:
    void changed(const QString &kind, const QString &name, qint64 revision);
};

} // namespace lw::server
