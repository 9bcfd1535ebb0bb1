#include "LokiUpstream.h"
#include "Log.h"

#include <QNetworkReply>
#include <QSslConfiguration>

#include <memory>

namespace lw::server {

QNetworkRequest lokiRequest(const QUrl &url, const std::string &tenant, const QByteArray &bearerToken,
                            const QList<QSslCertificate> &ca, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("X-Scope-OrgID", QByteArray::fromStdString(tenant));
    request.setRawHeader("User-Agent", "logwardend");
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken);
    if (!ca.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(ca);
        request.setSslConfiguration(tls);
    }
    request.setTransferTimeout(timeoutMs);
    // A redirect would carry the bearer token and the tenant header wherever it points: not followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

LokiUpstream::LokiUpstream(QUrl base, QByteArray bearerToken, QByteArray caPem)
    : m_base(std::move(base)), m_token(std::move(bearerToken)), m_ca(QSslCertificate::fromData(caPem))
{
    QString path = m_base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_base.setPath(path);
}

QString LokiUpstream::describe() const
{
    return m_base.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

QNetworkRequest LokiUpstream::request(const QString &path, const Params &query, const std::string &tenant) const
{
    QUrl url = m_base;
    url.setPath(m_base.path() + path);
    QByteArray encoded;
    for (const auto &[name, value] : query) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    QNetworkRequest request = lokiRequest(url, tenant, m_token, m_ca, TimeoutMs);
    // Loopback or LAN to Loki: compressing and inflating its answers costs more than it saves.
    request.setRawHeader("Accept-Encoding", "identity");
    return request;
}

QNetworkRequest LokiUpstream::tailRequest(const Params &query, const std::string &tenant) const
{
    QNetworkRequest r = request(QStringLiteral("/loki/api/v1/tail"), query, tenant);
    QUrl url = r.url();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    r.setUrl(url);
    return r;
}

void LokiUpstream::get(const QString &path, const Params &query, const std::string &tenant, Done done)
{
    send(m_network.get(request(path, query, tenant)), tenant, std::move(done));
}

void LokiUpstream::post(const QString &path, const Params &query, const std::string &tenant, Done done)
{
    send(m_network.post(request(path, query, tenant), QByteArray()), tenant, std::move(done));
}

void LokiUpstream::reserve(const std::string &tenant, size_t requests) const
{
    auto it = m_inFlight.find(tenant);
    const size_t busy = it == m_inFlight.end() ? 0 : it->second;
    if (busy + requests > MaxInFlightPerTenant)
        throw ApiError(429, "too_many_requests",
                       "tenant \"" + tenant + "\" has " + std::to_string(busy) + " requests at Loki in flight (the limit is "
                           + std::to_string(MaxInFlightPerTenant) + "); try again when they are answered");
}

void LokiUpstream::getAll(const QString &path, const std::vector<Params> &queries, const std::string &tenant,
                          std::function<void(std::vector<Answer>)> done)
{
    struct Gather {
        std::vector<Answer> answers;
        size_t missing = 0;
        std::function<void(std::vector<Answer>)> done;
    };
    auto gather = std::make_shared<Gather>();
    gather->answers.resize(queries.size());
    gather->missing = queries.size();
    gather->done = std::move(done);
    for (size_t i = 0; i < queries.size(); ++i) {
        get(path, queries[i], tenant, [gather, i](Answer answer) {
            gather->answers[i] = std::move(answer);
            if (--gather->missing == 0)
                gather->done(std::move(gather->answers));
        });
    }
}

void LokiUpstream::send(QNetworkReply *reply, const std::string &tenant, Done done)
{
    ++m_inFlight[tenant];
    // Bounded while reading: an answer over the limit is abandoned, never buffered whole.
    auto tooLarge = std::make_shared<bool>(false);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received, qint64) {
        if (received > MaxAnswerBytes && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, tenant, reply, tooLarge, done = std::move(done)] {
        reply->deleteLater();
        if (auto it = m_inFlight.find(tenant); it != m_inFlight.end() && --it->second == 0)
            m_inFlight.erase(it);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tooLarge) {
            answer.failure = "Loki's answer is larger than " + std::to_string(MaxAnswerBytes >> 20)
                             + " MiB; narrow the query (time range, selector, limit)";
            answer.failureStatus = 422;
        } else if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
            answer.failure = "no answer within " + std::to_string(TimeoutMs / 1000) + " s";
            answer.failureStatus = 504;
        } else if (answer.status == 0) {
            answer.failure = reply->errorString().toStdString();
        } else {
            answer.body = reply->readAll();
            answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        }
        try {
            done(std::move(answer));
        } catch (const std::exception &e) { // never into Qt's event loop
            log::error("handling an answer of upstream Loki failed: %s", e.what());
        }
    });
}

HttpResponse LokiUpstream::relayError(const Answer &answer, const QString &upstream)
{
    if (!answer.failure.empty()) {
        const std::string where = answer.failureStatus == 422 ? std::string() : "upstream Loki at " + upstream.toStdString() + ": ";
        return HttpResponse::plainError(answer.failureStatus, answer.failureStatus == 422 ? "answer_too_large" : "upstream",
                                        where + answer.failure);
    }
    const std::string said = answer.body.left(500).trimmed().toStdString();
    if (answer.status == 401 || answer.status == 403) // Loki refuses this server, not the client
        return HttpResponse::plainError(502, "upstream",
                                        "upstream Loki at " + upstream.toStdString() + " refused logwardend's credential (HTTP "
                                            + std::to_string(answer.status) + "; see --loki-token-file): " + said);
    // The client's query or its tenant's limits: Loki's answer as it is. (Other statuses are not
    // the client's to act on, and not in this API's document.)
    for (const int passed : {400, 404, 413, 422, 429}) {
        if (answer.status == passed)
            return HttpResponse::plainError(answer.status, "upstream", said);
    }
    return HttpResponse::plainError(502, "upstream",
                                    "upstream Loki at " + upstream.toStdString() + " failed: HTTP " + std::to_string(answer.status)
                                        + (said.empty() ? std::string() : " " + said));
}

} // namespace lw::server
