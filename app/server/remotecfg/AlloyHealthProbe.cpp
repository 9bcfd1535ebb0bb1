#include "AlloyHealthProbe.h"
#include "Guarded.h"
#include "AlloyRenderer.h"
#include "JsonDepth.h"

#include <QNetworkReply>
#include <QRegularExpression>

#include <cstring>
#include <set>

namespace lw::server {

namespace {
const char *const ExporterComponents[] = {"loki.write.", "otelcol.exporter.syslog."};
constexpr int RequestTimeoutMs = 5000;
} // namespace

AlloyHealthProbe::AlloyHealthProbe(CollectorRegistry &registry, QUrl alloyUrl, int intervalMs,
                                   std::vector<std::string> localCollectorIds, QObject *parent)
    : QObject(parent), m_registry(registry), m_alloyUrl(std::move(alloyUrl)), m_localIds(std::move(localCollectorIds))
{
    m_registry.setProbeFreshnessMs(3LL * intervalMs + RequestTimeoutMs);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, guarded("probing Alloy", [this] { probeNow(); }));
    m_timer.start();
}

std::map<std::string, double> AlloyHealthProbe::failureCounters(const QByteArray &metricsText)
{
    static const QRegularExpression line(QStringLiteral(
        "^(loki_write_dropped_entries_total|otelcol_exporter_send_failed_log_records_total)\\{([^}]*)\\}\\s+([0-9.eE+-]+)"));
    static const QRegularExpression componentId(QStringLiteral("component_id=\"([^\"]*)\""));
    std::map<std::string, double> totals;
    for (const QByteArray &raw : metricsText.split('\n')) {
        const auto m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            continue;
        const auto id = componentId.match(m.captured(2));
        if (!id.hasMatch())
            continue;
        const std::string component = id.captured(1).toStdString();
        for (const char *prefix : ExporterComponents) {
            const size_t at = component.find(prefix);
            if (at != std::string::npos)
                totals[component.substr(at + std::strlen(prefix))] += m.captured(3).toDouble();
        }
    }
    return totals;
}

void AlloyHealthProbe::probeNow()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    m_pending = 3;
    m_readyStatus = m_componentsStatus = 0;
    m_readyError.clear();
    m_components.clear();
    m_metrics.clear();
    auto get = [this](const QString &path, auto onDone) {
        QUrl url = m_alloyUrl;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setTransferTimeout(RequestTimeoutMs);
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, onDone] {
            onDone(reply);
            reply->deleteLater();
            if (--m_pending == 0)
                finish();
        });
    };
    get(QStringLiteral("/-/ready"), [this](QNetworkReply *r) {
        m_readyStatus = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_readyStatus == 0)
            m_readyError = r->errorString();
    });
    get(QStringLiteral("/api/v0/web/remotecfg/components"), [this](QNetworkReply *r) {
        m_componentsStatus = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_components = r->readAll();
    });
    get(QStringLiteral("/metrics"), [this](QNetworkReply *r) { m_metrics = r->readAll(); });
}

void AlloyHealthProbe::finish()
{
    m_inFlight = false;
    AlloyProbeResult result;
    result.probedAtMs = nowMillis();

    std::set<std::string> exporters; // component labels
    std::set<std::string> unhealthy;
    if (m_componentsStatus == 200) {
        const std::string text = m_components.toStdString();
        const Json list = lw::jsonTooDeepAt(text) ? Json() : Json::parse(text, nullptr, false);
        if (list.is_array()) {
            for (const Json &c : list) {
                if (!c.is_object())
                    continue;
                const std::string name = c.value("name", "");
                if (name != "loki.write" && name != "otelcol.exporter.syslog")
                    continue;
                const std::string label = c.value("label", "");
                exporters.insert(label);
                const Json health = c.value("health", Json::object());
                const std::string state = health.is_object() ? health.value("state", "") : "";
                if (state == "unhealthy" || state == "exited")
                    unhealthy.insert(label);
            }
        }
    }

    const std::map<std::string, double> counters = failureCounters(m_metrics);
    std::set<std::string> failing = unhealthy;
    if (m_havePrevious) {
        for (const auto &[label, value] : counters) {
            auto before = m_previousCounters.find(label);
            if (value > (before == m_previousCounters.end() ? 0.0 : before->second))
                failing.insert(label);
        }
    }
    m_previousCounters = counters;
    m_havePrevious = true;

    result.totalExporters = static_cast<int>(exporters.size());
    for (const std::string &label : failing) {
        auto name = AlloyRenderer::targetNameFromLabel(label);
        result.failingExporters.push_back(name ? *name : label);
    }
    if (m_readyStatus != 200) {
        result.pipelineHealth = "ERROR";
        result.error = m_readyStatus == 0 ? "Alloy at " + m_alloyUrl.toString().toStdString()
                                                + " is unreachable: " + m_readyError.toStdString()
                                          : "Alloy reports not ready (/-/ready answered "
                                                + std::to_string(m_readyStatus) + ")";
    } else if (!failing.empty() && failing.size() >= exporters.size()) {
        result.pipelineHealth = "ERROR";
    } else if (!failing.empty()) {
        result.pipelineHealth = "DEGRADED";
    } else {
        result.pipelineHealth = "OK";
    }

    const std::vector<std::string> ids = m_localIds.empty() ? m_registry.loopbackCollectorIds() : m_localIds;
    for (const std::string &id : ids)
        m_registry.recordProbe(id, result);
    Q_EMIT probed(result);
}

} // namespace lw::server
