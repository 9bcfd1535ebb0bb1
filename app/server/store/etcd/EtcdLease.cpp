// Ephemeral records: the keys an agent keeps alive (its node's liveness), under one etcd lease.
#include "Guarded.h"
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

void EtcdStore::putUnderLease(const std::string &kind, const std::string &name, const std::string &value)
{
    pb::PutRequest put;
    put.set_key(keyOf(kind, name));
    put.set_value(value);
    put.set_lease(m_leaseId);
    pb::PutResponse response;
    m_connection->call("write", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Put(&c, put, &response); });
    const int64_t revision = response.header().revision();
    seen(revision);
    remember(revision, 1);
    Q_EMIT changed(QString::fromStdString(kind), QString::fromStdString(name), revision);
}

void EtcdStore::putEphemeral(const std::string &kind, const std::string &name, const std::string &value, int ttlSeconds)
{
    if (ttlSeconds < 2)
        throw StoreError("an ephemeral record lives at least 2 s");
    if (m_leaseId == 0 || m_leaseTtl != ttlSeconds)
        grantLease(ttlSeconds);
    m_ephemeral[{kind, name}] = value;
    putUnderLease(kind, name, value);
    if (!m_keepAlive) {
        m_keepAlive = new QTimer(this);
        connect(m_keepAlive, &QTimer::timeout, this, guarded("keeping the etcd lease alive", [this] { keepLeaseAlive(); }));
    }
    m_keepAlive->setInterval(std::max(500, ttlSeconds * 1000 / 3));
    if (!m_keepAlive->isActive())
        m_keepAlive->start();
}

void EtcdStore::keepLeaseAlive()
{
    // One keep-alive on the lease's stream; a lease etcd no longer knows (it expired while etcd
    // could not be reached) is granted anew and every ephemeral record put under it again.
    int64_t ttl = 0;
    try {
        m_connection->call("lease", true, [&](Connection::Member &m, grpc::ClientContext &c) {
            auto stream = m.lease->LeaseKeepAlive(&c);
            pb::LeaseKeepAliveRequest request;
            request.set_id(m_leaseId);
            pb::LeaseKeepAliveResponse response;
            if (stream->Write(request) && stream->Read(&response))
                ttl = response.ttl();
            stream->WritesDone();
            return stream->Finish();
        }, std::chrono::milliseconds(2000), 2);
    } catch (const StoreError &e) {
        log::warning("the etcd lease of this node's records could not be renewed (%s); trying again", e.what());
        return;
    }
    if (ttl > 0)
        return;
    log::warning("the etcd lease of this node's records had expired; granting a new one");
    grantLease(m_leaseTtl);
    for (const auto &[key, value] : m_ephemeral)
        putUnderLease(key.first, key.second, value);
}

} // namespace lw::server
