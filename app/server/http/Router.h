#pragma once

#include "http/HttpTypes.h"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lw::server {

// One route: method + pattern, the scope it needs, its handler and its body limit.
struct Route {
    using Handler = std::function<HttpResponse(HttpRequest &)>;
    // Runs on an HTTP I/O thread, before the request is handed to the event loop: answers from
    // state that is safe to read from any thread (caches), or nullopt to let `handler` answer.
    using FastHandler = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    // For routes without a principal (isPublic): a check of their own credential, run when the
    // head is read, on the I/O thread, before any body is read; a response refuses the request.
    using Gate = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    // Loki's own paths answer errors in plain text, as Loki does; everything else in JSON.
    enum class ErrorStyle { Json, PlainText };

    std::string method;
    std::vector<std::string> segments;
    std::string scope;
    bool isPublic = false;
    Handler handler;
    ErrorStyle errorStyle = ErrorStyle::Json;
    qint64 maxBodyBytes = 0; // 0: the listener's limit
    FastHandler fast;
    Gate gate;
};

// Maps method + path to a route. Patterns are literal segments and {name} placeholders; every
// route declares the scope it needs (public routes ask no credential). Routes are added before
// the server listens and never change afterwards, so matching is safe from any thread.
class Router {
public:
    using Handler = Route::Handler;
    using ErrorStyle = Route::ErrorStyle;

    struct Match {
        const Route *route = nullptr;
        std::map<std::string, std::string> params;
        std::vector<std::string> allowedMethods; // filled when the path exists but not for this method
    };

    // The returned route stays valid (and may be given a fast handler) for the router's life.
    Route &add(const std::string &method, const std::string &pattern, std::string_view scope, Handler handler,
               ErrorStyle errorStyle = ErrorStyle::Json, qint64 maxBodyBytes = 0);
    Route &addPublic(const std::string &method, const std::string &pattern, Handler handler);
    Match match(const std::string &method, const std::string &path) const;
    const std::deque<Route> &routes() const { return m_routes; }

private:
    static std::vector<std::string> split(const std::string &path);
    std::deque<Route> m_routes;
};

} // namespace lw::server
