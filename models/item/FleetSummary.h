#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace lw {

// What the Overview says about the collectors, read in one pass over GET /api/v2/logs/collectors
// (100,000 of them in tens of milliseconds: no per-record JSON objects are built).
struct FleetSummary {
    int collectors = 0;
    int online = 0, offline = 0;     // alloyStatus
    int pending = 0, failed = 0;     // remotecfgStatus
    int degraded = 0, error = 0;     // pipelineHealth
    struct Exporter {
        int collectors = 0;
        QStringList someIds; // the first few, for a readable line
    };
    std::map<QString, Exporter> failingExporters; // target name -> the collectors where it fails
    static constexpr int IdsPerExporter = 5;

    // nullopt when the body is not {"collectors": [...]}.
    static std::optional<FleetSummary> fromCollectorsBody(const QByteArray &body);
};

} // namespace lw
