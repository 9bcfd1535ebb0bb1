// logwardend as an operator meets it: restarts keep everything, SIGTERM exits cleanly, start-up
// problems are explained, ETags work end to end, and the TLS private key is never in clear
// in a response, a log line or the database.
#include "TestCertificates.h"
#include "TestServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QSslSocket>
#include <QProcess>
#include <QTcpSocket>
#include <QRegularExpression>
#include <QHostAddress>
#include <QtTest>

#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using lw::test::TestServer;
using nj = nlohmann::json;

class ServerLifecycleTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    std::string m_ca, m_cert, m_key;

    static QByteArray keyBody(const std::string &pem)
    {
        // The base64 body of the key, the part that must never appear anywhere.
        QByteArray b = QByteArray::fromStdString(pem);
        return b.mid(b.indexOf('\n') + 1, 64);
    }

private Q_SLOTS:
    // Type=notify: the server tells the service manager (here: the test, on the datagram socket
    // NOTIFY_SOCKET names, as systemd does) that it serves once its listeners answer, and that it
    // stops when told to.
    void notifiesTheServiceManager()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath("notify"));
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const auto receive = [fd]() -> QByteArray {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 15000) != 1)
                return {};
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            return n > 0 ? QByteArray(buffer, int(n)) : QByteArray();
        };
        // Started by hand: READY is awaited on the socket alone, then the port it names is used at
        // once, without retrying, so READY sent before the listeners would fail here.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NOTIFY_SOCKET", QString::fromLocal8Bit(path));
        process.setProcessEnvironment(env);
        process.start(lw::test::TestServer::binaryPath(), {"--data-dir", dir.filePath("data"), "--listen", "127.0.0.1:0",
                                                           "--remotecfg-listen", "off", "--alloy-url", "off"});
        QVERIFY(process.waitForStarted(10000));
        const QByteArray ready = receive();
        QVERIFY2(ready.contains("READY=1"), ready.constData());
        static const QRegularExpression status("STATUS=Serving the API on https://127\\.0\\.0\\.1:(\\d+)");
        const auto m = status.match(QString::fromUtf8(ready));
        QVERIFY2(m.hasMatch(), ready.constData());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m.captured(1).toUInt()));
        QVERIFY2(probe.waitForConnected(2000), qPrintable(probe.errorString())); // listening when it said so
        probe.close();
        ::kill(pid_t(process.processId()), SIGTERM);
        const QByteArray stopping = receive();
        QVERIFY2(stopping.contains("STOPPING=1"), stopping.constData());
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
        ::close(fd);
    }

    void initTestCase()
    {
        const QString certs = m_work.path() + "/certs";
        QVERIFY(lw::test::makeTestCertificates(certs));
        m_ca = lw::test::readFile(certs + "/ca.crt").toStdString();
        m_cert = lw::test::readFile(certs + "/rsyslog-server.crt").toStdString();
        m_key = lw::test::readFile(certs + "/rsyslog-server.key").toStdString();
    }

    void restartKeepsEverythingAndNeverStoresTheKeyInClear()
    {
        const QString dataDir = m_work.path() + "/restart";
        QByteArray bundleEtag, sourceBody, jwtBefore;
        {
            TestServer server(dataDir);
            QVERIFY2(server.start(), server.log().constData());
            jwtBefore = server.systemJwt();
            auto r = server.requestAsAdmin("POST", "/api/v2/logs/tls-bundles",
                                           {{"name", "dc-rsyslog"}, {"caPem", m_ca}, {"certPem", m_cert}, {"keyPem", m_key}});
            QCOMPARE(r.status, 201);
            QVERIFY(!r.body.contains(keyBody(m_key)));
            bundleEtag = r.header("ETag");
            QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/sources",
                                           {{"name", "node-manager"}, {"logFormat", "ZAP_JSON"}, {"minLevel", "INFO"},
                                            {"journald", {{"syslogIdentifier", "node-manager"}}}}).status, 201);
            QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/targets",
                                           {{"name", "rsyslog1"}, {"type", "RSYSLOG"},
                                            {"rsyslog", {{"endpoint", "10.0.0.5"}, {"port", 6514}, {"tlsBundle", "dc-rsyslog"}}}}).status, 201);
            sourceBody = server.requestAsAdmin("GET", "/api/v2/logs/sources").body;
            QCOMPARE(server.stop(), 0); // graceful SIGTERM
            const QByteArray log = server.log();
            QVERIFY(log.contains("shutting down"));
            QVERIFY(!log.contains(keyBody(m_key)));
            QVERIFY(!log.contains(server.systemJwt()));
        }
        // Nothing under the data directory holds the key in clear (database, WAL, anything).
        QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QVERIFY2(!lw::test::readFile(file).contains(keyBody(m_key)), qPrintable(file));
            if (!file.endsWith(".crt") && !file.endsWith(".db") && !file.contains(".db-"))
                QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        }
        QCOMPARE(QFileInfo(dataDir + "/system_jwt").permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());

        TestServer again(dataDir);
        QVERIFY2(again.start(), again.log().constData());
        QCOMPARE(again.systemJwt(), jwtBefore); // same key, same admin token
        QCOMPARE(again.requestAsAdmin("GET", "/api/v2/logs/sources").body, sourceBody);
        auto bundle = again.requestAsAdmin("GET", "/api/v2/logs/tls-bundles/dc-rsyslog");
        QCOMPARE(bundle.status, 200);
        QCOMPARE(bundle.header("ETag"), bundleEtag);
        QCOMPARE(bundle.json()["tlsBundle"]["hasKey"], lw::Json(true));
        // The encrypted key still decrypts after restart: an edit without keyPem keeps it.
        auto edit = again.requestAsAdmin("PUT", "/api/v2/logs/tls-bundles/dc-rsyslog",
                                         {{"name", "dc-rsyslog"}, {"caPem", m_ca}, {"certPem", m_cert}},
                                         {{"If-Match", bundleEtag}});
        QCOMPARE(edit.status, 200);
        QCOMPARE(edit.json()["tlsBundle"]["hasKey"], lw::Json(true));
        QCOMPARE(again.stop(), 0);
    }

    void acknowledgedConfigWritesSurviveKill9()
    {
        // Group commit acknowledges a write only once its transaction is durable: kill -9 during
        // a stream of concurrent writes loses none that got its 201.
        TestServer server;
        QVERIFY(server.start());
        QNetworkAccessManager nam;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + "/tls/server.crt"));
        QSet<int> acknowledged;
        int sent = 0, finished = 0;
        bool killed = false;
        std::function<void()> sendNext = [&] {
            const int n = sent++;
            QNetworkRequest req(QUrl(server.url("/api/v2/logs/sources")));
            req.setSslConfiguration(tls);
            req.setRawHeader("Authorization", "Bearer " + server.systemJwt());
            req.setRawHeader("Content-Type", "application/json");
            QNetworkReply *reply = nam.post(req, QStringLiteral(R"({"name":"src-%1","journald":{"syslogIdentifier":"s"}})").arg(n).toUtf8());
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, n] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledged.insert(n);
                ++finished;
                reply->deleteLater();
                if (!killed)
                    sendNext();
            });
        };
        for (int i = 0; i < 8; ++i)
            sendNext();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 200, 30000);
        server.kill9();
        killed = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished, sent, 10000);
        QVERIFY(server.start());
        const lw::Json list = server.requestAsAdmin("GET", "/api/v2/logs/sources").json();
        QSet<std::string> present;
        for (const auto &s : list["sources"])
            present.insert(s["name"].get<std::string>());
        for (int n : acknowledged)
            QVERIFY2(present.contains("src-" + std::to_string(n)), qPrintable(QStringLiteral("src-%1 was acknowledged but lost").arg(n)));
        // Every write present also has its audit entry: they commit together.
        const lw::Json audit = server.requestAsAdmin("GET", "/admin/api/v3/audit?limit=1000&kind=source").json();
        QCOMPARE(audit["total"].get<int>(), static_cast<int>(present.size()));
        QCOMPARE(server.stop(), 0);
    }

    void etagsAndIfMatch()
    {
        TestServer server;
        QVERIFY(server.start());
        const lw::Json src = {{"name", "gftl"}, {"minLevel", "INFO"}, {"journald", {{"syslogIdentifier", "gftl"}}}};
        auto created = server.requestAsAdmin("POST", "/api/v2/logs/sources", src);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Location"), QByteArray("/api/v2/logs/sources/gftl"));
        const QByteArray etag = created.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
        lw::Json changed = src;
        changed["minLevel"] = "ERROR";
        auto updated = server.requestAsAdmin("PUT", "/api/v2/logs/sources/gftl", changed, {{"If-Match", etag}});
        QCOMPARE(updated.status, 200);
        QVERIFY(updated.header("ETag") != etag);
        // The old ETag now loses; the new one wins, and so does an unconditional write.
        QCOMPARE(server.requestAsAdmin("PUT", "/api/v2/logs/sources/gftl", src, {{"If-Match", etag}}).status, 412);
        QCOMPARE(server.requestAsAdmin("DELETE", "/api/v2/logs/sources/gftl", nullptr, {{"If-Match", updated.header("ETag")}}).status, 200);
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources/gftl").status, 404);

        // v3 lists carry an ETag too: the same for the same list, another once it changed.
        const QByteArray listed = server.requestAsAdmin("GET", "/admin/api/v3/tenants").header("ETag");
        QVERIFY(listed.size() > 2 && listed.startsWith('"'));
        QCOMPARE(server.requestAsAdmin("GET", "/admin/api/v3/tenants").header("ETag"), listed);
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "etag-t"}, {"cluster", "logwarden"}}).status, 201);
        QVERIFY(server.requestAsAdmin("GET", "/admin/api/v3/tenants").header("ETag") != listed);
    }

    void portTakenIsExplained()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(),
            {"--data-dir", dir.path(), "--listen", QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("cannot listen on 127.0.0.1:"), out.constData());
    }

    void unusableDataDirIsExplained()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + "/not-a-dir";
        QFile(file).open(QIODevice::WriteOnly);
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(), {"--data-dir", file, "--listen", "127.0.0.1:0"});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("data directory"), out.constData());
    }

    void secondServerOnSameDataDirIsRefused()
    {
        TestServer first;
        QVERIFY(first.start());
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(), {"--data-dir", first.dataDir(), "--listen", "127.0.0.1:0"});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("in use by another logwardend"), out.constData());
        QCOMPARE(first.requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
    }

    void tokengenWritesAPrivateTokenFile()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + "/admin.token";
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(),
            {"tokengen", "--data-dir", dir.path() + "/data", "--token-file", file, "--token-name", "ops-admin"});
        QCOMPARE(code, 0);
        QVERIFY(out.contains("written to"));
        QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QByteArray token = lw::test::readFile(file).trimmed();
        QVERIFY(QByteArray::fromBase64(token).startsWith("ops-admin:"));
        TestServer server(dir.path() + "/data");
        QVERIFY(server.start());
        const QList<std::pair<QByteArray, QByteArray>> auth = {{"Authorization", "Basic " + (":" + token).toBase64()}};
        QCOMPARE(server.request("GET", "/admin/api/v3/tokens", {}, auth).status, 200);
        // While the server runs, tokengen cannot open the store and says what to do.
        auto [busy, busyOut] = lw::test::runCommand(TestServer::binaryPath(), {"tokengen", "--data-dir", dir.path() + "/data"});
        QCOMPARE(busy, 2);
        QVERIFY2(busyOut.contains("stop logwardend first"), busyOut.constData());
        // A cluster name that is not the data directory's is refused, naming the right one.
        QCOMPARE(server.stop(), 0);
        auto [other, otherOut] = lw::test::runCommand(TestServer::binaryPath(),
            {"tokengen", "--data-dir", dir.path() + "/data", "--cluster-name", "other", "--token-name", "ops-2"});
        QCOMPARE(other, 2);
        QVERIFY2(otherOut.contains("for cluster \"logwarden\"") && otherOut.contains("--cluster-name logwarden"), otherOut.constData());
        QCOMPARE(lw::test::runCommand(TestServer::binaryPath(),
            {"tokengen", "--data-dir", dir.path() + "/data", "--token-name", "ops-3"}).first, 0);
    }

    void versionHelpAndIssueJwt()
    {
        auto [vcode, version] = lw::test::runCommand(TestServer::binaryPath(), {"--version"});
        QCOMPARE(vcode, 0);
        QVERIFY(version.contains("logwardend " LW_TEST_VERSION));
        auto [hcode, help] = lw::test::runCommand(TestServer::binaryPath(), {"--help"});
        QCOMPARE(hcode, 0);
        QVERIFY(help.contains("--listen") && help.contains("--data-dir") && help.contains("issue-jwt"));

        TestServer server;
        QVERIFY(server.start());
        const QByteArray editor = server.issueJwt("ci-bot", "config-editor", "10m");
        QVERIFY(editor.count('.') == 2);
        const QList<std::pair<QByteArray, QByteArray>> auth = {{"Authorization", "Bearer " + editor}};
        QCOMPARE(server.request("GET", "/api/v2/logs/sources", {}, auth).status, 200);
        auto [badCode, badOut] = lw::test::runCommand(TestServer::binaryPath(),
            {"issue-jwt", "--data-dir", server.dataDir(), "--subject", "x", "--role", "emperor"});
        QCOMPARE(badCode, 2);
        QVERIFY(badOut.contains("unknown role"));
        QTRY_VERIFY(server.log().contains("\"subject\":\"ci-bot\"")); // the access log line may follow the answer
        // A directory that never held a server: refused, and nothing is created there.
        QTemporaryDir empty;
        auto [noKey, noKeyOut] = lw::test::runCommand(TestServer::binaryPath(),
            {"issue-jwt", "--data-dir", empty.filePath("none"), "--subject", "x"});
        QCOMPARE(noKey, 2);
        QVERIFY2(noKeyOut.contains("holds no server key"), noKeyOut.constData());
        QVERIFY(!QFile::exists(empty.filePath("none")));
    }
    void dataDirectoryModesAndSecretsAtRest()
    {
        // The data directory is 0700, every database 0600, and the secrets the API hands out once
        // are on disk only as a SHA-256 (tokens, ingest tokens) or sealed (access keys).
        const QString dataDir = m_work.path() + "/secrets";
        QByteArray tokenSecret, ingestValue, accessKey;
        {
            TestServer server(dataDir);
            QVERIFY2(server.start(), server.log().constData());
            QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "team-a"}, {"cluster", "logwarden"}}).status, 201);
            QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                           {{"name", "rw-policy"}, {"realms", lw::Json::array({{{"tenant", "team-a"}, {"cluster", "logwarden"}}})},
                                            {"scopes", lw::Json::array({"logs:read"})}}).status, 201);
            auto token = server.requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", "app-token"}, {"access_policy", "rw-policy"}});
            QCOMPARE(token.status, 201);
            // A token is base64("<name>:<secret>"): the secret is what must not be on disk.
            tokenSecret = QByteArray::fromBase64(QByteArray::fromStdString(token.json().value("token", ""))).mid(int(strlen("app-token:")));
            QVERIFY(tokenSecret.size() >= 32);
            auto ingest = server.requestAsAdmin("POST", "/admin/api/v3/tenants/team-a/ingest-tokens", {{"name", "shipper"}});
            ingestValue = QByteArray::fromStdString(ingest.json().value("token", ""));
            QVERIFY(ingestValue.size() >= 32);
            auto user = server.requestAsAdmin("POST", "/admin/api/v3/users", {{"name", "alice"}, {"scopes", lw::Json::array({"logs:read"})}});
            accessKey = QByteArray::fromStdString(user.json().value("access_key", ""));
            QVERIFY(accessKey.size() >= 32);
            // The credentials work, so what is on disk is what the server checks against.
            QCOMPARE(server.request("POST", "/api/v1/ingest/raw", "x", {{"Authorization", "Bearer " + ingestValue}}).status, 200);
            QCOMPARE(server.stop(), 0);
        }
        QCOMPARE(QFileInfo(dataDir).permissions() & 0x0077, QFileDevice::Permissions());
        int databases = 0;
        QByteArray everything;
        QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            everything += lw::test::readFile(file);
            if (file.endsWith(".db")) {
                ++databases;
                QCOMPARE(QFileInfo(file).permissions() & 0x0777, QFile::ReadUser | QFile::WriteUser); // 0600 (0x0777: user, group, other)
            }
        }
        QCOMPARE(databases, 2); // config.db and logs.db
        for (const QByteArray &secret : {tokenSecret, ingestValue, accessKey}) {
            QVERIFY2(!everything.contains(secret), secret.left(6).constData());
            QVERIFY(!everything.contains(secret.toBase64()));
        }
        const auto sha = [](const QByteArray &v) { return QCryptographicHash::hash(v, QCryptographicHash::Sha256).toHex(); };
        QVERIFY(everything.contains(sha(tokenSecret)));
        QVERIFY(everything.contains(sha(ingestValue)));
    }

    void accessLogHoldsNoQueryStringOrHeader()
    {
        QTemporaryDir dir;
        const QString logFile = dir.filePath("access.log");
        TestServer server(QString(), {"--access-log", logFile});
        QVERIFY(server.start());
        QCOMPARE(server.request("GET", "/api/v2/logs/sources?needle=query-secret-value", {},
                                {{"Authorization", "Bearer " + server.systemJwt()}, {"X-Needle", "header-secret-value"}}).status, 200);
        QCOMPARE(server.request("GET", "/api/v2/logs/sources?x=1", {}, {{"Authorization", "Bearer not-a-jwt-secret-value"}}).status, 401);
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log = lw::test::readFile(logFile)).count('\n') >= 2, 10000);
        for (const char *needle : {"query-secret-value", "header-secret-value", "not-a-jwt-secret-value", "needle", "?"})
            QVERIFY2(!log.contains(needle), needle);
        QVERIFY(!log.contains(server.systemJwt()));
        const lw::Json line = lw::Json::parse(log.left(log.indexOf('\n')).toStdString());
        for (const char *field : {"ts", "remote", "method", "path", "status", "bytes", "ms", "subject"})
            QVERIFY2(line.contains(field), field);
        QCOMPARE(line["path"], lw::Json("/api/v2/logs/sources"));
        QCOMPARE(line["status"], lw::Json(200));
        QVERIFY(QDateTime::fromString(QString::fromStdString(line["ts"].get<std::string>()), Qt::ISODateWithMs).isValid());
    }

    void sigintShutsDownCleanly()
    {
        TestServer server;
        QVERIFY(server.start());
        ::kill(static_cast<pid_t>(server.process().processId()), SIGINT);
        QVERIFY(server.process().waitForFinished(15000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.log().contains("shutting down"));
    }

    void plainHttpOffLoopbackNeedsInsecure()
    {
        QTemporaryDir dir;
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(),
            {"--data-dir", dir.path(), "--listen", "127.0.0.1:0", "--remotecfg-listen", "off", "--http-listen", "0.0.0.0:0"});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("--http-insecure"), out.constData());
        TestServer insecure(QString(), {"--http-listen", "0.0.0.0:0", "--http-insecure"});
        QVERIFY2(insecure.start(), insecure.log().constData());
        QVERIFY(insecure.plainPort() > 0);
    }

    void servesTheCertificateItIsGiven()
    {
        QTemporaryDir dir;
        auto [code, out] = lw::test::runCommand("sh", {"-c",
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=operator-cert "
            "-addext subjectAltName=IP:127.0.0.1 -keyout op.key -out op.crt 2>&1"}, dir.path());
        QVERIFY2(code == 0, out.constData());
        TestServer server(QString(), {"--tls-cert", dir.filePath("op.crt"), "--tls-key", dir.filePath("op.key")});
        QVERIFY2(server.start(), server.log().constData());
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(dir.filePath("op.crt")));
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted("127.0.0.1", server.port());
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        QCOMPARE(socket.peerCertificate().subjectInfo(QSslCertificate::CommonName), QStringList{"operator-cert"});
        // No self-signed certificate was made beside it.
        QVERIFY(!QFile::exists(server.dataDir() + "/tls/server.crt"));
        QTemporaryDir other;
        auto [badCode, badOut] = lw::test::runCommand(TestServer::binaryPath(),
            {"--data-dir", other.path(), "--listen", "127.0.0.1:0", "--tls-cert", dir.filePath("op.crt")});
        QCOMPARE(badCode, 2);
        QVERIFY2(badOut.contains("--tls-key"), badOut.constData());
    }
};

QTEST_GUILESS_MAIN(ServerLifecycleTest)
#include "test_server_lifecycle.moc"
