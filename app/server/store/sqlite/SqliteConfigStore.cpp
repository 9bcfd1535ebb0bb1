#include "Log.h"
#include "SqliteConfigStore.h"
#include "metrics/Metrics.h"

#include <chrono>
#include "Guarded.h"

#include <sqlite3.h>

#include <QTimer>

namespace lw::server {

// A prepared statement kept for the store's lifetime and reset after every use.
class SqliteConfigStore::Statement {
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
            throw StoreError(std::string("cannot prepare statement: ") + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement &bind(int i, const std::string &s)
    {
        sqlite3_bind_text(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bind(int i, int64_t v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    int step() { return sqlite3_step(m_stmt); }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    std::string text(int col) const
    {
        auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

namespace {

enum StatementId { Get, List, Insert, Update, Delete, SetRevision, Begin, Commit, Upsert, Kinds, StatementCount };

// Forward-only migrations: index i brings the schema from version i to i + 1.
const char *const kMigrations[] = {
    "CREATE TABLE records ("
    "  kind TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,"
    "  create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL,"
    "  PRIMARY KEY (kind, name)) WITHOUT ROWID;"
    // The store revision is max(mod_revision) over the records; the meta row only keeps it
    // from going backwards when the newest record is deleted. Fewer pages per durable commit.
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
    "INSERT INTO meta(key, value) VALUES ('revision', 0);",
};

StoredRecord readRecord(const std::string &kind, const std::string &name, int64_t createRev, int64_t modRev,
                        std::string value)
{
    return StoredRecord{kind, name, std::move(value), createRev, modRev};
}

} // namespace

SqliteConfigStore::SqliteConfigStore(const QString &path, QObject *parent) : ConfigStore(parent)
{
    QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open " + path.toStdString() + ": " + why);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    try {
        // One logwardend owns the file (DataDirectory holds a lock), so SQLite need not take
        // file locks per transaction nor share its WAL index through shared memory.
        exec("PRAGMA locking_mode=EXCLUSIVE");
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
        m_statements.resize(StatementCount);
        sqlite3_stmt *rev = nullptr;
        sqlite3_prepare_v2(m_db,
                           "SELECT max((SELECT value FROM meta WHERE key = 'revision'),"
                           "           (SELECT coalesce(max(mod_revision), 0) FROM records))",
                           -1, &rev, nullptr);
        if (rev && sqlite3_step(rev) == SQLITE_ROW)
            m_revision = sqlite3_column_int64(rev, 0);
        sqlite3_finalize(rev);
        m_durableRevision = m_revision;
    } catch (...) {
        m_statements.clear();
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

SqliteConfigStore::~SqliteConfigStore()
{
    if (m_groupOpen) {
        // Shutting down: make what was written durable; whoever waited is gone already.
        m_waiting.clear();
        m_pendingSignals.clear();
        m_groupOpen = false;
        try {
            commit();
        } catch (const StoreError &e) {
            log::error("final commit failed: %s", e.what());
        }
    }
    m_statements.clear();
    if (m_db)
        sqlite3_close(m_db);
}

void SqliteConfigStore::fail(const char *what)
{
    throw StoreError(std::string(what) + ": " + sqlite3_errmsg(m_db));
}

void SqliteConfigStore::exec(const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        throw StoreError("sqlite: " + why);
    }
}

int SqliteConfigStore::schemaVersion()
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &stmt, nullptr);
    int version = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return version;
}

void SqliteConfigStore::migrate()
{
    int version = schemaVersion();
    if (version > SchemaVersion) {
        throw StoreError("the database has schema version " + std::to_string(version) + ", newer than this logwardend ("
                         + std::to_string(SchemaVersion) + "); upgrade logwardend");
    }
    for (int v = version; v < SchemaVersion; ++v) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(kMigrations[v]);
            exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

SqliteConfigStore::Statement &SqliteConfigStore::prepared(int index, const char *sql)
{
    if (!m_statements[index])
        m_statements[index] = std::make_unique<Statement>(m_db, sql);
    return *m_statements[index];
}

void SqliteConfigStore::begin()
{
    runStep(prepared(Begin, "BEGIN IMMEDIATE"), "cannot start a transaction");
}

void SqliteConfigStore::commit()
{
    const auto started = std::chrono::steady_clock::now();
    runStep(prepared(Commit, "COMMIT"), "commit failed");
    Metrics::global().observe("logwardend_store_commit_duration_seconds", {},
                              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

void SqliteConfigStore::rollback()
{
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::optional<StoredRecord> SqliteConfigStore::get(const std::string &kind, const std::string &name)
{
    Statement &s = prepared(Get, "SELECT value, create_revision, mod_revision FROM records WHERE kind = ?1 AND name = ?2");
    s.bind(1, kind).bind(2, name);
    std::optional<StoredRecord> out;
    int rc = s.step();
    if (rc == SQLITE_ROW)
        out = readRecord(kind, name, s.integer(1), s.integer(2), s.text(0));
    s.reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        fail("read failed");
    return out;
}

std::vector<StoredRecord> SqliteConfigStore::list(const std::string &kind)
{
    Statement &s = prepared(List, "SELECT name, value, create_revision, mod_revision FROM records "
                                  "WHERE kind = ?1 ORDER BY create_revision");
    s.bind(1, kind);
    std::vector<StoredRecord> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back(readRecord(kind, s.text(0), s.integer(2), s.integer(3), s.text(1)));
    s.reset();
    if (rc != SQLITE_DONE)
        fail("list failed");
    return out;
}

std::vector<std::string> SqliteConfigStore::kinds()
{
    Statement &s = prepared(Kinds, "SELECT DISTINCT kind FROM records ORDER BY kind");
    std::vector<std::string> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back(s.text(0));
    s.reset();
    if (rc != SQLITE_DONE)
        fail("listing kinds failed");
    return out;
}

void SqliteConfigStore::runStep(Statement &s, const char *what)
{
    int rc = s.step();
    s.reset();
    if (rc != SQLITE_DONE)
        fail(what);
}

void SqliteConfigStore::openGroup()
{
    begin();
    m_groupOpen = true;
    // End of this event-loop turn: one COMMIT, one fsync, for every write made until then.
    QTimer::singleShot(0, this, guarded("committing the configuration", [this] { closeGroup(); }));
}

void SqliteConfigStore::closeGroup()
{
    if (!m_groupOpen)
        return;
    m_groupOpen = false;
    bool durable = true;
    try {
        commit();
        m_durableRevision = m_revision;
    } catch (const StoreError &e) {
        log::error("group commit failed, %zu waiting requests get 503: %s", m_waiting.size(), e.what());
        rollback();
        m_revision = m_durableRevision;
        m_pendingSignals.clear();
        durable = false;
    }
    auto signalsToSend = std::move(m_pendingSignals);
    auto waiting = std::move(m_waiting);
    m_pendingSignals.clear();
    m_waiting.clear();
    for (const auto &[kind, name, revision] : signalsToSend)
        Q_EMIT changed(QString::fromStdString(kind), QString::fromStdString(name), revision);
    for (auto &done : waiting)
        done(durable);
}

void SqliteConfigStore::whenDurable(std::function<void(bool durable)> done)
{
    if (m_groupOpen)
        m_waiting.push_back(std::move(done));
    else
        done(true);
}

std::vector<WriteResult> SqliteConfigStore::commit(const std::vector<Mutation> &mutations)
{
    std::vector<WriteResult> results(mutations.size());
    const bool grouped = m_groupCommit;
    if (grouped) {
        if (!m_groupOpen)
            openGroup();
        exec("SAVEPOINT request");
    } else {
        begin();
    }
    auto undo = [&] {
        if (grouped) {
            sqlite3_exec(m_db, "ROLLBACK TO request; RELEASE request", nullptr, nullptr, nullptr);
        } else {
            rollback();
        }
    };
    try {
        bool refused = false;
        for (size_t i = 0; i < mutations.size(); ++i) {
            results[i] = judge(mutations[i], get(mutations[i].kind, mutations[i].name));
            refused = refused || results[i].status != WriteStatus::Ok;
        }
        if (refused) {
            undo();
            return results;
        }
        int64_t revision = m_revision;
        bool removed = false;
        for (size_t i = 0; i < mutations.size(); ++i) {
            const Mutation &m = mutations[i];
            results[i].revision = ++revision;
            if (m.op == Mutation::Op::Create) {
                runStep(prepared(Insert, "INSERT INTO records(kind, name, value, create_revision, mod_revision) "
                                         "VALUES (?1, ?2, ?3, ?4, ?4)")
                            .bind(1, m.kind).bind(2, m.name).bind(3, m.value).bind(4, revision),
                        "insert failed");
            } else if (m.op == Mutation::Op::Update) {
                runStep(prepared(Update, "UPDATE records SET value = ?3, mod_revision = ?4 WHERE kind = ?1 AND name = ?2")
                            .bind(1, m.kind).bind(2, m.name).bind(3, m.value).bind(4, revision),
                        "update failed");
            } else {
                runStep(prepared(Delete, "DELETE FROM records WHERE kind = ?1 AND name = ?2").bind(1, m.kind).bind(2, m.name),
                        "delete failed");
                removed = true;
            }
        }
        if (removed) {
            runStep(prepared(SetRevision, "UPDATE meta SET value = ?1 WHERE key = 'revision'").bind(1, revision),
                    "revision update failed");
        }
        if (grouped)
            exec("RELEASE request");
        else
            commit();
        m_revision = revision;
    } catch (...) {
        undo();
        throw;
    }
    if (grouped) {
        // Listeners hear of it once it is durable (closeGroup).
        for (size_t i = 0; i < mutations.size(); ++i)
            m_pendingSignals.emplace_back(mutations[i].kind, mutations[i].name, results[i].revision);
        return results;
    }
    m_durableRevision = m_revision;
    for (size_t i = 0; i < mutations.size(); ++i) {
        Q_EMIT changed(QString::fromStdString(mutations[i].kind), QString::fromStdString(mutations[i].name),
                       results[i].revision);
    }
    return results;
}

WriteResult SqliteConfigStore::create(const std::string &kind, const std::string &name, const std::string &value)
{
    return commit({Mutation{Mutation::Op::Create, kind, name, value, AnyRevision}}).front();
}

WriteResult SqliteConfigStore::update(const std::string &kind, const std::string &name, const std::string &value,
                                      int64_t expectedModRevision)
{
    return commit({Mutation{Mutation::Op::Update, kind, name, value, expectedModRevision}}).front();
}

WriteResult SqliteConfigStore::remove(const std::string &kind, const std::string &name, int64_t expectedModRevision)
{
    return commit({Mutation{Mutation::Op::Remove, kind, name, {}, expectedModRevision}}).front();
}

void SqliteConfigStore::upsertMany(const std::string &kind, const std::vector<std::pair<std::string, std::string>> &records)
{
    if (records.empty())
        return;
    std::vector<Mutation> mutations;
    if (m_groupCommit) {
        // Inside the group: the same savepoint machinery, as plain creates or updates.
        for (const auto &[name, value] : records) {
            const bool exists = get(kind, name).has_value();
            mutations.push_back(Mutation{exists ? Mutation::Op::Update : Mutation::Op::Create, kind, name, value, AnyRevision});
        }
        commit(mutations);
        return;
    }
    begin();
    int64_t revision = m_revision;
    try {
        Statement &upsert = prepared(Upsert, "INSERT INTO records(kind, name, value, create_revision, mod_revision) "
                                             "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(kind, name) DO UPDATE "
                                             "SET value = excluded.value, mod_revision = excluded.mod_revision");
        for (const auto &[name, value] : records)
            runStep(upsert.bind(1, kind).bind(2, name).bind(3, value).bind(4, ++revision), "upsert failed");
        commit();
    } catch (...) {
        rollback();
        throw;
    }
    m_revision = revision;
    m_durableRevision = revision;
    Q_EMIT changed(QString::fromStdString(kind), QString(), revision);
}

} // namespace lw::server
