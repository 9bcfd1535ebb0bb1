#pragma once

#include "store/ConfigStore.h"

#include <QString>

#include <memory>
#include <tuple>

struct sqlite3;
struct sqlite3_stmt;

namespace lw::server {

// ConfigStore on one SQLite file: WAL journal, synchronous=FULL (a write is on disk before it is
// acknowledged), schema versioned through PRAGMA user_version with forward-only migrations.
class SqliteConfigStore final : public ConfigStore {
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 1;

    // Opens or creates the database; throws StoreError with a readable reason.
    explicit SqliteConfigStore(const QString &path, QObject *parent = nullptr);
    ~SqliteConfigStore() override;

    std::optional<StoredRecord> get(const std::string &kind, const std::string &name) override;
    std::vector<StoredRecord> list(const std::string &kind) override;
    WriteResult create(const std::string &kind, const std::string &name, const std::string &value) override;
    WriteResult update(const std::string &kind, const std::string &name, const std::string &value,
                       int64_t expectedModRevision) override;
    WriteResult remove(const std::string &kind, const std::string &name, int64_t expectedModRevision) override;
    std::vector<WriteResult> commit(const std::vector<Mutation> &mutations) override;
    void upsertMany(const std::string &kind, const std::vector<std::pair<std::string, std::string>> &records) override;
    int64_t revision() override { return m_revision; }
    std::vector<std::string> kinds() override;
    void whenDurable(std::function<void(bool durable)> done) override;
    bool hasPendingWrites() const override { return m_groupOpen; }

    // Group commit: writes made during one event-loop turn share one transaction (each in its own
    // savepoint, so every commit() stays all-or-nothing) and one fsync at the end of the turn.
    // Off by default (tools without an event loop); the server turns it on.
    void setGroupCommit(bool enabled) { m_groupCommit = enabled; }

    int schemaVersion();

private:
    class Statement;
    void exec(const char *sql);
    void migrate();
    [[noreturn]] void fail(const char *what);
    Statement &prepared(int index, const char *sql);
    void begin();
    void commit();
    void rollback();
    void runStep(Statement &s, const char *what);

    sqlite3 *m_db = nullptr;
    int64_t m_revision = 0;
    int64_t m_durableRevision = 0;
    bool m_groupCommit = false;
    bool m_groupOpen = false;
    std::vector<std::function<void(bool)>> m_waiting;
    std::vector<std::tuple<std::string, std::string, int64_t>> m_pendingSignals;
    void openGroup();
    void closeGroup();
    std::vector<std::unique_ptr<Statement>> m_statements;
};

} // namespace lw::server
