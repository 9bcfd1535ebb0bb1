#include "ApiEndpoint.h"
#include "Log.h"
#include "AccessLog.h"
#include "EventLoopPost.h"
#include "Router.h"
#include "ApiDocument.h"
#include "auth/Authenticator.h"
#include "store/ConfigStore.h"
#include "ValidationError.h"
#include "metrics/Metrics.h"

#include <set>

#include <atomic>
#include <chrono>

namespace lw::server {

namespace {

// Metric labels from a bounded set only: the route's pattern (never the path a client sent), a
// known method, the status; refusals by reason.
std::string routeLabel(const Route *route)
{
    return route ? ApiDocument::pattern(*route) : "unmatched";
}

std::string methodLabel(const std::string &method)
{
    static const std::set<std::string> known = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.count(method) ? method : "other";
}

const char *refusalReason(int status)
{
    switch (status) {
    case 400: return "invalid";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 409: return "conflict";
    case 412: return "precondition_failed";
    case 413: return "body_too_large";
    case 414:
    case 431: return "head_too_large";
    case 415: return "unsupported_media_type";
    case 428: return "precondition_required";
    case 429: return "rate_limited";
    case 503: return "unavailable";
    default: return status >= 400 && status < 500 ? "other_client_error" : nullptr;
    }
}

// Statuses this server answers; another (an upstream Loki's, passed through) counts by its class.
std::string statusLabel(int status)
{
    static const std::set<int> known = {101, 200, 201, 204, 206, 304, 400, 401, 403, 404, 405, 408, 409, 412, 413,
                                        414, 415, 428, 429, 431, 500, 502, 503, 504};
    return known.count(status) ? std::to_string(status) : std::to_string(status / 100 % 10) + "xx";
}

void count(const std::string &listener, const Route *route, const std::string &method, int status, double seconds)
{
    if (listener.empty())
        return;
    Metrics &m = Metrics::global();
    const std::string routeName = routeLabel(route);
    m.add("logwardend_http_requests_total",
          {{"listener", listener}, {"route", routeName}, {"method", methodLabel(method)}, {"status", statusLabel(status)}});
    m.observe("logwardend_http_request_duration_seconds", {{"listener", listener}, {"route", routeName}}, seconds);
    if (const char *reason = refusalReason(status))
        m.add("logwardend_http_rejected_requests_total", {{"listener", listener}, {"reason", reason}});
}

void countWebSocket(const std::string &listener)
{
    if (!listener.empty())
        Metrics::global().add("logwardend_http_requests_total",
                              {{"listener", listener}, {"route", "websocket"}, {"method", "GET"}, {"status", "101"}});
}

std::string joinMethods(const std::vector<std::string> &methods)
{
    std::string out;
    for (const auto &m : methods)
        out += (out.empty() ? "" : ", ") + m;
    return out;
}

} // namespace

ApiEndpoint::ApiEndpoint(Router &router, Authenticator &auth, AccessLog &log, int64_t maxBodyBytes, const EventLoopPost &post,
                         ErrorFormatter formatError)
    : m_router(router), m_auth(auth), m_log(log), m_maxBodyBytes(maxBodyBytes), m_post(post),
      m_formatError(formatError ? std::move(formatError) : ErrorFormatter(&HttpResponse::error)),
      m_plainText(&HttpResponse::plainError)
{
}

const ApiEndpoint::ErrorFormatter &ApiEndpoint::errorsFor(const Route *route) const
{
    return route && route->errorStyle == Route::ErrorStyle::PlainText ? m_plainText : m_formatError;
}

void ApiEndpoint::admit(std::shared_ptr<HttpRequest> head, std::function<void(Admission)> decide)
{
    HttpRequest &req = *head;
    Router::Match match = m_router.match(req.method, req.path);
    if (!match.route) {
        if (!match.allowedMethods.empty()) {
            const std::string allowed = joinMethods(match.allowedMethods);
            HttpResponse r = m_formatError(405, "method_not_allowed",
                                           req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")", {});
            r.header("Allow", QByteArray::fromStdString(allowed));
            log(req, r.status, r.body.size());
            return decide({std::move(r), 0});
        }
        HttpResponse r = m_formatError(404, "not_found", "no such endpoint: " + req.method + " " + req.path, {});
        log(req, r.status, r.body.size());
        return decide({std::move(r), 0});
    }
    const Route &route = *match.route;
    req.route = &route;
    req.params = std::move(match.params);
    const int64_t limit = route.maxBodyBytes > 0 ? route.maxBodyBytes : m_maxBodyBytes;
    bool numeric = false;
    const qlonglong declared = req.header("content-length").toLongLong(&numeric);
    if (numeric && declared > limit) {
        // Refused before the credential is even looked at: nothing of such a body is ever read.
        HttpResponse r = errorsFor(&route)(413, "body_too_large",
                                           "the request body is " + std::to_string(declared) + " bytes; the limit for "
                                               + req.method + " " + req.path + " is " + std::to_string(limit) + " bytes",
                                           {});
        log(req, r.status, r.body.size());
        return decide({std::move(r), 0});
    }
    if (route.isPublic) {
        if (route.gate) {
            std::optional<HttpResponse> refusal;
            try {
                refusal = route.gate(req);
            } catch (const std::exception &) {
                refusal = errorsFor(&route)(401, "unauthenticated", "the credential could not be checked", {});
            }
            if (refusal) {
                log(req, refusal->status, refusal->body.size());
                return decide({std::move(refusal), 0});
            }
        }
        return decide({std::nullopt, limit});
    }

    // The credential is checked before any body is read: a hit in the credential cache here, on
    // the I/O thread; anything else on the event loop that owns the store.
    const QByteArray credential = req.header("authorization");
    if (credential.trimmed().isEmpty()) {
        HttpResponse r = errorsFor(&route)(401, "unauthenticated", Authenticator::MissingCredentials, {});
        r.header("WWW-Authenticate", "Bearer");
        log(req, r.status, r.body.size());
        return decide({std::move(r), 0});
    }
    if (auto principal = m_auth.cached(credential))
        return decide(authorise(req, route, std::move(principal), limit));
    m_post([this, head, decide, limit, credential] {
        Admission admission;
        try {
            auto result = m_auth.authenticate(credential);
            if (auto *why = std::get_if<std::string>(&result)) {
                admission.refusal = errorsFor(head->route)(401, "unauthenticated", *why, {});
                admission.refusal->header("WWW-Authenticate", "Bearer");
            } else {
                admission = authorise(*head, *head->route, std::get<Authenticator::PrincipalPtr>(std::move(result)), limit);
            }
        } catch (const std::exception &e) {
            log::error("checking a credential failed: %s", e.what());
            admission.refusal = errorsFor(head->route)(503, "unavailable", "the credential could not be checked; try again", {});
        }
        if (admission.refusal)
            log(*head, admission.refusal->status, admission.refusal->body.size());
        decide(std::move(admission));
    });
}

RequestSink::Admission ApiEndpoint::authorise(HttpRequest &req, const Route &route, Authenticator::PrincipalPtr principal,
                                              int64_t limit)
{
    req.principal = principal.get();
    req.principalRef = std::move(principal);
    if (!req.principal->allows(route.scope)) {
        HttpResponse r = errorsFor(&route)(403, "forbidden",
                                           "\"" + req.principal->subject + "\" lacks the scope \"" + route.scope + "\" needed for "
                                               + req.method + " " + req.path,
                                           {});
        log(req, r.status, r.body.size());
        return {std::move(r), 0};
    }
    return {std::nullopt, limit};
}

HttpResponse ApiEndpoint::run(HttpRequest &req, const std::function<HttpResponse(HttpRequest &)> &step) const
{
    const ErrorFormatter &errors = errorsFor(req.route);
    try {
        return step(req);
    } catch (const ApiError &e) {
        return errors(e.status, e.code, e.what(), e.field);
    } catch (const ValidationError &e) {
        return errors(400, e.code(), e.what(), e.field());
    } catch (const StoreError &e) {
        // A failing disk fails every write: one line a minute says so, not one per request.
        static std::atomic<int64_t> lastLoggedMs{0};
        static std::atomic<int64_t> suppressed{0};
        const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now().time_since_epoch()).count();
        if (now - lastLoggedMs.load() >= 60000) {
            lastLoggedMs = now;
            log::error("the configuration store fails (%s %s: %s); %lld more such failures in the last minute",
                         req.method.c_str(), req.path.c_str(), e.what(), static_cast<long long>(suppressed.exchange(0)));
        } else {
            ++suppressed;
        }
        return errors(503, "store_unavailable",
                      "the configuration store cannot write right now (is its disk full?); nothing was changed, try again", {});
    } catch (const std::exception &e) {
        log::error("internal error on %s %s: %s", req.method.c_str(), req.path.c_str(), e.what());
        return errors(500, "internal", "internal error", {});
    }
}

