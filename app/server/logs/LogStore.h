#pragma once

#include "logs/LogRecords.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lw::server {

struct StoredStream {
    int64_t id = 0;
    Labels labels;
};

struct LogQuery {
    std::vector<int64_t> streamIds;
    int64_t startNs = 0; // inclusive
    int64_t endNs = 0;   // exclusive
    bool forward = false; // oldest first; Loki's default is backward (newest first)
    size_t limit = 100;
    // Applied while scanning, so limit counts matching lines only; may add parsed labels.
    std::function<bool(int64_t streamId, const std::string &line, Labels &parsed)> filter;
};

struct QueriedEntry {
    int64_t streamId;
    LogEntry entry;
    Labels parsed; // labels the query's parsers added (| json, | logfmt)
};

// Where pushed lines live: per tenant, by stream (a label set) and time. append() returns
// only once the rows are durable; nothing of a failed append is visible.
class LogStore {
public:
    virtual ~LogStore() = default;
    virtual void append(const std::string &tenant, const std::vector<StreamBatch> &batches) = 0;
    virtual std::vector<StoredStream> streams(const std::string &tenant) = 0;
    virtual std::vector<QueriedEntry> query(const LogQuery &query) = 0;
    // Deletes entries of these streams in [startNs, endNs); returns how many went.
    virtual int64_t remove(const std::vector<int64_t> &streamIds, int64_t startNs, int64_t endNs) = 0;
    // Drops entries older than maxAgeNs and, oldest first, beyond maxBytes (0: no limit).
    virtual int64_t applyRetention(int64_t maxAgeNs, int64_t maxBytes) = 0;
};

} // namespace lw::server
