#pragma once
// Inside the etcd store (not for other layers): the connection to the members, shared by the
// store's reads and writes (EtcdStore.cpp) and its watch (EtcdWatch.cpp).
#include "store/etcd/EtcdStore.h"

#include "store/etcd/etcd_rpc.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lw::server {

namespace pb = etcdserverpb;

// The smallest key greater than every key starting with `prefix` (etcd's range_end for a prefix).
std::string prefixEnd(std::string prefix);

// No member could be reached (or answered in time): the cluster, not the request, is at fault.
class EtcdUnreachable : public StoreError {
    using StoreError::StoreError;
};

// One channel and stub per endpoint; calls go to the current one and move on when it fails.
struct EtcdStore::Connection {
    struct Member {
        std::string endpoint;
        std::shared_ptr<grpc::Channel> channel;
        std::unique_ptr<pb::KV::Stub> kv;
        std::unique_ptr<pb::Auth::Stub> auth;
        std::unique_ptr<pb::Watch::Stub> watch;
        std::unique_ptr<pb::Lease::Stub> lease;
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
            m.lease = pb::Lease::NewStub(m.channel);
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

} // namespace lw::server
