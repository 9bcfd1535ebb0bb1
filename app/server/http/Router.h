#pragma once

#include "http/HttpTypes.h"

#include <functional>
#include <string>
#include <vector>

namespace lw::server {

// Maps method + path to a handler. Patterns are literal segments and {name} placeholders;
// every route declares the scope it needs (empty: public, no credential asked).
class Router {
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;
    // Loki's own paths answer errors in plain text, as Loki does; everything else in JSON.
    enum class ErrorStyle { Json, PlainText };

    struct Route {
        std::string method;
        std::vector<std::string> segments;
        std::string scope;
        bool isPublic = false;
        Handler handler;
        ErrorStyle errorStyle = ErrorStyle::Json;
        qint64 maxBodyBytes = 0; // 0: the server's limit
    };

    struct Match {
        const Route *route = nullptr;
        std::map<std::string, std::string> params;
        std::vector<std::string> allowedMethods; // filled when the path exists but not for this method
    };

    void add(const std::string &method, const std::string &pattern, std::string_view scope, Handler handler,
             ErrorStyle errorStyle = ErrorStyle::Json, qint64 maxBodyBytes = 0);
    void addPublic(const std::string &method, const std::string &pattern, Handler handler);
    Match match(const std::string &method, const std::string &path) const;

private:
    static std::vector<std::string> split(const std::string &path);
    std::vector<Route> m_routes;
};

} // namespace lw::server
