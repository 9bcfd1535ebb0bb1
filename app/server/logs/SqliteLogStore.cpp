#include "SqliteLogStore.h"
#include "store/ConfigStore.h"

#include "Json.h"

#include <sqlite3.h>

#include <chrono>

namespace lw::server {

namespace {

const char *const Schema =
    "CREATE TABLE IF NOT EXISTS streams (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, labels TEXT NOT NULL,"
    "  labels_json TEXT NOT NULL, UNIQUE (tenant, labels));"
    "CREATE TABLE IF NOT EXISTS entries (stream_id INTEGER NOT NULL, ts INTEGER NOT NULL, line TEXT NOT NULL,"
    "  metadata TEXT);"
    "CREATE INDEX IF NOT EXISTS entries_by_stream_time ON entries (stream_id, ts);";

struct Reset {
    sqlite3_stmt *stmt;
    ~Reset()
    {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
};

std::string metadataJson(const Labels &metadata)
{
    return metadata.empty() ? std::string() : Json(metadata).dump();
}

} // namespace

SqliteLogStore::SqliteLogStore(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open log store " + path.toStdString() + ": " + why);
    }
    exec("PRAGMA locking_mode=EXCLUSIVE");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec(Schema);
    sqlite3_stmt *s = statement("SELECT id, tenant, labels, labels_json FROM streams ORDER BY id");
    Reset reset{s};
    while (sqlite3_step(s) == SQLITE_ROW) {
        const int64_t id = sqlite3_column_int64(s, 0);
        const std::string tenant = reinterpret_cast<const char *>(sqlite3_column_text(s, 1));
        const std::string labels = reinterpret_cast<const char *>(sqlite3_column_text(s, 2));
        m_streamIds[{tenant, labels}] = id;
        m_streamsByTenant[tenant].push_back(
            StoredStream{id, Json::parse(reinterpret_cast<const char *>(sqlite3_column_text(s, 3))).get<Labels>()});
    }
}

SqliteLogStore::~SqliteLogStore()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    sqlite3_close(m_db);
}

void SqliteLogStore::exec(const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        throw StoreError("log store: " + why);
    }
}

void SqliteLogStore::fail(const char *what)
{
    throw StoreError(std::string("log store: ") + what + ": " + sqlite3_errmsg(m_db));
}

sqlite3_stmt *SqliteLogStore::statement(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        fail("prepare");
    m_statements.emplace(sql, stmt);
    return stmt;
}

