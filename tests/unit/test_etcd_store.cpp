// EtcdStore against a real etcd (Debian's etcd-server on loopback): the ConfigStore contract,
// unchanged from test_sqlite_store, then what is etcd's own: key prefixes keep stores apart,
// a dead endpoint is passed over, an unreachable cluster is a StoreError naming it, --store
// URLs are checked, and a write refused by a lost quorum is not acknowledged.
#include "store/etcd/EtcdStore.h"
#include "ConfigStoreContract.h"
#include "EtcdCluster.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTcpServer>
#include "store/sqlite/SqliteConfigStore.h"

#include <QtTest>

using namespace lw::server;
using lw::test::EtcdCluster;

namespace {

EtcdStoreOptions optionsFor(const QString &url)
{
    EtcdStoreOptions options = EtcdStoreOptions::parse(url.toStdString());
    options.timeout = std::chrono::milliseconds(2000);
    return options;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes
}

} // namespace

class EtcdStoreTest : public QObject {
    Q_OBJECT
    std::unique_ptr<EtcdCluster> m_etcd;
    int m_prefixes = 0;
    QString freshPrefix() { return QStringLiteral("/test%1").arg(++m_prefixes); }

private Q_SLOTS:
    void initTestCase()
    {
        m_etcd = std::make_unique<EtcdCluster>(1);
        QVERIFY2(m_etcd->start(), m_etcd->log().constData());
    }

    void contract_data() { lw::test::contract::addRows(); }
    void contract()
    {
        QFETCH(int, which);
        EtcdStore store(optionsFor(m_etcd->storeUrl(freshPrefix())));
        lw::test::contract::run(which, store);
    }

    void prefixesKeepStoresApart()
    {
        const QString prefix = freshPrefix();
        EtcdStore a(optionsFor(m_etcd->storeUrl(prefix + "/a")));
        EtcdStore b(optionsFor(m_etcd->storeUrl(prefix + "/ab")));
        QCOMPARE(a.create("source", "s", "from a").status, WriteStatus::Ok);
        QVERIFY(b.list("source").empty());
        QVERIFY(!b.get("source", "s"));
        QCOMPARE(b.create("source", "s", "from b").status, WriteStatus::Ok);
        QCOMPARE(QString::fromStdString(a.get("source", "s")->value), QStringLiteral("from a"));
        // Two stores on the same prefix (two replicas) see each other's writes and ETags.
        EtcdStore again(optionsFor(m_etcd->storeUrl(prefix + "/a")));
        const auto seen = again.get("source", "s");
        QVERIFY(seen);
        QCOMPARE(again.update("source", "s", "stale", seen->modRevision - 1).status, WriteStatus::RevisionMismatch);
        QCOMPARE(again.update("source", "s", "fresh", seen->modRevision).status, WriteStatus::Ok);
        QCOMPARE(a.update("source", "s", "lost", seen->modRevision).status, WriteStatus::RevisionMismatch);
    }

