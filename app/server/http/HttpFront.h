#pragma once

#include <QByteArray>
#include <QHostAddress>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace lw::server {

class RequestSink;

// What one HTTP front allows a client, enforced while reading (never after buffering).
struct FrontLimits {
    size_t maxHeaderBytes = 16 * 1024;                  // request line + headers; over it: 431
    std::chrono::milliseconds headerTimeout{10000};     // TLS handshake + whole head, from its first byte
    std::chrono::milliseconds bodyIdleTimeout{15000};   // longest silence inside a body
    std::chrono::milliseconds bodyTotalTimeout{120000}; // a whole body, however it trickles in
    std::chrono::milliseconds keepAliveTimeout{60000};  // idle connection between requests
    std::chrono::milliseconds writeTimeout{60000};      // sending one response
    size_t maxConnections = 8192;                       // open connections in all
    size_t maxConnectionsPerClient = 512;               // open connections from one address
    size_t webSocketMessageMax = 64 * 1024;             // one incoming WebSocket message
};

// A TLS server configuration (certificate chain and key), shared by the listeners that use it.
// replace() swaps in a renewed certificate (SIGHUP): connections accepted from then on use it,
// those already open keep the one they shook hands with.
class TlsServerContext {
public:
    // Throws std::runtime_error naming what could not be loaded.
    static std::shared_ptr<TlsServerContext> fromPem(const QByteArray &chainPem, const QByteArray &keyPem);
    ~TlsServerContext();
    // Throws like fromPem, and then the context in use stays.
    void replace(const QByteArray &chainPem, const QByteArray &keyPem);
    std::shared_ptr<void> current() const; // boost::asio::ssl::context, kept alive by each session

private:
    TlsServerContext();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// The HTTP/1.1 and WebSocket front on Boost.Beast: listeners, connections and their limits, on a
// pool of I/O threads (TLS and parsing happen there). Requests go to each listener's RequestSink.
class HttpFront {
public:
    explicit HttpFront(FrontLimits limits = {}, unsigned ioThreads = 0); // 0: one per core
    ~HttpFront(); // stops and joins the I/O threads; open connections are closed
    HttpFront(const HttpFront &) = delete;
    HttpFront &operator=(const HttpFront &) = delete;

    // Binds and listens (port 0: any free port); returns the port. Throws std::runtime_error.
    // A null `tls` serves plain HTTP. The sink must outlive the front.
    uint16_t listen(const QHostAddress &address, uint16_t port, RequestSink &sink,
                    std::shared_ptr<TlsServerContext> tls = {});
    // Starts the I/O threads (once, after the listen calls).
    void start();

    // Graceful stop: no new connections; idle ones close now, busy ones after their response.
    void drain();
    size_t openConnections() const;
    size_t busyConnections() const; // reading a body, awaiting or sending an answer
    // Stops everything at once and joins the I/O threads (the destructor does it too).
    void stop();

    const FrontLimits &limits() const;

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

} // namespace lw::server
