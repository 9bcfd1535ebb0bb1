#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lw::server {

using Labels = std::map<std::string, std::string>;

struct LogEntry {
    int64_t timestampNs = 0;
    std::string line;
    Labels metadata; // Loki's structured metadata
};

struct StreamBatch {
    Labels labels;
    std::vector<LogEntry> entries;
};

// {a="b", c="d"}: Loki's canonical form (sorted names, values escaped).
std::string canonicalLabels(const Labels &labels);

} // namespace lw::server
