#pragma once

#include "LocalHttpServer.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lw::test {

// Stands in for Grafana Alloy (which cannot run here): speaks collector.v1 in binary protobuf
// over real HTTP as Alloy does, and serves Alloy's own HTTP endpoints with scripted health.
class SimulatedAlloy : public QObject {
    Q_OBJECT
public:
    enum class Generation {
        Modern, // Alloy >= 1.12: POST application/proto, local_attributes (field 4)
        Legacy, // Alloy 1.7–1.11: GetConfig as GET with a base64 message, attributes in field 2
    };
    struct Component {
        std::string name;  // "loki.write"
        std::string label; // "t_loki1"
        std::string health = "healthy";
    };
    struct PollResult {
        int httpStatus = 0;
        bool notModified = false;
        std::string content;
        std::string hash;
        QByteArray rawBody;
    };

    SimulatedAlloy(std::string id, quint16 remotecfgPort, Generation generation = Generation::Modern);

    // Alloy's HTTP server (/-/ready, /api/v0/web/remotecfg/components, /metrics); returns its port.
    quint16 startHttp();
    void setRemotecfgPort(quint16 port) { m_remotecfgPort = port; }
    void setReady(bool ready) { m_ready = ready; }
    void setComponents(std::vector<Component> components) { m_components = std::move(components); }
    void setCounter(const std::string &metric, const std::string &componentId, double value);
    // How many times /metrics was read (each probe reads it once): wait for a probe, not for time.
    int metricsScrapes() const { return m_metricsScrapes; }

    // The protocol, as Alloy drives it.
    int registerCollector(const std::string &name = "sim");
    PollResult poll();
    // Poll; when new content arrives "apply" it and re-poll at once reporting the outcome, as Alloy does.
    PollResult pollAndApply(const std::optional<std::string> &failWith = std::nullopt);
    int unregister();

    const std::string &appliedHash() const { return m_hash; }
    const std::string &appliedContent() const { return m_content; }
    std::map<std::string, std::string> attributes;
    // Sent as "Authorization: Bearer …" (Alloy's remotecfg bearer_token) unless a call sets its own.
    QByteArray bearerToken;

    // Sends raw bytes to a remotecfg path; for malformed-input tests.
    std::pair<int, QByteArray> rawPost(const QString &path, const QByteArray &body, const QByteArray &contentType,
                                       const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    std::pair<int, QByteArray> rawGet(const QString &pathAndQuery);

private:
    std::pair<int, QByteArray> send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                    const QByteArray &contentType, const QList<std::pair<QByteArray, QByteArray>> &headers);

    std::string m_id;
    quint16 m_remotecfgPort;
    Generation m_generation;
    QNetworkAccessManager m_network;
    LocalHttpServer m_http;
    bool m_ready = true;
    std::vector<Component> m_components;
    std::map<std::pair<std::string, std::string>, double> m_counters;
    int m_metricsScrapes = 0;

    std::string m_hash;
    std::string m_content;
    int m_status = 0; // RemoteConfigStatuses
    std::string m_error;
    bool m_statusDirty = false; // Alloy sends the status only when it changed
};

} // namespace lw::test
