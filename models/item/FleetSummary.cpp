#include "FleetSummary.h"

#include <simdjson.h>

#include <string_view>
#include <vector>

namespace lw {

std::optional<FleetSummary> FleetSummary::fromCollectorsBody(const QByteArray &body)
{
    // On demand: one pass over the bytes, reading only the fields counted here (the DOM parser
    // would index and allocate for every field of every record).
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(body.constData(), static_cast<size_t>(body.size()));
    FleetSummary s;
    const auto text = [](simdjson::ondemand::value value) {
        std::string_view out;
        return value.get_string().get(out) == simdjson::SUCCESS ? out : std::string_view();
    };
    try {
        simdjson::ondemand::document doc = parser.iterate(padded);
        for (simdjson::ondemand::object record : doc["collectors"].get_array()) {
            ++s.collectors;
            std::string_view id, alloy, config, health;
            std::vector<std::string_view> failing;
            // Fields in any order, each read once (on demand reads forward).
            for (simdjson::ondemand::field field : record) {
                const std::string_view key = field.unescaped_key();
                simdjson::ondemand::value value = field.value();
                if (key == "id")
                    id = text(value);
                else if (key == "alloyStatus")
                    alloy = text(value);
                else if (key == "remotecfgStatus")
                    config = text(value);
                else if (key == "pipelineHealth")
                    health = text(value);
                else if (key == "failingExporters") {
                    simdjson::ondemand::array names;
                    if (value.get_array().get(names) == simdjson::SUCCESS) {
                        for (auto name : names) {
                            std::string_view n;
                            if (name.get_string().get(n) == simdjson::SUCCESS)
                                failing.push_back(n);
                        }
                    }
                }
            }
            s.online += alloy == "ALLOY_ONLINE";
            s.offline += alloy == "ALLOY_OFFLINE";
            s.pending += config == "REMOTECFG_PENDING";
            s.failed += config == "REMOTECFG_FAILED";
            s.degraded += health == "DEGRADED";
            s.error += health == "ERROR";
            for (std::string_view name : failing) {
                Exporter &e = s.failingExporters[QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))];
                ++e.collectors;
                if (e.someIds.size() < IdsPerExporter)
                    e.someIds << QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
            }
        }
    } catch (const simdjson::simdjson_error &) {
        return std::nullopt; // not {"collectors": [...]} (or not JSON at all)
    }
    return s;
}

} // namespace lw
