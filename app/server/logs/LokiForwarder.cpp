#include "LokiForwarder.h"
#include "logs/LokiUpstream.h"
#include "logs/logproto.pb.h"

#include <snappy.h>

namespace lw::server {

namespace {
constexpr int TimeoutMs = 10000;
constexpr qint64 MaxAnswerBytes = 1 << 20; // Loki answers a push with nothing, or a sentence
}

LokiForwarder::LokiForwarder(QUrl url, QByteArray bearerToken, QByteArray caPem)
    : m_url(std::move(url)), m_token(std::move(bearerToken)),
      m_client(m_url, QSslCertificate::fromData(caPem), MaxAnswerBytes, TimeoutMs)
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
    HttpClient::Request request;
    request.method = "POST";
    request.target = m_url.path(QUrl::FullyEncoded).toUtf8(); // (the server gives it Loki's push path when empty)
    request.headers = lokiHeaders(tenant, m_token);
    request.headers.emplace_back("Content-Type", "application/x-protobuf");
    request.body = encode(batches);
    request.idempotent = true; // Loki stores a stream's entry of the same time and line once
    m_client.send(std::move(request), [done = std::move(done), upstream = m_url.toString(QUrl::RemoveUserInfo)](HttpClient::Answer answer) {
        const int status = answer.status;
        const std::string said = answer.body.left(500).trimmed().toStdString();
        Outcome outcome;
        if (answer.failure != HttpClient::Answer::Failure::None) {
            outcome = {502, "upstream Loki at " + upstream.toStdString() + " failed: " + answer.error};
        } else if (status >= 200 && status < 300) {
            outcome = {204, {}};
        } else if (status == 401 || status == 403) { // Loki refuses this server, not the client
            outcome = {502, lokiRefusedCredential(upstream, status, said)};
        } else if (status >= 400 && status < 500) {
            // The client's data or rights: pass Loki's answer on.
            outcome = {status, "upstream Loki refused the push: " + said};
        } else {
            outcome = {502, lokiFailedWithStatus(upstream, status, said)};
        }
        done(outcome);
    });
}

} // namespace lw::server