void ApiEndpoint::handle(std::shared_ptr<HttpRequest> request, std::function<void(HttpResponse)> reply)
{
    if (request->route->fast) {
        std::optional<HttpResponse> quick;
        try {
            quick = request->route->fast(*request);
        } catch (const std::exception &) {
            quick.reset(); // the full handler gives the proper answer
        }
        if (quick)
            return finish(*request, std::move(*quick), reply);
    }
    m_post([this, request, reply] {
        HttpResponse response = run(*request, request->route->handler);
        if (response.deferred) {
            auto later = std::move(response.deferred);
            try {
                later([this, request, reply](HttpResponse final) { finish(*request, std::move(final), reply); });
            } catch (const std::exception &e) {
                log::error("deferred answer failed on %s: %s", request->path.c_str(), e.what());
                finish(*request, errorsFor(request->route)(503, "unavailable", "the request could not be completed; try again", {}),
                       reply);
            }
            return;
        }
        if (m_durability && m_durability->hasPendingWrites()) {
            auto ready = std::make_shared<HttpResponse>(std::move(response));
            m_durability->whenDurable([this, request, reply, ready](bool durable) {
                finish(*request,
                       durable ? std::move(*ready)
                               : errorsFor(request->route)(503, "store_unavailable",
                                                           "the change could not be made durable; try again", {}),
                       reply);
            });
            return;
        }
        finish(*request, std::move(response), reply);
    });
}

