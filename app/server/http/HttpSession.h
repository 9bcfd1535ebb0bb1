#pragma once
// Internal to the HTTP front: one HTTP/1.1 connection (plain or TLS). Requests are read one at
// a time and answered in order: the head first (with its own size limit and timeout), then the
// sink admits it (route, credential, body limit) before a byte of body is read, then the body
// (bounded by the route's limit while it is read, with an idle timeout), then the answer.

#include "http/FrontState.h"
#include "http/RequestSink.h"
#include "http/WebSocketSession.h"

#include <boost/algorithm/string/predicate.hpp>

#include <optional>

namespace lw::server::front {

using namespace beastio;

// Request line + headers → HttpRequest (lower-cased names, path and query split); nullopt when the
// target is not origin-form ("/path?query").
std::optional<HttpRequest> requestFromHead(const http::request<QByteArrayBody> &message, const QHostAddress &remote);
// Beast's parse errors (bad chunk, bad header…) as opposed to I/O errors.
bool isHttpSyntaxError(const beast::error_code &ec);

template <class Derived>
class HttpSession : public Connection {
public:
    HttpSession(std::unique_ptr<Ticket> ticket, RequestSink &sink, QHostAddress remote, asio::any_io_executor executor)
        : m_buffer(ticket->state()->limits.maxHeaderBytes + 64 * 1024), m_state(ticket->state()), m_ticket(std::move(ticket)),
          m_sink(sink), m_remote(std::move(remote)), m_executor(std::move(executor))
    {
    }
    ~HttpSession() override
    {
        if (m_enlisted)
            m_state->delist(*m_enlisted);
    }

    void run()
    {
        m_enlisted = m_state->enlist(self().weak_from_this());
        self().startTransport();
    }

    void drain() override
    {
        // The executor was kept at construction: after an upgrade the stream has moved away.
        asio::post(m_executor, [s = self().shared_from_this()] {
            if (s->m_idle && !s->m_upgraded)
                beast::get_lowest_layer(s->self().stream()).cancel();
        });
    }

protected:
    Derived &self() { return static_cast<Derived &>(*this); }
    tcp::socket &socket() { return beast::get_lowest_layer(self().stream()).socket(); }
    const FrontLimits &limits() const { return m_state->limits; }
    void expiresAfter(std::chrono::milliseconds d) { beast::get_lowest_layer(self().stream()).expires_after(d); }

    void waitForRequest()
    {
        if (m_state->draining)
            return self().closeTransport();
        m_parser.reset(); // an idle connection keeps no request's headers
        if (m_buffer.size() > 0)
            return readHeader();
        if (m_buffer.capacity() > 16384)
            m_buffer.shrink_to_fit();
        // The first bytes of the next request: a new connection gets the head's timeout, an idle
        // keep-alive connection the (longer) keep-alive one.
        m_idle = true;
        expiresAfter(m_requests == 0 ? limits().headerTimeout : limits().keepAliveTimeout);
        self().stream().async_read_some(m_buffer.prepare(8192), [s = self().shared_from_this()](beast::error_code ec, size_t n) {
            s->m_idle = false;
            if (ec)
                return s->self().closeTransport();
            s->m_buffer.commit(n);
            s->readHeader();
        });
    }

    void readHeader()
    {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(limits().maxHeaderBytes));
        m_parser->body_limit(boost::none); // checked against the route's limit once the route is known
        expiresAfter(limits().headerTimeout);
        http::async_read_header(self().stream(), m_buffer, *m_parser,
                                [s = self().shared_from_this()](beast::error_code ec, size_t) { s->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
            return refuse(nullptr, 431, "header_too_large",
                          "the request line and headers are larger than " + std::to_string(limits().maxHeaderBytes) + " bytes");
        }
        if (ec && isHttpSyntaxError(ec))
            return refuse(nullptr, 400, "bad_request", "malformed HTTP request: " + ec.message());
        if (ec)
            return self().closeTransport(); // gone, or too slow to send its head
        ++m_requests;
        m_version = m_parser->get().version() == 10 ? 10 : 11;
        m_keepAlive = m_parser->get().keep_alive();
        // Chunked is the only transfer coding a request may use here; anything else (which Beast
        // would read as "no body") could make the next bytes a smuggled request.
        const size_t codings = m_parser->get().count(http::field::transfer_encoding);
        if (codings > 0 && (codings > 1 || m_version != 11 || !m_parser->chunked()
                            || !boost::algorithm::iequals(m_parser->get()[http::field::transfer_encoding], "chunked")))
            return refuse(nullptr, 400, "bad_request", "Transfer-Encoding other than \"chunked\" (HTTP/1.1) is not supported");
        auto parsed = requestFromHead(m_parser->get(), m_remote);
        if (!parsed)
            return refuse(nullptr, 400, "bad_request", "the request target must be a path (\"/…\")");
        auto head = std::make_shared<HttpRequest>(std::move(*parsed));
        if (websocket::is_upgrade(m_parser->get()) && m_sink.acceptsWebSockets())
            return upgrade(std::move(head));
        m_busy.emplace(*m_state);
        m_sink.admit(head, [s = self().shared_from_this(), head](RequestSink::Admission a) mutable {
            asio::post(s->self().stream().get_executor(),
                       [s, head, a = std::move(a)]() mutable { s->onAdmitted(head, std::move(a)); });
        });
    }

