#pragma once

#include "http/HttpClient.h"
#include "http/HttpTypes.h"

#include <QNetworkRequest>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lw::server {

// The headers of every request to Loki: the tenant this server resolved (never the client's),
// logwardend's own bearer token. The one place the forwarder, the gateway and its tails name them.
std::vector<std::pair<QByteArray, QByteArray>> lokiHeaders(const std::string &tenant, const QByteArray &bearerToken);

// The sentence for Loki refusing logwardend's own credential (401/403): the client gets 502 with it,
// never Loki's 401 (it would read as its own credential refused).
std::string lokiRefusedCredential(const QString &upstream, int status, const std::string &said);
// The sentence for Loki failing (a 5xx or another status not passed on): 502 with it.
std::string lokiFailedWithStatus(const QString &upstream, int status, const std::string &said);

// A request to Loki through Qt's network stack (pushes, tails): lokiHeaders, logwardend's CA, a
// transfer timeout, redirects not followed.
QNetworkRequest lokiRequest(const QUrl &url, const std::string &tenant, const QByteArray &bearerToken,
                            const QList<QSslCertificate> &ca, int timeoutMs);

// The Loki behind the gateway: its read API over HTTP (HttpClient: on the event loop, answers read
// in chunks, connections kept alive) and its tail over WebSocket, always with lokiHeaders and
// logwardend's CA. Event loop only.
class LokiUpstream {
public:
    struct Answer {
        int status = 0;          // Loki's HTTP status; 0 when there was no answer
        QByteArray body;
        QByteArray contentType;
        std::string failure;     // set when there was no usable answer (unreachable, timed out, too large)
        int failureStatus = 502; // what to answer the client then
    };
    using Done = std::function<void(Answer)>;
    // Query parameters, sent percent-encoded (so "+" and "&" in a query stay what they are).
    using Params = std::vector<std::pair<QString, QString>>;

    // base: the URL Loki's API paths hang off (scheme, host, port and any path prefix).
    LokiUpstream(QUrl base, QByteArray bearerToken, QByteArray caPem);

    void get(const QString &path, const Params &query, const std::string &tenant, Done done);
    void post(const QString &path, const Params &query, const std::string &tenant, Done done);
    // Several requests at once; `done` gets the answers in the order of `queries` once all are in.
    void getAll(const QString &path, const std::vector<Params> &queries, const std::string &tenant,
                std::function<void(std::vector<Answer>)> done);
    // The request that opens a tail (ws:// or wss://).
    QNetworkRequest tailRequest(const Params &query, const std::string &tenant) const;
    QString describe() const; // the base URL without credentials, for messages

    // The client's answer for an upstream answer that is not a success: Loki's 4xx as it is (its
    // sentence, its status), a failure or Loki's 5xx as 502/504 naming the upstream.
    static HttpResponse relayError(const Answer &answer, const QString &upstream);

    // Throws ApiError 429 when `requests` more would put the tenant over its share of Loki.
    void reserve(const std::string &tenant, size_t requests) const;

    static constexpr qint64 MaxAnswerBytes = 64LL << 20;
    static constexpr size_t MaxInFlightPerTenant = 32; // requests at Loki at once, per tenant
    static constexpr int TimeoutMs = 70000; // beyond Loki's own query timeout (1 min by default)

private:
    QByteArray target(const QString &path, const Params &query) const;
    void send(const QByteArray &method, const QString &path, const Params &query, const std::string &tenant, Done done);

    QUrl m_base;
    QByteArray m_token;
    QList<QSslCertificate> m_ca;
    std::map<std::string, size_t> m_inFlight; // by tenant (before m_client: outlives its calls)
    HttpClient m_client;
};

} // namespace lw::server