    // A change made through another store (another replica) reaches this one's listeners by the
    // watch, within a second; this store's own writes are announced once, not again by the watch.
    void changesElsewhereAreAnnounced()
    {
        const QString url = m_etcd->storeUrl(freshPrefix());
        EtcdStore a(optionsFor(url));
        EtcdStore b(optionsFor(url));
        QSignalSpy onA(&a, &ConfigStore::changed);
        QSignalSpy onB(&b, &ConfigStore::changed);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(a.create("token", "t1", "{}").status, WriteStatus::Ok);
        QTRY_COMPARE_WITH_TIMEOUT(onB.count(), 1, 1000);
        qInfo("a change through one store reached the other after %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(onB.at(0).at(0).toString(), QStringLiteral("token"));
        QCOMPARE(onB.at(0).at(1).toString(), QStringLiteral("t1"));
        QCOMPARE(b.remove("token", "t1", ConfigStore::AnyRevision).status, WriteStatus::Ok);
        QTRY_COMPARE_WITH_TIMEOUT(onA.count(), 2, 1000);
        QCOMPARE(onA.at(1).at(1).toString(), QStringLiteral("t1"));
        QTest::qWait(300);
        QCOMPARE(onA.count(), 2); // its own create once, b's remove once
        QCOMPARE(onB.count(), 2);
    }

    void ephemeralRecordsLiveWhileKeptAlive()
    {
        const QString url = m_etcd->storeUrl(freshPrefix());
        EtcdStore watcher(optionsFor(url));
        QSignalSpy changes(&watcher, &ConfigStore::changed);
        {
            auto agent = std::make_unique<EtcdStore>(optionsFor(url));
            agent->putEphemeral("node", "n1", "{\"v\":1}", 2);
            QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 1000);
            // Kept alive past three times its TTL, by the store's own timer.
            QTest::qWait(6500);
            QVERIFY(watcher.get("node", "n1").has_value());
            QCOMPARE(watcher.get("node", "n1")->value, std::string("{\"v\":1}"));
            agent->putEphemeral("node", "n1", "{\"v\":2}", 2); // replaced, under the same lease
            QTRY_COMPARE_WITH_TIMEOUT(watcher.get("node", "n1")->value, std::string("{\"v\":2}"), 1000);
            // Another process wants the same record: refused once it stayed held past a TTL.
            EtcdStore twin(optionsFor(url));
            QElapsedTimer waited;
            waited.start();
            QVERIFY_THROWS_EXCEPTION(lw::server::StoreError, twin.putEphemeral("node", "n1", "{\"twin\":1}", 2));
            QVERIFY(waited.elapsed() >= 3500);
            QCOMPARE(watcher.get("node", "n1")->value, std::string("{\"v\":2}"));
            // The store goes (a graceful stop): its lease is revoked, the record goes with it.
        }
        QElapsedTimer gone;
        gone.start();
        QTRY_VERIFY_WITH_TIMEOUT(!watcher.get("node", "n1").has_value(), 1000);
        qInfo("the record went %lld ms after its keeper", static_cast<long long>(gone.elapsed()));
        QTRY_VERIFY_WITH_TIMEOUT(changes.count() >= 3, 1000); // put, put, deleted by the lease's end
        QCOMPARE(changes.last().at(1).toString(), QStringLiteral("n1"));
        // A store without leases says so.
        QTemporaryDir dir;
        lw::server::SqliteConfigStore sqlite(dir.filePath("config.db"));
        QVERIFY_THROWS_EXCEPTION(lw::server::StoreError, sqlite.putEphemeral("node", "n1", "{}", 10));
    }

