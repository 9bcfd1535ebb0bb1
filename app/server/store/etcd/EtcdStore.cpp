#include "store/etcd/EtcdStore.h"

#include "store/etcd/etcd_rpc.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QFile>

#include "Log.h"

#include <algorithm>
#include <map>
#include <thread>

namespace lw::server {

namespace pb = etcdserverpb;

namespace {

// The smallest key greater than every key starting with `prefix` (etcd's range_end for a prefix).
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

bool validHostPort(const std::string &endpoint)
{
    const size_t colon = endpoint.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= endpoint.size())
        return false;
    const std::string port = endpoint.substr(colon + 1);
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const int number = std::stoi(port);
    if (number < 1 || number > 65535)
        return false;
    const std::string host = endpoint.substr(0, colon);
    return std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
               || c == '[' || c == ']' || c == ':';
    });
}

} // namespace

EtcdStoreOptions EtcdStoreOptions::parse(const std::string &url)
{
    EtcdStoreOptions out;
    std::string rest;
    if (url.rfind("etcd://", 0) == 0) {
        rest = url.substr(7);
    } else if (url.rfind("etcds://", 0) == 0) {
        rest = url.substr(8);
        out.tls = true;
    } else {
        throw StoreError("\"" + url.substr(0, 80) + "\" is not etcd://host:port[,host:port…][/prefix] (or etcds:// for TLS)");
    }
    const size_t slash = rest.find('/');
    const std::string hosts = rest.substr(0, slash);
    if (slash != std::string::npos) {
        std::string prefix = rest.substr(slash);
        while (prefix.size() > 1 && prefix.back() == '/')
            prefix.pop_back();
        if (prefix.size() < 2 || prefix.size() > 200
            || !std::all_of(prefix.begin(), prefix.end(), [](char c) { return c > ' ' && c < 0x7f; }))
            throw StoreError("the etcd key prefix \"" + prefix.substr(0, 80) + "\" must be 1 to 200 printable characters after /");
        out.prefix = prefix;
    }
    size_t start = 0;
    while (start <= hosts.size()) {
        const size_t comma = hosts.find(',', start);
        const std::string endpoint = hosts.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!validHostPort(endpoint))
            throw StoreError("etcd endpoint \"" + endpoint.substr(0, 80) + "\" is not host:port");
        out.endpoints.push_back(endpoint);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (out.endpoints.empty() || out.endpoints.size() > 16)
        throw StoreError("--store names 1 to 16 etcd endpoints");
    return out;
}

// No member could be reached (or answered in time): the cluster, not the request, is at fault.
class EtcdUnreachable : public StoreError {
    using StoreError::StoreError;
};

namespace {
std::string readSmallFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("cannot read the ") + what + " file " + path.toStdString());
    return file.read(1 << 20).toStdString();
}
} // namespace

EtcdStoreOptions EtcdStoreOptions::parse(const std::string &url, const QString &caFile, const QString &certFile,
                                         const QString &keyFile, const QString &user, const QString &passwordFile)
{
    EtcdStoreOptions options = parse(url);
    if (!caFile.isEmpty())
        options.caPem = readSmallFile(caFile, "etcd CA certificates");
    if (!certFile.isEmpty()) {
        options.certPem = readSmallFile(certFile, "etcd client certificate");
        options.keyPem = readSmallFile(keyFile, "etcd client key");
    }
    if (!user.isEmpty()) {
        options.user = user.toStdString();
        options.password = QByteArray::fromStdString(readSmallFile(passwordFile, "etcd password")).trimmed().toStdString();
    }
    return options;
}

// One channel and stub per endpoint; calls go to the current one and move on when it fails.
struct EtcdStore::Connection {
    struct Member {
        std::string endpoint;
        std::shared_ptr<grpc::Channel> channel;
        std::unique_ptr<pb::KV::Stub> kv;
        std::unique_ptr<pb::Auth::Stub> auth;
        std::unique_ptr<pb::Watch::Stub> watch;
    };
    std::vector<Member> members;
    std::mutex mutex;
    size_t current = 0;
    std::string token; // etcd auth token, when a user is configured
    const EtcdStoreOptions &options;

