#include "store/etcd/EtcdConnection.h"

#include "Log.h"

#include <algorithm>

namespace lw::server {

std::string prefixEnd(std::string prefix)
{
    while (!prefix.empty()) {
        if (static_cast<unsigned char>(prefix.back()) < 0xff) {
            prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
            return prefix;
        }
        prefix.pop_back();
    }
    return std::string(1, '\0');
}

EtcdStore::EtcdStore(EtcdStoreOptions options, QObject *parent)
    : ConfigStore(parent), m_options(std::move(options)), m_connection(std::make_unique<Connection>(m_options))
{
    // Reaches etcd now (a wrong endpoint or credential stops start-up with its reason); the watch
    // starts right after what this read saw, so nothing between the two is missed.
    const int64_t from = revision() + 1;
    for (const std::string &kind : kinds())
        m_knownKinds.insert(kind); // announced again should the watch's history be compacted away
    m_watcher = std::thread([this, from] { watchLoop(from); });
}

EtcdStore::~EtcdStore()
{
    m_stopping = true;
    {
        std::lock_guard lock(m_leaseMutex);
        m_leaseWake.notify_all();
    }
    if (m_leaseKeeper.joinable())
        m_leaseKeeper.join();
    revokeLease();
    {
        std::lock_guard lock(m_watchMutex);
        if (m_watchContext)
            static_cast<grpc::ClientContext *>(m_watchContext)->TryCancel();
    }
    if (m_watcher.joinable())
        m_watcher.join();
}

std::vector<std::string> EtcdStore::kinds()
{
    // Keys only, a page at a time: the first key of each kind, then straight past that kind.
    std::vector<std::string> out;
    std::string from = m_options.prefix + "/";
    const std::string end = prefixEnd(from);
    for (;;) {
        pb::RangeRequest request;
        request.set_key(from);
        request.set_range_end(end);
        request.set_keys_only(true);
        request.set_limit(1);
        pb::RangeResponse response;
        range(request, response);
        if (response.kvs_size() == 0)
            break;
        const std::string &key = response.kvs(0).key();
        const std::string rest = key.substr(std::min(key.size(), m_options.prefix.size() + 1));
        const size_t slash = rest.find('/');
        if (slash == std::string::npos) { // not a record of ours: step over it
            from = key + std::string(1, '\0');
            continue;
        }
        out.push_back(rest.substr(0, slash));
        from = prefixEnd(kindPrefix(out.back()));
    }
    std::sort(out.begin(), out.end()); // key order puts "ingest-token/" before "ingest/"
    return out;
}

std::string EtcdStore::kindPrefix(const std::string &kind) const
{
    return m_options.prefix + "/" + kind + "/";
}

std::string EtcdStore::keyOf(const std::string &kind, const std::string &name) const
{
    return kindPrefix(kind) + name;
}

void EtcdStore::seen(int64_t revision)
{
    int64_t known = m_revision.load();
    while (revision > known && !m_revision.compare_exchange_weak(known, revision)) {
    }
}

void EtcdStore::range(etcdserverpb::RangeRequest &request, etcdserverpb::RangeResponse &response)
{
    Connection &c = *m_connection;
    const auto nowMs = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
    auto rpc = [&](Connection::Member &m, grpc::ClientContext &context) { return m.kv->Range(&context, request, &response); };
    if (nowMs() >= c.serializableUntilMs.load()) {
        // Linearizable: what the cluster agreed last. A healthy member answers in milliseconds;
        // one without a quorum holds the read until the deadline.
        try {
            request.set_serializable(false);
            c.call("read", false, rpc, std::min(m_options.timeout, std::chrono::milliseconds(1000)), c.members.size());
            return;
        } catch (const EtcdUnreachable &) {
            // no member answered in time: no quorum (other errors are the request's, and thrown)
        }
        request.set_serializable(true);
        c.call("read", false, rpc);
        // For the next 5 s (not extended by reads in it) reads go straight to a member's last
        // known state; then consensus is asked for again.
        log::warning("etcd has no quorum: reads are served from a member's last known state for 5 s; writes fail");
        c.serializableUntilMs = nowMs() + 5000;
        return;
    }
    request.set_serializable(true);
    c.call("read", false, rpc);
}

int64_t EtcdStore::revision()
{
    pb::RangeRequest request;
    request.set_key(m_options.prefix + "/");
    request.set_range_end(prefixEnd(m_options.prefix + "/"));
    request.set_count_only(true);
    pb::RangeResponse response;
    range(request, response);
    seen(response.header().revision());
    return m_revision.load();
}

std::optional<StoredRecord> EtcdStore::get(const std::string &kind, const std::string &name)
{
    pb::RangeRequest request;
    request.set_key(keyOf(kind, name));
    pb::RangeResponse response;
    range(request, response);
    seen(response.header().revision());
    if (response.kvs_size() == 0)
        return std::nullopt;
    const pb::KeyValue &kv = response.kvs(0);
    return StoredRecord{kind, name, kv.value(), kv.create_revision(), kv.mod_revision()};
}

std::vector<StoredRecord> EtcdStore::list(const std::string &kind)
{
    // Pages of keys at one revision (a consistent snapshot), then in creation order.
    const std::string prefix = kindPrefix(kind);
    const std::string end = prefixEnd(prefix);
    std::vector<StoredRecord> out;
    std::string from = prefix;
    int64_t atRevision = 0;
    for (;;) {
        pb::RangeRequest request;
        request.set_key(from);
        request.set_range_end(end);
        request.set_limit(2000);
        request.set_revision(atRevision);
        pb::RangeResponse response;
        range(request, response);
        if (atRevision == 0)
            atRevision = response.header().revision();
        for (const pb::KeyValue &kv : response.kvs())
            out.push_back(StoredRecord{kind, kv.key().substr(prefix.size()), kv.value(), kv.create_revision(), kv.mod_revision()});
        if (!response.more() || response.kvs_size() == 0)
            break;
        from = response.kvs(response.kvs_size() - 1).key() + std::string(1, '\0');
    }
    seen(atRevision);
    // Stable: records made in one Txn share a create_revision and keep their key order.
    std::stable_sort(out.begin(), out.end(), [](const StoredRecord &a, const StoredRecord &b) { return a.createRevision < b.createRevision; });
    return out;
}

std::vector<WriteResult> EtcdStore::commit(const std::vector<Mutation> &mutations)
{
    std::vector<WriteResult> results(mutations.size());
    if (mutations.empty())
        return results;
    pb::TxnRequest txn;
    for (const Mutation &m : mutations) {
        const std::string key = keyOf(m.kind, m.name);
        pb::Compare *compare = txn.add_compare();
        compare->set_key(key);
        if (m.op == Mutation::Op::Create) {
            compare->set_target(pb::Compare::CREATE);
            compare->set_result(pb::Compare::EQUAL);
            compare->set_create_revision(0); // absent
        } else if (m.expectedRevision == AnyRevision) {
            compare->set_target(pb::Compare::CREATE);
            compare->set_result(pb::Compare::GREATER);
            compare->set_create_revision(0); // present
        } else {
            compare->set_target(pb::Compare::MOD);
            compare->set_result(pb::Compare::EQUAL);
            compare->set_mod_revision(m.expectedRevision);
        }
        pb::RequestOp *op = txn.add_success();
        if (m.op == Mutation::Op::Remove) {
            op->mutable_request_delete_range()->set_key(key);
            op->mutable_request_delete_range()->set_prev_kv(true);
        } else {
            op->mutable_request_put()->set_key(key);
            op->mutable_request_put()->set_value(m.value);
            op->mutable_request_put()->set_prev_kv(true);
        }
        txn.add_failure()->mutable_request_range()->set_key(key); // to say which precondition failed
    }
    pb::TxnResponse response;
    m_connection->call("write", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Txn(&c, txn, &response); });
    const int64_t revision = response.header().revision();
    seen(revision);
    if (!response.succeeded()) {
        for (size_t i = 0; i < mutations.size(); ++i) {
            const Mutation &m = mutations[i];
            const pb::RangeResponse &current = response.responses(static_cast<int>(i)).response_range();
            std::optional<StoredRecord> previous;
            if (current.kvs_size() > 0) {
                const pb::KeyValue &kv = current.kvs(0);
                previous = StoredRecord{m.kind, m.name, kv.value(), kv.create_revision(), kv.mod_revision()};
            }
            results[i] = judge(m, std::move(previous));
        }
        return results;
    }
    for (size_t i = 0; i < mutations.size(); ++i) {
        const Mutation &m = mutations[i];
        WriteResult &r = results[i];
        r.revision = revision;
        const pb::ResponseOp &op = response.responses(static_cast<int>(i));
        const pb::KeyValue *previous = nullptr;
        if (op.has_response_put() && op.response_put().has_prev_kv())
            previous = &op.response_put().prev_kv();
        else if (op.has_response_delete_range() && op.response_delete_range().prev_kvs_size() > 0)
            previous = &op.response_delete_range().prev_kvs(0);
        if (previous)
            r.previous = StoredRecord{m.kind, m.name, previous->value(), previous->create_revision(), previous->mod_revision()};
    }
    remember(revision, mutations.size());
    for (const Mutation &m : mutations)
        Q_EMIT changed(QString::fromStdString(m.kind), QString::fromStdString(m.name), revision);
    return results;
}

