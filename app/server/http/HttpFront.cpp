#include "HttpFront.h"
#include "Log.h"
#include "FrontState.h"
#include "HttpSession.h"
#include "RequestSink.h"

#include <openssl/ssl.h>

#include <mutex>

#include <sys/resource.h>

#include <cstdio>

namespace lw::server {

using namespace beastio;

namespace front {

namespace {

int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

std::unique_ptr<Ticket> State::admit(const std::string &client)
{
    std::lock_guard lock(mutex);
    const char *why = nullptr;
    size_t &mine = perClient[client];
    if (draining)
        why = "the server is shutting down";
    else if (open >= limits.maxConnections)
        why = "connections in all";
    else if (mine >= limits.maxConnectionsPerClient)
        why = "connections from that address";
    if (!why) {
        ++mine;
        ++open;
        return std::make_unique<Ticket>(shared_from_this(), client);
    }
    if (mine == 0)
        perClient.erase(client);
    // One line per 10 s at most, so refusals cannot flood the log.
    ++refusedSinceLog;
    const int64_t now = steadyMs();
    if (!draining && now - lastRefusalLogMs >= 10000) {
        const size_t cap = std::string_view(why).find("address") != std::string_view::npos ? limits.maxConnectionsPerClient
                                                                                             : limits.maxConnections;
        log::warning("refused a connection from %s: %zu %s are open (the limit; see --max-connections%s); "
                     "%zu refused since the last such line",
                     client.c_str(), cap, why, cap == limits.maxConnections ? "" : "-per-client", refusedSinceLog);
        lastRefusalLogMs = now;
        refusedSinceLog = 0;
    }
    return nullptr;
}

void State::release(const std::string &client)
{
    std::lock_guard lock(mutex);
    auto it = perClient.find(client);
    if (it != perClient.end() && --it->second == 0)
        perClient.erase(it);
    --open;
}

std::list<std::weak_ptr<Connection>>::iterator State::enlist(std::weak_ptr<Connection> c)
{
    std::lock_guard lock(mutex);
    return connections.insert(connections.end(), std::move(c));
}

void State::delist(std::list<std::weak_ptr<Connection>>::iterator it)
{
    std::lock_guard lock(mutex);
    connections.erase(it);
}

void State::drainAll()
{
    std::vector<std::shared_ptr<Connection>> live;
    {
        std::lock_guard lock(mutex);
        for (const auto &weak : connections) {
            if (auto c = weak.lock())
                live.push_back(std::move(c));
        }
    }
    for (const auto &c : live)
        c->drain();
}

std::optional<HttpRequest> requestFromHead(const http::request<QByteArrayBody> &message, const QHostAddress &remote)
{
    const beast::string_view target = message.target();
    if (target.empty() || target.front() != '/')
        return std::nullopt;
    HttpRequest req;
    req.method = std::string(message.method_string());
    const size_t question = target.find('?');
    req.path = std::string(target.substr(0, question));
    if (question != beast::string_view::npos)
        req.query = QueryParams(std::string_view(target.data() + question + 1, target.size() - question - 1));
    req.remote = remote;
    req.version = message.version() == 10 ? 10 : 11;
    req.headers.reserve(16);
    for (const auto &field : message) {
        QByteArray name(field.name_string().data(), static_cast<qsizetype>(field.name_string().size()));
        req.headers.emplace_back(name.toLower(), QByteArray(field.value().data(), static_cast<qsizetype>(field.value().size())));
    }
    return req;
}

bool isHttpSyntaxError(const beast::error_code &ec)
{
    static const auto &category = http::make_error_code(http::error::bad_method).category();
    return ec.category() == category && ec != http::error::end_of_stream && ec != http::error::partial_message
           && ec != http::error::need_more && ec != http::error::need_buffer;
}

} // namespace front

// ---- TLS -------------------------------------------------------------------------------------

namespace {
std::shared_ptr<ssl::context> makeServerContext(const QByteArray &chainPem, const QByteArray &keyPem)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    ssl::context &c = *context;
    try {
        c.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
                      | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        SSL_CTX_set_options(c.native_handle(), SSL_OP_NO_RENEGOTIATION); // no handshake CPU on demand
        SSL_CTX_set_min_proto_version(c.native_handle(), TLS1_2_VERSION);
        // Idle connections give their TLS buffers back; resumed sessions skip the key exchange.
        SSL_CTX_set_mode(c.native_handle(), SSL_MODE_RELEASE_BUFFERS);
        SSL_CTX_set_session_cache_mode(c.native_handle(), SSL_SESS_CACHE_SERVER);
        static const unsigned char sid[] = "logwardend";
        SSL_CTX_set_session_id_context(c.native_handle(), sid, sizeof sid - 1);
        c.use_certificate_chain(asio::buffer(chainPem.constData(), static_cast<size_t>(chainPem.size())));
        c.use_private_key(asio::buffer(keyPem.constData(), static_cast<size_t>(keyPem.size())), ssl::context::pem);
        if (SSL_CTX_check_private_key(c.native_handle()) != 1)
            throw std::runtime_error("the TLS private key does not belong to the certificate");
    } catch (const boost::system::system_error &e) {
        throw std::runtime_error(std::string("the TLS certificate or key cannot be used: ") + e.code().message());
    }
    return context;
}
} // namespace

struct TlsServerContext::Impl {
    mutable std::mutex mutex;
    std::shared_ptr<ssl::context> context;
};

TlsServerContext::TlsServerContext() : d(std::make_unique<Impl>()) {}
TlsServerContext::~TlsServerContext() = default;

std::shared_ptr<void> TlsServerContext::current() const
{
    std::lock_guard lock(d->mutex);
    return d->context;
}

void TlsServerContext::replace(const QByteArray &chainPem, const QByteArray &keyPem)
{
    auto context = makeServerContext(chainPem, keyPem); // may throw: the old one stays
    std::lock_guard lock(d->mutex);
    d->context = std::move(context);
}

std::shared_ptr<TlsServerContext> TlsServerContext::fromPem(const QByteArray &chainPem, const QByteArray &keyPem)
{
    std::shared_ptr<TlsServerContext> tls(new TlsServerContext());
    tls->d->context = makeServerContext(chainPem, keyPem);
    return tls;
}

// ---- Listeners and the front -----------------------------------------------------------------

namespace {

// What the per-client cap counts by: the address, or for IPv6 its /64 (one host's usual share).
std::string clientKey(const asio::ip::address &address)
{
    if (!address.is_v6() || address.to_v6().is_v4_mapped())
        return address.to_string();
    auto bytes = address.to_v6().to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return asio::ip::address_v6(bytes).to_string() + "/64";
}

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(std::shared_ptr<front::State> state, tcp::acceptor acceptor, RequestSink &sink, std::shared_ptr<TlsServerContext> tls)
        : m_state(std::move(state)), m_acceptor(std::move(acceptor)), m_sink(sink), m_tls(std::move(tls)),
          m_backoff(m_acceptor.get_executor())
    {
    }

