// /metrics, /healthz and /readyz of a real logwardend: the document parses with the Prometheus
// client's own text-format parser, and its counters move as requests, refusals, remotecfg polls
// and pushes are made. /metrics needs admin:read.
#include "SimulatedAlloy.h"
#include "TestServer.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using lw::Json;
using lw::test::SimulatedAlloy;
using lw::test::TestServer;

namespace {

// [name, {labels}, value] for every sample, as prometheus_client parsed them.
Json scrape(TestServer &server)
{
    const auto r = server.request("GET", "/metrics", {}, {{"Authorization", "Bearer " + server.systemJwt()}});
    if (r.status != 200 || !r.header("Content-Type").startsWith("text/plain; version=0.0.4"))
        return Json();
    QTemporaryDir dir;
    QFile file(dir.filePath("metrics.txt"));
    if (!file.open(QIODevice::WriteOnly) || file.write(r.body) != r.body.size())
        return Json();
    file.close();
    const auto [code, out] = lw::test::runCommand(
        "/usr/bin/python3", {qEnvironmentVariable("LW_SOURCE_DIR") + "/tests/server/check_metrics.py", file.fileName()});
    if (code != 0) {
        qWarning("the Prometheus parser refused the document: %s", out.constData());
        return Json();
    }
    return Json::parse(out.toStdString(), nullptr, false);
}

// The value of the sample `name` whose labels include `labels` (all of them), or -1.
double sample(const Json &samples, const std::string &name, const Json &labels = Json::object())
{
    if (!samples.is_array())
        return -1;
    for (const Json &s : samples) {
        if (s[0] != name)
            continue;
        bool all = true;
        for (const auto &[k, v] : labels.items())
            all = all && s[1].contains(k) && s[1][k] == v;
        if (all)
            return s[2].get<double>();
    }
    return -1;
}

} // namespace

