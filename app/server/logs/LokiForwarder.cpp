#include "LokiForwarder.h"
#include "logs/LokiUpstream.h"
#include "logs/logproto.pb.h"

#include <QNetworkReply>

#include <snappy.h>

namespace lw::server {

namespace {
constexpr int TimeoutMs = 10000;
}

LokiForwarder::LokiForwarder(QUrl url, QByteArray bearerToken, QByteArray caPem)
    : m_url(std::move(url)), m_token(std::move(bearerToken)), m_ca(QSslCertificate::fromData(caPem))
{
}

QByteArray LokiForwarder::encode(const std::vector<StreamBatch> &batches)
{
    logproto::PushRequest request;
    for (const StreamBatch &b : batches) {
        auto *stream = request.add_streams();
        stream->set_labels(canonicalLabels(b.labels));
        for (const LogEntry &e : b.entries) {
            auto *entry = stream->add_entries();
            entry->mutable_timestamp()->set_seconds(e.timestampNs / 1000000000LL);
            entry->mutable_timestamp()->set_nanos(static_cast<int>(e.timestampNs % 1000000000LL));
            entry->set_line(e.line);
            for (const auto &[k, v] : e.metadata) {
                auto *pair = entry->add_structuredmetadata();
                pair->set_name(k);
                pair->set_value(v);
            }
        }
    }
    const std::string raw = request.SerializeAsString();
    std::string compressed;
    snappy::Compress(raw.data(), raw.size(), &compressed);
    return QByteArray::fromStdString(compressed);
}

void LokiForwarder::push(const std::string &tenant, const std::vector<StreamBatch> &batches, std::function<void(Outcome)> done)
{
    QNetworkRequest request = lokiRequest(m_url, tenant, m_token, m_ca, TimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-protobuf"));
    QNetworkReply *reply = m_network.post(request, encode(batches));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done), url = m_url] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll().left(500);
        Outcome outcome;
        if (status >= 200 && status < 300) {
            outcome = {204, {}};
        } else if (status >= 400 && status < 500) {
            // The client's data or rights: pass Loki's answer on.
            outcome = {status, "upstream Loki refused the push: " + body.trimmed().toStdString()};
        } else {
            outcome = {502, "upstream Loki at " + url.toString(QUrl::RemoveUserInfo).toStdString() + " failed: "
                                + (status ? "HTTP " + std::to_string(status) + " " + body.trimmed().toStdString()
                                          : reply->errorString().toStdString())};
        }
        reply->deleteLater();
        done(outcome);
    });
}

} // namespace lw::server
