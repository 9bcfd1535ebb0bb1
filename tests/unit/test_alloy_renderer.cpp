// AlloyRenderer against golden files in tests/golden/alloy/ (regenerate with LW_UPDATE_GOLDEN=1
// and review the diff): one file per pipeline shape, each readable against Alloy's documentation.
#include "remotecfg/AlloyRenderer.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace lw::server;
using lw::Json;

namespace {

const char *const CaPem = "-----BEGIN CERTIFICATE-----\nMIIBCA==\n-----END CERTIFICATE-----\n";
const char *const CertPem = "-----BEGIN CERTIFICATE-----\nMIIBCC==\n-----END CERTIFICATE-----\n";
const char *const KeyPem = "-----BEGIN PRIVATE KEY-----\nSECRETKEYMATERIAL\n-----END PRIVATE KEY-----\n";

QString goldenPath(const QString &name)
{
    return QStringLiteral("%1/tests/golden/alloy/%2.alloy").arg(qEnvironmentVariable("LW_SOURCE_DIR"), name);
}

} // namespace

class AlloyRendererTest : public QObject {
    Q_OBJECT

    static PipelineInput shape(const QString &name)
    {
        PipelineInput in;
        const auto journald = lw::Source::fromJson({{"name", "node-manager"}, {"logFormat", "ZAP_JSON"}, {"minLevel", "INFO"},
                                                     {"journald", {{"syslogIdentifier", "node-manager"}}}});
        const auto loki = lw::Target::fromJson({{"name", "loki1"}, {"type", "LOKI"},
                                                 {"loki", {{"url", "http://loki.example.com:3100/loki/api/v1/push"}}}});
        if (name == "nothing-enabled") {
            in.sources.push_back(lw::Source::fromJson({{"name", "gftl"}, {"enabled", false}, {"journald", {{"syslogIdentifier", "gftl"}}}}));
            in.targets.push_back(loki);
        } else if (name == "no-target") {
            in.sources.push_back(journald);
        } else if (name == "journald-zap-to-loki") {
            in.sources.push_back(journald);
            in.sources.push_back(lw::Source::fromJson({{"name", "duroslight-0"}, {"minLevel", "WARN"},
                                                       {"journald", {{"syslogIdentifier", "duroslight-0"}}}}));
            in.targets.push_back(loki);
        } else if (name == "files-to-loki-tenant-tls") {
            const std::string glob = std::string("/var/log/api/") + "*.log";
            in.sources.push_back(lw::Source::fromJson(
                {{"name", "api-service-events"}, {"logFormat", "ZAP_JSON"}, {"minLevel", "ERROR"},
                 {"file", {{"paths", {"/var/log/api-service-events.log", glob}},
                           {"labels", {{"job", "api-service-events"}, {"team", "storage"}}}}}}));
            in.sources.push_back(lw::Source::fromJson({{"name", "legacy_app"}, {"logFormat", "LOGFMT"}, {"minLevel", "DEBUG"},
                                                       {"file", {{"paths", {"/var/log/legacy.log"}}}}}));
            in.targets.push_back(lw::Target::fromJson(
                {{"name", "loki-prod"}, {"type", "LOKI"},
                 {"loki", {{"url", "https://loki.example.com/loki/api/v1/push"}, {"tenantId", "ops"}, {"tlsBundle", "dc-loki"}}}}));
            in.tlsBundles["dc-loki"] = TlsMaterial{CaPem, CertPem, KeyPem};
        } else if (name == "rsyslog-mtls") {
            in.sources.push_back(journald);
            in.targets.push_back(lw::Target::fromJson(
                {{"name", "rsyslog1"}, {"type", "RSYSLOG"},
                 {"rsyslog", {{"endpoint", "rsyslog.example.com"}, {"port", 6514}, {"timeout", "5s"}, {"tlsBundle", "dc-rsyslog"}}}}));
            in.targets.push_back(lw::Target::fromJson({{"name", "rsyslog-plain"}, {"type", "RSYSLOG"},
                                                       {"rsyslog", {{"endpoint", "10.0.0.7"}, {"port", 514}}}}));
            in.targets.push_back(lw::Target::fromJson({{"name", "loki-off"}, {"type", "LOKI"}, {"enabled", false},
                                                       {"loki", {{"url", "http://x:3100/loki/api/v1/push"}}}}));
            in.tlsBundles["dc-rsyslog"] = TlsMaterial{CaPem, CertPem, KeyPem};
        } else if (name == "escaping") {
            in.sources.push_back(lw::Source::fromJson({{"name", "a-b_c"}, {"minLevel", "ERROR"},
                                                       {"journald", {{"syslogIdentifier", "odd \"quoted\" \\ name"}}}}));
            in.sources.push_back(lw::Source::fromJson(
                {{"name", "a_b-c"}, {"file", {{"paths", {"/var/log/with space/\"q\".log"}}, {"labels", {{"note", "back\\slash"}, {"source", "mine"}}}}}}));
            in.targets.push_back(lw::Target::fromJson({{"name", "0-loki"}, {"type", "LOKI"},
                                                       {"loki", {{"url", "http://loki:3100/loki/api/v1/push"}, {"tenantId", "t\"1"}}}}));
        }
        return in;
    }

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"nothing-enabled", "no-target", "journald-zap-to-loki", "files-to-loki-tenant-tls", "rsyslog-mtls", "escaping"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void golden()
    {
        QFETCH(QString, name);
        const std::string rendered = AlloyRenderer::render(shape(name));
        QFile file(goldenPath(name));
        if (qEnvironmentVariableIsSet("LW_UPDATE_GOLDEN")) {
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromStdString(rendered));
            return;
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QCOMPARE(QString::fromStdString(rendered), QString::fromUtf8(file.readAll()));
    }

