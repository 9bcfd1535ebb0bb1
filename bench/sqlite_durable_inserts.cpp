// Baseline for the durable-write benchmark: raw single-row inserts into SQLite with the settings
// logwardend's store uses (WAL, synchronous=FULL), one transaction per row. Prints rows/s.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: sqlite_durable_inserts DBFILE SECONDS\n");
        return 64;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return 1;
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE IF NOT EXISTS t(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(name, value) VALUES (?1, ?2)", -1, &insert, nullptr);
    const std::string value = R"({"name":"w0-1","enabled":true,"minLevel":"INFO","journald":{"syslogIdentifier":"w0-1"}})";
    const auto seconds = std::chrono::duration<double>(std::atof(argv[2]));
    const auto start = std::chrono::steady_clock::now();
    long rows = 0;
    while (std::chrono::steady_clock::now() - start < seconds) {
        const std::string name = "row-" + std::to_string(rows);
        sqlite3_bind_text(insert, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, value.c_str(), -1, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE)
            return 1;
        sqlite3_reset(insert);
        ++rows;
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.1f\n", rows / elapsed);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return 0;
}