    // Three members, one killed in the middle of a stream of writes: writes resume within 5 s
    // and no acknowledged write is lost; with two gone (no quorum) a write fails with a sentence
    // and reads serve the last known state.
    void clusterLosesAMemberThenItsQuorum()
    {
        EtcdCluster cluster(3);
        QVERIFY2(cluster.start(), cluster.log().constData());
        EtcdStore store(optionsFor(cluster.storeUrl("/q")));
        // Another replica, whose watch starts on member 0 too: it must move on and miss nothing.
        EtcdStore observer(optionsFor(cluster.storeUrl("/q")));
        QStringList announced;
        connect(&observer, &ConfigStore::changed, this, [&](const QString &, const QString &name) { announced << name; });
        QStringList acknowledged;
        qint64 longestGapMs = 0;
        QElapsedTimer sinceLast;
        sinceLast.start();
        for (int i = 0; i < 120; ++i) {
            if (i == 40)
                cluster.kill(0); // the member the store talks to first
            const std::string name = "s" + std::to_string(i);
            try {
                // Each name is new: anything but Ok means a write was applied twice.
                QCOMPARE(store.create("source", name, "{}").status, WriteStatus::Ok);
                acknowledged << QString::fromStdString(name);
                longestGapMs = std::max(longestGapMs, sinceLast.elapsed());
                sinceLast.restart();
            } catch (const StoreError &) {
                // refused: not acknowledged, so not required to be there
            }
        }
        QVERIFY2(longestGapMs < 5000, QByteArray::number(longestGapMs).constData());
        QVERIFY(acknowledged.size() >= 100);
        QStringList stored;
        for (const auto &record : store.list("source"))
            stored << QString::fromStdString(record.name);
        for (const QString &name : acknowledged)
            QVERIFY2(stored.contains(name), qPrintable(name + " was acknowledged and is gone"));
        qInfo("%lld writes acknowledged, longest pause around the member's death %lld ms",
              static_cast<long long>(acknowledged.size()), static_cast<long long>(longestGapMs));
        // The observer's watch lost its member with the kill; it resumed elsewhere from the next
        // revision, so every acknowledged write reaches it.
        QTRY_VERIFY_WITH_TIMEOUT(announced.contains(acknowledged.last()), 10000);
        for (const QString &name : acknowledged)
            QVERIFY2(announced.contains(name), qPrintable(name + " never reached the other replica"));

        cluster.kill(1); // one of three left: no quorum
        QElapsedTimer timer;
        timer.start();
        try {
            store.create("source", "after-quorum", "{}");
            QFAIL("a write was acknowledged without a quorum");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("etcd write failed")), e.what());
        }
        QVERIFY(timer.elapsed() < 15000);
        const auto kept = store.list("source");
        QCOMPARE(kept.size(), size_t(stored.size()));
        QVERIFY(store.get("source", acknowledged.first().toStdString()));
    }

    // etcd with authentication on: the store logs in (its token on every call and on the watch),
    // a wrong password or none is a StoreError naming the cause.
    void authenticatedCluster()
    {
        EtcdCluster cluster(1);
        QVERIFY2(cluster.start(), cluster.log().constData());
        const QString endpoints = cluster.endpoints();
        for (const QStringList &args : {QStringList{"user", "add", "root:s3cret-pass", "--interactive=false"},
                                        QStringList{"auth", "enable"}}) {
            auto [code, out] = lw::test::runCommand("/usr/bin/etcdctl", QStringList{"--endpoints", endpoints} + args);
            QVERIFY2(code == 0, out.constData());
        }
        EtcdStoreOptions options = optionsFor(cluster.storeUrl("/auth"));
        options.user = "root";
        options.password = "s3cret-pass";
        EtcdStore a(options), b(options);
        QSignalSpy onB(&b, &ConfigStore::changed);
        QCOMPARE(a.create("source", "s", "v").status, WriteStatus::Ok);
        QCOMPARE(QString::fromStdString(b.get("source", "s")->value), QStringLiteral("v"));
        QTRY_COMPARE_WITH_TIMEOUT(onB.count(), 1, 2000); // the watch logged in too
        options.password = "wrong";
        try {
            EtcdStore refused(options);
            QFAIL("a wrong password was accepted");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("refused user \"root\""), e.what());
            QVERIFY2(!QString::fromUtf8(e.what()).contains("wrong"), e.what()); // the password is never said
        }
        EtcdStoreOptions anonymous = optionsFor(cluster.storeUrl("/auth"));
        QVERIFY_THROWS_EXCEPTION(StoreError, EtcdStore{anonymous});
    }

    // etcd serving TLS with client certificates required (etcds://): the store trusts the given
    // CA and presents its certificate; without the CA, or without a client certificate, it is
    // refused with a StoreError.
    void tlsWithClientCertificates()
    {
        QTemporaryDir dir;
        const QString script = QStringLiteral(
            "set -e\n"
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=etcd test CA' -keyout ca.key -out ca.crt 2>/dev/null\n"
            "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth,clientAuth\\n' > ext\n"
            "for who in server client; do\n"
            "  openssl req -newkey rsa:2048 -nodes -subj \"/CN=$who\" -keyout $who.key -out $who.csr 2>/dev/null\n"
            "  openssl x509 -req -in $who.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile ext -out $who.crt 2>/dev/null\n"
            "done\n");
        auto [made, why] = lw::test::runCommand("bash", {"-c", script}, dir.path());
        QVERIFY2(made == 0, why.constData());
        QTcpServer a, b;
        QVERIFY(a.listen(QHostAddress::LocalHost, 0) && b.listen(QHostAddress::LocalHost, 0));
        const quint16 client = a.serverPort(), peer = b.serverPort();
        a.close();
        b.close();
        QProcess etcd;
        etcd.setProcessChannelMode(QProcess::MergedChannels);
        const QString url = QStringLiteral("https://127.0.0.1:%1").arg(client);
        const QString peerUrl = QStringLiteral("http://127.0.0.1:%1").arg(peer);
        etcd.start(EtcdCluster::binary(), {"--name", "tls", "--data-dir", dir.filePath("data"), "--listen-client-urls", url,
                                           "--advertise-client-urls", url, "--listen-peer-urls", peerUrl,
                                           "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "tls=" + peerUrl,
                                           "--cert-file", dir.filePath("server.crt"), "--key-file", dir.filePath("server.key"),
                                           "--trusted-ca-file", dir.filePath("ca.crt"), "--client-cert-auth",
                                           "--log-level", "warn"});
        QVERIFY(etcd.waitForStarted(5000));
        const std::string storeUrl = QStringLiteral("etcds://127.0.0.1:%1/tls").arg(client).toStdString();
        auto options = [&](bool ca, bool cert) {
            EtcdStoreOptions o = EtcdStoreOptions::parse(storeUrl, ca ? dir.filePath("ca.crt") : QString(),
                                                         cert ? dir.filePath("client.crt") : QString(),
                                                         cert ? dir.filePath("client.key") : QString(), {}, {});
            o.timeout = std::chrono::milliseconds(2000);
            return o;
        };
        std::unique_ptr<EtcdStore> store;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            try {
                store = std::make_unique<EtcdStore>(options(true, true));
                return true;
            } catch (const StoreError &) {
                return false; // still starting
            }
        }()), 20000);
        QCOMPARE(store->create("source", "s", "over TLS").status, WriteStatus::Ok);
        QCOMPARE(QString::fromStdString(store->get("source", "s")->value), QStringLiteral("over TLS"));
        QVERIFY_THROWS_EXCEPTION(StoreError, EtcdStore{options(false, true)}); // the system's CAs do not know it
        QVERIFY_THROWS_EXCEPTION(StoreError, EtcdStore{options(true, false)}); // no client certificate
        store.reset();
        etcd.terminate();
        etcd.waitForFinished(5000);
    }

    void deadEndpointIsPassedOver()
    {
        const QString url = QStringLiteral("etcd://127.0.0.1:%1,%2%3").arg(closedPort()).arg(m_etcd->endpoints(), freshPrefix());
        EtcdStore store(optionsFor(url));
        QCOMPARE(store.create("source", "s", "v").status, WriteStatus::Ok);
        QVERIFY(store.get("source", "s"));
    }

    void unreachableClusterIsAStoreErrorNamingIt()
    {
        const quint16 port = closedPort();
        QElapsedTimer timer;
        timer.start();
        try {
            EtcdStore store(optionsFor(QStringLiteral("etcd://127.0.0.1:%1/x").arg(port)));
            QFAIL("a store on a closed port was made");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("127.0.0.1:%1").arg(port)), e.what());
        }
        QVERIFY(timer.elapsed() < 10000);
    }

    void storeUrlsAreChecked_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("scheme") << "http://127.0.0.1:2379" << "is not etcd://";
        QTest::newRow("no port") << "etcd://127.0.0.1" << "is not host:port";
        QTest::newRow("bad port") << "etcd://127.0.0.1:99999" << "is not host:port";
        QTest::newRow("empty endpoint") << "etcd://127.0.0.1:2379,,h:1" << "is not host:port";
        QTest::newRow("junk host") << "etcd://a b:2379" << "is not host:port";
        QTest::newRow("empty prefix") << "etcd://127.0.0.1:2379/" << "prefix";
    }
    void storeUrlsAreChecked()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        try {
            EtcdStoreOptions::parse(url.toStdString());
            QFAIL("accepted");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(says), e.what());
        }
        const auto ok = EtcdStoreOptions::parse("etcds://h1.example:2379,10.0.0.2:2379/lw/prod/");
        QCOMPARE(ok.endpoints.size(), size_t(2));
        QVERIFY(ok.tls);
        QCOMPARE(QString::fromStdString(ok.prefix), QStringLiteral("/lw/prod"));
    }
};

QTEST_GUILESS_MAIN(EtcdStoreTest)
#include "test_etcd_store.moc"
