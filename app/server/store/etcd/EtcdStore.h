#pragma once

#include "store/ConfigStore.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <set>
#include <thread>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace etcdserverpb {
class RangeRequest;
class RangeResponse;
} // namespace etcdserverpb

namespace lw::server {

// Where and how to reach etcd: `--store etcd://h1:2379,h2:2379[/prefix]` (etcds:// for TLS).
struct EtcdStoreOptions {
    std::vector<std::string> endpoints; // host:port, tried in order, the next on failure
    std::string prefix = "/logwarden";  // every key lives under it: <prefix>/<kind>/<name>
    bool tls = false;
    std::string caPem, certPem, keyPem; // TLS: CA to trust (empty: the system's), client certificate
    std::string user, password;         // etcd authentication (empty: none)
    std::chrono::milliseconds timeout{5000};

    // Parses "etcd://h1:2379,h2:2379/prefix"; throws StoreError with a sentence when it is not one.
    static EtcdStoreOptions parse(const std::string &url);
    // parse(), then the TLS material and the password read from these files (empty: not used);
    // throws StoreError naming a file that cannot be read.
    static EtcdStoreOptions parse(const std::string &url, const QString &caFile, const QString &certFile, const QString &keyFile,
                                  const QString &user, const QString &passwordFile);
};

// The configuration store on etcd's v3 gRPC API. A record is the key <prefix>/<kind>/<name>;
// etcd's create_revision orders lists and its mod_revision is the ETag. Every write is one Txn
// whose compares carry the preconditions (absent for a create, the expected mod_revision for a
// compare-and-set), so a commit() with its audit entry is all or nothing, and it returns only
// once etcd has committed it (raft quorum): nothing is acknowledged before that. Reads are
// linearizable. A member that does not answer is left for the next endpoint; a write is resent
// to another member only when the first refused it unsent (UNAVAILABLE), never after a timeout
// whose outcome is unknown. Failures are StoreError (the API answers 503 with the sentence).
// Writes are made on this object's thread (the event loop). A watch on the prefix (its own
// thread) turns every change made elsewhere — another replica,
// etcdctl — into changed() on this object's thread, so every cache follows within moments; a
// broken watch resumes from the next revision, and one whose revision was compacted away
// announces every kind as changed (a full reload).
class EtcdStore final : public ConfigStore {
    Q_OBJECT
public:
    explicit EtcdStore(EtcdStoreOptions options, QObject *parent = nullptr);
    ~EtcdStore() override;

    std::optional<StoredRecord> get(const std::string &kind, const std::string &name) override;
    std::vector<StoredRecord> list(const std::string &kind) override;
    WriteResult create(const std::string &kind, const std::string &name, const std::string &value) override;
    WriteResult update(const std::string &kind, const std::string &name, const std::string &value,
                       int64_t expectedModRevision) override;
    WriteResult remove(const std::string &kind, const std::string &name, int64_t expectedModRevision) override;
    std::vector<WriteResult> commit(const std::vector<Mutation> &mutations) override;
    void upsertMany(const std::string &kind, const std::vector<std::pair<std::string, std::string>> &records) override;
    int64_t revision() override;
    void putEphemeral(const std::string &kind, const std::string &name, const std::string &value, int ttlSeconds) override;
    std::vector<std::string> kinds() override;

    const EtcdStoreOptions &options() const { return m_options; }

private:
    struct Connection;
    void range(etcdserverpb::RangeRequest &request, etcdserverpb::RangeResponse &response);
    enum class WatchEnd { Ended, Failed, Compacted }; // Compacted: it must reload fully
    void watchLoop(int64_t from);
    WatchEnd watchOnce(int64_t &from);
    void reloadAll(int64_t &from);
    void announce(const std::string &key, int64_t revision);
    std::string keyOf(const std::string &kind, const std::string &name) const;
    // Ephemeral records (EtcdLease.cpp): one lease for them all, kept alive by a thread of its
    // own (never the event loop), revoked when the store goes (a graceful stop).
    void grantLease(int ttlSeconds);
    bool putUnderLease(const std::string &key, const std::string &value); // false: another lease holds it
    int64_t keepAliveOnce();
    void leaseLoop();
    void revokeLease();
    std::mutex m_leaseMutex; // guards everything below; held across the lease's RPCs
    std::condition_variable m_leaseWake;
    int64_t m_leaseId = 0;
    int m_leaseTtl = 0;
    std::map<std::string, std::string> m_ephemeral; // key -> value
    bool m_ephemeralStale = false;                  // put them (again) at the next tick
    std::thread m_leaseKeeper;
    std::string kindPrefix(const std::string &kind) const;
    void seen(int64_t revision);

    EtcdStoreOptions m_options;
    std::unique_ptr<Connection> m_connection;
    std::atomic<int64_t> m_revision{0};
    std::atomic<bool> m_stopping{false};
    std::mutex m_watchMutex;
    void *m_watchContext = nullptr;     // the running watch's grpc::ClientContext, to cancel it
    std::multiset<int64_t> m_ownRevisions; // one per key this store wrote (announced already), by revision
    void remember(int64_t revision, size_t keys);
    std::set<std::string> m_knownKinds;  // kinds the watch has seen (announced again after a compaction)
    std::atomic<size_t> m_watchMember{0};
    std::thread m_watcher;
};

} // namespace lw::server
