#include "SqliteLogStore.h"
#include "store/ConfigStore.h"

#include "Json.h"

#include <sqlite3.h>

#include <chrono>
#include <limits>
#include <mutex>
#include <queue>
#include <set>
#include <tuple>

namespace lw::server {

namespace {

// Entries are clustered by stream and time: an append touches one b-tree at the right edge of its
// stream, and a stream's time range is one contiguous scan. seq orders entries of equal timestamp.
const char *const Schema =
    "CREATE TABLE IF NOT EXISTS streams (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, labels TEXT NOT NULL,"
    "  labels_json TEXT NOT NULL, UNIQUE (tenant, labels));"
    "CREATE TABLE IF NOT EXISTS entries (stream_id INTEGER NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL,"
    "  line TEXT NOT NULL, metadata TEXT, PRIMARY KEY (stream_id, ts, seq)) WITHOUT ROWID;";

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

[[noreturn]] void failOn(sqlite3 *db, const char *what)
{
    throw StoreError(std::string("log store: ") + what + ": " + sqlite3_errmsg(db));
}

// One cursor per stream, each in time order, merged until `limit` entries pass the filter.
std::vector<QueriedEntry> runQuery(sqlite3 *db, const LogQuery &q)
{
    std::vector<QueriedEntry> out;
    if (q.streamIds.empty() || q.limit == 0)
        return out;
    const char *sql = q.forward ? "SELECT ts, seq, line, metadata FROM entries WHERE stream_id = ?1 AND ts >= ?2 AND ts < ?3 "
                                  "AND seq < ?4 ORDER BY ts ASC, seq ASC"
                                : "SELECT ts, seq, line, metadata FROM entries WHERE stream_id = ?1 AND ts >= ?2 AND ts < ?3 "
                                  "AND seq < ?4 ORDER BY ts DESC, seq DESC";
    struct Cursor {
        sqlite3_stmt *stmt;
        int64_t streamId;
        int64_t ts;
        int64_t seq;
    };
    std::vector<Cursor> cursors;
    auto advance = [&](Cursor &c) {
        const int rc = sqlite3_step(c.stmt);
        if (rc == SQLITE_ROW) {
            c.ts = sqlite3_column_int64(c.stmt, 0);
            c.seq = sqlite3_column_int64(c.stmt, 1);
            return true;
        }
        if (rc != SQLITE_DONE)
            failOn(db, "query");
        return false;
    };
    auto later = [&q](const Cursor *a, const Cursor *b) { // priority_queue puts the "largest" on top
        return q.forward ? std::tie(a->ts, a->seq) > std::tie(b->ts, b->seq) : std::tie(a->ts, a->seq) < std::tie(b->ts, b->seq);
    };
    cursors.reserve(q.streamIds.size());
    try {
        for (int64_t id : q.streamIds) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
                failOn(db, "query");
            sqlite3_bind_int64(stmt, 1, id);
            sqlite3_bind_int64(stmt, 2, q.startNs);
            sqlite3_bind_int64(stmt, 3, q.endNs);
            sqlite3_bind_int64(stmt, 4, q.beforeSeq > 0 ? q.beforeSeq : std::numeric_limits<int64_t>::max());
            cursors.push_back(Cursor{stmt, id, 0, 0});
        }
        std::priority_queue<Cursor *, std::vector<Cursor *>, decltype(later)> heap(later);
        for (Cursor &c : cursors) {
            if (advance(c))
                heap.push(&c);
        }
        const bool timed = q.deadline != std::chrono::steady_clock::time_point{};
        for (uint32_t rows = 0; !heap.empty() && out.size() < q.limit; ++rows) {
            if (timed && (rows & 1023) == 1023 && std::chrono::steady_clock::now() > q.deadline)
                throw QueryTimedOut("the query ran out of time");
            Cursor *c = heap.top();
            heap.pop();
            const char *line = reinterpret_cast<const char *>(sqlite3_column_text(c->stmt, 2));
            const std::string_view text(line, static_cast<size_t>(sqlite3_column_bytes(c->stmt, 2)));
            Labels parsed;
            if (!q.filter || q.filter(c->streamId, text, parsed)) {
                QueriedEntry e{c->streamId, c->seq, LogEntry{c->ts, std::string(text), {}}, std::move(parsed)};
                if (sqlite3_column_type(c->stmt, 3) != SQLITE_NULL)
                    e.entry.metadata = Json::parse(reinterpret_cast<const char *>(sqlite3_column_text(c->stmt, 3))).get<Labels>();
                out.push_back(std::move(e));
            }
            if (advance(*c))
                heap.push(c);
        }
    } catch (...) {
        for (Cursor &c : cursors)
            sqlite3_finalize(c.stmt);
        throw;
    }
    for (Cursor &c : cursors)
        sqlite3_finalize(c.stmt);
    return out;
}

void execOn(sqlite3 *db, const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        throw StoreError("log store: " + why);
    }
}

