#include "store/etcd/EtcdStore.h"

#include "store/etcd/etcd_rpc.grpc.pb.h"

#include <grpcpp/grpcpp.h>

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

// One channel and stub per endpoint; calls go to the current one and move on when it fails.
struct EtcdStore::Connection {
    struct Member {
        std::string endpoint;
        std::shared_ptr<grpc::Channel> channel;
        std::unique_ptr<pb::KV::Stub> kv;
        std::unique_ptr<pb::Auth::Stub> auth;
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
        for (const std::string &endpoint : o.endpoints) {
            Member m;
            m.endpoint = endpoint;
            m.channel = grpc::CreateCustomChannel(endpoint, credentials, args);
            m.kv = pb::KV::NewStub(m.channel);
            m.auth = pb::Auth::NewStub(m.channel);
            members.push_back(std::move(m));
        }
    }

    void prepare(grpc::ClientContext &context, const std::string &authToken) const
    {
        context.set_deadline(std::chrono::system_clock::now() + options.timeout);
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
    void call(const char *what, bool write, Rpc &&rpc)
    {
        std::string lastError;
        size_t start;
        {
            std::lock_guard lock(mutex);
            start = current;
        }
        for (size_t attempt = 0; attempt < members.size() * 2; ++attempt) {
            const size_t index = (start + attempt) % members.size();
            Member &member = members[index];
            std::string authToken;
            if (!options.user.empty()) {
                std::lock_guard lock(mutex);
                if (token.empty())
                    token = authenticate(member);
                authToken = token;
            }
            grpc::ClientContext context;
            prepare(context, authToken);
            const grpc::Status status = rpc(member, context);
            if (status.ok()) {
                std::lock_guard lock(mutex);
                current = index;
                return;
            }
            lastError = member.endpoint + ": " + status.error_message();
            const auto code = status.error_code();
            if (code == grpc::StatusCode::UNAUTHENTICATED && !options.user.empty()) {
                std::lock_guard lock(mutex);
                token.clear(); // expired: authenticate again, then retry
                continue;
            }
            const bool unsent = code == grpc::StatusCode::UNAVAILABLE;
            const bool retry = unsent || (!write && code == grpc::StatusCode::DEADLINE_EXCEEDED);
            if (!retry)
                break;
            if (attempt + 1 >= members.size())
                std::this_thread::sleep_for(std::chrono::milliseconds(100 * (attempt + 2 - members.size())));
        }
        throw StoreError(std::string("etcd ") + what + " failed (" + lastError + ")");
    }
};

EtcdStore::EtcdStore(EtcdStoreOptions options, QObject *parent)
    : ConfigStore(parent), m_options(std::move(options)), m_connection(std::make_unique<Connection>(m_options))
{
    revision(); // reaches etcd now: a wrong endpoint or credential stops start-up with its reason
}

EtcdStore::~EtcdStore() = default;

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

int64_t EtcdStore::revision()
{
    pb::RangeRequest request;
    request.set_key(m_options.prefix + "/");
    request.set_range_end(prefixEnd(m_options.prefix + "/"));
    request.set_count_only(true);
    pb::RangeResponse response;
    m_connection->call("read", false, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Range(&c, request, &response); });
    seen(response.header().revision());
    return m_revision.load();
}

std::optional<StoredRecord> EtcdStore::get(const std::string &kind, const std::string &name)
{
    pb::RangeRequest request;
    request.set_key(keyOf(kind, name));
    pb::RangeResponse response;
    m_connection->call("read", false, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Range(&c, request, &response); });
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
        m_connection->call("read", false, [&](Connection::Member &m, grpc::ClientContext &c) { return m.kv->Range(&c, request, &response); });
        if (atRevision == 0)
            atRevision = response.header().revision();
        for (const pb::KeyValue &kv : response.kvs())
            out.push_back(StoredRecord{kind, kv.key().substr(prefix.size()), kv.value(), kv.create_revision(), kv.mod_revision()});
        if (!response.more() || response.kvs_size() == 0)
            break;
        from = response.kvs(response.kvs_size() - 1).key() + std::string(1, '\0');
    }
    seen(atRevision);
    std::sort(out.begin(), out.end(), [](const StoredRecord &a, const StoredRecord &b) { return a.createRevision < b.createRevision; });
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
    }
    Q_EMIT changed(QString::fromStdString(kind), QString(), revision);
}

} // namespace lw::server