    void deterministicAndNeverEmpty()
    {
        for (const char *n : {"nothing-enabled", "journald-zap-to-loki", "rsyslog-mtls"}) {
            const std::string a = AlloyRenderer::render(shape(n));
            QCOMPARE(AlloyRenderer::render(shape(n)), a);
            QVERIFY(a.size() > 40);
        }
        QVERIFY(AlloyRenderer::render(PipelineInput{}).find("Nothing to collect") != std::string::npos);
    }

    void redactionHidesOnlyTheKey()
    {
        const std::string real = AlloyRenderer::render(shape("rsyslog-mtls"));
        const std::string shown = AlloyRenderer::render(shape("rsyslog-mtls"), true);
        QVERIFY(real.find("SECRETKEYMATERIAL") != std::string::npos);
        QVERIFY(shown.find("SECRETKEYMATERIAL") == std::string::npos);
        QVERIFY(shown.find("redacted") != std::string::npos);
        QVERIFY(shown.find("MIIBCC==") != std::string::npos); // certificates stay visible
    }

    void labelsAreReversibleAndCollisionFree_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("dash vs underscore") << "a-b" << "a_b";
        QTest::newRow("order of dash and underscore") << "a-_b" << "a_-b";
        QTest::newRow("double dash vs underscores") << "a--b" << "a__b";
        QTest::newRow("dash u") << "a-u" << "a_u";
        QTest::newRow("leading digit") << "0ab" << "0-ab";
    }
    void labelsAreReversibleAndCollisionFree()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        const std::string la = AlloyRenderer::targetLabel(a.toStdString()), lb = AlloyRenderer::targetLabel(b.toStdString());
        QVERIFY(la != lb);
        QCOMPARE(QString::fromStdString(*AlloyRenderer::targetNameFromLabel(la)), a);
        QCOMPARE(QString::fromStdString(*AlloyRenderer::targetNameFromLabel(lb)), b);
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        QVERIFY(identifier.match(QString::fromStdString(la)).hasMatch());
        QVERIFY(!AlloyRenderer::targetNameFromLabel("s_x"));
        QVERIFY(!AlloyRenderer::unescapeName("bad_x"));
    }

    void quoting()
    {
        QCOMPARE(QString::fromStdString(AlloyRenderer::quote("a\"b\\c\nd")), QStringLiteral("\"a\\\"b\\\\c\\nd\""));
        QCOMPARE(QString::fromStdString(AlloyRenderer::quote(std::string("x\x01y"))), QStringLiteral("\"x\\x01y\""));
    }
};

QTEST_GUILESS_MAIN(AlloyRendererTest)
#include "test_alloy_renderer.moc"
