#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "Json.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lw::server {

struct Principal;
struct Route;

using HeaderList = std::vector<std::pair<QByteArray, QByteArray>>;

// A URL's query as Go's ParseQuery (Loki, GEL) reads it: pairs split on '&', '+' is a space and
// %XX escapes are decoded in names and values (so RFC 3339 times arrive with their colons).
class QueryParams {
public:
    QueryParams() = default;
    explicit QueryParams(std::string_view rawQuery);

    // The first value of `name` (empty when absent), every value of it, whether it is present.
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;
    bool has(const QString &name) const;
    const std::vector<std::pair<QString, QString>> &items() const { return m_items; }

private:
    std::vector<std::pair<QString, QString>> m_items;
};

struct HttpRequest {
    std::string method;
    std::string path;   // as sent (percent-encoded); the router decodes segments
    QueryParams query;
    HeaderList headers; // names lower-cased
    QByteArray body;
    QHostAddress remote;
    std::map<std::string, std::string> params; // from {name} segments of the route
    const Principal *principal = nullptr;      // set before the handler runs on authenticated routes
    std::shared_ptr<const Principal> principalRef; // keeps `principal` alive while the request lives
    int version = 11;                          // 10 for HTTP/1.0, 11 for HTTP/1.1
    const Route *route = nullptr;              // what the router matched (set by the front)
    std::chrono::steady_clock::time_point received = std::chrono::steady_clock::now();

    QByteArray header(const QByteArray &lowerCaseName) const;
    const std::string &param(const std::string &name) const { return params.at(name); }
};

struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;
    QByteArray contentType = "application/json";

    // Set when the answer comes later (e.g. from an upstream server): the HTTP front calls it with
    // a function that writes the final response, if the client is still connected then.
    std::function<void(std::function<void(HttpResponse)>)> deferred;

    HttpResponse &header(QByteArray name, QByteArray value)
    {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }

    static HttpResponse json(int status, const lw::Json &body);
    static HttpResponse raw(int status, QByteArray body, QByteArray contentType);
    // The API's error body: {"error": sentence, "code": machine code, "field": optional}
    static HttpResponse error(int status, const std::string &code, const std::string &message,
                              const std::string &field = {});
    // Loki's error form: the sentence as text/plain.
    static HttpResponse plainError(int status, const std::string &code, const std::string &message,
                                   const std::string &field = {});
};

// Who made a request, for audit entries: the principal's subject, or "system".
std::string actorOf(const HttpRequest &req);

// Thrown by handlers to answer with an error body.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string &message, std::string field = {})
        : std::runtime_error(message), status(status), code(std::move(code)), field(std::move(field)) {}
    int status;
    std::string code;
    std::string field;
};

// Serialises JSON for the wire; invalid UTF-8 (never accepted on input) is replaced, not thrown.
QByteArray toJsonBytes(const lw::Json &value);

} // namespace lw::server
