#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>
#include <string>

namespace lw::server {

class AccessLog;
class Authenticator;
class ConfigStore;
class Router;
struct HttpRequest;
struct HttpResponse;

// The HTTP(S) front: for every request, routes it, enforces the body limit, resolves the
// principal and checks the route's scope before the handler runs, turns every exception into a
// JSON error (never a crash) and writes one access-log line.
class ApiHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    // How errors raised by the server itself (not the handler) are written: the API's JSON by
    // default; the remotecfg listener answers in Connect's form.
    using ErrorFormatter = std::function<HttpResponse(int status, const std::string &code, const std::string &message,
                                                      const std::string &field)>;

    ApiHttpServer(Router &router, Authenticator &auth, AccessLog &log, qint64 maxBodyBytes,
                  ErrorFormatter formatError = {}, QObject *parent = nullptr);

    // Holds responses while the store has writes not yet durable (group commit), so nothing is
    // acknowledged before it is on disk; a failed commit turns them into 503s.
    void setDurabilityGate(ConfigStore *store) { m_durability = store; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse dispatch(HttpRequest &request, std::string &subject);
    static void writeResponse(QHttpServerResponder &responder, const HttpResponse &response);

    Router &m_router;
    Authenticator &m_auth;
    AccessLog &m_log;
    qint64 m_maxBodyBytes;
    ErrorFormatter m_formatError;
    ConfigStore *m_durability = nullptr;
};

} // namespace lw::server
