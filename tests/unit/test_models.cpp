// The lw_models codecs: what they accept round-trips unchanged; what they refuse names the field.
#include "Source.h"
#include "Target.h"
#include "TlsBundle.h"
#include "TestCertificates.h"
#include "JsonDepth.h"
#include "Validation.h"
#include "ValidationError.h"

#include <QTemporaryDir>
#include <QtTest>

using lw::Json;

class ModelsTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    // The hand-written checks that replaced std::regex patterns.
    void hostsDurationsLabelNames_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        for (const auto &[text, valid] : std::vector<std::pair<const char *, bool>>{
                 {"rsyslog.example.com", true}, {"fd00::5", true}, {"10.0.0.1", true}, {"a", true}, {"-a", false},
                 {"a-", false}, {"a b", false}, {"", false}, {"a_b", false}, {"h\xc3\xa9", false}})
            QTest::addRow("host %s", text) << "host" << QString::fromUtf8(text) << valid;
        for (const auto &[text, valid] : std::vector<std::pair<const char *, bool>>{
                 {"5s", true}, {"1m30s", true}, {"1.5h", true}, {"300ms", true}, {"2h45m10.5s", true}, {"5", false},
                 {"s", false}, {"5 s", false}, {"1.s", false}, {".5s", false}, {"5d", false}, {"", false}})
            QTest::addRow("duration %s", text) << "duration" << QString::fromUtf8(text) << valid;
        for (const auto &[text, valid] : std::vector<std::pair<const char *, bool>>{
                 {"job", true}, {"_x1", true}, {"A_b", true}, {"1job", false}, {"__path__", false}, {"a-b", false}, {"", false},
                 {"a.b", false}})
            QTest::addRow("label %s", text) << "label" << QString::fromUtf8(text) << valid;
    }
    void hostsDurationsLabelNames()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::string t = text.toStdString();
        bool accepted = true;
        try {
            if (kind == "host")
                lw::validation::requireHost("f", t);
            else if (kind == "duration")
                lw::validation::requireGoDuration("f", t);
            else
                lw::validation::requireLabelName("f", t);
        } catch (const lw::ValidationError &) {
            accepted = false;
        }
        QCOMPARE(accepted, valid);
    }

    // One nesting rule for JSON from the network: 64 levels pass, the 65th is refused where it opens.
    void jsonDepthGuard()
    {
        const std::string at64 = std::string(64, '[') + std::string(64, ']');
        QVERIFY(!lw::jsonTooDeepAt(at64));
        const std::string at65 = "{\"a\":" + std::string(64, '[') + std::string(64, ']') + "}";
        QCOMPARE(lw::jsonTooDeepAt(at65), std::optional<size_t>(68));
        QVERIFY(!lw::jsonTooDeepAt("{\"s\":\"" + std::string(500, '[') + "\"}"));     // brackets in strings do not count
        QVERIFY(!lw::jsonTooDeepAt("{\"s\":\"\\\"" + std::string(500, '{') + "\"}")); // nor after an escaped quote
        QVERIFY(lw::jsonTooDeepAt(std::string(100000, '{')));                            // invalid JSON is still measured
        std::string sequence; // HEC: documents one after another, each shallow
        for (int i = 0; i < 100; ++i)
            sequence += "{\"event\":[[1]]}";
        QVERIFY(!lw::jsonTooDeepAt(sequence));
        QVERIFY(lw::jsonTooDeepMessage(7).find("64 levels") != std::string::npos);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seed name") << "node-manager" << true;
        QTest::newRow("underscore and digits") << "dc_rsyslog-0" << true;
        QTest::newRow("three chars") << "abc" << true;
        QTest::newRow("64 chars") << QString(64, 'a') << true;
        QTest::newRow("two chars") << "ab" << false;
        QTest::newRow("65 chars") << QString(65, 'a') << false;
        QTest::newRow("uppercase") << "Abc" << false;
        QTest::newRow("dot") << "a.bc" << false;
        QTest::newRow("space") << "a bc" << false;
        QTest::newRow("unicode") << QString::fromUtf8("abç") << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(lw::validation::isValidName(name.toStdString()), valid);
    }

    void sourceRoundTrip_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("journald") << R"({"name":"node-manager","enabled":true,"logFormat":"ZAP_JSON","minLevel":"INFO","journald":{"syslogIdentifier":"node-manager"}})";
        QTest::newRow("journald without format") << R"({"name":"gftl","enabled":false,"minLevel":"ERROR","journald":{"syslogIdentifier":"gftl"}})";
        // (a plain literal: moc reads a slash-star inside a raw string as a comment)
        QTest::newRow("file with labels") << "{\"name\":\"api-events\",\"enabled\":true,\"file\":{\"paths\":[\"/var/log/a.log\",\"/var/log/" "*.log\"],\"labels\":{\"job\":\"api\"}}}";
    }
    void sourceRoundTrip()
    {
        QFETCH(QString, json);
        const Json in = Json::parse(json.toStdString());
        QCOMPARE(QString::fromStdString(lw::Source::fromJson(in).toJson().dump()), QString::fromStdString(in.dump()));
    }

    void sourceDefaultsEnabled()
    {
        auto s = lw::Source::fromJson(Json::parse(R"({"name":"abc","journald":{"syslogIdentifier":"x"}})"));
        QVERIFY(s.enabled);
        QVERIFY(!s.minLevel);
        QCOMPARE(s.toJson()["enabled"], Json(true));
    }

    void targetRoundTrip_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("loki") << R"({"name":"loki1","type":"LOKI","enabled":true,"loki":{"url":"http://loki.example.com:3100/loki/api/v1/push"}})";
        QTest::newRow("loki tenant tls") << R"({"name":"loki2","type":"LOKI","enabled":false,"loki":{"url":"https://loki:3100/loki/api/v1/push","tenantId":"dev","tlsBundle":"dc-loki"}})";
        QTest::newRow("rsyslog") << R"({"name":"rsyslog1","type":"RSYSLOG","enabled":true,"rsyslog":{"endpoint":"rsyslog.example.com","port":6514,"timeout":"5s","tlsBundle":"dc-rsyslog"}})";
        QTest::newRow("rsyslog ipv6") << R"({"name":"rsyslog6","type":"RSYSLOG","enabled":true,"rsyslog":{"endpoint":"fd00::5","port":514}})";
    }
    void targetRoundTrip()
    {
        QFETCH(QString, json);
        const Json in = Json::parse(json.toStdString());
        QCOMPARE(QString::fromStdString(lw::Target::fromJson(in).toJson().dump()), QString::fromStdString(in.dump()));
    }

    void targetBundleReference()
    {
        auto t = lw::Target::fromJson(Json::parse(R"({"name":"rsyslog1","type":"RSYSLOG","rsyslog":{"endpoint":"h","port":6514,"tlsBundle":"dc-rsyslog"}})"));
        QCOMPARE(QString::fromStdString(t.tlsBundleReference()->first), QStringLiteral("dc-rsyslog"));
        QCOMPARE(QString::fromStdString(t.tlsBundleReference()->second), QStringLiteral("rsyslog.tlsBundle"));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong type deep") << R"({"name":"abc","file":{"paths":["/a",7]}})" << "file.paths[1]" << "invalid_type";
        QTest::newRow("unknown deep") << R"({"name":"abc","journald":{"syslogIdentifier":"x","unit":"y"}})" << "journald.unit" << "unknown_field";
        QTest::newRow("null name") << R"({"name":null,"journald":{"syslogIdentifier":"x"}})" << "name" << "missing_field";
        QTest::newRow("not an object") << R"("source")" << "" << "invalid_type";
        QTest::newRow("reserved label") << R"({"name":"abc","file":{"paths":["/a"],"labels":{"__path__":"x"}}})" << "file.labels.__path__" << "invalid_label";
        // A journald identifier is one match term: nothing that would add another (issue 12).
        const char *widen[] = {"a SYSLOG_IDENTIFIER=sudo", "a=b", "a+b", "a\\u00a0b", "a\\u2003b", "a\\u3000b", "a\\u0085b",
                               "a\\u2028b", "\\ufeffa", "a\\tb"};
        for (const char *v : widen)
            QTest::newRow(v) << QString(R"({"name":"abc","journald":{"syslogIdentifier":"%1"}})").arg(v)
                             << "journald.syslogIdentifier" << "invalid_value";
    }
    void errorsNameTheField()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(QString, code);
        try {
            lw::Source::fromJson(Json::parse(json.toStdString()));
            QFAIL("accepted");
        } catch (const lw::ValidationError &e) {
            QCOMPARE(QString::fromStdString(e.field()), field);
            QCOMPARE(QString::fromStdString(e.code()), code);
            if (!field.isEmpty())
                QVERIFY(QString::fromUtf8(e.what()).contains(field));
        }
    }

    void tlsBundleValidatesAndHidesTheKey()
    {
        QVERIFY(lw::test::makeTestCertificates(m_dir.path()));
        const std::string ca = lw::test::readFile(m_dir.path() + "/ca.crt").toStdString();
        const std::string cert = lw::test::readFile(m_dir.path() + "/rsyslog-server.crt").toStdString();
        const std::string key = lw::test::readFile(m_dir.path() + "/rsyslog-server.key").toStdString();
        const std::string other = lw::test::readFile(m_dir.path() + "/other.key").toStdString();

        auto input = lw::TlsBundleInput::fromJson({{"name", "dc-rsyslog"}, {"caPem", ca}, {"certPem", cert}, {"keyPem", key}});
        QCOMPARE(QString::fromStdString(*input.keyPem), QString::fromStdString(key));
        auto info = lw::tls::inspectCertificates("certPem", cert);
        QCOMPARE(QString::fromStdString(info.subject), QStringLiteral("CN=rsyslog.example.com"));
        QCOMPARE(QString::fromStdString(info.issuer), QStringLiteral("CN=Test CA"));
        QCOMPARE(info.publicKeySha256.size(), size_t(64));
        QVERIFY(info.notAfter.size() == 20 && info.notAfter.back() == 'Z');
        // RFC 3339 in UTC compares as text: issued before now, valid until after it.
        QVERIFY(info.notBefore.size() == 20 && info.notBefore.back() == 'Z');
        const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
        QVERIFY2(info.notBefore <= now && now < info.notAfter, (info.notBefore + " " + now + " " + info.notAfter).c_str());
        QCOMPARE(lw::tls::inspectCertificates("caPem", ca + cert).certificateCount, 2);

        QVERIFY_THROWS_EXCEPTION(lw::ValidationError, lw::tls::requireKeyMatchesCertificate("keyPem", other, cert));
        QVERIFY_THROWS_EXCEPTION(lw::ValidationError, lw::tls::inspectCertificates("caPem", key));

        lw::TlsBundle stored;
        stored.name = "dc-rsyslog";
        stored.caPem = ca;
        stored.certPem = cert;
        stored.keyCiphertext = "v1:sealed";
        stored.cert = info;
        const Json pub = stored.toPublicJson();
        QVERIFY(!pub.contains("keyCiphertext") && !pub.contains("keyPem"));
        QCOMPARE(pub["hasKey"], Json(true));
        auto back = lw::TlsBundle::fromStorageJson(stored.toStorageJson());
        QCOMPARE(QString::fromStdString(*back.keyCiphertext), QStringLiteral("v1:sealed"));
        QCOMPARE(QString::fromStdString(back.cert->subject), QStringLiteral("CN=rsyslog.example.com"));
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "test_models.moc"
