// Two logwardend API replicas on one real etcd (--store etcd://…), sharing the sealing and JWT
// signing keys as replicas must: a source created through A is listed by B and is in the
// pipeline an agent attached to B receives on its next poll; a stale If-Match across replicas
// is 412; a token deactivated on A is refused on B within a second; a store that cannot be
// reached stops start-up with a sentence naming it.
#include "EtcdCluster.h"
#include "TestCertificates.h"
#include "store/sqlite/SqliteConfigStore.h"
#include "SimulatedAlloy.h"
#include "TestServer.h"

#include <QDateTime>
#include <jwt/jwt.hpp>
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

    void apiReplicaSeesAgentsAndADeadNodesCollectorsOffline()
    {
        // Seed 000 at scale: an API replica (--role api) and two node agents (--role agent) on
        // the same etcd, each agent serving its node's Alloy.
        const QStringList store = {"--store", m_etcd->storeUrl("/replicas")};
        // An API replica shares the sealing and signing keys; an agent only the sealing key (it
        // renders sealed secrets into pipelines, and signs nothing).
        auto sharedKeys = [this](const QString &dir, QStringList files) {
            QVERIFY(QDir().mkpath(m_dir.filePath(dir)));
            QFile::setPermissions(m_dir.filePath(dir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            for (const QString &file : files)
                QVERIFY(QFile::copy(m_dir.filePath("a/" + file), m_dir.filePath(dir + "/" + file)));
        };
        sharedKeys("api", {"secret.key", "jwt-signing.pem"});
        sharedKeys("node1", {"secret.key"});
        sharedKeys("node2", {"secret.key"});
        TestServer api(m_dir.filePath("api"), store + QStringList{"--role", "api"});
        QVERIFY2(api.start(), api.log().constData());
        QCOMPARE(api.remotecfgPort(), quint16(0)); // an API replica serves no agents
        TestServer node1(m_dir.filePath("node1"), store + QStringList{"--role", "agent", "--node-name", "node-1"});
        TestServer node2(m_dir.filePath("node2"), store + QStringList{"--role", "agent", "--node-name", "node-2"});
        QVERIFY2(node1.start(), node1.log().constData());
        QVERIFY2(node2.start(), node2.log().constData());
        QVERIFY(node1.remotecfgPort() > 0 && node2.remotecfgPort() > 0);
        // An agent serves no admin or log API, and keeps no admin credential.
        QCOMPARE(node1.request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + api.systemJwt()}}).status, 404);
        QVERIFY(!QFile::exists(m_dir.filePath("node1/system_jwt")));
        // A second agent for the same node is refused (after waiting out a crashed one's lease).
        {
            sharedKeys("node1-twin", {"secret.key"});
            TestServer twin(m_dir.filePath("node1-twin"), store + QStringList{"--role", "agent", "--node-name", "node-1"});
            QVERIFY(!twin.start());
            QVERIFY2(twin.log().contains("held by another live process"), twin.log().constData());
        }

        SimulatedAlloy alloy1("alloy-node-1", node1.remotecfgPort()), alloy2("alloy-node-2", node2.remotecfgPort());
        alloy1.bearerToken = node1.agentToken();
        alloy2.bearerToken = node2.agentToken();
        QCOMPARE(alloy1.registerCollector(""), 200);
        QCOMPARE(alloy2.registerCollector(""), 200);
        // A source made through the API replica is in the pipeline each agent serves at its next poll.
        const int target = api.requestAsAdmin("POST", "/api/v2/logs/targets",
                                              Json{{"name", "loki-nodes"}, {"type", "LOKI"}, {"loki", {{"url", "https://loki.example:3100/loki/api/v1/push"}}}}).status;
        QCOMPARE(target, 201);
        QCOMPARE(api.requestAsAdmin("POST", "/api/v2/logs/sources", Json{{"name", "nodes"}, {"journald", {{"syslogIdentifier", "nodes"}}}}).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(alloy1.pollAndApply().httpStatus == 200 && alloy1.appliedContent().find("s_nodes") != std::string::npos, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(alloy2.pollAndApply().httpStatus == 200 && alloy2.appliedContent().find("s_nodes") != std::string::npos, 2000);
        auto alloyStatus = [&api](const std::string &id) {
            const Json got = api.requestAsAdmin("GET", QString::fromStdString("/api/v2/logs/collectors/" + id)).json();
            return got.is_object() && got.contains("collector") ? got["collector"].value("alloyStatus", "") : std::string("absent");
        };
        QTRY_COMPARE_WITH_TIMEOUT(alloyStatus("alloy-node-1"), std::string("ALLOY_ONLINE"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(alloyStatus("alloy-node-2"), std::string("ALLOY_ONLINE"), 5000);

        // Node 1's agent dies: once its lease ends, its collector is offline; node 2's is not.
        QElapsedTimer timer;
        timer.start();
        node1.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(alloyStatus("alloy-node-1"), std::string("ALLOY_OFFLINE"), 20000);
        qInfo("node 1's collector offline %lld ms after its agent died", static_cast<long long>(timer.elapsed()));
        QCOMPARE(alloyStatus("alloy-node-2"), std::string("ALLOY_ONLINE"));
        // The agent comes back: its node is live again, and its collector with it.
        QVERIFY2(node1.start(), node1.log().constData());
        alloy1.setRemotecfgPort(node1.remotecfgPort());
        QCOMPARE(alloy1.pollAndApply().httpStatus, 200);
        QTRY_COMPARE_WITH_TIMEOUT(alloyStatus("alloy-node-1"), std::string("ALLOY_ONLINE"), 5000);
    }

    void rolesNeedTheSharedStoreAndKey()
    {
        TestServer lone(m_dir.filePath("lone"), {"--role", "agent"});
        QVERIFY(!lone.start());
        QVERIFY2(lone.log().contains("agent needs the shared store"), lone.log().constData());
        TestServer keyless(m_dir.filePath("keyless"), {"--role", "api", "--store", m_etcd->storeUrl("/replicas")});
        QVERIFY(!keyless.start());
        QVERIFY2(keyless.log().contains("needs the replicas' secret.key"), keyless.log().constData());
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

    // logwardend migrate: a server's SQLite configuration into etcd, where a server started on it
    // finds everything (a sealed secret included), refused into a store that is not empty, and
    // back into a new SQLite file, record for record.
    void migrateBothWays()
    {
        const QString dataDir = m_dir.filePath("single");
        std::string accessKey;
        {
            TestServer single(dataDir);
            QVERIFY2(single.start(), single.log().constData());
            // Created out of name order: the copy must keep creation order, not sort by name.
            for (const char *name : {"zeta", "moved", "alpha"})
                QCOMPARE(single.requestAsAdmin("POST", "/api/v2/logs/sources", Json{{"name", name}, {"journald", {{"syslogIdentifier", "m"}}}}).status, 201);
            QCOMPARE(single.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "team-a"}, {"cluster", "logwarden"}}).status, 201);
            const auto user = single.requestAsAdmin("POST", "/admin/api/v3/users", {{"name", "ursula"}, {"scopes", {"config:read"}}});
            QCOMPARE(user.status, 201); // its access key is sealed in the store
            accessKey = user.json().value("access_key", "");
            QCOMPARE(single.stop(), 0);
        }
        const QString etcd = m_etcd->storeUrl("/migrated");
        const QString binary = TestServer::binaryPath();
        auto [code, out] = lw::test::runCommand(binary, {"migrate", "--from", "sqlite:" + dataDir, "--to", etcd});
        QVERIFY2(code == 0, out.constData());
        QVERIFY2(out.contains("migrated") && out.contains("records of"), out.constData());
        auto [again, refusal] = lw::test::runCommand(binary, {"migrate", "--from", "sqlite:" + dataDir, "--to", etcd});
        QCOMPARE(again, 2);
        QVERIFY2(refusal.contains("already holds records"), refusal.constData());
        auto [empty, nothing] = lw::test::runCommand(binary, {"migrate", "--from", m_etcd->storeUrl("/typo"), "--to", "sqlite:" + m_dir.filePath("x.db")});
        QCOMPARE(empty, 2);
        QVERIFY2(nothing.contains("holds no records"), nothing.constData());

        TestServer onEtcd(dataDir, {"--store", etcd});
        QVERIFY2(onEtcd.start(), onEtcd.log().constData());
        const Json listed = onEtcd.requestAsAdmin("GET", "/api/v2/logs/sources").json()["sources"];
        QCOMPARE(listed.size(), size_t(3));
        QCOMPARE(QString::fromStdString(listed[0].value("name", "")), QStringLiteral("zeta"));
        QCOMPARE(QString::fromStdString(listed[2].value("name", "")), QStringLiteral("alpha"));
        QCOMPARE(onEtcd.requestAsAdmin("GET", "/admin/api/v3/tenants/team-a").status, 200);
        // The sealed access key opens with the data directory's secret.key: a JWT ursula signs with
        // it is accepted by the server on etcd.
        jwt::jwt_object self{jwt::params::algorithm("HS256"), jwt::params::secret(accessKey)};
        self.add_claim("iss", "self-signed").add_claim("sub", "ursula").add_claim("scope", "config:read")
            .add_claim("iat", std::time(nullptr)).add_claim("exp", std::time(nullptr) + 600);
        QCOMPARE(onEtcd.request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + QByteArray::fromStdString(self.signature())}}).status, 200);
        QVERIFY(onEtcd.requestAsAdmin("GET", "/admin/api/v3/audit").body.contains("team-a")); // the history came too
        QCOMPARE(onEtcd.stop(), 0);

        const QString back = m_dir.filePath("back.db");
        auto [backCode, backOut] = lw::test::runCommand(binary, {"migrate", "--from", etcd, "--to", "sqlite:" + back});
        QVERIFY2(backCode == 0, backOut.constData());
        lw::server::SqliteConfigStore original(dataDir + "/config.db"), copy(back);
        QCOMPARE(copy.kinds(), original.kinds());
        for (const std::string &kind : original.kinds()) {
            const auto a = original.list(kind), b = copy.list(kind);
            QCOMPARE(a.size(), b.size());
            for (size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(QString::fromStdString(b[i].name), QString::fromStdString(a[i].name)); // creation order kept
                QVERIFY(b[i].value == a[i].value);
            }
        }
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
