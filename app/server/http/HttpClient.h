#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <string>
#include <utility>
#include <vector>

class QAbstractSocket;

namespace lw::server {

// An HTTP/1.1 client for an upstream this server calls (Loki), on the thread of the event loop that
// owns it: Qt's sockets (TCP, or TLS verified against the given CAs, or the system's when none are
// given), Boost.Beast's parser reading the answer as it arrives — the head bounded, the body bounded
// while reading — and connections kept alive between requests. No redirect is followed (a 3xx is
// an answer like any other), no proxy or cookie is used. At most MaxConnections connections are
// open at once; further requests wait for one (their timeout runs while they wait). Every request
// runs to exactly one call of its `done`, on the event loop, unless the client is destroyed first.
class HttpClient : public QObject {
public:
    struct Request {
        QByteArray method = "GET";
        QByteArray target; // path and query, percent-encoded
        std::vector<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        // May be sent twice: a GET always; another method when the caller says so (a push Loki
        // deduplicates). Only such requests go on a kept connection, and are sent once more on a
        // new one when the kept one closes before any byte of the answer.
        bool idempotent = false;
        bool retryable() const { return idempotent || method == "GET"; }
    };
    struct Answer {
        enum class Failure { None, Network, Timeout, TooLarge };
        Failure failure = Failure::None;
        std::string error; // what went wrong, when failure is set
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };
    using Done = std::function<void(Answer)>;

    // origin: scheme (http or https, else std::invalid_argument), host and port; its path is not used.
    HttpClient(const QUrl &origin, QList<QSslCertificate> ca, qint64 maxBodyBytes, int timeoutMs, QObject *parent = nullptr);
    ~HttpClient() override;

    void send(Request request, Done done);
    size_t idleConnections() const { return m_idle.size(); }
    size_t openConnections() const { return m_open; }
    size_t waitingRequests() const { return m_waiting.size(); }

    static constexpr size_t MaxConnections = 32;
    static constexpr unsigned MaxHeadBytes = 64 * 1024; // the head, and any line of chunked framing

private:
    struct Call;
    QByteArray serialize(const Request &request) const;
    QAbstractSocket *openSocket();
    void close(QAbstractSocket *socket);
    void discard(QAbstractSocket *socket);
    void pump();
    bool roomFor(const Call &call);
    void start(const std::shared_ptr<Call> &call, bool mayReuse);
    void onData(const std::shared_ptr<Call> &call);
    void onClosed(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, Answer answer, bool keepSocket);
    void keepIdle(QAbstractSocket *socket);

    QUrl m_origin;
    QList<QSslCertificate> m_ca;
    qint64 m_maxBody;
    int m_timeoutMs;
    std::vector<QAbstractSocket *> m_idle; // connected, no request on them; newest last
    size_t m_open = 0;                     // sockets made and not yet discarded (idle ones included)
    std::vector<std::shared_ptr<Call>> m_waiting; // for a connection, in order
};

} // namespace lw::server
