#pragma once
// The ConfigStore contract: what every store (the embedded SQLite file, etcd) must do, run
// unchanged against each by test_sqlite_store and test_etcd_store. Each function takes a fresh,
// empty store that no one else writes to while it runs; revisions are compared relative to the
// store's revision at the start (etcd's start wherever the cluster is).
#include "store/ConfigStore.h"

#include <QSignalSpy>

#include <iterator>
#include <QtTest>

namespace lw::test::contract {

using lw::server::ConfigStore;
using lw::server::Mutation;
using lw::server::WriteResult;
using lw::server::WriteStatus;

inline QString q(const std::string &s) { return QString::fromStdString(s); }

inline void createGetListInCreationOrder(ConfigStore &store)
{
    const int64_t r0 = store.revision();
    QCOMPARE(store.create("source", "zeta", "{\"z\":1}").status, WriteStatus::Ok);
    QCOMPARE(store.create("source", "alpha", "{\"a\":1}").status, WriteStatus::Ok);
    QCOMPARE(store.create("target", "alpha", "{}").status, WriteStatus::Ok); // kinds are separate
    auto list = store.list("source");
    QCOMPARE(list.size(), size_t(2));
    QCOMPARE(q(list[0].name), QStringLiteral("zeta")); // creation order, not name order
    QCOMPARE(q(list[1].name), QStringLiteral("alpha"));
    QCOMPARE(store.revision(), r0 + 3);
    auto got = store.get("source", "alpha");
    QVERIFY(got);
    QCOMPARE(q(got->value), QStringLiteral("{\"a\":1}"));
    QCOMPARE(got->createRevision, r0 + 2);
    QCOMPARE(got->modRevision, r0 + 2);
    QVERIFY(!store.get("source", "missing"));
    QCOMPARE(store.create("source", "alpha", "{}").status, WriteStatus::AlreadyExists);
    QCOMPARE(store.revision(), r0 + 3); // a refused write does not move the revision
}

inline void compareAndSet(ConfigStore &store)
{
    const int64_t r1 = store.create("source", "s", "v1").revision;
    const WriteResult ok = store.update("source", "s", "v2", r1);
    QCOMPARE(ok.status, WriteStatus::Ok);
    QVERIFY(ok.revision > r1);
    QVERIFY(ok.previous);
    QCOMPARE(q(ok.previous->value), QStringLiteral("v1"));
    const WriteResult stale = store.update("source", "s", "v3", r1);
    QCOMPARE(stale.status, WriteStatus::RevisionMismatch);
    QCOMPARE(stale.revision, ok.revision); // the current ETag, for the 412's sentence
    QCOMPARE(q(store.get("source", "s")->value), QStringLiteral("v2"));
    QCOMPARE(store.get("source", "s")->createRevision, r1); // creation order survives updates
    QCOMPARE(store.update("source", "s", "v4", ConfigStore::AnyRevision).status, WriteStatus::Ok);
    QCOMPARE(store.update("source", "nope", "x", ConfigStore::AnyRevision).status, WriteStatus::NotFound);
    QCOMPARE(store.update("source", "nope", "x", r1).status, WriteStatus::NotFound);
    QCOMPARE(store.remove("source", "s", r1).status, WriteStatus::RevisionMismatch);
    const WriteResult removed = store.remove("source", "s", ConfigStore::AnyRevision);
    QCOMPARE(removed.status, WriteStatus::Ok);
    QCOMPARE(q(removed.previous->value), QStringLiteral("v4"));
    QCOMPARE(store.remove("source", "s", ConfigStore::AnyRevision).status, WriteStatus::NotFound);
    QVERIFY(!store.get("source", "s"));
}

inline void notifiesOnlyCommittedChanges(ConfigStore &store)
{
    const int64_t r0 = store.revision();
    QSignalSpy spy(&store, &ConfigStore::changed);
    store.create("source", "s", "v1");
    store.create("source", "s", "again");  // refused: no signal
    store.update("source", "s", "v2", 999999999); // refused: no signal
    store.remove("source", "s", ConfigStore::AnyRevision);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("source"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("s"));
    QCOMPARE(spy.at(1).at(2).toLongLong(), qint64(r0 + 2));
}

// A change and its audit entry: all or nothing, and the results say which precondition failed.
inline void commitIsAllOrNothing(ConfigStore &store)
{
    const int64_t rb = store.create("source", "b", "b1").revision;
    QSignalSpy spy(&store, &ConfigStore::changed);
    const auto refused = store.commit({Mutation{Mutation::Op::Create, "source", "a", "a1", 0},
                                       Mutation{Mutation::Op::Update, "source", "b", "b2", rb + 1000},
                                       Mutation{Mutation::Op::Create, "audit", "0001", "{}", 0}});
    QCOMPARE(refused.size(), size_t(3));
    QCOMPARE(refused[0].status, WriteStatus::Ok);
    QCOMPARE(refused[0].revision, int64_t(0));
    QCOMPARE(refused[1].status, WriteStatus::RevisionMismatch);
    QCOMPARE(refused[1].revision, rb);
    QVERIFY(!store.get("source", "a"));
    QVERIFY(!store.get("audit", "0001"));
    QCOMPARE(q(store.get("source", "b")->value), QStringLiteral("b1"));
    QCOMPARE(spy.count(), 0);
    const auto done = store.commit({Mutation{Mutation::Op::Update, "source", "b", "b2", rb},
                                    Mutation{Mutation::Op::Create, "audit", "0001", "{}", 0}});
    QCOMPARE(done[0].status, WriteStatus::Ok);
    QCOMPARE(done[1].status, WriteStatus::Ok);
    QVERIFY(done[0].revision > rb && done[1].revision >= done[0].revision);
    QCOMPARE(q(store.get("source", "b")->value), QStringLiteral("b2"));
    QVERIFY(store.get("audit", "0001"));
    QCOMPARE(spy.count(), 2);
    const auto missing = store.commit({Mutation{Mutation::Op::Remove, "source", "nope", {}, 0}});
    QCOMPARE(missing[0].status, WriteStatus::NotFound);
}

// Names may hold '/' (an ingest token is <tenant>/<name>); a kind never sees another kind's
// records, even one whose name starts the same.
inline void namesAndKindsStaySeparate(ConfigStore &store)
{
    QCOMPARE(store.create("ingest-token", "t1/a", "1").status, WriteStatus::Ok);
    QCOMPARE(store.create("ingest-token", "t1/b", "2").status, WriteStatus::Ok);
    QCOMPARE(store.create("ingest-tokens", "x", "3").status, WriteStatus::Ok);
    QCOMPARE(store.create("ingest", "token", "4").status, WriteStatus::Ok);
    const auto list = store.list("ingest-token");
    QCOMPARE(list.size(), size_t(2));
    QCOMPARE(q(list[0].name), QStringLiteral("t1/a"));
    QCOMPARE(q(store.get("ingest-token", "t1/b")->value), QStringLiteral("2"));
    QCOMPARE(store.list("ingest").size(), size_t(1));
    QVERIFY(store.list("nothing").empty());
    const std::vector<std::string> kinds = store.kinds();
    QCOMPARE(kinds, (std::vector<std::string>{"ingest", "ingest-token", "ingest-tokens"}));
    store.remove("ingest", "token", ConfigStore::AnyRevision);
    QCOMPARE(store.kinds(), (std::vector<std::string>{"ingest-token", "ingest-tokens"})); // a kind without records is gone
}

// Heartbeats of many collectors: one call, every record created or replaced, one signal.
inline void upsertManyWritesEveryRecord(ConfigStore &store)
{
    store.create("collector", "c0", "old");
    std::vector<std::pair<std::string, std::string>> records;
    for (int i = 0; i < 300; ++i)
        records.emplace_back("c" + std::to_string(i), "v" + std::to_string(i));
    QSignalSpy spy(&store, &ConfigStore::changed);
    store.upsertMany("collector", records);
    const auto list = store.list("collector");
    QCOMPARE(list.size(), size_t(300));
    QCOMPARE(q(store.get("collector", "c0")->value), QStringLiteral("v0"));
    QCOMPARE(q(store.get("collector", "c299")->value), QStringLiteral("v299"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("collector"));
    QVERIFY(spy.at(0).at(1).toString().isEmpty());
}

// The rows of a data-driven test slot that runs run(which, store) on a fresh store.
inline void addRows()
{
    QTest::addColumn<int>("which");
    const char *const names[] = {"createGetListInCreationOrder", "compareAndSet", "notifiesOnlyCommittedChanges",
                                 "commitIsAllOrNothing", "namesAndKindsStaySeparate", "upsertManyWritesEveryRecord"};
    for (int i = 0; i < int(std::size(names)); ++i)
        QTest::newRow(names[i]) << i;
}

inline void run(int which, ConfigStore &store)
{
    switch (which) {
    case 0: createGetListInCreationOrder(store); break;
    case 1: compareAndSet(store); break;
    case 2: notifiesOnlyCommittedChanges(store); break;
    case 3: commitIsAllOrNothing(store); break;
    case 4: namesAndKindsStaySeparate(store); break;
    case 5: upsertManyWritesEveryRecord(store); break;
    default: QFAIL("no such contract case");
    }
}

} // namespace lw::test::contract
