#include "ApiClient.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QSslCertificate>

namespace lw::console {

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

QString ApiClient::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
}

void ApiClient::setServer(const QUrl &baseUrl, const QString &pinnedSha256)
{
    if (baseUrl == m_base && pinnedSha256 == m_pinned)
        return; // the same server and pin: connections in use stay (clearing them stalled their requests)
    ++m_generation; // answers to requests sent before belong to the previous server or pin
    m_base = baseUrl;
    m_pinned = pinnedSha256;
    // What is still in flight was asked of the previous server: cancel it now (its callers hear
    // "switched") rather than let the new server's requests wait behind it.
    for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>()) {
        if (reply->isRunning())
            reply->abort();
    }
    // Connections trusted under the old pin are never reused: the next request makes a new
    // connection, with a handshake checked against the new pin. (clearConnectionCache() alone
    // left a connection that a reply finishing at that moment had not yet given back.)
    m_network->deleteLater();
    m_network = new QNetworkAccessManager(this);
}

void ApiClient::setAuthorization(const QByteArray &headerValue)
{
    m_authorization = headerValue;
}

void ApiClient::get(const QString &path, Done done, const Headers &extraHeaders)
{
    send("GET", path, {}, {}, std::move(done), extraHeaders);
}

void ApiClient::getRaw(const QString &path, Done done)
{
    send("GET", path, {}, {}, std::move(done), {}, false);
}

void ApiClient::post(const QString &path, const Json &body, Done done)
{
    send("POST", path, QByteArray::fromStdString(body.dump()), {}, std::move(done));
}

void ApiClient::put(const QString &path, const Json &body, const QByteArray &ifMatch, Done done)
{
    send("PUT", path, QByteArray::fromStdString(body.dump()), ifMatch, std::move(done));
}

void ApiClient::remove(const QString &path, const QByteArray &ifMatch, Done done)
{
    send("DELETE", path, {}, ifMatch, std::move(done));
}

QSslConfiguration ApiClient::pinningConfiguration()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({}); // also turns off loading the system's roots on demand
    return tls;
}

bool ApiClient::acceptsPeer(const QSslCertificate &certificate) const
{
    return !m_pinned.isEmpty() && !certificate.isNull() && fingerprint(certificate).compare(m_pinned, Qt::CaseInsensitive) == 0;
}

void ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &ifMatch, Done done,
                     const Headers &extraHeaders, bool parseSuccess)
{
    QUrl url = m_base;
    const int query = path.indexOf(QLatin1Char('?'));
    // Paths arrive encoded where a segment needs it (a collector id with '/' is one segment: %2F).
    url.setPath(query < 0 ? path : path.left(query), QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(path.mid(query + 1), QUrl::StrictMode); // already encoded by the caller; keep %2B as is
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(pinningConfiguration());
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json");
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    if (!ifMatch.isEmpty())
        request.setRawHeader("If-Match", ifMatch);
    for (const auto &[name, value] : extraHeaders)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    if (++m_inFlight == 1)
        Q_EMIT busyChanged(true);

    auto pinnedMismatch = std::make_shared<QString>();
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, pinnedMismatch, generation](const QList<QSslError> &errors) {
        if (generation != m_generation)
            return; // sent to the previous server: its certificate is no question for this one
        const QSslCertificate cert = reply->sslConfiguration().peerCertificate();
        const QString fp = fingerprint(cert);
        if (acceptsPeer(cert)) {
            reply->ignoreSslErrors(errors); // the certificate the user accepted
            return;
        }
        if (m_pinned.isEmpty()) {
            Q_EMIT unknownCertificate(fp, cert.subjectDisplayName());
            *pinnedMismatch = tr("The server's certificate is not trusted yet (SHA-256 %1).").arg(fp);
        } else {
            *pinnedMismatch = tr("The server's certificate CHANGED: expected SHA-256 %1, got %2. Refusing to connect; "
                                 "if the server was re-keyed on purpose, accept the new certificate in the profile.")
                                  .arg(m_pinned, fp);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done), pinnedMismatch, parseSuccess, generation] {
        const auto complete = [this, reply, &done](const ApiResult &result) {
            reply->deleteLater();
            if (--m_inFlight == 0)
                Q_EMIT busyChanged(false);
            done(result);
        };
        if (generation != m_generation) {
            ApiResult superseded;
            superseded.error = tr("The console switched to another server or certificate before this answer came.");
            return complete(superseded);
        }
        // The pin holds for every answer, whatever the connection and whoever signed the certificate.
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!m_pinned.isEmpty() && !peer.isNull() && fingerprint(peer).compare(m_pinned, Qt::CaseInsensitive) != 0) {
            *pinnedMismatch = tr("The server's certificate CHANGED: expected SHA-256 %1, got %2. Refusing its answer; "
                                 "if the server was re-keyed on purpose, accept the new certificate in the profile.")
                                  .arg(m_pinned, fingerprint(peer));
            ApiResult refused;
            refused.error = *pinnedMismatch;
            return complete(refused);
        }
        ApiResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.etag = reply->rawHeader("ETag");
        if (parseSuccess || !r.ok())
            r.json = Json::parse(r.body.constData(), r.body.constData() + r.body.size(), nullptr, false);
        if (r.status == 0) {
            // Requests queued behind the handshake that raised the certificate question fail
            // without one of their own: they are refused for the same reason.
            const bool untrusted = m_pinned.isEmpty() && reply->error() == QNetworkReply::SslHandshakeFailedError;
            r.error = !pinnedMismatch->isEmpty() ? *pinnedMismatch
                      : untrusted ? tr("The server's certificate is not trusted yet; accept its fingerprint to connect.")
                      : reply->error() == QNetworkReply::OperationCanceledError
                          ? tr("The server did not answer within %1 seconds.").arg(m_timeoutMs / 1000)
                          : tr("Cannot reach %1: %2").arg(m_base.toString(), reply->errorString());
        } else if (!r.ok()) {
            // The server's words, bounded: a sentence and a field path, never a novel.
            const auto text = [&r](const char *key, qsizetype max) {
                const auto it = r.json.find(key);
                return it != r.json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()).left(max) : QString();
            };
            if (r.json.is_object() && r.json.contains("error")) {
                r.error = text("error", 2000);
                r.field = text("field", 256);
            } else {
                r.error = QString::fromUtf8(r.body.trimmed().left(500));
            }
            if (r.error.isEmpty())
                r.error = tr("The server answered %1.").arg(r.status);
        }
        complete(r);
    });
}

} // namespace lw::console
