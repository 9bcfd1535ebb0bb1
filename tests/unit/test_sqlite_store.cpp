// SqliteConfigStore: the ConfigStore contract, then what is its own: revisions from 0, reopening,
// schema versions, group commit, durability.
#include "store/sqlite/SqliteConfigStore.h"
#include "ConfigStoreContract.h"
#include "store/AuditLog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace lw::server;

class SqliteStoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.path() + "/" + name; }

private Q_SLOTS:
    // The contract every ConfigStore keeps (tests/common/ConfigStoreContract.h; test_etcd_store
    // runs the same functions against etcd).
    void contract_data() { lw::test::contract::addRows(); }
    void contract()
    {
        QFETCH(int, which);
        SqliteConfigStore store(path(("contract" + std::to_string(which) + ".db").c_str()));
        QCOMPARE(store.revision(), int64_t(0));
        lw::test::contract::run(which, store);
    }

    // A change whose audit entry cannot be written is not written either, and is not reported done.
    void auditEntryRefusedRefusesTheChange()
    {
        SqliteConfigStore store(path("audit.db"));
        AuditLog audit(store);
        const Mutation entry = audit.entry("alice", "create", "source", "x", nullptr, lw::Json::object());
        QCOMPARE(store.create(AuditLog::Kind, entry.name, "{}").status, WriteStatus::Ok); // its name taken
        QVERIFY_THROWS_EXCEPTION(StoreError, audit.commit({Mutation{Mutation::Op::Create, "source", "x", "{}", 0}, entry}));
        QVERIFY(!store.get("source", "x"));
        // A refused change is the caller's to report (409 here), not an error of the audit log.
        store.create("source", "y", "{}");
        const auto refused = audit.commit({Mutation{Mutation::Op::Create, "source", "y", "{}", 0},
                                           audit.entry("alice", "create", "source", "y", nullptr, lw::Json::object())});
        QCOMPARE(refused[0].status, WriteStatus::AlreadyExists);
        // Two logs on one store (two replicas) never name an entry alike.
        AuditLog other(store);
        QVERIFY(other.entry("bob", "create", "source", "z", nullptr, nullptr).name
                != audit.entry("bob", "create", "source", "z", nullptr, nullptr).name);
    }

    void survivesReopenWithSettings()
    {
        {
            SqliteConfigStore store(path("d.db"));
            store.create("source", "kept", "value");
            store.create("source", "gone", "value");
            store.remove("source", "gone", ConfigStore::AnyRevision);
            QCOMPARE(store.schemaVersion(), SqliteConfigStore::SchemaVersion);
        }
        {
            SqliteConfigStore store(path("d.db"));
            QCOMPARE(store.revision(), int64_t(3));
            QCOMPARE(store.list("source").size(), size_t(1));
            QCOMPARE(store.create("source", "next", "v").revision, int64_t(4)); // revisions never repeat
            // The store holds the file exclusively while open.
            sqlite3 *other = nullptr;
            sqlite3_open(path("d.db").toUtf8().constData(), &other);
            QVERIFY(sqlite3_exec(other, "SELECT count(*) FROM records", nullptr, nullptr, nullptr) != SQLITE_OK);
            sqlite3_close(other);
        }
        sqlite3 *db = nullptr;
        sqlite3_open(path("d.db").toUtf8().constData(), &db);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
        sqlite3_step(st);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))), QByteArray("wal"));
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void refusesNewerSchema()
    {
        {
            SqliteConfigStore store(path("e.db"));
        }
        sqlite3 *db = nullptr;
        sqlite3_open(path("e.db").toUtf8().constData(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        try {
            SqliteConfigStore store(path("e.db"));
            QFAIL("opened a database from the future");
        } catch (const StoreError &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains("newer than this logwardend"));
        }
    }

    void groupCommitSharesOneTransactionPerTurn()
    {
        const QString file = path("g.db");
        {
            SqliteConfigStore store(file);
            store.setGroupCommit(true);
            QSignalSpy spy(&store, &ConfigStore::changed);
            // Two requests in one event-loop turn, and a refused one between them.
            QCOMPARE(store.create("source", "a", "1").status, WriteStatus::Ok);
            QCOMPARE(store.create("source", "a", "again").status, WriteStatus::AlreadyExists); // its savepoint rolls back alone
            const auto results = store.commit({Mutation{Mutation::Op::Create, "source", "b", "2", 0},
                                               Mutation{Mutation::Op::Update, "source", "a", "1b", 999}}); // stale: all of it refused
            QCOMPARE(results[1].status, WriteStatus::RevisionMismatch);
            QVERIFY(!store.get("source", "b"));                     // nothing of the refused commit
            QCOMPARE(store.create("source", "c", "3").status, WriteStatus::Ok);
            QVERIFY(store.get("source", "a"));                      // later requests see earlier ones
            QVERIFY(store.hasPendingWrites());
            QCOMPARE(spy.count(), 0);                                // nobody hears of it before it is durable
            bool durable = false;
            store.whenDurable([&durable](bool ok) { durable = ok; });
            QVERIFY(!durable);
            QTRY_VERIFY(durable);                                    // the end of the turn commits
            QVERIFY(!store.hasPendingWrites());
            QCOMPARE(spy.count(), 2);
            bool immediate = false;
            store.whenDurable([&immediate](bool ok) { immediate = ok; }); // nothing pending: at once
            QVERIFY(immediate);
            QCOMPARE(store.create("source", "d", "4").status, WriteStatus::Ok); // left open at destruction
        }
        SqliteConfigStore reopened(file);
        QCOMPARE(reopened.list("source").size(), size_t(3)); // a, c, and d committed at shutdown
        QVERIFY(reopened.get("source", "d"));
    }

    void unopenablePathIsAStoreError()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, SqliteConfigStore(path("no/such/dir/x.db")));
    }
};

QTEST_GUILESS_MAIN(SqliteStoreTest)
#include "test_sqlite_store.moc"