    void onAdmitted(const std::shared_ptr<HttpRequest> &head, RequestSink::Admission a)
    {
        if (a.refusal) {
            m_discardAfterWrite = !m_parser->is_done();
            return writeResponse(std::move(*a.refusal), m_discardAfterWrite);
        }
        const auto declared = m_parser->content_length();
        if (declared && *declared > static_cast<std::uint64_t>(a.bodyLimit))
            return refuseBody(head, a.bodyLimit, "is " + std::to_string(*declared) + " bytes");
        if (m_parser->is_done())
            return dispatch(head);
        m_bodyLimit = a.bodyLimit;
        m_parser->body_limit(static_cast<std::uint64_t>(a.bodyLimit));
        m_bodyDeadline = std::chrono::steady_clock::now() + limits().bodyTotalTimeout;
        const auto expect = m_parser->get()[http::field::expect];
        if (m_version == 11 && boost::algorithm::iequals(expect, "100-continue")) {
            // Only now, with the route's limit checked, does the client get to send its body.
            m_continue.emplace(http::status::continue_, 11);
            expiresAfter(limits().writeTimeout);
            return http::async_write(self().stream(), *m_continue,
                                     [s = self().shared_from_this(), head](beast::error_code ec, size_t) {
                                         s->m_continue.reset();
                                         if (ec)
                                             return s->closeNow();
                                         s->readBody(head);
                                     });
        }
        readBody(head);
    }

    void readBody(const std::shared_ptr<HttpRequest> &head)
    {
        // The idle timeout restarts with every read; the whole body still has a deadline, so a
        // client cannot hold its place by trickling a byte now and then.
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_bodyDeadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return refuse(head.get(), 408, "request_timeout",
                          "the request body did not arrive within " + std::to_string(limits().bodyTotalTimeout.count() / 1000) + " s");
        expiresAfter(std::min(limits().bodyIdleTimeout, left));
        http::async_read_some(self().stream(), m_buffer, *m_parser,
                              [s = self().shared_from_this(), head](beast::error_code ec, size_t) {
                                  if (ec == http::error::body_limit)
                                      return s->refuseBody(head, s->m_bodyLimit, "grew past it");
                                  if (ec == http::error::buffer_overflow) // an endless chunk header or trailer
                                      return s->refuse(head.get(), 400, "bad_request", "a chunk header or trailer is too long");
                                  if (ec && isHttpSyntaxError(ec))
                                      return s->refuse(head.get(), 400, "bad_request", "malformed request body: " + ec.message());
                                  if (ec)
                                      return s->closeNow(); // gone, or silent for too long
                                  if (!s->m_parser->is_done())
                                      return s->readBody(head);
                                  s->dispatch(head);
                              });
    }

    void dispatch(const std::shared_ptr<HttpRequest> &head)
    {
        head->body = std::move(m_parser->get().body());
        m_sink.handle(head, [s = self().shared_from_this()](HttpResponse r) mutable {
            asio::post(s->self().stream().get_executor(), [s, r = std::move(r)]() mutable { s->writeResponse(std::move(r), false); });
        });
    }

    void refuseBody(const std::shared_ptr<HttpRequest> &head, int64_t limit, const std::string &how)
    {
        refuse(head.get(), 413, "body_too_large",
               "the request body " + how + "; the limit for " + head->method + " " + head->path + " is "
                   + std::to_string(limit) + " bytes");
    }

    // An answer of the front's own; the connection closes after it (what the client still sends
    // is read and discarded for a moment first, so that it gets to read the answer).
    void refuse(const HttpRequest *head, int status, const std::string &code, const std::string &message)
    {
        m_discardAfterWrite = true;
        writeResponse(m_sink.frontError(head, status, code, message), true);
    }

    void writeResponse(HttpResponse r, bool closeAfter)
    {
        if (!m_busy)
            m_busy.emplace(*m_state);
        m_response.emplace();
        Response &res = *m_response;
        res.version(m_version);
        res.result(static_cast<unsigned>(r.status));
        if (!r.contentType.isEmpty())
            res.set(http::field::content_type, headerValue(r.contentType));
        for (const auto &[name, value] : r.headers)
            res.set(headerValue(name), headerValue(value));
        if (r.status == 204 || r.status == 304)
            r.body.clear();
        res.body() = std::move(r.body);
        const bool keep = m_keepAlive && !closeAfter && !m_state->draining;
        res.keep_alive(keep);
        res.prepare_payload();
        expiresAfter(limits().writeTimeout);
        http::async_write(self().stream(), res, [s = self().shared_from_this(), keep](beast::error_code ec, size_t) {
            s->m_response.reset();
            s->m_busy.reset();
            if (ec)
                return s->closeNow();
            if (s->m_discardAfterWrite)
                return s->discardThenClose();
            if (!keep)
                return s->self().closeTransport();
            s->waitForRequest();
        });
    }

