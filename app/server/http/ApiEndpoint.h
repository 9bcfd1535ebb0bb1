#pragma once

#include "http/RequestSink.h"

#include <functional>
#include <memory>
#include <string>

namespace lw::server {

class AccessLog;
class Authenticator;
class ConfigStore;
class EventLoopPost;
struct Principal;
class Router;
struct Route;

// One listener's request pipeline, in front of a Router: routes a request as soon as its head is
// read, refuses what cannot succeed (404/405, a body over the route's limit, no or a bad
// credential, a missing scope) before any body is read, then runs the handler — on the I/O thread
// when the route has a fast answer from a cache, else on the event loop that owns the state —
// turns every exception into an error answer (never a crash), holds answers until the store's
// writes are durable (group commit), and writes one access-log line per request.
class ApiEndpoint final : public RequestSink {
public:
    // How errors raised outside handlers are written: the API's JSON by default; the remotecfg
    // listener answers in Connect's form.
    using ErrorFormatter = std::function<HttpResponse(int status, const std::string &code, const std::string &message,
                                                      const std::string &field)>;
    using WebSocketHandler = std::function<void(std::shared_ptr<HttpRequest>, std::shared_ptr<WebSocketChannel>)>;

    ApiEndpoint(Router &router, Authenticator &auth, AccessLog &log, int64_t maxBodyBytes, const EventLoopPost &post,
                ErrorFormatter formatError = {});

    // Holds answers while the store has writes not yet durable, so nothing is acknowledged before
    // it is on disk; a failed commit turns them into 503s.
    void setDurabilityGate(ConfigStore *store) { m_durability = store; }
    // Counts every answer in /metrics under this listener's name ("api", "remotecfg").
    void setMetricsListener(std::string name) { m_listener = std::move(name); }
    // Accepts WebSocket upgrades and hands them (on the event loop) to `handler`.
    void setWebSocketHandler(WebSocketHandler handler) { m_webSockets = std::move(handler); }

    void admit(std::shared_ptr<HttpRequest> head, std::function<void(Admission)> decide) override;
    void handle(std::shared_ptr<HttpRequest> request, std::function<void(HttpResponse)> reply) override;
    HttpResponse frontError(const HttpRequest *head, int status, const std::string &code, const std::string &message) override;
    bool acceptsWebSockets() const override { return static_cast<bool>(m_webSockets); }
    void webSocketOpened(std::shared_ptr<HttpRequest> upgrade, std::shared_ptr<WebSocketChannel> channel) override;

private:
    const ErrorFormatter &errorsFor(const Route *route) const;
    Admission authorise(HttpRequest &req, const Route &route, std::shared_ptr<const Principal> principal, int64_t limit);
    HttpResponse run(HttpRequest &req, const std::function<HttpResponse(HttpRequest &)> &step) const;
    void finish(const HttpRequest &req, HttpResponse response, const std::function<void(HttpResponse)> &reply) const;
    void log(const HttpRequest &req, int status, int64_t bytes) const;

    Router &m_router;
    Authenticator &m_auth;
    AccessLog &m_log;
    int64_t m_maxBodyBytes;
    const EventLoopPost &m_post;
    ErrorFormatter m_formatError;
    ErrorFormatter m_plainText;
    ConfigStore *m_durability = nullptr;
    WebSocketHandler m_webSockets;
    std::string m_listener;
};

} // namespace lw::server
