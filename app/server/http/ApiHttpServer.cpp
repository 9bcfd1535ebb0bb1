#include "ApiHttpServer.h"
#include "AccessLog.h"
#include "HttpTypes.h"
#include "Router.h"
#include "auth/Authenticator.h"
#include "store/ConfigStore.h"
#include "ValidationError.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>

namespace lw::server {

namespace {

const char *methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

std::string joinMethods(const std::vector<std::string> &methods)
{
    std::string out;
    for (const auto &m : methods)
        out += (out.empty() ? "" : ", ") + m;
    return out;
}

} // namespace

ApiHttpServer::ApiHttpServer(Router &router, Authenticator &auth, AccessLog &log, qint64 maxBodyBytes,
                             ErrorFormatter formatError, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_auth(auth), m_log(log), m_maxBodyBytes(maxBodyBytes),
      m_formatError(formatError ? std::move(formatError) : ErrorFormatter(&HttpResponse::error))
{
}

HttpResponse ApiHttpServer::dispatch(HttpRequest &req, std::string &subject)
{
    Router::Match match = m_router.match(req.method, req.path);
    if (!match.route) {
        if (!match.allowedMethods.empty()) {
            return m_formatError(405, "method_not_allowed",
                                 req.method + " is not allowed on " + req.path + " (allowed: "
                                     + joinMethods(match.allowedMethods) + ")",
                                 {})
                .header("Allow", QByteArray::fromStdString(joinMethods(match.allowedMethods)));
        }
        return m_formatError(404, "not_found", "no such endpoint: " + req.method + " " + req.path, {});
    }
    static const ErrorFormatter plainText(&HttpResponse::plainError);
    const ErrorFormatter &routeErrors = match.route->errorStyle == Router::ErrorStyle::PlainText ? plainText : m_formatError;
    const qint64 limit = match.route->maxBodyBytes > 0 ? match.route->maxBodyBytes : m_maxBodyBytes;
    if (req.body.size() > limit) {
        return routeErrors(413, "body_too_large",
                           "the request body has " + std::to_string(req.body.size()) + " bytes; the limit is "
                               + std::to_string(limit),
                           {});
    }
    req.params = std::move(match.params);

    Authenticator::PrincipalPtr principal; // kept alive for the handler
    if (!match.route->isPublic) {
        auto result = m_auth.authenticate(req.header("authorization"));
        if (auto *why = std::get_if<std::string>(&result))
            return routeErrors(401, "unauthenticated", *why, {}).header("WWW-Authenticate", "Bearer");
        principal = std::get<Authenticator::PrincipalPtr>(std::move(result));
        subject = principal->subject;
        if (!principal->allows(match.route->scope)) {
            return routeErrors(403, "forbidden",
                               "\"" + principal->subject + "\" lacks the scope \"" + match.route->scope
                                   + "\" needed for " + req.method + " " + req.path,
                               {});
        }
        req.principal = principal.get();
    }

    try {
        return match.route->handler(req);
    } catch (const ApiError &e) {
        return routeErrors(e.status, e.code, e.what(), e.field);
    } catch (const ValidationError &e) {
        return routeErrors(400, e.code(), e.what(), e.field());
    } catch (const StoreError &e) {
        qCritical("logwardend: store error on %s %s: %s", req.method.c_str(), req.path.c_str(), e.what());
        return routeErrors(503, "store_unavailable", "the configuration store failed; try again", {});
    } catch (const std::exception &e) {
        qCritical("logwardend: internal error on %s %s: %s", req.method.c_str(), req.path.c_str(), e.what());
        return routeErrors(500, "internal", "internal error", {});
    }
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 upgrades a WebSocket request when its handler claims it without answering; the live
    // tail authenticates it once upgraded (TailService).
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return true;

    QElapsedTimer timer;
    timer.start();

    HttpRequest req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.path = url.path(QUrl::FullyEncoded).toStdString();
    // Form encoding writes spaces as '+' (curl -G --data-urlencode, logcli, Grafana).
    req.query = formQuery(url);
    req.body = request.body();
    req.remote = request.remoteAddress();
    const auto headers = request.headers();
    req.headers.reserve(static_cast<size_t>(headers.size()));
    for (const auto &[name, value] : headers)
        req.headers.emplace_back(name.toLower(), value);

    std::string subject;
    HttpResponse response = dispatch(req, subject);

    if (!response.deferred && m_durability && m_durability->hasPendingWrites()) {
        response.deferred = [store = m_durability, ready = response, formatError = m_formatError](
                                std::function<void(HttpResponse)> reply) {
            store->whenDurable([ready, reply, formatError](bool durable) {
                reply(durable ? ready
                              : formatError(503, "store_unavailable", "the change could not be made durable; try again", {}));
            });
        };
    }
    if (response.deferred) {
        // Keep the responder until the answer is known; write only if the client is still there.
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        AccessLog::Entry entry{req.remote.toString().toStdString(), req.method, req.path, 0, 0, 0, subject};
        response.deferred([this, responder, alive, entry, timer](HttpResponse final) mutable {
            entry.status = final.status;
            entry.bytes = final.body.size();
            entry.durationMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            if (alive)
                writeResponse(*responder, final);
            m_log.write(entry);
        });
        return true;
    }

    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, response);
    m_log.write({req.remote.toString().toStdString(), req.method, req.path, response.status, response.body.size(),
                 static_cast<double>(timer.nsecsElapsed()) / 1e6, subject});
    return true;
}

void ApiHttpServer::writeResponse(QHttpServerResponder &responder, const HttpResponse &response)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request; this only runs if Qt calls it directly.
    QHttpServerResponder responder = makeResponder(request, socket);
    QByteArray body = toJsonBytes({{"error", "no handler"}, {"code", "not_found"}});
    responder.write(body, "application/json", QHttpServerResponder::StatusCode::NotFound);
}

} // namespace lw::server