    explicit Connection(const EtcdStoreOptions &o) : options(o)
    {
        std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
        if (o.tls) {
            grpc::SslCredentialsOptions ssl;
            ssl.pem_root_certs = o.caPem;
            ssl.pem_cert_chain = o.certPem;
            ssl.pem_private_key = o.keyPem;
            credentials = grpc::SslCredentials(ssl);
        }
        grpc::ChannelArguments args;
        args.SetMaxReceiveMessageSize(256 << 20); // a page of a large list
        args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
        args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
        // A member that vanishes without closing the connection (partition, power loss) is
        // noticed in seconds, also under the otherwise silent watch: pings every 10 s while a
        // call (the watch) is open, however long no data flows; none on an idle channel (etcd
        // closes connections that ping without streams).
        args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 10000);
        args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 5000);
        args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
        args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
        for (const std::string &endpoint : o.endpoints) {
            Member m;
            m.endpoint = endpoint;
            m.channel = grpc::CreateCustomChannel(endpoint, credentials, args);
            m.kv = pb::KV::NewStub(m.channel);
            m.auth = pb::Auth::NewStub(m.channel);
            m.watch = pb::Watch::NewStub(m.channel);
            members.push_back(std::move(m));
        }
    }

    // Until then reads are member-local (serializable): the cluster lost its quorum a moment ago.
    std::atomic<int64_t> serializableUntilMs{0};

    void prepare(grpc::ClientContext &context, const std::string &authToken,
                 std::chrono::milliseconds deadline = std::chrono::milliseconds(0)) const
    {
        context.set_deadline(std::chrono::system_clock::now() + (deadline.count() > 0 ? deadline : options.timeout));
        context.set_wait_for_ready(false);
        if (!authToken.empty())
            context.AddMetadata("token", authToken);
    }

    std::string authenticate(Member &member)
    {
        pb::AuthenticateRequest request;
        request.set_name(options.user);
        request.set_password(options.password);
        pb::AuthenticateResponse response;
        grpc::ClientContext context;
        prepare(context, {});
        const grpc::Status status = member.auth->Authenticate(&context, request, &response);
        if (!status.ok())
            throw StoreError("etcd at " + member.endpoint + " refused user \"" + options.user + "\": " + status.error_message());
        return response.token();
    }

    // Runs `rpc` on a member, moving on to the next while members refuse it unsent (or, for a
    // read, time out); a write whose outcome is unknown is not sent again.
    template <typename Rpc>
    void call(const char *what, bool write, Rpc &&rpc, std::chrono::milliseconds deadline = std::chrono::milliseconds(0),
              size_t maxAttempts = 0)
    {
        if (maxAttempts == 0)
            maxAttempts = members.size() * 2;
        std::string lastError;
        size_t start;
        {
            std::lock_guard lock(mutex);
            start = current;
        }
        bool unreachable = true; // every failure so far: a member that could not be reached or timed out
        bool reauthenticated = false;
        for (size_t attempt = 0; attempt < maxAttempts; ++attempt) {
            const size_t index = (start + attempt) % members.size();
            Member &member = members[index];
            std::string authToken;
            if (!options.user.empty()) {
                authToken = tokenFor(member, &lastError); // outside the lock: it is an RPC
                if (authToken.empty())
                    continue; // that member could not authenticate us: the next one
            }
            // A write goes out only on a connected channel, and once out it is never resent: an
            // UNAVAILABLE or a timeout may come after etcd applied it (leader changed, request
            // timed out). A member that cannot be connected to is passed over unsent.
            if (write && member.channel->GetState(true) != GRPC_CHANNEL_READY
                && !member.channel->WaitForConnected(std::chrono::system_clock::now()
                                                     + std::min(options.timeout, std::chrono::milliseconds(1000)))) {
                lastError = member.endpoint + ": not connected";
                continue;
            }
            grpc::ClientContext context;
            prepare(context, authToken, deadline);
            const grpc::Status status = rpc(member, context);
            if (status.ok()) {
                std::lock_guard lock(mutex);
                current = index;
                return;
            }
            lastError = member.endpoint + ": " + status.error_message();
            const auto code = status.error_code();
            if (code == grpc::StatusCode::UNAUTHENTICATED && !options.user.empty() && !reauthenticated) {
                // The token expired: made again, and this member asked once more (not an attempt).
                std::lock_guard lock(mutex);
                token.clear();
                reauthenticated = true;
                --attempt;
                continue;
            }
            const bool transient = code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED;
            unreachable = unreachable && transient;
            if (write && transient) {
                throw EtcdUnreachable(std::string("etcd ") + what + " failed and may or may not have been applied (" + lastError
                                      + "); read the record before trying again");
            }
            if (!transient)
                break;
            if (attempt + 1 >= members.size())
                std::this_thread::sleep_for(std::chrono::milliseconds(100 * (attempt + 2 - members.size())));
        }
        const std::string message = std::string("etcd ") + what + " failed (" + lastError + ")";
        if (unreachable)
            throw EtcdUnreachable(message);
        throw StoreError(message);
    }

    // The auth token (made with this member when there is none); empty, with `error` set, when
    // this member cannot make one. The lock is never held across the RPC.
    std::string tokenFor(Member &member, std::string *error)
    {
        {
            std::lock_guard lock(mutex);
            if (!token.empty())
                return token;
        }
        try {
            std::string made = authenticate(member);
            std::lock_guard lock(mutex);
            token = made;
            return made;
        } catch (const StoreError &e) {
            *error = e.what();
            return {};
        }
    }
};

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
        std::lock_guard lock(m_watchMutex);
        if (m_watchContext)
            static_cast<grpc::ClientContext *>(m_watchContext)->TryCancel();
    }
    if (m_watcher.joinable())
        m_watcher.join();
}

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
            WriteResult &r = results[i];
            const pb::RangeResponse &current = response.responses(static_cast<int>(i)).response_range();
            if (current.kvs_size() > 0) {
                const pb::KeyValue &kv = current.kvs(0);
                r.previous = StoredRecord{m.kind, m.name, kv.value(), kv.create_revision(), kv.mod_revision()};
            }
            if (m.op == Mutation::Op::Create && r.previous) {
                r.status = WriteStatus::AlreadyExists;
            } else if (m.op != Mutation::Op::Create && !r.previous) {
                r.status = WriteStatus::NotFound;
            } else if (m.op != Mutation::Op::Create && m.expectedRevision != AnyRevision
                       && r.previous->modRevision != m.expectedRevision) {
                r.status = WriteStatus::RevisionMismatch;
                r.revision = r.previous->modRevision;
            }
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
