#pragma once

#include "logs/LogRecords.h"

#include <chrono>
#include <functional>
#include <stdexcept>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
    int64_t beforeSeq = 0; // > 0: only entries stored before this sequence number (see LogStore::nextSeq)
    std::chrono::steady_clock::time_point deadline{}; // set: the scan gives up (QueryTimedOut) after it
    // Applied while scanning, so limit counts matching lines only; may add parsed labels.
    // Must be safe to call from several threads at once (a query may be split across workers).
    std::function<bool(int64_t streamId, std::string_view line, Labels &parsed)> filter;
};

// A scan that ran past its LogQuery::deadline.
class QueryTimedOut : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct QueriedEntry {
    int64_t streamId;
    int64_t seq; // the store's insertion order: breaks ties between equal timestamps
    LogEntry entry;
    Labels parsed; // labels the query's parsers added (| json, | logfmt)
};

// Orders entries as a query returns them (newest first unless forward).
bool queryOrderBefore(const QueriedEntry &a, const QueriedEntry &b, bool forward);

// A read-only view of a LogStore on its own connection, for one thread at a time (the query
// workers hold one each, so scans run beside appends and beside each other).
class LogReader {
public:
    virtual ~LogReader() = default;
    virtual std::vector<QueriedEntry> query(const LogQuery &query) = 0;
};

// One push on its way into the store; appendAll() sets firstSeq (its entries are numbered from it).
struct PushToStore {
    std::string tenant;
    std::shared_ptr<const std::vector<StreamBatch>> batches;
    int64_t firstSeq = 0;
};

// Where pushed lines live: per tenant, by stream (a label set) and time. append() returns
// only once the rows are durable; nothing of a failed append is visible.
// Writes happen on one thread; streams() and openReader() may be called from any thread.
class LogStore {
public:
    virtual ~LogStore() = default;
    virtual void append(const std::string &tenant, const std::vector<StreamBatch> &batches) = 0;
    // Several pushes in one durable transaction (group commit): all of them, or none.
    virtual void appendAll(std::vector<PushToStore> &pushes) = 0;
    virtual std::vector<StoredStream> streams(const std::string &tenant) = 0;
    // How many streams `tenant` would have with these batches stored (for the per-tenant cap).
    virtual size_t streamCountAfter(const std::string &tenant, const std::vector<StreamBatch> &batches) = 0;
    virtual std::vector<QueriedEntry> query(const LogQuery &query) = 0;
    virtual std::unique_ptr<LogReader> openReader() = 0;
    // The sequence number the next appended entry gets (for LogQuery::beforeSeq).
    virtual int64_t nextSeq() const = 0;
    // Deletes entries of these streams in [startNs, endNs); returns how many went.
    virtual int64_t remove(const std::vector<int64_t> &streamIds, int64_t startNs, int64_t endNs) = 0;
    // Drops entries older than maxAgeNs and, oldest first, beyond maxBytes (0: no limit).
    virtual int64_t applyRetention(int64_t maxAgeNs, int64_t maxBytes) = 0;
};

} // namespace lw::server