    void accept()
    {
        m_acceptor.async_accept(asio::make_strand(*m_state->io), [s = shared_from_this()](beast::error_code ec, tcp::socket socket) {
            s->onAccept(ec, std::move(socket));
        });
    }

    void close()
    {
        asio::post(m_acceptor.get_executor(), [s = shared_from_this()] {
            beast::error_code ignored;
            s->m_acceptor.close(ignored);
            s->m_backoff.cancel();
        });
    }

private:
    void onAccept(beast::error_code ec, tcp::socket socket)
    {
        if (ec == asio::error::operation_aborted || !m_acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors (or another transient failure): pause instead of spinning.
            log::warning("accepting a connection failed: %s", ec.message().c_str());
            m_backoff.expires_after(std::chrono::milliseconds(100));
            m_backoff.async_wait([s = shared_from_this()](beast::error_code e) {
                if (!e)
                    s->accept();
            });
            return;
        }
        beast::error_code peerError;
        const tcp::endpoint peer = socket.remote_endpoint(peerError);
        if (!peerError) {
            const std::string client = peer.address().to_string();
            if (auto ticket = m_state->admit(clientKey(peer.address()))) {
                beast::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored);
                const QHostAddress remote(QString::fromStdString(client));
                if (m_tls) {
                    auto context = std::static_pointer_cast<ssl::context>(m_tls->current());
                    std::make_shared<front::TlsSession>(std::move(socket), std::move(context), std::move(ticket), m_sink, remote)->run();
                } else {
                    std::make_shared<front::PlainSession>(std::move(socket), std::move(ticket), m_sink, remote)->run();
                }
            }
        }
        accept();
    }

