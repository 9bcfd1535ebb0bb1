// logwardend.conf and SIGHUP (issue 15): the file mirrors the flags and flags win over it;
// `logwardend check-config` names the bad key and its line; SIGHUP reads the TLS certificate,
// the log level and the file again, and reopens the access log, against the real binary.
#include "TestCertificates.h"
#include "TestServer.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using lw::test::TestServer;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

std::pair<int, QByteArray> checkConfig(const QString &file, QStringList extra = {})
{
    return lw::test::runCommand(TestServer::binaryPath(), QStringList{"check-config", "--config", file} + extra);
}

// A self-signed certificate for 127.0.0.1 with this common name, as name.crt and name.key.
void makeCertificate(const QString &dir, const QString &name)
{
    auto [code, out] = lw::test::runCommand("sh", {"-c",
        QStringLiteral("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=%1 "
                       "-addext subjectAltName=IP:127.0.0.1 -keyout %1.key -out %1.crt 2>&1").arg(name)}, dir);
    QVERIFY2(code == 0, out.constData());
}

// The common name a new TLS connection to the port is served.
QString servedName(quint16 port)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted("127.0.0.1", port);
    if (!socket.waitForEncrypted(10000))
        return QStringLiteral("(no handshake: %1)").arg(socket.errorString());
    return socket.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
}

} // namespace

class ConfigFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkConfigNamesTheKeyAndTheLine()
    {
        QTemporaryDir dir;
        const QString conf = dir.filePath("logwardend.conf");
        struct Case {
            QByteArray text;
            QByteArray expected;
        };
        const QList<Case> cases = {
            {"# comment\n\nlisten = 127.0.0.1:8443\nmax-body-byte = 4096\n", ":4: unknown key \"max-body-byte\"; did you mean max-body-bytes?"},
            {"listen = 127.0.0.1:8443\nfrobnicate = 1\n", ":2: unknown key \"frobnicate\" (logwardend --help lists the flags)"},
            {"max-body-bytes = 12\n", ":1: max-body-bytes must be a number of at least 1024"},
            {"\n\nretention = forever\n", ":3: retention forever is not a duration such as 12h or 30d"},
            {"listen = 127.0.0.1:1\nlisten = 127.0.0.1:2\n", ":2: listen is already set on line 1"},
            {"listen 127.0.0.1:1\n", ":1: \"listen 127.0.0.1:1\" is not a setting: write key = value"},
            {"http-insecure = yes please\n", ":1: http-insecure is true or false, not \"yes please\""},
            {"--listen = 127.0.0.1:1\n", ":1: write the key without \"--\": listen = …"},
            {"tls-key = /x.key\n", ":1: tls-key needs its pair: --tls-cert and --tls-key go together"},
            {"log-level = chatty\n", ":1: log-level \"chatty\" is not a level (error, warning, info, debug)"},
            {"cluster-name =\n", ":1: cluster-name needs a value"},
            {"config = /etc/other.conf\n", ":1: config cannot be set in a configuration file"},
            {"listen = 127.0.0.1:99999\n", ":1: listen 127.0.0.1:99999 is not an address"},
            {"# files named are checked\n\ntls-cert = /nonexistent/server.crt\ntls-key = /nonexistent/server.key\n",
             ":3: tls-cert /nonexistent/server.crt is not a readable file"},
            {"listen = 127.0.0.1:1\n\xff\xfe = 1\n", ":2: not UTF-8 text"},
            {"listen = 127.0.0.1:1\naccess-log = /tmp/a\x01b\n", ":2: holds a control character"},
            {"http-listen = 0.0.0.0:3100\n", ":1: http-listen 0.0.0.0:3100 is not loopback: credentials would cross the network in clear"},
        };
        for (const Case &c : cases) {
            writeFile(conf, c.text);
            auto [code, out] = checkConfig(conf);
            QVERIFY2(code != 0, c.text.constData());
            QVERIFY2(out.contains(conf.toUtf8() + c.expected), (c.text + " => " + out).constData());
        }
        // A flag given on the command line is named as a flag, and wins over the file's line.
        writeFile(conf, "max-body-bytes = 12\n");
        auto [flagCode, flagOut] = checkConfig(conf, {"--max-body-bytes", "2048"});
        QVERIFY2(flagCode == 0 && flagOut.contains("is valid"), flagOut.constData());
        auto [badFlag, badFlagOut] = checkConfig(conf, {"--max-body-bytes", "7"});
        QCOMPARE(badFlag, 2);
        QVERIFY2(badFlagOut.contains("--max-body-bytes must be a number of at least 1024") && !badFlagOut.contains(":1:"),
                 badFlagOut.constData());
        // A valid file with every kind of line.
        writeFile(conf, "# Logwarden server\n  listen = 127.0.0.1:8443  \nremotecfg-listen = off\nallow-custom-ingest-tokens = true\n"
                        "local-collector-id = node-a\nlocal-collector-id = node-b\ncluster-name = \"logwarden\"\r\nlog-level = debug\n");
        auto [okCode, okOut] = checkConfig(conf);
        QVERIFY2(okCode == 0, okOut.constData());
        QVERIFY(okOut.contains(conf.toUtf8() + " is valid"));
        // An explicit file that does not exist is an error; "off" reads none.
        auto [missing, missingOut] = checkConfig(dir.filePath("absent.conf"));
        QCOMPARE(missing, 2);
        QVERIFY2(missingOut.contains("absent.conf: no such file"), missingOut.constData());
        QCOMPARE(checkConfig("off").first, 0);
        // The server refuses to start on a bad file with the same sentence, and nothing is created.
        writeFile(conf, "listen = 127.0.0.1:0\nmax-connections = lots\n");
        auto [startCode, startOut] = lw::test::runCommand(TestServer::binaryPath(), {"--config", conf, "--data-dir", dir.filePath("data")});
        QCOMPARE(startCode, 2);
        QVERIFY2(startOut.contains(conf.toUtf8() + ":2: max-connections must be a number from 1 to 1000000"), startOut.constData());
        QVERIFY(!QFile::exists(dir.filePath("data")));
        // A file too large to be a configuration is refused before it is read whole.
        writeFile(conf, QByteArray(2 << 20, '#'));
        auto [bigCode, bigOut] = checkConfig(conf);
        QCOMPARE(bigCode, 2);
        QVERIFY2(bigOut.contains("larger than 1048576 bytes"), bigOut.constData());
    }

    void theServerRunsWithTheFileAndFlagsWin()
    {
        QTemporaryDir dir;
        const QString conf = dir.filePath("logwardend.conf");
        writeFile(conf, "max-body-bytes = 2048\nallow-custom-ingest-tokens = true\ncluster-name = from-file\n");
        const lw::Json big = {{"name", "big-tenant"}, {"cluster", "from-file"}, {"displayName", std::string(4000, 'x')}};
        {
            TestServer server(QString(), {"--config", conf});
            QVERIFY2(server.start(), server.log().constData());
            // max-body-bytes from the file: a 4 KB body is refused.
            QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", big).status, 413);
            // cluster-name from the file: a tenant of that cluster is accepted.
            const lw::Json small = {{"name", "small-tenant"}, {"cluster", "from-file"}};
            QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", small).status, 201);
        }
        {
            TestServer server(QString(), {"--config", conf, "--max-body-bytes", "1048576"});
            QVERIFY2(server.start(), server.log().constData());
            const auto reply = server.requestAsAdmin("POST", "/admin/api/v3/tenants", big);
            QVERIFY2(reply.status != 413, reply.body.constData()); // the flag won over the file's line
        }
    }

    void sighupReloadsTheCertificateTheLogLevelAndTheAccessLog()
    {
        QTemporaryDir dir;
        makeCertificate(dir.path(), "first-cert");
        makeCertificate(dir.path(), "second-cert");
        makeCertificate(dir.path(), "third-cert");
        QFile::copy(dir.filePath("first-cert.crt"), dir.filePath("server.crt"));
        QFile::copy(dir.filePath("first-cert.key"), dir.filePath("server.key"));
        const QString conf = dir.filePath("logwardend.conf");
        const QString accessLog = dir.filePath("access.log");
        const QByteArray settings = "tls-cert = " + dir.filePath("server.crt").toUtf8() + "\ntls-key = " + dir.filePath("server.key").toUtf8()
                                    + "\naccess-log = " + accessLog.toUtf8() + "\n";
        writeFile(conf, settings + "log-level = info\n");
        TestServer server(QString(), {"--config", conf});
        QVERIFY2(server.start(), server.log().constData());
        QCOMPARE(servedName(server.port()), QStringLiteral("first-cert"));
        // A connection opened before the reload keeps its session.
        QSslSocket before;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        before.setSslConfiguration(tls);
        before.connectToHostEncrypted("127.0.0.1", server.port());
        QVERIFY(before.waitForEncrypted(10000));

        // The certificate renewed in place (as certbot or an operator does) and SIGHUP.
        QFile::remove(dir.filePath("server.crt"));
        QFile::remove(dir.filePath("server.key"));
        QFile::copy(dir.filePath("second-cert.crt"), dir.filePath("server.crt"));
        QFile::copy(dir.filePath("second-cert.key"), dir.filePath("server.key"));
        QFile::rename(accessLog, accessLog + ".1"); // logrotate moved the access log
        ::kill(static_cast<pid_t>(server.process().processId()), SIGHUP);
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("reloaded: log level info"), server.log().constData(), 10000);
        QCOMPARE(servedName(server.port()), QStringLiteral("second-cert"));
        before.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(before.waitForReadyRead(10000));
        QVERIFY(before.readAll().startsWith("HTTP/1.1 200"));
        QCOMPARE(before.peerCertificate().subjectInfo(QSslCertificate::CommonName), QStringList{"first-cert"});
        // The access log was opened again at its path: new lines go to the new file.
        QTRY_VERIFY_WITH_TIMEOUT(lw::test::readFile(accessLog).contains("/healthz"), 10000);
        QVERIFY(!lw::test::readFile(accessLog + ".1").contains("/healthz"));

        // A key that is not the certificate's: the reload fails and the running certificate stays.
        QFile::remove(dir.filePath("server.key"));
        QFile::copy(dir.filePath("third-cert.key"), dir.filePath("server.key"));
        ::kill(static_cast<pid_t>(server.process().processId()), SIGHUP);
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("reload: the TLS certificate is not replaced, the running one stays"), server.log().constData(), 10000);
        QCOMPARE(servedName(server.port()), QStringLiteral("second-cert"));

        // A broken file is refused whole, naming its line; the server keeps serving.
        QFile::remove(dir.filePath("server.key"));
        QFile::copy(dir.filePath("second-cert.key"), dir.filePath("server.key"));
        writeFile(conf, settings + "log-level = loud\n");
        ::kill(static_cast<pid_t>(server.process().processId()), SIGHUP);
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("reload refused, the running settings stay: " + conf.toUtf8() + ":4: log-level"),
                                  server.log().constData(), 10000);
        QCOMPARE(servedName(server.port()), QStringLiteral("second-cert"));
        // The file read at start renamed away: refused, not read as "no file" (defaults, a self-signed certificate).
        QFile::rename(conf, conf + ".moved");
        ::kill(static_cast<pid_t>(server.process().processId()), SIGHUP);
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("reload refused, the running settings stay: " + conf.toUtf8() + ": no such file"),
                                  server.log().constData(), 10000);
        QCOMPARE(servedName(server.port()), QStringLiteral("second-cert"));
        QFile::rename(conf + ".moved", conf);

        // log-level = warning: the next reload's info line is not written, its warning is: a
        // setting that takes a restart is named.
        writeFile(conf, settings + "log-level = warning\nmax-body-bytes = 4096\n");
        const qsizetype reloadedLines = server.log().count("reloaded:");
        ::kill(static_cast<pid_t>(server.process().processId()), SIGHUP);
        QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains("changed settings that take a restart to apply: max-body-bytes"),
                                  server.log().constData(), 10000);
        QTest::qWait(300);
        QCOMPARE(server.log().count("reloaded:"), reloadedLines);
        QCOMPARE(server.stop(), 0);
        QVERIFY2(!server.log().contains("signal 15 received"), server.log().constData()); // an info line, below warning
    }
};

QTEST_GUILESS_MAIN(ConfigFileTest)
#include "test_config_file.moc"
