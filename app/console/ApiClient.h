#pragma once

#include "Json.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace lw::console {

struct ApiResult {
    int status = 0;         // 0: no HTTP answer (network, TLS, timeout)
    Json json;              // the body when it is JSON
    QByteArray body;
    QByteArray etag;
    QString error;          // a sentence for the window: the server's, or why nothing came back
    QString field;          // the field the server named, if any
    bool ok() const { return status >= 200 && status < 300; }
};

// The console's one HTTP client: async typed calls, a timeout per request, the server's JSON
// error mapped to a sentence (and field), ETag/If-Match carried, and certificate pinning: an
// unknown certificate is refused until the user accepts its fingerprint, a changed one loudly.
class ApiClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const ApiResult &)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setServer(const QUrl &baseUrl, const QString &pinnedSha256);
    void setAuthorization(const QByteArray &headerValue);
    QUrl server() const { return m_base; }
    QString pinnedFingerprint() const { return m_pinned; }
    QByteArray authorization() const { return m_authorization; }
    int inFlight() const { return m_inFlight; }

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    void get(const QString &path, Done done, const Headers &extraHeaders = {});
    // As get, but a successful body is left unparsed in ApiResult::body (for large lists the
    // caller reads with a faster parser); errors are parsed as usual.
    void getRaw(const QString &path, Done done);
    void post(const QString &path, const Json &body, Done done);
    void put(const QString &path, const Json &body, const QByteArray &ifMatch, Done done);
    void remove(const QString &path, const QByteArray &ifMatch, Done done);

    static QString fingerprint(const QSslCertificate &certificate);
    // The TLS settings of every connection to the server (API calls and the live tail): no
    // certificate authority is trusted, so every certificate, even one a public CA signed for
    // an impostor, stops the handshake in sslErrors, before any request byte (and the
    // credential) leaves; only the pinned certificate is let through (acceptsPeer).
    static QSslConfiguration pinningConfiguration();
    bool acceptsPeer(const QSslCertificate &certificate) const;
    // `done`, run only while `context` lives: a tab or window closed before its answer came
    // must not be called back.
    static Done bound(const QObject *context, Done done)
    {
        // The last line of defence: an answer the callback could not handle (a hostile server's
        // JSON of unexpected types) never reaches the event loop as an exception.
        return [guard = QPointer<const QObject>(context), done = std::move(done)](const ApiResult &r) {
            if (!guard)
                return;
            try {
                done(r);
            } catch (const std::exception &e) {
                qWarning("logwarden: an answer of the server (HTTP %d) could not be shown: %s", r.status, e.what());
            }
        };
    }

Q_SIGNALS:
    void busyChanged(bool busy);
    // The server presented a certificate nobody pinned yet: show it, and pin it if accepted.
    void unknownCertificate(const QString &sha256, const QString &subject);

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &ifMatch, Done done,
              const Headers &extraHeaders = {}, bool parseSuccess = true);

    // One per server and pin: a connection made under another pin is never reused (a cleared
    // connection cache still kept a connection its last reply had not yet handed back).
    QNetworkAccessManager *m_network;
    QUrl m_base;
    QString m_pinned;
    quint64 m_generation = 0; // bumped when the server or pin changes
    QByteArray m_authorization;
    const int m_timeoutMs = 15000;
    int m_inFlight = 0;
};

} // namespace lw::console
