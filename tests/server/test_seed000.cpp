// Seed 000, steps 1–4 and "Modifying the Configuration": every curl runs as the seed prints it
// (only $SERVER carries our port) against a real logwardend, and the outputs have the seed's shape.
#include "TestCertificates.h"
#include "TestServer.h"

#include <QTemporaryDir>
#include <QtTest>

using lw::test::TestServer;
using nj = nlohmann::json;

namespace {

// The seed's commands with their line breaks restored; nothing else changed.
const char *const kCreateBundle = R"SH(curl -sk -XPOST https://$SERVER/api/v2/logs/tls-bundles \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d "$(jq -n \
    --arg name dc-rsyslog \
    --rawfile ca ./scripts/certs/ca.crt \
    --rawfile cert ./scripts/certs/rsyslog-server.crt \
    --rawfile key ./scripts/certs/rsyslog-server.key \
    '{name:$name, caPem:$ca, certPem:$cert, keyPem:$key}')" | jq)SH";

const char *const kListBundles = R"SH(curl -sk -XGET https://$SERVER/api/v2/logs/tls-bundles \
  -H "Authorization: Bearer $JWT" | jq)SH";

const char *const kControlPlaneSources = R"SH(for svc in node-manager cluster-manager lightbox-exporter api-service \
    upgrade-manager discovery-service etcd alloy; do
  curl -sk -XPOST https://$SERVER/api/v2/logs/sources \
    -H "Authorization: Bearer $JWT" \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"$svc\",\"enabled\":true,\"logFormat\":\"ZAP_JSON\",
         \"minLevel\":\"INFO\",\"journald\":{\"syslogIdentifier\":\"$svc\"}}" | jq .source.name
done)SH";

const char *const kDataPlaneSources = R"SH(curl -sk -XPOST https://$SERVER/api/v2/logs/sources \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"duroslight-0","enabled":true,"minLevel":"INFO",
       "journald":{"syslogIdentifier":"duroslight-0"}}' | jq

curl -sk -XPOST https://$SERVER/api/v2/logs/sources \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"gftl","enabled":true,"minLevel":"INFO",
       "journald":{"syslogIdentifier":"gftl"}}' | jq)SH";

const char *const kEventFileSources = R"SH(for svc in node-manager cluster-manager api-service upgrade-manager; do
  curl -sk -XPOST https://$SERVER/api/v2/logs/sources \
    -H "Authorization: Bearer $JWT" \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"$svc-events\",\"enabled\":true,\"logFormat\":\"ZAP_JSON\",
         \"minLevel\":\"INFO\",
         \"file\":{\"paths\":[\"/var/log/$svc-events.log\"],
                   \"labels\":{\"job\":\"$svc-events\"}}}" | jq .source.name
done)SH";

const char *const kListSources = R"SH(curl -sk -XGET https://$SERVER/api/v2/logs/sources \
  -H "Authorization: Bearer $JWT" | jq)SH";

const char *const kLokiTarget = R"SH(curl -sk -XPOST https://$SERVER/api/v2/logs/targets \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"loki1","type":"LOKI","enabled":true,
       "loki":{"url":"http://loki.example.com:3100/loki/api/v1/push"}}' | jq)SH";

const char *const kRsyslogTarget = R"SH(curl -sk -XPOST https://$SERVER/api/v2/logs/targets \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"rsyslog1","type":"RSYSLOG","enabled":true,
       "rsyslog":{"endpoint":"rsyslog.example.com","port":6514,
                  "timeout":"5s","tlsBundle":"dc-rsyslog"}}' | jq)SH";

const char *const kListTargets = R"SH(curl -sk -XGET https://$SERVER/api/v2/logs/targets \
  -H "Authorization: Bearer $JWT" | jq)SH";

const char *const kUpdateSource = R"SH(# Update a source's minimum log level
curl -sk -XPUT https://$SERVER/api/v2/logs/sources/node-manager \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"node-manager","enabled":true,"logFormat":"ZAP_JSON",
       "minLevel":"WARN","journald":{"syslogIdentifier":"node-manager"}}' | jq)SH";

const char *const kDisableTarget = R"SH(# Disable a target temporarily
curl -sk -XPUT https://$SERVER/api/v2/logs/targets/loki1 \
  -H "Authorization: Bearer $JWT" \
  -H 'Content-Type: application/json' \
  -d '{"name":"loki1","type":"LOKI","enabled":false,
       "loki":{"url":"http://loki.example.com:3100/loki/api/v1/push"}}' | jq)SH";

const char *const kDeleteSource = R"SH(# Delete a source
curl -sk -XDELETE https://$SERVER/api/v2/logs/sources/gftl \
  -H "Authorization: Bearer $JWT" | jq)SH";