WriteResult EtcdStore::create(const std::string &kind, const std::string &name, const std::string &value)
{
    return commit({Mutation{Mutation::Op::Create, kind, name, value, AnyRevision}}).front();
}

WriteResult EtcdStore::update(const std::string &kind, const std::string &name, const std::string &value,
                              int64_t expectedModRevision)
{
    return commit({Mutation{Mutation::Op::Update, kind, name, value, expectedModRevision}}).front();
}

WriteResult EtcdStore::remove(const std::string &kind, const std::string &name, int64_t expectedModRevision)
{
    return commit({Mutation{Mutation::Op::Remove, kind, name, {}, expectedModRevision}}).front();
}

void EtcdStore::upsertMany(const std::string &kind, const std::vector<std::pair<std::string, std::string>> &records)
{
    if (records.empty())
        return;
    // etcd takes at most 128 operations per Txn (--max-txn-ops): larger batches go in several.
    constexpr size_t Batch = 100;
    int64_t revision = 0;
    // Batches committed before one fails are announced all the same (then the failure is thrown).
    struct Announce {
        EtcdStore *self;
        const std::string &kind;
        int64_t &revision;
        ~Announce()
        {
            try {
                if (revision > 0)
                    Q_EMIT self->changed(QString::fromStdString(kind), QString(), revision);
            } catch (...) { // a destructor may run while a StoreError unwinds: it must not throw
            }
        }
    } announce{this, kind, revision};
    for (size_t start = 0; start < records.size(); start += Batch) {
        pb::TxnRequest txn;
        for (size_t i = start; i < std::min(records.size(), start + Batch); ++i) {
            pb::PutRequest *put = txn.add_success()->mutable_request_put();
            put->set_key(keyOf(kind, records[i].first));
            put->set_value(records[i].second);
        }
        pb::TxnResponse response;
        m_connection->call("write", true, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Txn(&c, txn, &response); });
        revision = response.header().revision();
        seen(revision);
        remember(revision, static_cast<size_t>(txn.success_size()));
    }
}

} // namespace lw::server
