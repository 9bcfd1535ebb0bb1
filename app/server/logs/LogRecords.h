#pragma once

#include <cstdint>
#include <map>
#include <optional>
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

// Times from requests, to int64 nanoseconds without overflow: nullopt when the value is not
// finite or lies beyond what int64 nanoseconds hold (about the years 1678 to 2262).
std::optional<int64_t> secondsToNanos(double seconds);
std::optional<int64_t> toNanos(int64_t value, int64_t nanosPerUnit);

} // namespace lw::server
