#include "LokiUpstream.h"
#include "Log.h"

#include <QSslConfiguration>

#include <memory>

namespace lw::server {

std::vector<std::pair<QByteArray, QByteArray>> lokiHeaders(const std::string &tenant, const QByteArray &bearerToken)
{
    std::vector<std::pair<QByteArray, QByteArray>> headers = {{"X-Scope-OrgID", QByteArray::fromStdString(tenant)},
                                                             {"User-Agent", "logwardend"}};
    if (!bearerToken.isEmpty())
        headers.emplace_back("Authorization", "Bearer " + bearerToken);
    return headers;
}

std::string lokiRefusedCredential(const QString &upstream, int status, const std::string &said)
{
    return "upstream Loki at " + upstream.toStdString() + " refused logwardend's credential (HTTP " + std::to_string(status)
           + "; see --loki-token-file): " + said;
}

std::string lokiFailedWithStatus(const QString &upstream, int status, const std::string &said)
{
    return "upstream Loki at " + upstream.toStdString() + " failed: HTTP " + std::to_string(status)
           + (said.empty() ? std::string() : " " + said);
}

QNetworkRequest lokiRequest(const QUrl &url, const std::string &tenant, const QByteArray &bearerToken,
                            const QList<QSslCertificate> &ca, int timeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : lokiHeaders(tenant, bearerToken))
        request.setRawHeader(name, value);
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
    : m_base(std::move(base)), m_token(std::move(bearerToken)), m_ca(QSslCertificate::fromData(caPem)),
      m_client(m_base, m_ca, MaxAnswerBytes, TimeoutMs)
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

// The path under the base and the query, percent-encoded (so "+" and "&" in a query stay what they are).
QByteArray LokiUpstream::target(const QString &path, const Params &query) const
{
    QByteArray encoded = QUrl::toPercentEncoding(m_base.path() + path, "/");
    char separator = '?';
    for (const auto &[name, value] : query) {
        encoded += separator + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        separator = '&';
    }
    return encoded;
}

QNetworkRequest LokiUpstream::tailRequest(const Params &query, const std::string &tenant) const
{
    QUrl url(m_base.toString(QUrl::RemovePath | QUrl::RemoveQuery) + QString::fromLatin1(target(QStringLiteral("/loki/api/v1/tail"), query)),
             QUrl::StrictMode);
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return lokiRequest(url, tenant, m_token, m_ca, TimeoutMs);
}

void LokiUpstream::get(const QString &path, const Params &query, const std::string &tenant, Done done)
{
    send("GET", path, query, tenant, std::move(done));
}

void LokiUpstream::post(const QString &path, const Params &query, const std::string &tenant, Done done)
{
    send("POST", path, query, tenant, std::move(done));
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

void LokiUpstream::send(const QByteArray &method, const QString &path, const Params &query, const std::string &tenant, Done done)
{
    HttpClient::Request request;
    request.method = method;
    request.target = target(path, query);
    request.headers = lokiHeaders(tenant, m_token);
    // Loopback or LAN to Loki: compressing and inflating its answers costs more than it saves.
    request.headers.emplace_back("Accept-Encoding", "identity");
    ++m_inFlight[tenant];
    m_client.send(std::move(request), [this, tenant, done = std::move(done)](HttpClient::Answer reply) {
        if (auto it = m_inFlight.find(tenant); it != m_inFlight.end() && --it->second == 0)
            m_inFlight.erase(it);
        Answer answer;
        switch (reply.failure) {
        case HttpClient::Answer::Failure::TooLarge: // abandoned while reading, never buffered whole
            answer.failure = "Loki's answer is larger than " + std::to_string(MaxAnswerBytes >> 20)
                             + " MiB; narrow the query (time range, selector, limit)";
            answer.failureStatus = 422;
            break;
        case HttpClient::Answer::Failure::Timeout:
            answer.failure = reply.error;
            answer.failureStatus = 504;
            break;
        case HttpClient::Answer::Failure::Network:
            answer.failure = reply.error;
            break;
        case HttpClient::Answer::Failure::None:
            answer.status = reply.status;
            answer.body = std::move(reply.body);
            answer.contentType = std::move(reply.contentType);
            break;
        }
        done(std::move(answer)); // (HttpClient keeps what it throws from the event loop)
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
        return HttpResponse::plainError(502, "upstream", lokiRefusedCredential(upstream, answer.status, said));
    // The client's query or its tenant's limits: Loki's answer as it is. (Other statuses are not
    // the client's to act on, and not in this API's document.)
    for (const int passed : {400, 404, 413, 422, 429}) {
        if (answer.status == passed)
            return HttpResponse::plainError(answer.status, "upstream", said);
    }
    return HttpResponse::plainError(502, "upstream", lokiFailedWithStatus(upstream, answer.status, said));
}

} // namespace lw::server