int64_t SqliteLogStore::streamId(const std::string &tenant, const Labels &labels)
{
    const std::string canonical = canonicalLabels(labels);
    auto it = m_streamIds.find({tenant, canonical});
    if (it != m_streamIds.end())
        return it->second;
    sqlite3_stmt *s = statement("INSERT INTO streams (tenant, labels, labels_json) VALUES (?1, ?2, ?3)");
    Reset reset{s};
    const std::string json = Json(labels).dump();
    sqlite3_bind_text(s, 1, tenant.data(), static_cast<int>(tenant.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, canonical.data(), static_cast<int>(canonical.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE)
        fail("stream insert");
    return sqlite3_last_insert_rowid(m_db);
}

void SqliteLogStore::append(const std::string &tenant, const std::vector<StreamBatch> &batches)
{
    exec("BEGIN IMMEDIATE");
    std::vector<std::pair<std::pair<std::string, std::string>, StoredStream>> newStreams;
    try {
        sqlite3_stmt *insert = statement("INSERT INTO entries (stream_id, ts, line, metadata) VALUES (?1, ?2, ?3, ?4)");
        std::map<std::string, int64_t> createdHere; // a push may name the same stream twice
        for (const StreamBatch &batch : batches) {
            const std::string canonical = canonicalLabels(batch.labels);
            int64_t id;
            if (auto it = createdHere.find(canonical); it != createdHere.end()) {
                id = it->second;
            } else {
                const bool known = m_streamIds.count({tenant, canonical}) > 0;
                id = streamId(tenant, batch.labels);
                if (!known) {
                    createdHere.emplace(canonical, id);
                    newStreams.push_back({{tenant, canonical}, StoredStream{id, batch.labels}});
                }
            }
            for (const LogEntry &e : batch.entries) {
                Reset reset{insert};
                const std::string meta = metadataJson(e.metadata);
                sqlite3_bind_int64(insert, 1, id);
                sqlite3_bind_int64(insert, 2, e.timestampNs);
                sqlite3_bind_text(insert, 3, e.line.data(), static_cast<int>(e.line.size()), SQLITE_STATIC);
                if (meta.empty())
                    sqlite3_bind_null(insert, 4);
                else
                    sqlite3_bind_text(insert, 4, meta.data(), static_cast<int>(meta.size()), SQLITE_TRANSIENT);
                if (sqlite3_step(insert) != SQLITE_DONE)
                    fail("append");
            }
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    // Only streams whose rows are durable become visible.
    for (auto &[key, stream] : newStreams) {
        m_streamIds[key] = stream.id;
        m_streamsByTenant[key.first].push_back(std::move(stream));
    }
}

std::vector<StoredStream> SqliteLogStore::streams(const std::string &tenant)
{
    auto it = m_streamsByTenant.find(tenant);
    return it == m_streamsByTenant.end() ? std::vector<StoredStream>{} : it->second;
}

std::vector<QueriedEntry> SqliteLogStore::query(const LogQuery &q)
{
    std::vector<QueriedEntry> out;
    if (q.streamIds.empty() || q.limit == 0)
        return out;
    std::string ids;
    for (int64_t id : q.streamIds)
        ids += (ids.empty() ? "" : ",") + std::to_string(id);
    // The id list is built from integers only, so it is safe to inline.
    const std::string sql = "SELECT stream_id, ts, line, metadata FROM entries WHERE stream_id IN (" + ids
                            + ") AND ts >= ?1 AND ts < ?2 ORDER BY ts " + (q.forward ? "ASC" : "DESC") + ", rowid "
                            + (q.forward ? "ASC" : "DESC");
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
        fail("query");
    sqlite3_bind_int64(s, 1, q.startNs);
    sqlite3_bind_int64(s, 2, q.endNs);
    int rc;
    while (out.size() < q.limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *line = reinterpret_cast<const char *>(sqlite3_column_text(s, 2));
        std::string text(line, static_cast<size_t>(sqlite3_column_bytes(s, 2)));
        const int64_t streamId = sqlite3_column_int64(s, 0);
        Labels parsed;
        if (q.filter && !q.filter(streamId, text, parsed))
            continue;
        QueriedEntry e{streamId, LogEntry{sqlite3_column_int64(s, 1), std::move(text), {}}, std::move(parsed)};
        if (sqlite3_column_type(s, 3) != SQLITE_NULL)
            e.entry.metadata = Json::parse(reinterpret_cast<const char *>(sqlite3_column_text(s, 3))).get<Labels>();
        out.push_back(std::move(e));
    }
    sqlite3_finalize(s);
    return out;
}

int64_t SqliteLogStore::remove(const std::vector<int64_t> &streamIds, int64_t startNs, int64_t endNs)
{
    if (streamIds.empty())
        return 0;
    std::string ids;
    for (int64_t id : streamIds)
        ids += (ids.empty() ? "" : ",") + std::to_string(id);
    const std::string sql = "DELETE FROM entries WHERE stream_id IN (" + ids + ") AND ts >= ?1 AND ts < ?2";
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
        fail("delete");
    sqlite3_bind_int64(s, 1, startNs);
    sqlite3_bind_int64(s, 2, endNs);
    const int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        fail("delete");
    return sqlite3_changes64(m_db);
}

int64_t SqliteLogStore::applyRetention(int64_t maxAgeNs, int64_t maxBytes)
{
    int64_t removed = 0;
    if (maxAgeNs > 0) {
        sqlite3_stmt *s = statement("DELETE FROM entries WHERE ts < ?1");
        Reset reset{s};
        const int64_t cutoff = static_cast<int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::system_clock::now().time_since_epoch()).count()) - maxAgeNs;
        sqlite3_bind_int64(s, 1, cutoff);
        if (sqlite3_step(s) != SQLITE_DONE)
            fail("retention");
        removed += sqlite3_changes64(m_db);
    }
    if (maxBytes > 0) {
        auto pragma = [this](const char *sql) {
            sqlite3_stmt *s = statement(sql);
            Reset reset{s};
            return sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        };
        // Delete the oldest tenth at a time until the live pages fit.
        for (int round = 0; round < 20; ++round) {
            const int64_t used = (pragma("PRAGMA page_count") - pragma("PRAGMA freelist_count")) * pragma("PRAGMA page_size");
            if (used <= maxBytes)
                break;
            const int64_t count = entryCount();
            if (count == 0)
                break;
            sqlite3_stmt *s = statement("DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries ORDER BY ts LIMIT ?1)");
            Reset reset{s};
            sqlite3_bind_int64(s, 1, std::max<int64_t>(1, count / 10));
            if (sqlite3_step(s) != SQLITE_DONE)
                fail("retention");
            removed += sqlite3_changes64(m_db);
        }
    }
    return removed;
}

int64_t SqliteLogStore::entryCount()
{
    sqlite3_stmt *s = statement("SELECT count(*) FROM entries");
    Reset reset{s};
    return sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
}

} // namespace lw::server
