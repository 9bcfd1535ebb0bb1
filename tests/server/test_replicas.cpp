// Two logwardend API replicas on one real etcd (--store etcd://…), sharing the sealing and JWT
// signing keys as replicas must: a source created through A is listed by B and is in the
// pipeline an agent attached to B receives on its next poll; a stale If-Match across replicas
// is 412; a token deactivated on A is refused on B within a second; a store that cannot be
// reached stops start-up with a sentence naming it.
#include "EtcdCluster.h"
#include "SimulatedAlloy.h"
#include "TestServer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using lw::Json;
using lw::test::EtcdCluster;
using lw::test::SimulatedAlloy;
using lw::test::TestServer;

class TestReplicas : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<EtcdCluster> m_etcd;
    std::unique_ptr<TestServer> m_a, m_b;

    static int statusWith(TestServer &server, const QByteArray &token, const QString &path)
    {
        return server.request("GET", path, {}, {{"Authorization", "Bearer " + token}}).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_etcd = std::make_unique<EtcdCluster>(1);
        QVERIFY2(m_etcd->start(), m_etcd->log().constData());
        const QStringList store = {"--store", m_etcd->storeUrl("/replicas")};
        m_a = std::make_unique<TestServer>(m_dir.filePath("a"), store);
        QVERIFY2(m_a->start(), m_a->log().constData());
        // Replicas share the key that seals secrets and the key that signs JWTs.
        QVERIFY(QDir().mkpath(m_dir.filePath("b")));
        QFile::setPermissions(m_dir.filePath("b"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        for (const char *file : {"secret.key", "jwt-signing.pem"})
            QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("a/") + file), m_dir.filePath(QStringLiteral("b/") + file)));
        m_b = std::make_unique<TestServer>(m_dir.filePath("b"), store);
        QVERIFY2(m_b->start(), m_b->log().constData());
        QVERIFY(m_a->log().contains("configuration store: etcd at"));
    }

    void sourceMadeOnAIsServedByB()
    {
        QElapsedTimer timer;
        const Json source = {{"name", "app"}, {"journald", {{"syslogIdentifier", "app"}}}};
        QCOMPARE(m_a->requestAsAdmin("POST", "/api/v2/logs/targets",
                                     Json{{"name", "loki1"}, {"type", "LOKI"}, {"loki", {{"url", "https://loki.example:3100/loki/api/v1/push"}}}}).status, 201);
        QCOMPARE(m_a->requestAsAdmin("POST", "/api/v2/logs/sources", source).status, 201);
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_b->requestAsAdmin("GET", "/api/v2/logs/sources").body.contains("\"app\""), 1000);
        qInfo("B listed A's source after %lld ms", static_cast<long long>(timer.elapsed()));
        // An agent attached to B gets it in its pipeline.
        SimulatedAlloy agent("replica-agent", m_b->remotecfgPort());
        agent.bearerToken = m_b->agentToken();
        QCOMPARE(agent.registerCollector(""), 200);
        const auto first = agent.pollAndApply();
        QCOMPARE(first.httpStatus, 200);
        QVERIFY2(agent.appliedContent().find("s_app") != std::string::npos, agent.appliedContent().c_str());
        // A second source, through A, reaches the agent at its next poll through B.
        QCOMPARE(m_a->requestAsAdmin("POST", "/api/v2/logs/sources", Json{{"name", "database"}, {"journald", {{"syslogIdentifier", "db"}}}}).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(agent.pollAndApply().httpStatus == 200 && agent.appliedContent().find("s_database") != std::string::npos, 2000);
    }

    void staleIfMatchAcrossReplicasIs412()
    {
        const auto got = m_a->requestAsAdmin("GET", "/api/v2/logs/sources/app");
        QCOMPARE(got.status, 200);
        const QByteArray etag = got.header("ETag");
        QVERIFY2(!etag.isEmpty(), got.body.constData());
        Json changed = got.json()["source"];
        changed["enabled"] = false;
        const auto onB = m_b->requestAsAdmin("PUT", "/api/v2/logs/sources/app", changed, {{"If-Match", etag}});
        QCOMPARE(onB.status, 200);
        qInfo("etag %s, after B's change %s, A reads %s", etag.constData(), onB.header("ETag").constData(),
              m_a->requestAsAdmin("GET", "/api/v2/logs/sources/app").header("ETag").constData());
        changed["enabled"] = true;
        QCOMPARE(m_a->requestAsAdmin("PUT", "/api/v2/logs/sources/app", changed, {{"If-Match", etag}}).status, 412);
        QCOMPARE(m_a->requestAsAdmin("GET", "/api/v2/logs/sources/app").json()["source"].value("enabled", true), false);
    }

    void tokenDeactivatedOnAIsRefusedOnBWithinASecond()
    {
        QCOMPARE(m_a->requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                     {{"name", "config"}, {"realms", Json::array({{{"tenant", "*"}, {"cluster", "logwarden"}}})},
                                      {"scopes", {"config:read"}}}).status, 201);
        const std::string expiry = QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate).toStdString();
        const auto made = m_a->requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", "tok"}, {"access_policy", "config"}, {"expiration", expiry}});
        QCOMPARE(made.status, 201);
        const QByteArray token = QByteArray::fromStdString(made.json().value("token", ""));
        QCOMPARE(statusWith(*m_b, token, "/api/v2/logs/sources"), 200); // B resolved (and cached) it
        const QByteArray etag = m_a->requestAsAdmin("GET", "/admin/api/v3/tokens/tok").header("ETag");
        QCOMPARE(m_a->requestAsAdmin("PUT", "/admin/api/v3/tokens/tok", {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(statusWith(*m_b, token, "/api/v2/logs/sources"), 401, 1000);
        qInfo("B refused the token %lld ms after A deactivated it", static_cast<long long>(timer.elapsed()));
    }

    void unreachableStoreStopsStartUp()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        TestServer server(m_dir.filePath("c"), {"--store", QStringLiteral("etcd://127.0.0.1:%1").arg(port)});
        QVERIFY(!server.start());
        QVERIFY2(server.log().contains(QStringLiteral("--store etcd://127.0.0.1:%1").arg(port).toUtf8()), server.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestReplicas)
#include "test_replicas.moc"
