#pragma once
// Internal to the HTTP front: one accepted WebSocket (plain or TLS), handed to the sink as a
// WebSocketChannel. Incoming messages are bounded and discarded (the live tail only sends);
// outgoing frames are queued and written one at a time; pings keep idle sockets honest.

#include "http/FrontState.h"
#include "http/RequestSink.h"

#include <deque>

namespace lw::server::front {

using namespace beastio;

template <class Stream>
class WebSocketSession final : public Connection,
                               public WebSocketChannel,
                               public std::enable_shared_from_this<WebSocketSession<Stream>> {
public:
    WebSocketSession(Stream stream, std::unique_ptr<Ticket> ticket, RequestSink &sink)
        : m_ws(std::move(stream)), m_deadline(m_ws.get_executor()), m_state(ticket->state()), m_ticket(std::move(ticket)),
          m_sink(sink)
    {
    }
    ~WebSocketSession() override
    {
        if (m_enlisted)
            m_state->delist(*m_enlisted);
    }

    void run(http::request<QByteArrayBody> upgrade, std::shared_ptr<HttpRequest> head)
    {
        m_enlisted = m_state->enlist(this->weak_from_this());
        beast::get_lowest_layer(m_ws).expires_never();
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = m_state->limits.headerTimeout;
        timeouts.idle_timeout = std::chrono::seconds(60); // a ping at half of it; no pong by the end: gone
        timeouts.keep_alive_pings = true;
        m_ws.set_option(timeouts);
        m_ws.read_message_max(m_state->limits.webSocketMessageMax);
        auto request = std::make_shared<http::request<QByteArrayBody>>(std::move(upgrade));
        m_ws.async_accept(*request, [s = this->shared_from_this(), request, head](beast::error_code ec) {
            if (ec)
                return s->finish();
            s->m_open = true;
            s->m_sink.webSocketOpened(head, s);
            s->read();
            if (s->m_closeWanted && !s->m_writing)
                s->sendClose(); // drained or refused during the handshake
        });
    }

    void sendText(std::string text) override
    {
        m_queued += text.size();
        asio::post(m_ws.get_executor(), [s = this->shared_from_this(), text = std::move(text)]() mutable {
            if (s->m_closeWanted || s->m_finished) {
                s->m_queued -= text.size();
                return;
            }
            s->m_queue.push_back(std::move(text));
            if (!s->m_writing)
                s->write();
        });
    }

    void close(uint16_t code, std::string reason) override
    {
        if (reason.size() > 120) // a close frame's reason has at most 123 bytes
            reason.resize(120);
        asio::post(m_ws.get_executor(), [s = this->shared_from_this(), code, reason = std::move(reason)] {
            if (s->m_closeWanted || s->m_finished)
                return;
            s->m_closeWanted.emplace(static_cast<websocket::close_code>(code), beast::string_view(reason));
            // A peer that does not read lets neither the queue nor the close frame out: it gets a
            // few seconds, then the socket is closed under it.
            s->arm(std::chrono::seconds(5));
            if (!s->m_writing && s->m_open)
                s->sendClose();
        });
    }

    size_t queuedBytes() const override { return m_queued; }

    void setOnClosed(std::function<void()> onClosed) override
    {
        std::unique_lock lock(m_callbackMutex);
        if (m_closedFired) {
            lock.unlock();
            onClosed();
            return;
        }
        m_onClosed = std::move(onClosed);
    }

    void drain() override { close(1001, "the server is shutting down"); }

private:
    void read()
    {
        m_ws.async_read(m_in, [s = this->shared_from_this()](beast::error_code ec, size_t) {
            if (ec)
                return s->finish();
            s->m_in.consume(s->m_in.size());
            s->read();
        });
    }

    void write()
    {
        if (m_queue.empty() || m_finished) {
            m_writing = false;
            if (m_closeWanted)
                sendClose();
            return;
        }
        m_writing = true;
        if (!m_closeWanted)
            arm(m_state->limits.writeTimeout); // a frame that cannot be written in time: the reader is gone
        m_ws.text(true);
        m_ws.async_write(asio::buffer(m_queue.front()), [s = this->shared_from_this()](beast::error_code ec, size_t) {
            s->m_queued -= s->m_queue.front().size();
            s->m_queue.pop_front();
            if (!s->m_closeWanted)
                s->m_deadline.cancel();
            if (ec)
                return s->finish();
            s->write();
        });
    }

    void sendClose()
    {
        if (m_closeSent || m_finished || !m_open)
            return;
        m_closeSent = true;
        // The pending read ends once the peer answers the close (or the timeout gives up on it).
        m_ws.async_close(*m_closeWanted, [s = this->shared_from_this()](beast::error_code ec) {
            if (ec)
                s->finish();
        });
    }

    void arm(std::chrono::milliseconds d)
    {
        m_deadline.expires_after(d);
        m_deadline.async_wait([s = this->shared_from_this()](beast::error_code ec) {
            if (!ec)
                s->finish();
        });
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadline.cancel();
        // Drop what was not sent; a frame being written is accounted for when its write ends.
        const size_t keep = m_writing ? 1 : 0;
        while (m_queue.size() > keep) {
            m_queued -= m_queue.back().size();
            m_queue.pop_back();
        }
        beast::error_code ignored;
        beast::get_lowest_layer(m_ws).socket().close(ignored);
        std::function<void()> callback;
        {
            std::lock_guard lock(m_callbackMutex);
            m_closedFired = true;
            callback = std::move(m_onClosed);
        }
        if (callback)
            callback();
    }

    websocket::stream<Stream> m_ws;
    asio::steady_timer m_deadline;
    std::shared_ptr<State> m_state;
    std::unique_ptr<Ticket> m_ticket;
    RequestSink &m_sink;
    std::optional<std::list<std::weak_ptr<Connection>>::iterator> m_enlisted;
    beast::flat_buffer m_in;
    std::deque<std::string> m_queue;
    std::atomic<size_t> m_queued{0};
    std::optional<websocket::close_reason> m_closeWanted;
    bool m_writing = false;
    bool m_open = false;
    bool m_closeSent = false;
    bool m_finished = false;
    std::mutex m_callbackMutex;
    std::function<void()> m_onClosed;
    bool m_closedFired = false;
};

} // namespace lw::server::front
