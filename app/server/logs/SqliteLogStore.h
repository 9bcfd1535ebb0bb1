#pragma once

#include "logs/LogStore.h"

#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <shared_mutex>

struct sqlite3;
struct sqlite3_stmt;

namespace lw::server {

// LogStore on its own SQLite file (WAL, synchronous=FULL): one transaction per push, so a push
// is either wholly durable before it is acknowledged or not there at all. Readers (openReader)
// are separate read-only connections; WAL lets them scan while pushes commit.
class SqliteLogStore final : public LogStore {
public:
    explicit SqliteLogStore(const QString &path);
    ~SqliteLogStore() override;

    void append(const std::string &tenant, const std::vector<StreamBatch> &batches) override;
    void appendAll(std::vector<PushToStore> &pushes) override;
    std::vector<StoredStream> streams(const std::string &tenant) override;
    size_t streamCountAfter(const std::string &tenant, const std::vector<StreamBatch> &batches) override;
    std::vector<QueriedEntry> query(const LogQuery &query) override;
    int64_t remove(const std::vector<int64_t> &streamIds, int64_t startNs, int64_t endNs) override;
    int64_t applyRetention(int64_t maxAgeNs, int64_t maxBytes) override;
    std::unique_ptr<LogReader> openReader() override;
    int64_t nextSeq() const override { return m_nextSeq; }

    int64_t entryCount();

private:
    sqlite3_stmt *statement(const char *sql);
    void exec(const char *sql);
    [[noreturn]] void fail(const char *what);
    int64_t streamId(const std::string &tenant, const Labels &labels);
    int64_t deleteRange(int64_t streamId, int64_t startNs, int64_t endNs);
    std::vector<int64_t> allStreamIds() const;

    sqlite3 *m_db = nullptr;
    std::map<std::string, sqlite3_stmt *> m_statements;
    QString m_path;
    std::map<std::pair<std::string, std::string>, int64_t> m_streamIds; // (tenant, canonical labels) -> id
    mutable std::shared_mutex m_streamsMutex; // m_streamsByTenant is read from query threads
    std::map<std::string, std::vector<StoredStream>> m_streamsByTenant;
    std::atomic<int64_t> m_nextSeq{1};
};

} // namespace lw::server
