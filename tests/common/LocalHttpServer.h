#pragma once

#include "http/EventLoopPost.h"
#include "http/HttpFront.h"
#include "http/HttpTypes.h"
#include "http/RequestSink.h"

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace lw::test {

// A plain-HTTP server on loopback for test doubles (the simulated Alloy): the server's own front,
// with handlers by exact path, run on the Qt event loop of the thread that created it.
class LocalHttpServer final : public lw::server::RequestSink {
public:
    using Handler = std::function<lw::server::HttpResponse(const lw::server::HttpRequest &)>;

    LocalHttpServer() : m_front(lw::server::FrontLimits{}, 1) {}
    ~LocalHttpServer() override { m_front.stop(); }

    void route(const std::string &path, Handler handler) { m_routes[path] = std::move(handler); }
    quint16 listen()
    {
        const quint16 port = m_front.listen(QHostAddress::LocalHost, 0, *this);
        m_front.start();
        return port;
    }

    void admit(std::shared_ptr<lw::server::HttpRequest>, std::function<void(Admission)> decide) override
    {
        decide({std::nullopt, 1 << 20});
    }
    void handle(std::shared_ptr<lw::server::HttpRequest> request,
                std::function<void(lw::server::HttpResponse)> reply) override
    {
        m_post([this, request, reply] {
            auto it = m_routes.find(request->path);
            reply(it == m_routes.end() ? lw::server::HttpResponse::raw(404, "not found\n", "text/plain") : it->second(*request));
        });
    }
    lw::server::HttpResponse frontError(const lw::server::HttpRequest *, int status, const std::string &,
                                        const std::string &message) override
    {
        return lw::server::HttpResponse::raw(status, QByteArray::fromStdString(message), "text/plain");
    }

private:
    std::map<std::string, Handler> m_routes;
    lw::server::EventLoopPost m_post;
    lw::server::HttpFront m_front;
};

} // namespace lw::test
