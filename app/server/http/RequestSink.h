#pragma once

#include "http/HttpTypes.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace lw::server {

// An accepted WebSocket, as the application sees it. Every member may be called from any thread;
// frames are sent in order from a queue the application can watch (queuedBytes) to drop or close
// a reader that does not keep up.
class WebSocketChannel {
public:
    virtual ~WebSocketChannel() = default;
    virtual void sendText(std::string text) = 0;
    // Sends what is queued, then the close frame; nothing is sent after it.
    virtual void close(uint16_t code, std::string reason) = 0;
    virtual size_t queuedBytes() const = 0;
    // Called once, on an I/O thread, when the socket is gone (closed by either side or failed).
    virtual void setOnClosed(std::function<void()> onClosed) = 0;
};

// What a listener does with requests; called on the front's I/O threads.
class RequestSink {
public:
    struct Admission {
        std::optional<HttpResponse> refusal; // answered at once; the connection closes if a body was announced
        int64_t bodyLimit = 0;              // largest body to read for this request
    };

    virtual ~RequestSink() = default;
    // The request line and headers are read, the body not yet: route it, check its credential and
    // tell the front how much body it may read. Calls `decide` exactly once, from any thread.
    virtual void admit(std::shared_ptr<HttpRequest> head, std::function<void(Admission)> decide) = 0;
    // The whole request. Calls `reply` exactly once, from any thread.
    virtual void handle(std::shared_ptr<HttpRequest> request, std::function<void(HttpResponse)> reply) = 0;
    // The answer to a request the front refuses itself (431, 413 while reading, 400 bad framing),
    // in this listener's error form; `head` is null when not even the request line was read.
    virtual HttpResponse frontError(const HttpRequest *head, int status, const std::string &code,
                                    const std::string &message) = 0;
    // WebSocket upgrades: false makes them ordinary requests.
    virtual bool acceptsWebSockets() const { return false; }
    // After the handshake; the sink owns the channel from then on.
    virtual void webSocketOpened(std::shared_ptr<HttpRequest>, std::shared_ptr<WebSocketChannel>) {}
};

} // namespace lw::server