    // After refusing a request whose body was not read: read and drop what the client still sends
    // (a client that uploads before it reads would otherwise see a reset instead of the answer),
    // bounded in bytes and time and never buffered, then close.
    void discardThenClose()
    {
        if (!m_linger) {
            m_linger = std::make_unique<std::array<char, 16384>>();
            m_discardDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        }
        if (m_lingered > 64 * 1024 * 1024 || std::chrono::steady_clock::now() > m_discardDeadline)
            return self().closeTransport();
        expiresAfter(std::chrono::seconds(2));
        self().stream().async_read_some(asio::buffer(*m_linger), [s = self().shared_from_this()](beast::error_code ec, size_t n) {
            s->m_lingered += n;
            if (ec)
                return s->closeNow();
            s->discardThenClose();
        });
    }

    void upgrade(std::shared_ptr<HttpRequest> head)
    {
        m_upgraded = true;
        auto ws = std::make_shared<WebSocketSession<typename Derived::StreamType>>(std::move(self().stream()), std::move(m_ticket),
                                                                                   m_sink);
        ws->run(m_parser->release(), std::move(head));
    }

    // Half-closes, then reads and discards for a moment, so the answer is not lost to a reset
    // while the client is still sending (lingering close, as nginx does); then closes.
    void lingerAndClose()
    {
        beast::error_code ignored;
        socket().shutdown(tcp::socket::shutdown_send, ignored);
        if (!m_linger)
            m_linger = std::make_unique<std::array<char, 16384>>();
        m_lingered = 0;
        beast::get_lowest_layer(self().stream()).expires_after(std::chrono::seconds(2));
        discard();
    }

    void closeNow()
    {
        beast::error_code ignored;
        socket().close(ignored);
    }

    beast::flat_buffer m_buffer; // bounded: head limit + one read; chunk headers and trailers cannot grow it

private:
    static beast::string_view headerValue(const QByteArray &v) { return {v.constData(), static_cast<size_t>(v.size())}; }

    void discard()
    {
        beast::get_lowest_layer(self().stream()).async_read_some(
            asio::buffer(*m_linger), [s = self().shared_from_this()](beast::error_code ec, size_t n) {
                s->m_lingered += n;
                if (ec || s->m_lingered > 256 * 1024)
                    return s->closeNow();
                s->discard();
            });
    }

    std::shared_ptr<State> m_state;
    std::unique_ptr<Ticket> m_ticket;
    RequestSink &m_sink;
    QHostAddress m_remote;
    std::optional<std::list<std::weak_ptr<Connection>>::iterator> m_enlisted;
    std::optional<RequestParser> m_parser;
    std::optional<Response> m_response;
    std::optional<http::response<http::empty_body>> m_continue;
    std::optional<BusyMark> m_busy;
    std::unique_ptr<std::array<char, 16384>> m_linger;
    size_t m_lingered = 0;
    std::chrono::steady_clock::time_point m_discardDeadline;
    bool m_discardAfterWrite = false;
    int64_t m_bodyLimit = 0;
    std::chrono::steady_clock::time_point m_bodyDeadline;
    asio::any_io_executor m_executor;
    bool m_upgraded = false;
    unsigned m_version = 11;
    uint64_t m_requests = 0;
    bool m_keepAlive = false;
    bool m_idle = false;
};

class PlainSession final : public HttpSession<PlainSession>, public std::enable_shared_from_this<PlainSession> {
public:
    using StreamType = beast::tcp_stream;
    PlainSession(tcp::socket socket, std::unique_ptr<Ticket> ticket, RequestSink &sink, QHostAddress remote)
        : HttpSession(std::move(ticket), sink, std::move(remote), socket.get_executor()), m_stream(std::move(socket))
    {
    }
    beast::tcp_stream &stream() { return m_stream; }
    void startTransport() { waitForRequest(); }
    void closeTransport() { lingerAndClose(); }

private:
    beast::tcp_stream m_stream;
};

class TlsSession final : public HttpSession<TlsSession>, public std::enable_shared_from_this<TlsSession> {
public:
    using StreamType = beast::ssl_stream<beast::tcp_stream>;
    TlsSession(tcp::socket socket, std::shared_ptr<ssl::context> tls, std::unique_ptr<Ticket> ticket, RequestSink &sink,
               QHostAddress remote)
        : HttpSession(std::move(ticket), sink, std::move(remote), socket.get_executor()), m_context(std::move(tls)),
          m_stream(std::move(socket), *m_context)
    {
    }
    StreamType &stream() { return m_stream; }

    void startTransport()
    {
        expiresAfter(limits().headerTimeout);
        m_stream.async_handshake(ssl::stream_base::server, [s = shared_from_this()](beast::error_code ec) {
            if (ec)
                return s->closeNow();
            s->waitForRequest();
        });
    }

    void closeTransport()
    {
        expiresAfter(std::chrono::seconds(2));
        m_stream.async_shutdown([s = shared_from_this()](beast::error_code) { s->lingerAndClose(); });
    }

private:
    std::shared_ptr<ssl::context> m_context; // a renewed certificate (SIGHUP) leaves this session's alone
    StreamType m_stream;
};

} // namespace lw::server::front