    std::shared_ptr<front::State> m_state;
    tcp::acceptor m_acceptor;
    RequestSink &m_sink;
    std::shared_ptr<TlsServerContext> m_tls;
    asio::steady_timer m_backoff;
};

void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

struct HttpFront::Impl {
    std::shared_ptr<front::State> state;
    std::vector<std::shared_ptr<Listener>> listeners;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    unsigned threadCount = 1;
    bool started = false;
};

HttpFront::HttpFront(FrontLimits limits, unsigned ioThreads) : d(std::make_shared<Impl>())
{
    raiseDescriptorLimit();
    d->state = std::make_shared<front::State>(limits);
    d->threadCount = ioThreads ? ioThreads : std::max(1u, std::thread::hardware_concurrency());
    d->state->io = std::make_unique<asio::io_context>(static_cast<int>(d->threadCount));
    d->work.emplace(d->state->io->get_executor());
}

HttpFront::~HttpFront()
{
    stop();
    for (const auto &l : d->listeners)
        l->close();
    d->listeners.clear();
    // Destroying the context destroys the handlers still queued, and with them the connections.
    d->state->io.reset();
}

uint16_t HttpFront::listen(const QHostAddress &address, uint16_t port, RequestSink &sink, std::shared_ptr<TlsServerContext> tls)
{
    beast::error_code ec;
    const auto ip = asio::ip::make_address(address.toString().toStdString(), ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + address.toString().toStdString() + ": not an IP address");
    const tcp::endpoint endpoint(ip, port);
    tcp::acceptor acceptor(asio::make_strand(*d->state->io));
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error(ec.message());
    const uint16_t bound = acceptor.local_endpoint().port();
    auto listener = std::make_shared<Listener>(d->state, std::move(acceptor), sink, std::move(tls));
    d->listeners.push_back(listener);
    listener->accept();
    return bound;
}

void HttpFront::start()
{
    if (d->started)
        return;
    d->started = true;
    for (unsigned i = 0; i < d->threadCount; ++i) {
        d->state->threads.emplace_back([io = d->state->io.get()] {
            for (;;) {
                try {
                    io->run();
                    return;
                } catch (const std::exception &e) {
                    // A handler that throws must not take the front down; log it and go on.
                    log::error("HTTP I/O thread caught: %s", e.what());
                }
            }
        });
    }
}

void HttpFront::drain()
{
    d->state->draining = true;
    for (const auto &l : d->listeners)
        l->close();
    d->state->drainAll();
}

size_t HttpFront::openConnections() const
{
    return d->state->open;
}

size_t HttpFront::busyConnections() const
{
    return d->state->busy;
}

void HttpFront::stop()
{
    d->work.reset();
    if (d->state->io)
        d->state->io->stop();
    for (std::thread &t : d->state->threads) {
        if (t.joinable())
            t.join();
    }
    d->state->threads.clear();
}

const FrontLimits &HttpFront::limits() const
{
    return d->state->limits;
}

} // namespace lw::server