void ApiEndpoint::finish(const HttpRequest &req, HttpResponse response, const std::function<void(HttpResponse)> &reply) const
{
    log(req, response.status, response.body.size());
    reply(std::move(response));
}

HttpResponse ApiEndpoint::frontError(const HttpRequest *head, int status, const std::string &code, const std::string &message)
{
    HttpResponse r = errorsFor(head ? head->route : nullptr)(status, code, message, {});
    if (head)
        log(*head, status, r.body.size());
    else
        m_log.write({"-", "-", "-", status, r.body.size(), 0, {}});
    if (!head)
        count(m_listener, nullptr, "-", status, 0);
    return r;
}

void ApiEndpoint::webSocketOpened(std::shared_ptr<HttpRequest> upgrade, std::shared_ptr<WebSocketChannel> channel)
{
    // Upgrades skip admit() and the router (the tail checks its path and credential itself): one
    // label for them all, never the path a client sent.
    countWebSocket(m_listener);
    m_post([this, upgrade, channel] {
        try {
            m_webSockets(upgrade, channel);
        } catch (const std::exception &e) {
            log::error("WebSocket on %s failed: %s", upgrade->path.c_str(), e.what());
            channel->close(1011, "internal error");
        }
    });
}

void ApiEndpoint::log(const HttpRequest &req, int status, int64_t bytes) const
{
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - req.received).count();
    m_log.write({req.remote.toString().toStdString(), req.method, req.path, status, bytes, ms,
                 req.principal ? req.principal->subject : std::string()});
    count(m_listener, req.route, req.method, status, ms / 1000.0);
    if (req.route)
        ApiDocument::embedded().check(*req.route, req.method, status);
}

} // namespace lw::server
