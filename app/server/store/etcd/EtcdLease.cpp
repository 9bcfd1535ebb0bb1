// Ephemeral records: the keys an agent keeps alive (its node's liveness), under one etcd lease
// that a thread of the store renews every third of its TTL. A record is created only where the
// key is free or already under this lease: a second process with the same record (two agents
// with one --node-name) is refused, instead of the two taking it from each other.
#include "Log.h"
#include "store/etcd/EtcdConnection.h"

namespace lw::server {

void EtcdStore::grantLease(int ttlSeconds)
{
    pb::LeaseGrantRequest request;
    request.set_ttl(ttlSeconds);
    pb::LeaseGrantResponse response;
    m_connection->call("lease", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.lease->LeaseGrant(&c, request, &response); });
    if (!response.error().empty() || response.id() == 0)
        throw StoreError("etcd granted no lease: " + (response.error().empty() ? std::string("no id") : response.error()));
    m_leaseId = response.id();
    m_leaseTtl = ttlSeconds;
}

bool EtcdStore::putUnderLease(const std::string &key, const std::string &value)
{
    // Ours already (the same lease), else free: anything else is another process's.
    for (const bool free : {false, true}) {
        pb::TxnRequest txn;
        pb::Compare *compare = txn.add_compare();
        compare->set_key(key);
        compare->set_result(pb::Compare::EQUAL);
        if (free) {
            compare->set_target(pb::Compare::VERSION);
            compare->set_version(0);
        } else {
            compare->set_target(pb::Compare::LEASE);
            compare->set_lease(m_leaseId);
        }
        pb::PutRequest *put = txn.add_success()->mutable_request_put();
        put->set_key(key);
        put->set_value(value);
        put->set_lease(m_leaseId);
        pb::TxnResponse response;
        m_connection->call("write", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Txn(&c, txn, &response); });
        seen(response.header().revision());
        if (response.succeeded())
            return true; // the watch announces it, here as everywhere
    }
    return false;
}

void EtcdStore::putEphemeral(const std::string &kind, const std::string &name, const std::string &value, int ttlSeconds)
{
    if (ttlSeconds < 2)
        throw StoreError("an ephemeral record lives at least 2 s");
    const std::string key = keyOf(kind, name);
    std::unique_lock lock(m_leaseMutex);
    if (m_leaseId == 0 || m_leaseTtl != ttlSeconds)
        grantLease(ttlSeconds);
    // Held under another lease: a process that died keeps it until its lease ends (a TTL at
    // most), a live one for good.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(ttlSeconds + 2);
    while (!putUnderLease(key, value)) {
        if (std::chrono::steady_clock::now() > deadline)
            throw StoreError(kind + " \"" + name + "\" is held by another live process (a second agent with the same --node-name?)");
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        lock.lock();
        if (keepAliveOnce() <= 0) // our own lease must outlive the wait
            grantLease(ttlSeconds);
    }
    m_ephemeral[key] = value;
    if (!m_leaseKeeper.joinable())
        m_leaseKeeper = std::thread([this] { leaseLoop(); });
}

int64_t EtcdStore::keepAliveOnce()
{
    // Idempotent: on to the next member when one fails or times out.
    int64_t ttl = 0;
    m_connection->call("lease", false, [&](Connection::Member &m, grpc::ClientContext &c) {
        auto stream = m.lease->LeaseKeepAlive(&c);
        pb::LeaseKeepAliveRequest request;
        request.set_id(m_leaseId);
        pb::LeaseKeepAliveResponse response;
        if (stream->Write(request) && stream->Read(&response))
            ttl = response.ttl();
        stream->WritesDone();
        return stream->Finish();
    }, std::chrono::milliseconds(2000));
    return ttl;
}

void EtcdStore::leaseLoop()
{
    std::unique_lock lock(m_leaseMutex);
    while (!m_stopping) {
        m_leaseWake.wait_for(lock, std::chrono::milliseconds(std::max(500, m_leaseTtl * 1000 / 3)));
        if (m_stopping)
            break;
        try {
            if (keepAliveOnce() <= 0) {
                // It expired while etcd could not be reached: a new lease, every record again.
                log::warning("the etcd lease of this node's records had expired; granting a new one");
                grantLease(m_leaseTtl);
                m_ephemeralStale = true;
            }
            if (m_ephemeralStale) {
                for (const auto &[key, value] : m_ephemeral) {
                    if (!putUnderLease(key, value))
                        log::error("%s is held by another live process now (a second agent with the same --node-name?)", key.c_str());
                }
                m_ephemeralStale = false;
            }
        } catch (const std::exception &e) {
            log::warning("the etcd lease of this node's records could not be renewed (%s); trying again", e.what());
        }
    }
}

void EtcdStore::revokeLease()
{
    // A graceful stop ends the records at once rather than a TTL later.
    std::lock_guard lock(m_leaseMutex);
    if (m_leaseId == 0)
        return;
    try {
        pb::LeaseRevokeRequest request;
        request.set_id(m_leaseId);
        pb::LeaseRevokeResponse response;
        m_connection->call("lease", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.lease->LeaseRevoke(&c, request, &response); },
                           std::chrono::milliseconds(1000), 1);
    } catch (const std::exception &e) {
        log::warning("the etcd lease could not be revoked (%s); its records end with its TTL", e.what());
    }
    m_leaseId = 0;
}

} // namespace lw::server
