#pragma once

#include "CollectorRegistry.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <map>
#include <string>
#include <vector>

namespace lw::server {

// The agent role's view of its node's Alloy: every interval it reads /-/ready,
// /api/v0/web/remotecfg/components and /metrics, and reports pipeline health to the registry.
// An exporter is failing when its component is unhealthy or when its failure counters
// (loki_write_dropped_entries_total, otelcol_exporter_send_failed_log_records_total) grew since
// the previous probe — sending failures never make the component itself unhealthy.
class AlloyHealthProbe : public QObject {
    Q_OBJECT
public:
    // localCollectorIds: the collectors this Alloy is; empty means "those polling from loopback".
    AlloyHealthProbe(CollectorRegistry &registry, QUrl alloyUrl, int intervalMs, std::vector<std::string> localCollectorIds,
                     QObject *parent = nullptr);

    void probeNow();

    // Exposed for tests: metric totals per exporter component label ("t_loki1") in a /metrics text.
    static std::map<std::string, double> failureCounters(const QByteArray &metricsText);

Q_SIGNALS:
    void probed(const AlloyProbeResult &result);

private:
    void finish();

    CollectorRegistry &m_registry;
    QUrl m_alloyUrl;
    std::vector<std::string> m_localIds;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    int m_pending = 0;
    bool m_inFlight = false;
    int m_readyStatus = 0;
    QString m_readyError;
    QByteArray m_components;
    int m_componentsStatus = 0;
    QByteArray m_metrics;
    std::map<std::string, double> m_previousCounters;
    bool m_havePrevious = false;
};

} // namespace lw::server