// The seed's "Expected output" blocks.
const char *const kExpectedTargets = R"({ "targets": [ { "name": "loki1", "type": "LOKI", "enabled": true, "loki": { "url": "http://loki.example.com:3100/loki/api/v1/push" } }, { "name": "rsyslog1", "type": "RSYSLOG", "enabled": true, "rsyslog": { "endpoint": "rsyslog.example.com", "port": 6514, "timeout": "5s", "tlsBundle": "dc-rsyslog" } } ]})";
const char *const kExpectedSourcesAbbreviated = R"({ "sources": [ { "name": "node-manager", "enabled": true, "logFormat": "ZAP_JSON", "minLevel": "INFO", "journald": { "syslogIdentifier": "node-manager" } }, { "name": "duroslight-0", "enabled": true, "minLevel": "INFO", "journald": { "syslogIdentifier": "duroslight-0" } } ]})";

} // namespace

class Seed000Test : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    std::unique_ptr<TestServer> m_server;

    QByteArray run(const char *script)
    {
        auto [code, out] = lw::test::runCommand(
            QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromUtf8(script)}, m_work.path(),
            {QStringLiteral("SERVER=") + m_server->hostPort(), QStringLiteral("JWT=") + m_server->systemJwt()});
        if (code != 0)
            qWarning("script failed (%d): %s", code, out.constData());
        return out;
    }
    static nj parse(const QByteArray &text) { return nj::parse(text.toStdString(), nullptr, false); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY(lw::test::makeTestCertificates(m_work.path() + QStringLiteral("/scripts/certs")));
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), m_server->log().constData());
    }

    void step2_tlsBundle()
    {
        const QByteArray created = run(kCreateBundle);
        nj j = parse(created);
        QCOMPARE(QString::fromStdString(j["tlsBundle"]["name"].get<std::string>()), QStringLiteral("dc-rsyslog"));
        QCOMPARE(j["tlsBundle"]["hasKey"], nj(true));
        QCOMPARE(QString::fromStdString(j["tlsBundle"]["cert"]["subject"].get<std::string>()),
                 QStringLiteral("CN=rsyslog.example.com"));
        QVERIFY(!created.contains("PRIVATE KEY"));
        QVERIFY(!j["tlsBundle"].contains("keyPem"));

        const QByteArray listed = run(kListBundles);
        j = parse(listed);
        QCOMPARE(j["tlsBundles"].size(), size_t(1));
        QCOMPARE(j["tlsBundles"][0]["name"], nj("dc-rsyslog"));
        QVERIFY(!listed.contains("PRIVATE KEY"));
    }

    void step3_sources()
    {
        QCOMPARE(run(kControlPlaneSources),
                 QByteArray("\"node-manager\"\n\"cluster-manager\"\n\"lightbox-exporter\"\n\"api-service\"\n"
                            "\"upgrade-manager\"\n\"discovery-service\"\n\"etcd\"\n\"alloy\"\n"));
        const QByteArray dataPlane = run(kDataPlaneSources);
        QVERIFY2(dataPlane.contains("\"name\": \"duroslight-0\"") && dataPlane.contains("\"name\": \"gftl\""),
                 dataPlane.constData());
        QCOMPARE(run(kEventFileSources), QByteArray("\"node-manager-events\"\n\"cluster-manager-events\"\n"
                                                    "\"api-service-events\"\n\"upgrade-manager-events\"\n"));

        nj list = parse(run(kListSources));
        QCOMPARE(list["sources"].size(), size_t(14));
        // The seed abbreviates: its two entries must appear verbatim, in creation order.
        nj expected = nj::parse(kExpectedSourcesAbbreviated);
        QCOMPARE(list["sources"][0], expected["sources"][0]);
        QCOMPARE(list["sources"][8], expected["sources"][1]);
        nj fileSource = list["sources"][10];
        QCOMPARE(fileSource["name"], nj("node-manager-events"));
        QCOMPARE(fileSource["file"]["paths"][0], nj("/var/log/node-manager-events.log"));
        QCOMPARE(fileSource["file"]["labels"]["job"], nj("node-manager-events"));
    }

    void step4_targets()
    {
        QCOMPARE(parse(run(kLokiTarget))["target"]["name"], nj("loki1"));
        QCOMPARE(parse(run(kRsyslogTarget))["target"]["rsyslog"]["tlsBundle"], nj("dc-rsyslog"));
        QCOMPARE(parse(run(kListTargets)), nj::parse(kExpectedTargets));
    }

    void modifyingTheConfiguration()
    {
        QCOMPARE(parse(run(kUpdateSource))["source"]["minLevel"], nj("WARN"));
        QCOMPARE(parse(run(kDisableTarget))["target"]["enabled"], nj(false));
        QCOMPARE(parse(run(kDeleteSource))["source"]["name"], nj("gftl"));

        nj sources = parse(run(kListSources))["sources"];
        QCOMPARE(sources.size(), size_t(13));
        for (const auto &s : sources)
            QVERIFY(s["name"] != nj("gftl"));
        QCOMPARE(sources[0]["minLevel"], nj("WARN"));
        QCOMPARE(parse(run(kListTargets))["targets"][0]["enabled"], nj(false));
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

QTEST_GUILESS_MAIN(Seed000Test)
#include "test_seed000.moc"