class SqliteLogReader final : public LogReader {
public:
    explicit SqliteLogReader(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
            sqlite3_close(m_db);
            m_db = nullptr;
            throw StoreError("cannot open log store " + path.toStdString() + " for reading: " + why);
        }
        sqlite3_busy_timeout(m_db, 5000);
        execOn(m_db, "PRAGMA query_only=1");
        execOn(m_db, "PRAGMA cache_size=-32768");
        execOn(m_db, "PRAGMA mmap_size=1073741824");
    }
    ~SqliteLogReader() override { sqlite3_close(m_db); }

    std::vector<QueriedEntry> query(const LogQuery &q) override
    {
        // One read transaction: every cursor sees the same snapshot.
        execOn(m_db, "BEGIN");
        try {
            auto out = runQuery(m_db, q);
            execOn(m_db, "COMMIT");
            return out;
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

bool queryOrderBefore(const QueriedEntry &a, const QueriedEntry &b, bool forward)
{
    return forward ? std::tie(a.entry.timestampNs, a.seq) < std::tie(b.entry.timestampNs, b.seq)
                   : std::tie(a.entry.timestampNs, a.seq) > std::tie(b.entry.timestampNs, b.seq);
}

SqliteLogStore::SqliteLogStore(const QString &path) : m_path(path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open log store " + path.toStdString() + ": " + why);
    }
    // An append-mostly store that grows large: bigger pages (new files only), a cache that holds
    // the hot end of the indexes, reads through mmap rather than copies, fewer checkpoints.
    exec("PRAGMA page_size=16384");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA cache_size=-65536");
    exec("PRAGMA mmap_size=1073741824");
    exec("PRAGMA wal_autocheckpoint=4096");
    exec(Schema);
    {
        sqlite3_stmt *seq = statement("SELECT coalesce(max(seq), 0) FROM entries");
        Reset resetSeq{seq};
        if (sqlite3_step(seq) == SQLITE_ROW)
            m_nextSeq = sqlite3_column_int64(seq, 0) + 1;
    }
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
    std::vector<PushToStore> one{{tenant, std::shared_ptr<const std::vector<StreamBatch>>(&batches, [](auto *) {}), 0}};
    appendAll(one);
}

void SqliteLogStore::appendAll(std::vector<PushToStore> &pushes)
{
    exec("BEGIN IMMEDIATE");
    std::vector<std::pair<std::pair<std::string, std::string>, StoredStream>> newStreams;
    int64_t seq = m_nextSeq;
    try {
        sqlite3_stmt *insert = statement("INSERT INTO entries (stream_id, ts, seq, line, metadata) VALUES (?1, ?2, ?3, ?4, ?5)");
        std::map<std::pair<std::string, std::string>, int64_t> createdHere; // pushes may name a new stream twice
        for (PushToStore &push : pushes) {
            push.firstSeq = seq;
            for (const StreamBatch &batch : *push.batches) {
                std::pair<std::string, std::string> key{push.tenant, canonicalLabels(batch.labels)};
                int64_t id;
                if (auto it = createdHere.find(key); it != createdHere.end()) {
                    id = it->second;
                } else {
                    const bool known = m_streamIds.count(key) > 0;
                    id = streamId(push.tenant, batch.labels);
                    if (!known) {
                        createdHere.emplace(key, id);
                        newStreams.push_back({key, StoredStream{id, batch.labels}});
                    }
                }
                for (const LogEntry &e : batch.entries) {
                    Reset reset{insert};
                    const std::string meta = metadataJson(e.metadata);
                    sqlite3_bind_int64(insert, 1, id);
                    sqlite3_bind_int64(insert, 2, e.timestampNs);
                    sqlite3_bind_int64(insert, 3, seq++);
                    sqlite3_bind_text(insert, 4, e.line.data(), static_cast<int>(e.line.size()), SQLITE_STATIC);
                    if (meta.empty())
                        sqlite3_bind_null(insert, 5);
                    else
                        sqlite3_bind_text(insert, 5, meta.data(), static_cast<int>(meta.size()), SQLITE_TRANSIENT);
                    if (sqlite3_step(insert) != SQLITE_DONE)
                        fail("append");
                }
            }
        }
        exec("COMMIT");
        m_nextSeq = seq;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    // Only streams whose rows are durable become visible.
    std::unique_lock lock(m_streamsMutex);
    for (auto &[key, stream] : newStreams) {
        m_streamIds[key] = stream.id;
        m_streamsByTenant[key.first].push_back(std::move(stream));
    }
}

size_t SqliteLogStore::streamCountAfter(const std::string &tenant, const std::vector<StreamBatch> &batches)
{
    std::set<std::string> fresh;
    std::shared_lock lock(m_streamsMutex);
    for (const StreamBatch &b : batches) {
        std::string key = canonicalLabels(b.labels);
        if (!m_streamIds.count({tenant, key}))
            fresh.insert(std::move(key));
    }
    auto it = m_streamsByTenant.find(tenant);
    return (it == m_streamsByTenant.end() ? 0 : it->second.size()) + fresh.size();
}

std::vector<StoredStream> SqliteLogStore::streams(const std::string &tenant)
{
    std::shared_lock lock(m_streamsMutex);
    auto it = m_streamsByTenant.find(tenant);
    return it == m_streamsByTenant.end() ? std::vector<StoredStream>{} : it->second;
}

std::vector<QueriedEntry> SqliteLogStore::query(const LogQuery &q)
{
    return runQuery(m_db, q);
}

std::unique_ptr<LogReader> SqliteLogStore::openReader()
{
    return std::make_unique<SqliteLogReader>(m_path);
}

int64_t SqliteLogStore::deleteRange(int64_t streamId, int64_t startNs, int64_t endNs)
{
    sqlite3_stmt *s = statement("DELETE FROM entries WHERE stream_id = ?1 AND ts >= ?2 AND ts < ?3");
    Reset reset{s};
    sqlite3_bind_int64(s, 1, streamId);
    sqlite3_bind_int64(s, 2, startNs);
    sqlite3_bind_int64(s, 3, endNs);
    if (sqlite3_step(s) != SQLITE_DONE)
        fail("delete");
    return sqlite3_changes64(m_db);
}

std::vector<int64_t> SqliteLogStore::allStreamIds() const
{
    std::vector<int64_t> ids;
    for (const auto &[key, id] : m_streamIds)
        ids.push_back(id);
    return ids;
}

int64_t SqliteLogStore::remove(const std::vector<int64_t> &streamIds, int64_t startNs, int64_t endNs)
{
    exec("BEGIN IMMEDIATE");
    int64_t removed = 0;
    try {
        for (int64_t id : streamIds)
            removed += deleteRange(id, startNs, endNs);
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return removed;
}

int64_t SqliteLogStore::applyRetention(int64_t maxAgeNs, int64_t maxBytes)
{
    constexpr int64_t Beginning = std::numeric_limits<int64_t>::min();
    int64_t removed = 0;
    if (maxAgeNs > 0) {
        const int64_t cutoff = static_cast<int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::system_clock::now().time_since_epoch()).count()) - maxAgeNs;
        removed += remove(allStreamIds(), Beginning, cutoff);
    }
    if (maxBytes > 0) {
        auto scalar = [this](const char *sql) {
            sqlite3_stmt *s = statement(sql);
            Reset reset{s};
            return sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        };
        // Drop the oldest tenth of the stored time span at a time until the live pages fit.
        for (int round = 0; round < 20; ++round) {
            const int64_t used = (scalar("PRAGMA page_count") - scalar("PRAGMA freelist_count")) * scalar("PRAGMA page_size");
            if (used <= maxBytes)
                break;
            const int64_t oldest = scalar("SELECT min(ts) FROM entries");
            const int64_t newest = scalar("SELECT max(ts) FROM entries");
            if (oldest >= newest && entryCount() == 0)
                break;
            const int64_t cutoff = oldest + std::max<int64_t>(1, (newest - oldest) / 10);
            removed += remove(allStreamIds(), Beginning, cutoff);
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
