// AlloyRenderer against golden files in tests/golden/alloy/ (regenerate with LW_UPDATE_GOLDEN=1
// and review the diff): one file per pipeline shape, each readable against Alloy's documentation.
#include "remotecfg/AlloyRenderer.h"
#include "remotecfg/AlloyWriter.h"

#include "ValidationError.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <array>
#include <map>
#include <random>

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

// Alloy's own parser (../shared/peers/alloycheck.xz), unpacked once per run.
QString alloycheck()
{
    static QString path;
    if (path.isEmpty()) {
        const QString archive = qEnvironmentVariable("LW_SHARED_DIR") + "/peers/alloycheck.xz";
        const QString out = QDir::tempPath() + QStringLiteral("/lw-alloycheck-%1").arg(QCoreApplication::applicationPid());
        if (QProcess::execute("bash", {"-c", QStringLiteral("xz -dc '%1' > '%2' && chmod +x '%2'").arg(archive, out)}) == 0)
            path = out;
    }
    return path;
}

// Exit code and output of alloycheck over a module.
std::pair<int, QString> parseWithAlloy(const std::string &module)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(alloycheck(), {});
    p.waitForStarted();
    p.write(module.data(), static_cast<qint64>(module.size()));
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

// The top-level components a pipeline must declare, and nothing else: per enabled source a
// reader (journal: with its relabel rules) and a loki.process, per enabled target its writer(s).
QStringList expectedComponents(const PipelineInput &in)
{
    QStringList out;
    bool anySource = false, anyTarget = false;
    for (const auto &s : in.sources)
        anySource = anySource || s.enabled;
    for (const auto &t : in.targets)
        anyTarget = anyTarget || t.enabled;
    if (!anySource || !anyTarget)
        return out;
    auto c = [](const char *name, const std::string &label) { return QStringLiteral("%1 \"%2\"").arg(name, QString::fromStdString(label)); };
    for (const auto &s : in.sources) {
        if (!s.enabled)
            continue;
        const std::string l = AlloyRenderer::sourceLabel(s.name);
        if (s.journald)
            out << c("loki.relabel", l) << c("loki.source.journal", l);
        else
            out << c("local.file_match", l) << c("loki.source.file", l);
        out << c("loki.process", l);
    }
    for (const auto &t : in.targets) {
        if (!t.enabled)
            continue;
        const std::string l = AlloyRenderer::targetLabel(t.name);
        if (t.type == "LOKI")
            out << c("loki.write", l);
        else
            out << c("otelcol.receiver.loki", l) << c("otelcol.processor.transform", l) << c("otelcol.exporter.syslog", l);
    }
    return out;
}

QStringList declaredComponents(const QString &alloycheckOutput)
{
    QStringList out;
    for (const QString &line : alloycheckOutput.split('\n', Qt::SkipEmptyParts))
        if (!line.startsWith(' '))
            out << line;
    return out;
}

