#include "SimulatedAlloy.h"

#include "remotecfg/collector.pb.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace lw::test {

namespace {
const char *const UserAgentModern = "Alloy/v1.12.0 (linux/amd64)";
const char *const UserAgentLegacy = "Alloy/v1.9.2 (linux/amd64)";
const QString ServicePath = QStringLiteral("/collector.v1.CollectorService/");
} // namespace

SimulatedAlloy::SimulatedAlloy(std::string id, quint16 remotecfgPort, Generation generation)
    : m_id(std::move(id)), m_remotecfgPort(remotecfgPort), m_generation(generation)
{
    attributes = {{"collector.os", "linux"}, {"collector.version", generation == Generation::Modern ? "v1.12.0" : "v1.9.2"}};
}

quint16 SimulatedAlloy::startHttp()
{
    using lw::server::HttpResponse;
    m_http.route("/-/ready", [this](const lw::server::HttpRequest &) {
        return m_ready ? HttpResponse::raw(200, "Alloy is ready.\n", "text/plain")
                       : HttpResponse::raw(503, "Alloy is not ready.\n", "text/plain");
    });
    m_http.route("/api/v0/web/remotecfg/components", [this](const lw::server::HttpRequest &) {
        QJsonArray list;
        for (const Component &c : m_components) {
            const QString localId = QString::fromStdString(c.name + "." + c.label);
            list.append(QJsonObject{{"name", QString::fromStdString(c.name)},
                                    {"type", "block"},
                                    {"localID", localId},
                                    {"moduleID", ""},
                                    {"label", QString::fromStdString(c.label)},
                                    {"referencesTo", QJsonArray()},
                                    {"referencedBy", QJsonArray()},
                                    {"health", QJsonObject{{"state", QString::fromStdString(c.health)},
                                                           {"message", "started component"},
                                                           {"updatedTime", "2026-11-23T10:00:00Z"}}}});
        }
        return HttpResponse::raw(200, QJsonDocument(list).toJson(QJsonDocument::Compact), "application/json");
    });
    m_http.route("/metrics", [this](const lw::server::HttpRequest &) {
        ++m_metricsScrapes;
        QByteArray text = "# HELP alloy_build_info Alloy build information.\nalloy_build_info{version=\"v1.12.0\"} 1\n";
        for (const auto &[key, value] : m_counters) {
            text += QByteArray::fromStdString("# TYPE " + key.first + " counter\n" + key.first + "{component_id=\""
                                              + key.second + "\",component_path=\"/remotecfg\",host=\"loki.example.com\"} ")
                    + QByteArray::number(value) + "\n";
        }
        return HttpResponse::raw(200, text, "text/plain; version=0.0.4");
    });
    return m_http.listen();
}

void SimulatedAlloy::setCounter(const std::string &metric, const std::string &componentId, double value)
{
    m_counters[{metric, componentId}] = value;
}

std::pair<int, QByteArray> SimulatedAlloy::send(const QByteArray &method, const QString &pathAndQuery,
                                                const QByteArray &body, const QByteArray &contentType,
                                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_remotecfgPort).arg(pathAndQuery)));
    request.setTransferTimeout(10000);
    request.setRawHeader("User-Agent", m_generation == Generation::Modern ? UserAgentModern : UserAgentLegacy);
    request.setRawHeader("Connect-Protocol-Version", "1");
    request.setRawHeader("Accept-Encoding", "gzip");
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken);
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return {status, data};
}

std::pair<int, QByteArray> SimulatedAlloy::rawPost(const QString &path, const QByteArray &body, const QByteArray &contentType,
                                                   const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, contentType, headers);
}

std::pair<int, QByteArray> SimulatedAlloy::rawGet(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery, {}, {}, {});
}

int SimulatedAlloy::registerCollector(const std::string &name)
{
    collector::v1::RegisterCollectorRequest request;
    request.set_id(m_id);
    request.set_name(name);
    for (const auto &[k, v] : attributes)
        (m_generation == Generation::Modern ? *request.mutable_local_attributes() : *request.mutable_attributes())[k] = v;
    return send("POST", ServicePath + "RegisterCollector", QByteArray::fromStdString(request.SerializeAsString()),
                "application/proto", {})
        .first;
}

int SimulatedAlloy::unregister()
{
    collector::v1::UnregisterCollectorRequest request;
    request.set_id(m_id);
    return send("POST", ServicePath + "UnregisterCollector", QByteArray::fromStdString(request.SerializeAsString()),
                "application/proto", {})
        .first;
}

SimulatedAlloy::PollResult SimulatedAlloy::poll()
{
    collector::v1::GetConfigRequest request;
    request.set_id(m_id);
    request.set_hash(m_hash);
    for (const auto &[k, v] : attributes)
        (m_generation == Generation::Modern ? *request.mutable_local_attributes() : *request.mutable_attributes())[k] = v;
    if (m_statusDirty) {
        request.mutable_remote_config_status()->set_status(static_cast<collector::v1::RemoteConfigStatuses>(m_status));
        request.mutable_remote_config_status()->set_error_message(m_error);
        auto &file = (*request.mutable_effective_config()->mutable_config_map()->mutable_config_map())["remote.alloy"];
        file.set_body(m_content);
        file.set_content_type("text/alloy");
        m_statusDirty = false;
    }
    const QByteArray bytes = QByteArray::fromStdString(request.SerializeAsString());
    std::pair<int, QByteArray> answer;
    if (m_generation == Generation::Modern) {
        answer = send("POST", ServicePath + "GetConfig", bytes, "application/proto", {});
    } else {
        const QByteArray message = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        answer = send("GET", ServicePath + "GetConfig?connect=v1&encoding=proto&base64=1&message=" + QString::fromLatin1(message),
                      {}, {}, {});
    }
    PollResult result;
    result.httpStatus = answer.first;
    result.rawBody = answer.second;
    collector::v1::GetConfigResponse response;
    if (answer.first == 200 && response.ParseFromArray(answer.second.constData(), answer.second.size())) {
        result.notModified = response.not_modified();
        result.content = response.content();
        result.hash = response.hash();
    }
    return result;
}

SimulatedAlloy::PollResult SimulatedAlloy::pollAndApply(const std::optional<std::string> &failWith)
{
    PollResult first = poll();
    // Alloy ignores empty content and keeps the last non-empty hash it was sent.
    if (first.httpStatus != 200 || first.notModified || first.content.empty())
        return first;
    m_hash = first.hash;
    if (failWith) {
        m_status = collector::v1::RemoteConfigStatuses_FAILED;
        m_error = *failWith;
    } else {
        m_content = first.content;
        m_status = collector::v1::RemoteConfigStatuses_APPLIED;
        m_error.clear();
    }
    m_statusDirty = true;
    poll(); // the immediate second GetConfig carrying the outcome
    return first;
}

} // namespace lw::test