class MetricsTest : public QObject {
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void healthAndReadiness()
    {
        const auto health = m_server->request("GET", "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(Json::parse(health.body.toStdString())["status"], Json("ok"));
        const auto ready = m_server->request("GET", "/readyz");
        QCOMPARE(ready.status, 200);
        QCOMPARE(Json::parse(ready.body.toStdString())["status"], Json("ready"));
    }

    void countersMoveAsRequestsAreMade()
    {
        const Json before = scrape(*m_server);
        QVERIFY2(before.is_array() && !before.empty(), "the document does not parse");
        // Families are there before anything happened; the server's own facts are set.
        QCOMPARE(sample(before, "logwardend_collectors", {{"dimension", "alloy"}, {"status", "ALLOY_ONLINE"}}), 0.0);
        QVERIFY(sample(before, "logwardend_open_connections") >= 1);
        QCOMPARE(sample(before, "logwardend_build_info"), 1.0);

        const std::string route = "/api/v2/logs/sources";
        const double sourcesBefore = std::max(0.0, sample(before, "logwardend_http_requests_total",
                                                          {{"listener", "api"}, {"route", route}, {"method", "GET"}, {"status", "200"}}));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server->requestAsAdmin("GET", QString::fromStdString(route)).status, 200);
        QCOMPARE(m_server->request("GET", "/api/v2/logs/sources").status, 401);               // no credential
        QCOMPARE(m_server->request("GET", "/api/v2/logs/no/such/thing/at/all").status, 404);  // no route
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "metrics"}, {"cluster", "logwarden"}}).status, 201);
        const std::string ns = std::to_string(QDateTime::currentMSecsSinceEpoch() * 1000000LL);
        const QByteArray push = QByteArray::fromStdString(
            Json{{"streams", Json::array({{{"stream", {{"job", "m"}}},
                                           {"values", Json::array({Json::array({ns, "a"}), Json::array({ns, "b"}), Json::array({ns, "c"})})}}})}}
                .dump());
        QCOMPARE(m_server->request("POST", "/loki/api/v1/push", push,
                                   {{"Authorization", "Bearer " + m_server->systemJwt()}, {"X-Scope-OrgID", "metrics"},
                                    {"Content-Type", "application/json"}}).status, 204);
        SimulatedAlloy agent("metrics-agent", m_server->remotecfgPort());
        agent.bearerToken = m_server->agentToken();
        QCOMPARE(agent.registerCollector(""), 200);
        QCOMPARE(agent.pollAndApply().httpStatus, 200);
        const auto again = agent.poll();
        QCOMPARE(again.httpStatus, 200);
        QVERIFY(again.notModified);

        // A live tail (WebSocket) counts as an upgrade (101) under route "websocket".
        QWebSocket tail;
        QNetworkRequest upgrade(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?query=%2&limit=0")
                                         .arg(QString::number(m_server->port()), QString::fromLatin1(QUrl::toPercentEncoding("{job=\"m\"}")))));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt"));
        tail.setSslConfiguration(tls);
        upgrade.setRawHeader("Authorization", "Bearer " + m_server->systemJwt());
        upgrade.setRawHeader("X-Scope-OrgID", "metrics");
        QSignalSpy connected(&tail, &QWebSocket::connected);
        tail.open(upgrade);
        QVERIFY(connected.wait(5000));
        tail.close();

        const Json after = scrape(*m_server);
        QVERIFY(after.is_array());
        QCOMPARE(sample(after, "logwardend_http_requests_total", {{"listener", "api"}, {"route", route}, {"method", "GET"}, {"status", "200"}}),
                 sourcesBefore + 3);
        QVERIFY(sample(after, "logwardend_http_request_duration_seconds_count", {{"listener", "api"}, {"route", route}}) >= 3);
        QVERIFY(sample(after, "logwardend_http_request_duration_seconds_bucket", {{"route", route}, {"le", "+Inf"}}) >= 3);
        QVERIFY(sample(after, "logwardend_http_rejected_requests_total", {{"reason", "unauthenticated"}}) >= 1);
        QVERIFY(sample(after, "logwardend_http_rejected_requests_total", {{"reason", "not_found"}}) >= 1);
        // A path that matched no route is counted under "unmatched", never under the path itself.
        QVERIFY(sample(after, "logwardend_http_requests_total", {{"route", "unmatched"}, {"status", "404"}}) >= 1);
        for (const Json &s : after)
            QVERIFY2(s[1].value("route", "").find("no/such") == std::string::npos, s.dump().c_str());
        QCOMPARE(sample(after, "logwardend_http_requests_total", {{"route", "websocket"}, {"status", "101"}}), 1.0);
        QCOMPARE(sample(after, "logwardend_pushes_total", {{"tenant", "metrics"}}), 1.0);
        QCOMPARE(sample(after, "logwardend_push_lines_total", {{"tenant", "metrics"}}), 3.0);
        QVERIFY(sample(after, "logwardend_remotecfg_polls_total") >= 3);
        QVERIFY(sample(after, "logwardend_remotecfg_polls_not_modified_total") >= 1);
        QVERIFY(sample(after, "logwardend_store_commit_duration_seconds_count") >= 1);  // the tenant's creation
        QCOMPARE(sample(after, "logwardend_collectors", {{"dimension", "alloy"}, {"status", "ALLOY_ONLINE"}}), 1.0);
        QCOMPARE(sample(after, "logwardend_collectors", {{"dimension", "remotecfg"}, {"status", "REMOTECFG_UP"}}), 1.0);
    }

    // The document tells which tenants push what: admin:read, on loopback too (other users of the
    // host may be hostile); the probes need no credential.
    void metricsNeedAdminRead()
    {
        QCOMPARE(m_server->request("GET", "/metrics").status, 401);
        const QByteArray viewer = m_server->issueJwt("scraper", "viewer");
        QCOMPARE(m_server->request("GET", "/metrics", {}, {{"Authorization", "Bearer " + viewer}}).status, 403); // no admin:read
        QVERIFY(scrape(*m_server).is_array());
        QCOMPARE(m_server->request("GET", "/healthz").status, 200);
        QCOMPARE(m_server->request("GET", "/readyz").status, 200);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_MAIN(MetricsTest)
#include "test_metrics.moc"
