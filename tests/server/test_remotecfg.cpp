// The remotecfg backend end to end: a real logwardend, simulated Alloy agents speaking binary
// protobuf over HTTP (as Alloy 1.12+ and 1.7–1.11 do), and a simulated Alloy HTTP server that the
// agent role probes for pipeline health.
#include "SimulatedAlloy.h"
#include "TestCertificates.h"
#include "TestServer.h"

#include "remotecfg/collector.pb.h"

#include <QTemporaryDir>
#include <QtTest>

using lw::test::SimulatedAlloy;
using lw::test::TestServer;
using nj = nlohmann::json;

class RemotecfgTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SimulatedAlloy> m_alloy; // c00-s00: the node-local Alloy the server probes

    nj collector(const QString &id)
    {
        auto r = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/" + id);
        return nj::parse(r.body.toStdString(), nullptr, false).value("collector", nj::object());
    }
    nj collectors(const QString &query = {})
    {
        return nj::parse(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors" + query).body.toStdString(), nullptr, false);
    }
    static QString field(const nj &j, const char *key)
    {
        return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
    }
    int put(const QString &path, const lw::Json &body)
    {
        return m_server->requestAsAdmin("PUT", path, body).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString certs = m_work.path() + "/scripts/certs";
        QVERIFY(lw::test::makeTestCertificates(certs));
        m_alloy = std::make_unique<SimulatedAlloy>("c00-s00", 0);
        const quint16 alloyPort = m_alloy->startHttp();
        QVERIFY(alloyPort > 0);
        m_alloy->setComponents({{"loki.source.journal", "s_node__manager"}, {"loki.write", "t_loki1"},
                                {"otelcol.exporter.syslog", "t_rsyslog1"}});
        m_server = std::make_unique<TestServer>(
            QString(), QStringList{"--alloy-url", QStringLiteral("http://127.0.0.1:%1").arg(alloyPort), "--alloy-probe-interval",
                                   "0.3", "--local-collector-id", "c00-s00"});
        QVERIFY2(m_server->start(), m_server->log().constData());
        QVERIFY(m_server->remotecfgPort() > 0);
        m_alloy->setRemotecfgPort(m_server->remotecfgPort());
        m_alloy->bearerToken = m_server->agentToken();
        QVERIFY(m_alloy->bearerToken.startsWith("lwa_"));

        // Seed 000's configuration: a bundle, a journald source, a Loki and an rsyslog target.
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/tls-bundles",
                                          {{"name", "dc-rsyslog"},
                                           {"caPem", lw::test::readFile(certs + "/ca.crt").toStdString()},
                                           {"certPem", lw::test::readFile(certs + "/rsyslog-server.crt").toStdString()},
                                           {"keyPem", lw::test::readFile(certs + "/rsyslog-server.key").toStdString()}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/sources",
                                          {{"name", "node-manager"}, {"enabled", true}, {"logFormat", "ZAP_JSON"}, {"minLevel", "INFO"},
                                           {"journald", {{"syslogIdentifier", "node-manager"}}}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/targets",
                                          {{"name", "loki1"}, {"type", "LOKI"}, {"enabled", true},
                                           {"loki", {{"url", "http://loki.example.com:3100/loki/api/v1/push"}}}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/targets",
                                          {{"name", "rsyslog1"}, {"type", "RSYSLOG"}, {"enabled", true},
                                           {"rsyslog", {{"endpoint", "rsyslog.example.com"}, {"port", 6514}, {"timeout", "5s"},
                                                        {"tlsBundle", "dc-rsyslog"}}}}).status, 201);
    }

    void step5_healthyAgentMatchesTheSeed()
    {
        QCOMPARE(m_alloy->registerCollector("c00-s00"), 200);
        auto first = m_alloy->pollAndApply();
        QCOMPARE(first.httpStatus, 200);
        QVERIFY(!first.notModified);
        QVERIFY(first.content.find("loki.source.journal \"s_node__manager\"") != std::string::npos);
        QVERIFY(first.content.find("BEGIN PRIVATE KEY") != std::string::npos || first.content.find("BEGIN RSA PRIVATE KEY") != std::string::npos);
        QCOMPARE(first.hash.size(), size_t(64));

        // The seed's expected output, field by field (lastSeen is now).
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "OK", 5000);
        nj list = collectors();
        QCOMPARE(list["collectors"].size(), size_t(1));
        nj c = list["collectors"][0];
        QCOMPARE(field(c, "id"), QStringLiteral("c00-s00"));
        QCOMPARE(field(c, "alloyStatus"), QStringLiteral("ALLOY_ONLINE"));
        QCOMPARE(field(c, "remotecfgStatus"), QStringLiteral("REMOTECFG_UP"));
        QCOMPARE(field(c, "pipelineHealth"), QStringLiteral("OK"));
        QCOMPARE(c["failingExporters"], nj::array());
        QCOMPARE(c["totalExporters"], nj(2));
        const QDateTime lastSeen = QDateTime::fromString(field(c, "lastSeen"), Qt::ISODate);
        QVERIFY(lastSeen.isValid() && qAbs(lastSeen.secsTo(QDateTime::currentDateTimeUtc())) < 10);
        QCOMPARE(field(c, "appliedHash"), QString::fromStdString(first.hash));
        QCOMPARE(c["attributes"]["collector.os"], nj("linux"));
        QVERIFY(field(c, "userAgent").startsWith("Alloy/"));

        // Polling again with the same hash: not modified, no content.
        auto again = m_alloy->poll();
        QVERIFY(again.notModified);
        QVERIFY(again.content.empty());
        QCOMPARE(again.hash, first.hash);
    }

    void degradedWhileOneExporterDropsThenRecovers()
    {
        m_alloy->setCounter("loki_write_dropped_entries_total", "loki.write.t_loki1", 0);
        const int scrapes = m_alloy->metricsScrapes();
        QTRY_VERIFY_WITH_TIMEOUT(m_alloy->metricsScrapes() > scrapes, 5000); // a probe saw the counter at 0
        m_alloy->setCounter("loki_write_dropped_entries_total", "loki.write.t_loki1", 17);
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "DEGRADED", 5000);
        QCOMPARE(collector("c00-s00")["failingExporters"], nj::array({"loki1"}));
        QCOMPARE(collector("c00-s00")["totalExporters"], nj(2));
        // No further growth: healthy again on a later probe.
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "OK", 5000);
    }

    void errorWhenEveryExporterFailsOrAlloyIsNotReady()
    {
        m_alloy->setComponents({{"loki.write", "t_loki1", "unhealthy"}, {"otelcol.exporter.syslog", "t_rsyslog1", "exited"}});
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "ERROR", 5000);
        QCOMPARE(collector("c00-s00")["failingExporters"].size(), size_t(2));
        m_alloy->setComponents({{"loki.write", "t_loki1"}, {"otelcol.exporter.syslog", "t_rsyslog1"}});
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "OK", 5000);
        m_alloy->setReady(false);
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "ERROR", 5000);
        QVERIFY(field(collector("c00-s00"), "probeError").contains("not ready"));
        m_alloy->setReady(true);
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c00-s00"), "pipelineHealth") == "OK", 5000);
    }

    void changingMinLevelChangesTheNextConfig()
    {
        const std::string before = m_alloy->appliedHash();
        QCOMPARE(put("/api/v2/logs/sources/node-manager",
                     {{"name", "node-manager"}, {"enabled", true}, {"logFormat", "ZAP_JSON"}, {"minLevel", "WARN"},
                      {"journald", {{"syslogIdentifier", "node-manager"}}}}), 200);
        // Until the agent applies it, the collector is behind.
        QCOMPARE(field(collector("c00-s00"), "remotecfgStatus"), QStringLiteral("REMOTECFG_PENDING"));
        auto next = m_alloy->pollAndApply();
        QVERIFY(!next.notModified);
        QVERIFY(next.hash != before);
        QVERIFY(next.content.find("(?i)^(debug|trace|info|notice)$") != std::string::npos);
        QCOMPARE(field(collector("c00-s00"), "remotecfgStatus"), QStringLiteral("REMOTECFG_UP"));
        QVERIFY(m_alloy->poll().notModified);
    }

    void legacyAgentUsesGetAndField2()
    {
        SimulatedAlloy legacy("c01-s00", m_server->remotecfgPort(), SimulatedAlloy::Generation::Legacy);
        legacy.bearerToken = m_server->agentToken();
        legacy.attributes["rack"] = "r7";
        QCOMPARE(legacy.registerCollector("old-node"), 200);
        auto got = legacy.pollAndApply();
        QCOMPARE(got.httpStatus, 200);
        QVERIFY(!got.content.empty());
        QVERIFY(legacy.poll().notModified);
        nj c = collector("c01-s00");
        QCOMPARE(c["attributes"]["rack"], nj("r7"));
        QCOMPARE(c["attributes"]["collector.version"], nj("v1.9.2"));
        QCOMPARE(field(c, "remotecfgStatus"), QStringLiteral("REMOTECFG_UP"));
    }

    void failedApplyIsReportedWithAHint()
    {
        SimulatedAlloy strict("c02-s00", m_server->remotecfgPort());
        strict.bearerToken = m_server->agentToken();
        QCOMPARE(strict.registerCollector(), 200);
        strict.pollAndApply("component \"otelcol.exporter.syslog\" is at stability level \"public-preview\", which is below "
                            "the minimum allowed stability level \"generally-available\"");
        nj c = collector("c02-s00");
        QCOMPARE(field(c, "remotecfgStatus"), QStringLiteral("REMOTECFG_FAILED"));
        QCOMPARE(field(c, "reportedStatus"), QStringLiteral("FAILED"));
        QVERIFY(field(c, "lastError").contains("public-preview"));
        QVERIFY(field(c, "hint").contains("--stability.level=public-preview"));
        QCOMPARE(strict.unregister(), 200);
    }

    void offlineWhenPollingStopsOrOnUnregister()
    {
        SimulatedAlloy quitter("c03-s00", m_server->remotecfgPort());
        quitter.bearerToken = m_server->agentToken();
        QCOMPARE(quitter.registerCollector(), 200);
        quitter.pollAndApply();
        for (int i = 0; i < 2; ++i) { // a 1.1 s poll period
            QTest::qWait(1100);
            QVERIFY(quitter.poll().notModified);
        }
        QCOMPARE(field(collector("c03-s00"), "alloyStatus"), QStringLiteral("ALLOY_ONLINE"));
        // Three missed periods later it is offline, and its remotecfg is down.
        QTRY_VERIFY_WITH_TIMEOUT(field(collector("c03-s00"), "alloyStatus") == "ALLOY_OFFLINE", 8000);
        QCOMPARE(field(collector("c03-s00"), "remotecfgStatus"), QStringLiteral("REMOTECFG_DOWN"));

        SimulatedAlloy leaver("c04-s00", m_server->remotecfgPort());
        leaver.bearerToken = m_server->agentToken();
        QCOMPARE(leaver.registerCollector(), 200);
        leaver.pollAndApply();
        QCOMPARE(field(collector("c04-s00"), "alloyStatus"), QStringLiteral("ALLOY_ONLINE"));
        QCOMPARE(leaver.unregister(), 200);
        QCOMPARE(field(collector("c04-s00"), "alloyStatus"), QStringLiteral("ALLOY_OFFLINE"));
        leaver.poll(); // coming back makes it online again
        QCOMPARE(field(collector("c04-s00"), "alloyStatus"), QStringLiteral("ALLOY_ONLINE"));
    }

    void filteringAndPagination()
    {
        nj offline = collectors("?status=ALLOY_OFFLINE");
        QCOMPARE(offline["total"], nj(2)); // c02 (unregistered) and c03 (silent)
        for (const auto &c : offline["collectors"])
            QCOMPARE(c["alloyStatus"], nj("ALLOY_OFFLINE"));
        nj page = collectors("?limit=2");
        QCOMPARE(page["collectors"].size(), size_t(2));
        QCOMPARE(page["total"], nj(5));
        QCOMPARE(page["nextOffset"], nj(2));
        QCOMPARE(page["collectors"][0]["id"], nj("c00-s00")); // sorted by id
        nj rest = collectors("?limit=2&offset=4");
        QCOMPARE(rest["collectors"].size(), size_t(1));
        QVERIFY(!rest.contains("nextOffset"));
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors?limit=0").status, 400);
        // Several statuses (comma or repeated) select any of them; an unknown one is a 400 naming it.
        QCOMPARE(collectors("?status=ALLOY_OFFLINE,ALLOY_ONLINE")["total"], nj(5));
        QCOMPARE(collectors("?status=ALLOY_OFFLINE&status=REMOTECFG_FAILED")["total"], nj(2));
        auto bogus = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors?status=BOGUS");
        QCOMPARE(bogus.status, 400);
        QVERIFY(bogus.body.contains("BOGUS"));
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/nobody").status, 404);
        // fields=: only those fields of each collector, with the filters and pages as before.
        nj slim = collectors("?fields=id,alloyStatus&status=ALLOY_OFFLINE");
        QCOMPARE(slim["total"], nj(2));
        QCOMPARE(slim["collectors"].size(), size_t(2));
        for (const auto &c : slim["collectors"]) {
            QCOMPARE(c.size(), size_t(2));
            QCOMPARE(c["alloyStatus"], nj("ALLOY_OFFLINE"));
            QVERIFY(c.contains("id"));
        }
        QCOMPARE(collectors("?fields=id&fields=lastError,id")["collectors"][0].size(), size_t(2)); // repeated, deduplicated
        QVERIFY(collectors("?fields=")["collectors"][0].contains("servedHash")); // empty: everything
        // Every field of a whole view can be asked for by name (the list of names follows view()).
        const nj whole = collectors("");
        for (const auto &c : whole["collectors"]) {
            for (const auto &item : c.items()) {
                const std::string key = item.key(); // a named variable: clang before 16 cannot capture a binding
                const auto one = collectors(QString("?fields=%1").arg(QString::fromStdString(key)));
                const nj &list = one["collectors"];
                QVERIFY2(std::any_of(list.begin(), list.end(), [&key](const nj &x) { return x.contains(key) && x.size() == 1; }),
                         key.c_str());
            }
        }
        auto unknown = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors?fields=id,secret");
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.json()["error"].get<std::string>().find("\"secret\", which is not a collector field") != std::string::npos);
        QCOMPARE(unknown.json()["field"], lw::Json("fields"));
    }

    void renderedConfigForPeopleHidesTheKey()
    {
        auto r = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/c00-s00/config");
        QCOMPARE(r.status, 200);
        const nj body = r.json().is_object() ? nj::parse(r.body.toStdString()) : nj();
        const QString content = field(body, "content");
        QVERIFY(content.contains("otelcol.exporter.syslog \"t_rsyslog1\""));
        QVERIFY(!content.contains("PRIVATE KEY-----\\n"));
        QVERIFY(content.contains("redacted"));
        QCOMPARE(field(body, "hash"), QString::fromStdString(m_alloy->appliedHash()));

        // Seed 000's inspection command, unchanged but for the port.
        const QString command = QStringLiteral(
            "curl -s --header \"Content-Type: application/json\" -H \"Connect-Protocol-Version: 1\" "
            "http://localhost:%1/api/v1/remote/config | jq -r .content | base64 -d").arg(m_server->remotecfgPort());
        auto [code, out] = lw::test::runCommand("bash", {"-c", command});
        QCOMPARE(code, 0);
        QCOMPARE(QString::fromUtf8(out), content);
    }

    void previewRendersAChangeWithoutStoringIt()
    {
        const QString path = "/api/v2/logs/pipeline/preview";
        const QByteArray sourcesBefore = m_server->requestAsAdmin("GET", "/api/v2/logs/sources").body;
        const lw::Json served = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/c00-s00/config").json();
        // A new source: the proposed pipeline has it, the current one does not; nothing is stored.
        auto created = m_server->requestAsAdmin("POST", path, {{"kind", "source"},
            {"record", {{"name", "preview-only"}, {"enabled", true}, {"journald", {{"syslogIdentifier", "preview-only"}}}}}});
        QCOMPARE(created.status, 200);
        const lw::Json p = created.json();
        QCOMPARE(p["changed"], lw::Json(true));
        QCOMPARE(p["collectors"].get<int>(), int(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors").json()["collectors"].size()));
        QCOMPARE(p["current"]["hash"], served["hash"]);
        QVERIFY(p["proposed"]["content"].get<std::string>().find("s_preview__only") != std::string::npos);
        QVERIFY(p["current"]["content"].get<std::string>().find("s_preview__only") == std::string::npos);
        // Redacted like every pipeline people see: the rsyslog key is not in either text.
        for (const char *which : {"current", "proposed"}) {
            QVERIFY(p[which]["content"].get<std::string>().find("PRIVATE KEY-----\\n") == std::string::npos);
            QVERIFY(p[which]["content"].get<std::string>().find("redacted") != std::string::npos);
        }
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/sources").body, sourcesBefore);
        QVERIFY(m_alloy->poll().notModified); // agents are served what they had
        // Replacing the rsyslog target with one that is disabled drops its exporter; deleting the Loki one drops that.
        auto disabled = m_server->requestAsAdmin("POST", path, {{"kind", "target"}, {"name", "rsyslog1"},
            {"record", {{"name", "rsyslog1"}, {"type", "RSYSLOG"}, {"enabled", false},
                        {"rsyslog", {{"endpoint", "rsyslog.example.com"}, {"port", 6514}, {"tlsBundle", "dc-rsyslog"}}}}}});
        QCOMPARE(disabled.status, 200);
        QVERIFY(disabled.json()["proposed"]["content"].get<std::string>().find("t_rsyslog1") == std::string::npos);
        auto removed = m_server->requestAsAdmin("POST", path, {{"kind", "target"}, {"name", "loki1"}, {"delete", true}});
        QCOMPARE(removed.status, 200);
        QVERIFY(removed.json()["proposed"]["content"].get<std::string>().find("loki.write \"t_loki1\"") == std::string::npos);
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/targets/loki1").status, 200);
        // An unchanged record says so.
        auto same = m_server->requestAsAdmin("POST", path, {{"kind", "target"}, {"name", "loki1"},
            {"record", m_server->requestAsAdmin("GET", "/api/v2/logs/targets/loki1").json()["target"]}});
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json()["changed"], lw::Json(false));
        // The write's own refusals, with the field named under "record".
        auto bad = m_server->requestAsAdmin("POST", path, {{"kind", "source"},
            {"record", {{"name", "bad-source"}, {"journald", {{"syslogIdentifier", "two words"}}}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json()["field"], lw::Json("record.journald.syslogIdentifier"));
        auto missingBundle = m_server->requestAsAdmin("POST", path, {{"kind", "target"},
            {"record", {{"name", "rs2"}, {"type", "RSYSLOG"}, {"rsyslog", {{"endpoint", "h.example"}, {"port", 6514}, {"tlsBundle", "nope"}}}}}});
        QCOMPARE(missingBundle.status, 400);
        QCOMPARE(missingBundle.json()["field"], lw::Json("record.rsyslog.tlsBundle"));
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "source"}, {"record", {{"name", "node-manager"},
            {"journald", {{"syslogIdentifier", "x"}}}}}}).status, 409);
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "target"}, {"name", "no-such"}, {"delete", true}}).status, 404);
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "tls-bundle"}, {"name", "dc-rsyslog"}, {"delete", true}}).status, 400);
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "source"}, {"name", "node-manager"},
            {"record", {{"name", "renamed"}, {"journald", {{"syslogIdentifier", "x"}}}}}}).json()["field"], lw::Json("record.name"));
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "source"}}).json()["field"], lw::Json("record"));
        // An edit without "name" in the record takes the one it replaces, as PUT does.
        QCOMPARE(m_server->requestAsAdmin("POST", path, {{"kind", "source"}, {"name", "node-manager"},
            {"record", {{"journald", {{"syslogIdentifier", "node-manager"}}}, {"minLevel", "WARN"}}}}).status, 200);
        // What the preview says agents would get is what they get once the write is made.
        const lw::Json source = {{"name", "preview-applied"}, {"enabled", true}, {"journald", {{"syslogIdentifier", "applied"}}}};
        const std::string proposed = m_server->requestAsAdmin("POST", path, {{"kind", "source"}, {"record", source}})
                                         .json()["proposed"]["hash"].get<std::string>();
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/sources", source).status, 201);
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/c00-s00/config").json()["hash"], lw::Json(proposed));
        const std::string afterDelete = m_server->requestAsAdmin("POST", path, {{"kind", "source"}, {"name", "preview-applied"}, {"delete", true}})
                                            .json()["proposed"]["hash"].get<std::string>();
        QCOMPARE(afterDelete, served["hash"].get<std::string>()); // deleting it again gives back what was served
        QCOMPARE(m_server->requestAsAdmin("DELETE", "/api/v2/logs/sources/preview-applied").status, 200);
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors/c00-s00/config").json()["hash"], served["hash"]);
        m_alloy->pollAndApply();
        // It needs the scope of the write it previews.
        const QByteArray viewer = m_server->issueJwt("vera", "viewer");
        QCOMPARE(m_server->request("POST", path, R"({"kind":"target","name":"loki1","delete":true})",
                                   {{"Authorization", "Bearer " + viewer}, {"Content-Type", "application/json"}}).status, 403);
    }

    void malformedCallsGetConnectErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("extraHeader");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        collector::v1::GetConfigRequest valid;
        valid.set_id("c09-s00");
        valid.set_hash(std::string(64, 'a'));
        const QByteArray bytes = QByteArray::fromStdString(valid.SerializeAsString());
        const QString getConfig = "/collector.v1.CollectorService/GetConfig";
        QTest::newRow("truncated protobuf") << QByteArray("POST") << getConfig << bytes.left(bytes.size() - 5) << QByteArray("application/proto") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("invalid wire type") << QByteArray("POST") << getConfig << QByteArray("\x0f\xff\xff\xff", 4) << QByteArray("application/proto") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("empty message has no id") << QByteArray("POST") << getConfig << QByteArray() << QByteArray("application/proto") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("wrong content type") << QByteArray("POST") << getConfig << bytes << QByteArray("text/plain") << QByteArray() << 415 << "unimplemented";
        QTest::newRow("no content type") << QByteArray("POST") << getConfig << bytes << QByteArray() << QByteArray() << 415 << "unimplemented";
        QTest::newRow("unsupported compression") << QByteArray("POST") << getConfig << bytes << QByteArray("application/proto") << QByteArray("Content-Encoding: br") << 415 << "unimplemented";
        QTest::newRow("corrupt gzip") << QByteArray("POST") << getConfig << QByteArray("\x1f\x8b\x08\x00garbage", 12) << QByteArray("application/proto") << QByteArray("Content-Encoding: gzip") << 400 << "invalid_argument";
        QTest::newRow("huge message") << QByteArray("POST") << getConfig << QByteArray(5 << 20, 'x') << QByteArray("application/proto") << QByteArray() << 413 << "resource_exhausted";
        QTest::newRow("malformed json") << QByteArray("POST") << getConfig << QByteArray("{\"id\": ") << QByteArray("application/json") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("json wrong type") << QByteArray("POST") << getConfig << QByteArray("{\"id\": 5, \"hash\": []}") << QByteArray("application/json") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("control characters in id") << QByteArray("POST") << getConfig << QByteArray("{\"id\": \"a\\u0001b\"}") << QByteArray("application/json") << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("get without encoding") << QByteArray("GET") << getConfig + "?connect=v1&message=AA" << QByteArray() << QByteArray() << QByteArray() << 415 << "unimplemented";
        QTest::newRow("get with bad base64") << QByteArray("GET") << getConfig + "?connect=v1&encoding=proto&base64=1&message=%%%%" << QByteArray() << QByteArray() << QByteArray() << 400 << "invalid_argument";
        QTest::newRow("register as get") << QByteArray("GET") << QString("/collector.v1.CollectorService/RegisterCollector") << QByteArray() << QByteArray() << QByteArray() << 405 << "unimplemented";
        QTest::newRow("unknown method") << QByteArray("POST") << QString("/collector.v1.CollectorService/Explode") << bytes << QByteArray("application/proto") << QByteArray() << 404 << "unimplemented";
    }
    void malformedCallsGetConnectErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, extraHeader);
        QFETCH(int, status);
        QFETCH(QString, code);
        SimulatedAlloy client("c09-s00", m_server->remotecfgPort());
        client.bearerToken = m_server->agentToken();
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!extraHeader.isEmpty())
            headers.append(std::make_pair(extraHeader.left(extraHeader.indexOf(':')), extraHeader.mid(extraHeader.indexOf(':') + 1).trimmed()));
        auto [got, reply] = method == "GET" ? client.rawGet(path) : client.rawPost(path, body, contentType, headers);
        QVERIFY2(got == status, qPrintable(QStringLiteral("%1: %2").arg(got).arg(QString::fromUtf8(reply.left(200)))));
        const nj error = nj::parse(reply.toStdString(), nullptr, false);
        QCOMPARE(field(error, "code"), code);
        QVERIFY(field(error, "message").size() > 5);
    }

    void serverSurvivedAndLoggedNoSecrets()
    {
        QCOMPARE(m_alloy->poll().httpStatus, 200);
        const QByteArray log = m_server->log();
        QVERIFY(!log.contains("\"status\":5"));
        QVERIFY(!log.contains("PRIVATE KEY"));
    }

    void collectorsSurviveARestart()
    {
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_server->start());
        m_alloy->setRemotecfgPort(m_server->remotecfgPort());
        nj c = collector("c01-s00");
        QCOMPARE(c["attributes"]["rack"], nj("r7"));
        QCOMPARE(field(c, "reportedStatus"), QStringLiteral("APPLIED"));
        // The agent's hash is still current after a restart: nothing to resend.
        QVERIFY(m_alloy->poll().notModified);
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

class RemotecfgAuthTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokenIsRequiredWhenConfigured()
    {
        QTemporaryDir dir;
        QFile token(dir.path() + "/token");
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("s3cret-remotecfg-token-0123456789\n");
        token.close();
        TestServer server(QString(), {"--remotecfg-token-file", token.fileName()});
        QVERIFY2(server.start(), server.log().constData());
        SimulatedAlloy agent("c10-s00", server.remotecfgPort());
        collector::v1::RegisterCollectorRequest request;
        request.set_id("c10-s00");
        const QByteArray body = QByteArray::fromStdString(request.SerializeAsString());
        const QString path = "/collector.v1.CollectorService/RegisterCollector";
        auto [none, noneBody] = agent.rawPost(path, body, "application/proto");
        QCOMPARE(none, 401);
        QCOMPARE(nj::parse(noneBody.toStdString())["code"], nj("unauthenticated"));
        QCOMPARE(agent.rawPost(path, body, "application/proto", {{"Authorization", "Bearer wrong-token-wrong-token"}}).first, 401);
        QCOMPARE(agent.rawPost(path, body, "application/proto", {{"Authorization", "Bearer s3cret-remotecfg-token-0123456789"}}).first, 200);
        QCOMPARE(agent.rawPost(path, body, "application/proto",
                               {{"Authorization", "Basic " + QByteArray("c10:s3cret-remotecfg-token-0123456789").toBase64()}}).first, 200);
    }

    void routingPrefix()
    {
        TestServer server(QString(), {"--remotecfg-prefix", "/alloy/remotecfg"});
        QVERIFY2(server.start(), server.log().constData());
        SimulatedAlloy agent("c11-s00", server.remotecfgPort());
        agent.bearerToken = server.agentToken();
        collector::v1::RegisterCollectorRequest request;
        request.set_id("c11-s00");
        const QByteArray body = QByteArray::fromStdString(request.SerializeAsString());
        QCOMPARE(agent.rawPost("/alloy/remotecfg/collector.v1.CollectorService/RegisterCollector", body, "application/proto").first, 200);
        auto [status, reply] = agent.rawPost("/collector.v1.CollectorService/RegisterCollector", body, "application/proto");
        QCOMPARE(status, 404);
        QCOMPARE(nj::parse(reply.toStdString())["code"], nj("unimplemented"));
    }

    void everyServiceCallNeedsAnAgentCredential()
    {
        QTemporaryDir work;
        QVERIFY(lw::test::makeTestCertificates(work.path()));
        TestServer server;
        QVERIFY(server.start());
        const QByteArray token = server.agentToken();
        QVERIFY(token.startsWith("lwa_") && token.size() >= 40);
        QCOMPARE(QFileInfo(server.dataDir() + "/agent_token").permissions() & 0x0077, QFileDevice::Permissions());
        // A pipeline that carries an rsyslog client key.
        auto bundle = server.requestAsAdmin("POST", "/api/v2/logs/tls-bundles",
                                            {{"name", "dc-1"}, {"caPem", lw::test::readFile(work.path() + "/ca.crt").toStdString()},
                                             {"certPem", lw::test::readFile(work.path() + "/rsyslog-server.crt").toStdString()},
                                             {"keyPem", lw::test::readFile(work.path() + "/rsyslog-server.key").toStdString()}});
        QVERIFY2(bundle.status == 201, bundle.body.constData());
        QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/targets",
                                       {{"name", "rs-1"}, {"type", "RSYSLOG"}, {"enabled", true},
                                        {"rsyslog", {{"endpoint", "rs.example.com"}, {"port", 6514}, {"tlsBundle", "dc-1"}}}}).status, 201);
        QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/sources",
                                       {{"name", "sshd"}, {"enabled", true}, {"journald", {{"syslogIdentifier", "sshd"}}}}).status, 201);

        // The issue's command, as any local user would run it: refused, and no key in the answer.
        auto curl = [&](const QString &call, const QString &extra) {
            const QString base = QStringLiteral("http://127.0.0.1:%1/collector.v1.CollectorService/").arg(server.remotecfgPort());
            return lw::test::runCommand("bash", {"-c", QStringLiteral("curl -s -w '\\n%{http_code}' %1 %2%3 -H 'Content-Type: application/json' "
                                                                      "-d '{\"id\":\"x\"}'").arg(extra, base, call)});
        };
        for (const QString call : {"GetConfig", "RegisterCollector", "UnregisterCollector"}) {
            auto [code, out] = curl(call, {});
            QVERIFY2(out.endsWith("401"), out.constData());
            QVERIFY(out.contains("unauthenticated") && !out.contains("PRIVATE KEY"));
            QVERIFY(curl(call, "-H 'Authorization: Bearer lwa_guessed-token-guessed-token-guessed'").second.endsWith("401"));
        }
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors").json()["collectors"].size(), size_t(0));
        // With the node credential the agent gets its pipeline, key included (it needs it).
        auto [code, out] = curl("GetConfig", "-H 'Authorization: Bearer " + QString::fromLatin1(token) + "'");
        QVERIFY2(out.endsWith("200"), out.constData());
        const QByteArray content = QByteArray::fromStdString(
            nj::parse(out.left(out.lastIndexOf('\n')).toStdString()).value("content", std::string()));
        QVERIFY(content.contains("PRIVATE KEY"));
        // As basic_auth password too (Alloy's other way).
        QVERIFY(curl("RegisterCollector", "-u alloy:" + QString::fromLatin1(token)).second.endsWith("200"));
        // Seed 000's inspection stays open on this host, keys redacted.
        auto [ic, inspection] = lw::test::runCommand("bash", {"-c", QStringLiteral("curl -s http://localhost:%1/api/v1/remote/config | jq -r .content | base64 -d").arg(server.remotecfgPort())});
        QVERIFY(inspection.contains("otelcol.exporter.syslog") && !inspection.contains("PRIVATE KEY"));

        // Rotating the node credential (server stopped) retires the old one.
        QCOMPARE(server.stop(), 0);
        auto [rotated, rotatedOut] = lw::test::runCommand(TestServer::binaryPath(), {"rotate-agent-token", "--data-dir", server.dataDir()});
        QCOMPARE(rotated, 0);
        QVERIFY(server.agentToken() != token && server.agentToken().startsWith("lwa_"));
        QVERIFY(server.start());
        QVERIFY(curl("GetConfig", "-H 'Authorization: Bearer " + QString::fromLatin1(token) + "'").second.endsWith("401"));
        QVERIFY(curl("GetConfig", "-H 'Authorization: Bearer " + QString::fromLatin1(server.agentToken()) + "'").second.endsWith("200"));
        QCOMPARE(server.stop(), 0);
    }

    void enrollmentTokensBindCollectorsAndRevoke()
    {
        TestServer server;
        QVERIFY(server.start());
        auto created = server.requestAsAdmin("POST", "/admin/api/v3/agent-tokens", {{"name", "rack7"}, {"max_collectors", 2}});
        QCOMPARE(created.status, 201);
        const QByteArray token = QByteArray::fromStdString(created.json().value("token", ""));
        QVERIFY(token.startsWith("lwa_"));
        // Shown once: reads carry no token and no hash.
        const QByteArray read = server.requestAsAdmin("GET", "/admin/api/v3/agent-tokens/rack7").body;
        QVERIFY(!read.contains(token) && !read.contains("secret_hash") && read.contains("\"max_collectors\":2"));
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/agent-tokens", {{"name", "bad"}, {"max_collectors", 0}}).status, 400);
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/agent-tokens", {{"name", "bad"}, {"expiration", "soon"}}).status, 400);

        SimulatedAlloy a("rack7-a", server.remotecfgPort()), b("rack7-b", server.remotecfgPort()),
            c("rack7-c", server.remotecfgPort());
        for (SimulatedAlloy *agent : {&a, &b, &c})
            agent->bearerToken = token;
        QCOMPARE(a.registerCollector("a"), 200);
        QCOMPARE(a.pollAndApply().httpStatus, 200);
        QCOMPARE(b.registerCollector("b"), 200);
        QCOMPARE(c.registerCollector("c"), 429); // its cap of 2 ids
        QCOMPARE(c.poll().httpStatus, 429);

        // Another credential cannot read or report for an id bound to this one.
        SimulatedAlloy impostor("rack7-a", server.remotecfgPort());
        impostor.bearerToken = server.agentToken();
        auto stolen = impostor.poll();
        QCOMPARE(stolen.httpStatus, 403);
        QVERIFY(stolen.content.empty() && stolen.rawBody.contains("bound to another agent credential"));
        QCOMPARE(impostor.registerCollector("evil"), 403);
        QCOMPARE(impostor.unregister(), 403);
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/rack7-a").json()["collector"].value("name", ""),
                 std::string("a"));
        // An admin can forget a collector (audited), which frees its id.
        QCOMPARE(server.requestAsAdmin("DELETE", "/api/v2/logs/collectors/rack7-c").status, 404);
        QCOMPARE(server.requestAsAdmin("DELETE", "/api/v2/logs/collectors/rack7-b").status, 200);
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/rack7-b").status, 404);
        QVERIFY(server.requestAsAdmin("GET", "/admin/api/v3/audit?kind=collector").body.contains("deleted through the API"));
        QCOMPARE(c.registerCollector("c"), 200); // rack7 has room for one again

        // Deactivating the token cuts its agents off at their next poll.
        const QByteArray etag = server.requestAsAdmin("GET", "/admin/api/v3/agent-tokens/rack7").header("ETag");
        QCOMPARE(server.requestAsAdmin("PUT", "/admin/api/v3/agent-tokens/rack7", {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
        auto cut = a.poll();
        QCOMPARE(cut.httpStatus, 401);
        QVERIFY(cut.rawBody.contains("not valid"));
        QVERIFY(server.requestAsAdmin("GET", "/admin/api/v3/audit").body.contains("agent-token"));

        // An expired token is refused with its reason.
        auto old = server.requestAsAdmin("POST", "/admin/api/v3/agent-tokens", {{"name", "old"}, {"expiration", "2020-01-01T00:00:00Z"}});
        QCOMPARE(old.status, 201);
        SimulatedAlloy late("late", server.remotecfgPort());
        late.bearerToken = QByteArray::fromStdString(old.json().value("token", ""));
        auto expired = late.poll();
        QCOMPARE(expired.httpStatus, 401);
        QVERIFY(expired.rawBody.contains("expired"));
        QCOMPARE(server.stop(), 0);
    }

    void collectorRegistryIsBounded()
    {
        TestServer server(QString(), {"--max-collectors", "3", "--collector-expiry", "2s"});
        QVERIFY(server.start());
        auto agent = [&](const char *id) {
            auto a = std::make_unique<SimulatedAlloy>(id, server.remotecfgPort());
            a->bearerToken = server.agentToken();
            return a;
        };
        auto a = agent("n1"), b = agent("n2"), c = agent("n3"), d = agent("n4");
        QCOMPARE(a->registerCollector(), 200);
        QCOMPARE(b->registerCollector(), 200);
        QCOMPARE(c->registerCollector(), 200);
        auto full = d->registerCollector();
        QCOMPARE(full, 429);
        // Attributes are bounded in number and size.
        for (int i = 0; i < 65; ++i)
            a->attributes["k" + std::to_string(i)] = "v";
        QCOMPARE(a->registerCollector(), 400);
        a->attributes.clear();
        a->attributes["big"] = std::string(2000, 'x');
        QCOMPARE(a->poll().httpStatus, 400);
        a->attributes.clear();
        // What an agent reports about itself is kept bounded.
        a->pollAndApply(std::string(10000, 'e'));
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/n1").json()["collector"].value("lastError", "").size(), size_t(4096));

        // Unregistered and silent collectors go after --collector-expiry, each with an audit entry;
        // one that keeps polling stays.
        QCOMPARE(b->unregister(), 200);
        QDeadlineTimer until(8000);
        while (!until.hasExpired() && server.requestAsAdmin("GET", "/api/v2/logs/collectors/n2").status != 404) {
            QCOMPARE(a->poll().httpStatus, 200);
            QTest::qWait(300);
        }
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/n2").status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(server.requestAsAdmin("GET", "/api/v2/logs/collectors/n3").status, 404, 6000);
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/n1").status, 200);
        const nj audit = server.requestAsAdmin("GET", "/admin/api/v3/audit").json();
        int expired = 0;
        for (const auto &e : audit["items"])
            expired += e.value("action", "") == "expire" ? 1 : 0;
        QVERIFY2(expired >= 2, audit.dump().c_str());
        // Room again.
        QCOMPARE(d->registerCollector(), 200);
        // Expired ones do not come back after a restart.
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/collectors/n2").status, 404);
        QCOMPARE(server.stop(), 0);
    }

    void beyondLoopbackAgentsGetTls()
    {
        TestServer server(QString(), {"--remotecfg-listen", "0.0.0.0:0"});
        QVERIFY2(server.start(), server.log().constData());
        QVERIFY(server.log().contains("remotecfg on https://"));
        const QString body = "-H 'Content-Type: application/json' -d '{\"id\":\"tls-agent\"}'";
        auto [code, out] = lw::test::runCommand(
            "bash", {"-c", QStringLiteral("curl -sk -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer %1' %2 "
                                          "https://127.0.0.1:%3/collector.v1.CollectorService/GetConfig")
                               .arg(QString::fromLatin1(server.agentToken()), body).arg(server.remotecfgPort())});
        QCOMPARE(out, QByteArray("200"));
        auto [plainCode, plain] = lw::test::runCommand(
            "bash", {"-c", QStringLiteral("curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer %1' %2 "
                                          "http://127.0.0.1:%3/collector.v1.CollectorService/GetConfig")
                               .arg(QString::fromLatin1(server.agentToken()), body).arg(server.remotecfgPort())});
        QVERIFY2(plain != "200", plain.constData());
        QCOMPARE(server.stop(), 0);

        TestServer insecure(QString(), {"--remotecfg-listen", "0.0.0.0:0", "--remotecfg-insecure"});
        QVERIFY(insecure.start());
        QVERIFY(insecure.log().contains("remotecfg on http://"));
        const int rc = insecure.stop();
        QVERIFY2(rc == 0, insecure.log().constData());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    RemotecfgTest remotecfg;
    RemotecfgAuthTest auth;
    return QTest::qExec(&remotecfg, argc, argv) | QTest::qExec(&auth, argc, argv);
}
#include "test_remotecfg.moc"