void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Strings over all of Unicode's planes, controls, and the characters Alloy gives meaning to.
std::string hostileString(std::mt19937 &rng)
{
    static const char *const Tokens[] = {"\"", "\\", "${", "//", "/*", "*/", "`", "#", "\n", "\r", "\t", "{", "}", "=",
                                         "\xef\xbb\xbf", "\\u", "\\x", " ", "-----BEGIN PRIVATE KEY-----"};
    std::string out;
    const int n = std::uniform_int_distribution<int>(1, 12)(rng);
    // Most strings without C0/C1 controls (validators refuse those), so most reach the renderer.
    const bool controls = rng() % 4 == 0;
    for (int i = 0; i < n; ++i) {
        int kind = std::uniform_int_distribution<int>(0, 6)(rng);
        if (!controls && kind == 1)
            kind = 2;
        switch (kind) {
        case 0: {
            const char *token = Tokens[std::uniform_int_distribution<size_t>(0, std::size(Tokens) - 1)(rng)];
            out += (!controls && static_cast<unsigned char>(token[0]) < 0x20) ? "\\" : token;
            break;
        }
        case 1: appendUtf8(out, std::uniform_int_distribution<uint32_t>(0x00, 0x1F)(rng) | (rng() % 2 ? 0 : 0x80)); break;
        case 2: appendUtf8(out, std::uniform_int_distribution<uint32_t>(0x20, 0x7E)(rng)); break;
        case 3: { // anywhere in the BMP but the surrogates
            uint32_t cp = std::uniform_int_distribution<uint32_t>(0xA0, 0xFFFF)(rng);
            appendUtf8(out, cp >= 0xD800 && cp <= 0xDFFF ? 0xFEFF : cp);
            break;
        }
        case 4: appendUtf8(out, std::uniform_int_distribution<uint32_t>(0x10000, 0x10FFFF)(rng)); break;
        case 5: appendUtf8(out, std::array<uint32_t, 6>{0xFEFF, 0xFFFE, 0xFFFF, 0x10FFFF, 0x2028, controls ? 0x85u : 0x3000u}[rng() % 6]); break;
        default: out += "a";
        }
    }
    return out;
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
                                                       {"journald", {{"syslogIdentifier", "odd\"quoted\"\\name${x}//c"}}}}));
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
            // Rewriting is never a pass: the run fails so that no one ships it by accident.
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromStdString(rendered));
            QFAIL(qPrintable("rewrote " + file.fileName() + " because LW_UPDATE_GOLDEN is set: review the diff, "
                             "unset it and run again"));
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

    void everyGoldenFileParsesWithAlloy_data() { golden_data(); }
    void everyGoldenFileParsesWithAlloy()
    {
        QFETCH(QString, name);
        QVERIFY2(!alloycheck().isEmpty(), "cannot unpack alloycheck from $LW_SHARED_DIR/peers/alloycheck.xz");
        QFile file(goldenPath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto [code, out] = parseWithAlloy(file.readAll().toStdString());
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(declaredComponents(out), expectedComponents(shape(name)));
    }

    // Every string the API accepts, in every field, renders into a module Alloy parses, which
    // declares exactly the components asked for.
    void generatedStringsAlwaysParse()
    {
        QVERIFY2(!alloycheck().isEmpty(), "cannot unpack alloycheck from $LW_SHARED_DIR/peers/alloycheck.xz");
        std::mt19937 rng(20261202);
        int accepted = 0, refused = 0;
        std::map<std::string, int> reasons;
        for (int round = 0; round < 30; ++round) {
            PipelineInput in;
            auto tryAdd = [&](auto &list, auto make) {
                try {
                    list.push_back(make());
                    ++accepted;
                } catch (const lw::ValidationError &e) {
                    ++refused;
                    ++reasons[e.field() + ": " + std::string(e.what()).substr(0, 60)];
                }
            };
            for (int i = 0; i < 8; ++i) {
                const std::string name = "src-" + std::to_string(i);
                tryAdd(in.sources, [&] {
                    return lw::Source::fromJson({{"name", name}, {"minLevel", "WARN"}, {"journald", {{"syslogIdentifier", hostileString(rng)}}}});
                });
                tryAdd(in.sources, [&] {
                    return lw::Source::fromJson({{"name", name + "-f"}, {"logFormat", "LOGFMT"},
                                                 {"file", {{"paths", {"/var/log/" + hostileString(rng), "/srv/" + hostileString(rng)}},
                                                           {"labels", {{"team", hostileString(rng)}, {"source", hostileString(rng)}}}}}});
                });
            }
            const std::string bundle = "b-" + std::to_string(round);
            in.tlsBundles[bundle] = TlsMaterial{hostileString(rng) + CaPem + hostileString(rng), std::string(CertPem) + hostileString(rng),
                                                hostileString(rng) + KeyPem};
            tryAdd(in.targets, [&] {
                return lw::Target::fromJson({{"name", "loki-a"}, {"type", "LOKI"},
                                             {"loki", {{"url", "https://loki.example.com/" + hostileString(rng)}, {"tenantId", hostileString(rng)}, {"tlsBundle", bundle}}}});
            });
            tryAdd(in.targets, [&] {
                return lw::Target::fromJson({{"name", "loki-b"}, {"type", "LOKI"}, {"loki", {{"url", "http://loki:3100/loki/api/v1/push"}, {"tenantId", hostileString(rng)}}}});
            });
            tryAdd(in.targets, [&] {
                return lw::Target::fromJson({{"name", "rsyslog-a"}, {"type", "RSYSLOG"},
                                             {"rsyslog", {{"endpoint", hostileString(rng)}, {"port", 6514}, {"tlsBundle", bundle}}}});
            });
            tryAdd(in.targets, [&] {
                return lw::Target::fromJson({{"name", "rsyslog-b"}, {"type", "RSYSLOG"},
                                             {"rsyslog", {{"endpoint", "syslog.example.com"}, {"port", 514}, {"timeout", hostileString(rng)}}}});
            });
            for (bool redact : {false, true}) {
                const std::string module = AlloyRenderer::render(in, redact);
                auto [code, out] = parseWithAlloy(module);
                QVERIFY2(code == 0, qPrintable(out + "\n--- module ---\n" + QString::fromStdString(module)));
                QCOMPARE(declaredComponents(out), expectedComponents(in));
            }
        }
        qInfo("generated fields: %d accepted, %d refused by validation", accepted, refused);
        if (qEnvironmentVariableIsSet("LW_VERBOSE"))
            for (const auto &[why, count] : reasons)
                qInfo("%5d %s", count, why.c_str());
        QVERIFY(accepted > 250); // the generator reaches the renderer, not only the validators
    }

    void writerRefusesUncheckedText()
    {
        AlloyWriter w;
        QVERIFY_THROWS_EXCEPTION(std::logic_error, w.open("loki.write\" {"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, w.attr("url = 1 //", AlloyValue::number(1)));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, AlloyValue::reference("a.b; c"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, AlloyValue::reference("a..b"));
        w.comment("line\nbreak \xef\xbb\xbf");
        QVERIFY_THROWS_EXCEPTION(std::logic_error, w.open("x", "label\"with quote"));
        w.open("x", "t_label");
        w.attr("k", AlloyValue::object({{"odd key\"", AlloyValue::string("v")}}));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, w.finish());
        w.close();
        auto [code, out] = parseWithAlloy(w.finish());
        QVERIFY2(code == 0, qPrintable(out));
    }

    void quoting()
    {
        QCOMPARE(QString::fromStdString(AlloyRenderer::quote("a\"b\\c\nd")), QStringLiteral("\"a\\\"b\\\\c\\nd\""));
        QCOMPARE(QString::fromStdString(AlloyRenderer::quote(std::string("x\x01y"))), QStringLiteral("\"x\\x01y\""));
    }
};

QTEST_GUILESS_MAIN(AlloyRendererTest)
#include "test_alloy_renderer.moc"
