// The console's non-widget parts: the table model (QAbstractItemModelTester, sorting, filtering),
// the self-signed JWT generator checked by an independent implementation (PyJWT) and accepted
// by a real logwardend, and connection profiles.
#include "ApiClient.h"
#include "LineDiff.h"
#include "JsonTableFilterProxy.h"
#include "JsonTableModel.h"
#include "JwtGenerator.h"
#include "ConsoleSettings.h"
#include "ProfileStore.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QNetworkReply>
#include "TestCertificates.h"
#include <QtTest>

using lw::Json;

class ConsoleUnitsTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    static QByteArray pyjwtDecode(const QByteArray &token, const QByteArray &key, const char *alg)
    {
        const QString script = QStringLiteral(
            "import jwt, json, sys\n"
            "claims = jwt.decode(sys.argv[1], sys.argv[2], algorithms=[sys.argv[3]])\n"
            "print(json.dumps(claims, sort_keys=True))\n");
        auto [code, out] = lw::test::runCommand("/usr/bin/python3", {"-c", script, token, key, alg}, {}, {}, 30000, false);
        return code == 0 ? out.trimmed() : QByteArray("FAILED");
    }

private Q_SLOTS:
    void tableModelIsAWellBehavedModel()
    {
        lw::JsonTableModel model({{"Name", "/name"}, {"Alloy", "/alloyStatus"}, {"Exporters", "/totalExporters"}, {"Failing", "/failingExporters"}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(lw::JsonTableModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({Json{{"name", "c10"}, {"alloyStatus", "ALLOY_ONLINE"}, {"totalExporters", 10}, {"failingExporters", {"loki1", "rs"}}},
                          Json{{"name", "c2"}, {"alloyStatus", "ALLOY_OFFLINE"}, {"totalExporters", 2}},
                          Json{{"name", "c3"}, {"alloyStatus", "ALLOY_ONLINE"}, {"totalExporters", 3}}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, 3), Qt::DisplayRole).toString(), QStringLiteral("loki1, rs"));
        QCOMPARE(model.data(model.index(1, 3), Qt::DisplayRole).toString(), QString()); // absent field
        QVERIFY(model.data(model.index(1, 1), Qt::ForegroundRole).isValid());           // status badge colour
        proxy.sort(2, Qt::AscendingOrder); // numbers sort as numbers: 2, 3, 10
        QCOMPARE(proxy.data(proxy.index(0, 0)).toString(), QStringLiteral("c2"));
        QCOMPARE(proxy.data(proxy.index(2, 0)).toString(), QStringLiteral("c10"));
        proxy.setFilterFixedString("offline");
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString({});
        // A refresh replaces the cached cell texts and sort keys: no stale row survives it.
        model.setRecords({Json{{"name", "c2"}, {"alloyStatus", "ALLOY_ONLINE"}, {"totalExporters", 1}},
                          Json{{"name", "c9"}, {"alloyStatus", "ALLOY_UNKNOWN"}, {"totalExporters", 20}}});
        QCOMPARE(model.data(model.index(1, 1), Qt::DisplayRole).toString(), QStringLiteral("ALLOY_UNKNOWN"));
        proxy.sort(2, Qt::AscendingOrder); // stale keys (10, 2) would put c9 first
        QCOMPARE(proxy.data(proxy.index(0, 0)).toString(), QStringLiteral("c2"));
        QCOMPARE(proxy.data(proxy.index(1, 2)).toString(), QStringLiteral("20"));
        model.setRecords({});
        QCOMPARE(proxy.rowCount(), 0);
    }

    void modelLoadsListBodiesAndRefusesOthers()
    {
        lw::JsonTableModel model({{"ID", "/id"}, {"Status", "/status/alloy"}, {"Labels", "/labels"}, {"Up", "/up"}, {"Load", "/load"}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeyField("id"); // collectors are named by id in the API's paths
        const QByteArray body = R"({"collectors":[{"id":"a\u00e9","status":{"alloy":"ALLOY_ONLINE"},"labels":{"rack":"r1"},"up":true,"load":0.5},
                                                   {"id":"b","status":null,"labels":[1,"x",{"k":2}],"up":false,"load":12}],"next":""})";
        QVERIFY(model.loadRecords(body, "collectors"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.cellText(0, 0), QStringLiteral("aé"));              // escapes decoded
        QCOMPARE(model.cellText(0, 1), QStringLiteral("ALLOY_ONLINE"));    // nested pointer
        QCOMPARE(model.cellText(0, 2), QStringLiteral(R"({"rack":"r1"})")); // objects as compact JSON
        QCOMPARE(model.cellText(1, 2), QStringLiteral(R"(1, x, {"k":2})")); // arrays joined
        QCOMPARE(model.cellText(1, 1), QString());                          // null is empty
        QCOMPARE(model.cellText(0, 3), QStringLiteral("true"));
        QCOMPARE(model.data(model.index(1, 4), lw::JsonTableModel::SortRole).toDouble(), 12.0);
        QCOMPARE(model.record(0)["labels"]["rack"], Json("r1")); // the whole record comes back
        QCOMPARE(model.name(1), std::string("b"));
        QCOMPARE(model.indexOfName("aé"), 0);

        // Not such a list: refused, and the rows shown stay.
        for (const QByteArray bad : {QByteArray("{\"collectors\": {}}"), QByteArray("{\"other\": []}"), QByteArray("[1,2]"),
                                     QByteArray("{\"collectors\": [{\"id\": \"x\"}"), QByteArray("\xff\xfe"), QByteArray()}) {
            QVERIFY2(!model.loadRecords(bad, "collectors"), bad.constData());
            QCOMPARE(model.rowCount(), 2);
        }
    }

    void filterProxyNarrowsWidensAndForgetsOnRefresh()
    {
        lw::JsonTableModel model({{"ID", "/id"}, {"Rack", "/rack"}});
        lw::JsonTableFilterProxy proxy(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({Json{{"id", "c1"}, {"rack", "R4"}}, Json{{"id", "c12"}, {"rack", "r5"}},
                          Json{{"id", "c2"}, {"rack", "r12"}}, Json{{"id", "d7"}, {"rack", "r1"}}});
        proxy.setFilterText("c1");
        QCOMPARE(proxy.rowCount(), 2); // c1, c12
        proxy.setFilterText("C12");    // narrows, case-insensitive
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText("12"); // widens: rows the old text rejected come back
        QCOMPARE(proxy.rowCount(), 2); // c12, and c2 by its rack r12
        proxy.setFilterText("r4"); // any column
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.data(proxy.index(0, 0)).toString(), QStringLiteral("c1"));
        // A refresh under an active filter: verdicts for the old rows must not leak into the new ones.
        model.setRecords({Json{{"id", "x"}, {"rack", "r4"}}, Json{{"id", "y"}, {"rack", "r4"}}, Json{{"id", "z"}, {"rack", "r9"}}});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText("r45"); // narrows from "r4" on the new rows
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText({});
        QCOMPARE(proxy.rowCount(), 3);
    }

    void expiringTokensStandOut()
    {
        lw::JsonTableModel model({{"Name", "/name"}, {"Expiration", "/expiration", lw::JsonTableModel::Column::Kind::Expiry}});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.setRecords({Json{{"name", "old"}, {"expiration", "2021-03-01T17:37:59.341728283Z"}},
                          Json{{"name", "soon"}, {"expiration", now.addDays(2).toString(Qt::ISODate).toStdString()}},
                          Json{{"name", "later"}, {"expiration", now.addDays(90).toString(Qt::ISODate).toStdString()}},
                          Json{{"name", "never"}}});
        QCOMPARE(model.data(model.index(0, 1), Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
        QCOMPARE(model.data(model.index(1, 1), Qt::ForegroundRole).value<QColor>(), QColor(0xb2, 0x6a, 0x00));
        QVERIFY(!model.data(model.index(2, 1), Qt::ForegroundRole).isValid());
        QVERIFY(!model.data(model.index(3, 1), Qt::ForegroundRole).isValid());
    }

    void generatorMatchesPyJwt_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("HS256") << "HS256";
        QTest::newRow("HS384") << "HS384";
        QTest::newRow("HS512") << "HS512";
    }
    void generatorMatchesPyJwt()
    {
        QFETCH(QString, alg);
        const std::string key = "the-access-key-of-alice-0123456789";
        const std::string token = lw::console::JwtGenerator::generate({"alice", "logsource:read search:read", key, alg.toStdString(), 600});
        const Json claims = Json::parse(pyjwtDecode(QByteArray::fromStdString(token), QByteArray::fromStdString(key), qPrintable(alg)).toStdString(), nullptr, false);
        QVERIFY2(claims.is_object(), token.c_str());
        QCOMPARE(claims["sub"], Json("alice"));
        QCOMPARE(claims["iss"], Json("self-signed"));
        QCOMPARE(claims["scope"], Json("logsource:read search:read"));
        QCOMPARE(claims["exp"].get<int64_t>() - claims["iat"].get<int64_t>(), int64_t(600));
        // The wrong key fails PyJWT's verification.
        QCOMPARE(pyjwtDecode(QByteArray::fromStdString(token), "wrong", qPrintable(alg)), QByteArray("FAILED"));
        auto decoded = lw::console::JwtGenerator::decode(QString::fromStdString(token));
        QVERIFY(decoded);
        QCOMPARE(decoded->algorithm, alg);
        QVERIFY(decoded->claimsJson.contains("alice"));
    }

    void generatorRefusesBadRequests()
    {
        using lw::console::JwtGenerator;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, JwtGenerator::generate({"", "x", "k", "HS256", 60}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, JwtGenerator::generate({"a", "x", "k", "none", 60}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, JwtGenerator::generate({"a", "x", "", "HS256", 60}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, JwtGenerator::generate({"a", "x", "not a pem", "RS256", 60}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, JwtGenerator::generate({"a", "x", "k", "HS256", 0}));
        QVERIFY(!JwtGenerator::decode("abc"));
    }

    void rs256WithAPemKey()
    {
        auto [code, pem] = lw::test::runCommand("openssl", {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}, {}, {}, 30000, false);
        QCOMPARE(code, 0);
        const std::string token = lw::console::JwtGenerator::generate({"svc", "logs:read", pem.toStdString(), "RS256", 60});
        QCOMPARE(lw::console::JwtGenerator::decode(QString::fromStdString(token))->algorithm, QStringLiteral("RS256"));
    }

    // Nothing that needs no window needs a display (no QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY).
    void commandLineWorksWithoutADisplay()
    {
        auto headless = [](const QString &args) {
            return lw::test::runCommand("bash", {"-c", "env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY '" LOGWARDEN_BIN "' " + args});
        };
        auto [vcode, version] = headless("--version");
        QCOMPARE(vcode, 0);
        QVERIFY2(version.startsWith("logwarden " LW_VERSION), version.constData());
        auto [hcode, help] = headless("--help");
        QCOMPARE(hcode, 0);
        QVERIFY(help.contains("--server") && help.contains("--token-file") && help.contains("token generate|inspect"));
        auto [tcode, token] = headless("token");
        QCOMPARE(tcode, 2);
        QVERIFY2(token.contains("usage: logwarden token generate|inspect"), token.constData());
        auto [thcode, tokenHelp] = headless("token --help");
        QCOMPARE(thcode, 0);
        QVERIFY(tokenHelp.contains("generate|inspect") && !tokenHelp.contains("unknown"));
        QVERIFY(!help.contains("could not connect to display") && !version.contains("platform plugin"));
    }

    void commandLineTokensAreAcceptedByTheServer()
    {
        lw::test::TestServer server;
        QVERIFY(server.start());
        auto user = server.requestAsAdmin("POST", "/admin/api/v3/users", {{"name", "carol"}, {"scopes", {"logsource:read"}}});
        QCOMPARE(user.status, 201);
        const QString key = QString::fromStdString(user.json().value("access_key", ""));
        auto [code, out] = lw::test::runCommand(QStringLiteral(LOGWARDEN_BIN),
                                                {"token", "generate", "--sub", "carol", "--scope", "logsource:read", "--secret-env", "LW_KEY", "--alg", "HS512"},
                                                {}, {"LW_KEY=" + key}, 30000, false);
        QCOMPARE(code, 0);
        const QByteArray token = out.trimmed();
        QCOMPARE(server.request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + token}}).status, 200);
        auto [badCode, badOut] = lw::test::runCommand(QStringLiteral(LOGWARDEN_BIN), {"token", "generate", "--sub", "carol", "--scope", "x", "--secret-env", "LW_UNSET"});
        QCOMPARE(badCode, 2);
        QVERIFY(badOut.contains("LW_UNSET"));
        auto [inspectCode, inspected] = lw::test::runCommand(QStringLiteral(LOGWARDEN_BIN), {"token", "inspect", QString::fromLatin1(token)});
        QCOMPARE(inspectCode, 0);
        QVERIFY(inspected.contains("\"sub\": \"carol\"") && inspected.contains("expires at"));
    }

    void certificatePinning()
    {
        lw::test::TestServer server;
        QVERIFY(server.start());
        // The fingerprint logwardend prints at start is the one the client sees.
        const QString printed = QString::fromUtf8(server.log()).section("TLS certificate SHA-256 ", 1).section('\n', 0, 0).trimmed();
        QVERIFY(printed.size() == 95);
        lw::console::ApiClient client;
        client.setServer(QUrl(server.url({})), {});
        client.setAuthorization("Bearer " + server.systemJwt());
        QSignalSpy unknown(&client, &lw::console::ApiClient::unknownCertificate);
        lw::console::ApiResult result;
        bool done = false;
        auto call = [&] {
            done = false;
            client.get("/api/v2/logs/sources", [&](const lw::console::ApiResult &r) { result = r; done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        };
        // Several requests at once before the certificate is accepted: each is refused as untrusted.
        std::vector<lw::console::ApiResult> many(4);
        int answered = 0;
        for (auto &one : many)
            client.get("/api/v2/logs/sources", [&one, &answered](const lw::console::ApiResult &r) { one = r; ++answered; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 4, 10000);
        for (const auto &one : many) {
            QCOMPARE(one.status, 0);
            QVERIFY2(one.error.contains("not trusted yet"), qPrintable(one.error));
        }
        unknown.clear();
        call();
        QCOMPARE(result.status, 0); // refused until accepted
        QVERIFY(result.error.contains("not trusted yet"));
        QCOMPARE(unknown.count(), 1);
        QCOMPARE(unknown.at(0).at(0).toString(), printed);
        client.setServer(QUrl(server.url({})), printed); // the user accepted it
        call();
        QCOMPARE(result.status, 200);
        client.setServer(QUrl(server.url({})), QString(printed).replace(0, 2, "00")); // the server was re-keyed
        call();
        QCOMPARE(result.status, 0);
        QVERIFY(result.error.contains("CHANGED"));

        // An answer to a request sent before the server or pin changed is not this server's:
        // it is dropped, and its certificate is no question for the new profile.
        client.setServer(QUrl(server.url({})), {});
        unknown.clear();
        done = false;
        client.get("/api/v2/logs/sources", [&](const lw::console::ApiResult &r) { result = r; done = true; });
        client.setServer(QUrl("https://127.0.0.1:1"), {}); // switched before the answer came
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.status, 0);
        QVERIFY2(result.error.contains("switched"), qPrintable(result.error));
        QCOMPARE(unknown.count(), 0);
    }

    // A certificate that chains to a CA this machine trusts, for 127.0.0.1, but not the pinned one:
    // an impostor with a publicly signed certificate. No request byte, so no credential, may reach
    // it: neither an API call nor the live tail's upgrade.
    void pinHoldsAgainstACertificateATrustedCaSigned()
    {
        QTemporaryDir dir;
        const QString script = QStringLiteral(
            "set -e\n"
            "openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj '/CN=Trusted Test CA' -keyout ca.key -out ca.crt 2>/dev/null\n"
            "openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' -keyout server.key -out server.csr 2>/dev/null\n"
            "printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext\n"
            "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile san.ext -out server.crt 2>/dev/null\n");
        QCOMPARE(lw::test::runCommand("bash", {"-c", script}, dir.path()).first, 0);
        const QString accessLog = dir.filePath("access.log");
        lw::test::TestServer impostor(QString(), {"--tls-cert", dir.filePath("server.crt"), "--tls-key", dir.filePath("server.key"),
                                                  "--access-log", accessLog});
        QVERIFY2(impostor.start(), impostor.log().constData());

        // The test adds the CA to this process's trust store: a client that trusts CAs connects.
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = original;
        trusting.addCaCertificates(QSslCertificate::fromPath(dir.filePath("ca.crt")));
        QSslConfiguration::setDefaultConfiguration(trusting);
        {
            QNetworkAccessManager plain;
            QNetworkReply *reply = plain.get(QNetworkRequest(QUrl(impostor.url("/api/v2/logs/sources"))));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401); // reached it, no TLS error
            delete reply;
        }

        const QString pinned = QStringLiteral("00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff");
        lw::console::ApiClient client;
        client.setServer(QUrl(impostor.url({})), pinned);
        client.setAuthorization("Bearer secret-credential-of-the-real-server");
        lw::console::ApiResult result;
        bool done = false;
        client.get("/api/v2/logs/tls-bundles", [&](const lw::console::ApiResult &r) { result = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.status, 0);
        QVERIFY2(result.error.contains("CHANGED"), qPrintable(result.error));

        // The live tail, set up as the Logs tab does it.
        QWebSocket socket;
        socket.setSslConfiguration(lw::console::ApiClient::pinningConfiguration());
        connect(&socket, &QWebSocket::sslErrors, this, [&](const QList<QSslError> &errors) {
            if (client.acceptsPeer(socket.sslConfiguration().peerCertificate()))
                socket.ignoreSslErrors(errors);
        });
        QNetworkRequest upgrade(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?query=%7Bjob%3D%22x%22%7D").arg(impostor.port())));
        upgrade.setRawHeader("Authorization", "Bearer secret-credential-of-the-real-server");
        QSignalSpy gone(&socket, &QWebSocket::disconnected);
        socket.open(upgrade);
        QTest::qWait(1500);
        QVERIFY(socket.state() != QAbstractSocket::ConnectedState);

        QTest::qWait(300); // the access log is written as requests end
        const QByteArray log = lw::test::readFile(accessLog);
        QVERIFY2(log.contains("/api/v2/logs/sources"), log.constData()); // the log works
        QVERIFY2(!log.contains("tls-bundles") && !log.contains("/loki/api/v1/tail"), log.constData());

        // Pinned to this very certificate, the same client connects.
        QFile cert(dir.filePath("server.crt"));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        client.setServer(QUrl(impostor.url({})), lw::console::ApiClient::fingerprint(QSslCertificate(cert.readAll())));
        client.setAuthorization("Bearer " + impostor.systemJwt());
        done = false;
        client.get("/api/v2/logs/tls-bundles", [&](const lw::console::ApiResult &r) { result = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.status, 200);
        QSslConfiguration::setDefaultConfiguration(original); // leave the trust store as found
    }

    void lineDiffKeepsWhatIsCommon()
    {
        using lw::console::lineDiff;
        using lw::console::unifiedText;
        QCOMPARE(unifiedText(lineDiff("a\nb\nc", "a\nx\nc")), QString("  a\n- b\n+ x\n  c"));
        QCOMPARE(unifiedText(lineDiff("", "new")), QString("+ new"));
        QCOMPARE(unifiedText(lineDiff("old", "")), QString("- old"));
        QCOMPARE(unifiedText(lineDiff("same\nsame", "same\nsame")), QString("  same\n  same"));
        QCOMPARE(unifiedText(lineDiff("1\n2\n3\n4", "0\n1\n3\n4\n5")), QString("+ 0\n  1\n- 2\n  3\n  4\n+ 5"));
        // Past the limit: the middle is not aligned (it would be quadratic), everything in it out and in;
        // the common first and last lines stay, however long the texts.
        QCOMPARE(unifiedText(lineDiff("x\na\nb\nc\ny", "x\nb\na\nd\ny", 2)), QString("  x\n- a\n- b\n- c\n+ b\n+ a\n+ d\n  y"));
        QStringList big;
        for (int i = 0; i < 50000; ++i)
            big << QString::number(i);
        QStringList changed = big;
        changed[25000] = "changed";
        const auto diff = lineDiff(big.join('\n'), changed.join('\n'));
        QCOMPARE(diff.size(), size_t(50001));
        QCOMPARE(int(std::count_if(diff.begin(), diff.end(), [](const auto &d) { return d.op != lw::console::DiffLine::Op::Same; })), 2);
    }

    void agesReadAsPeopleSayThem()
    {
        const qint64 now = QDateTime::fromString("2026-12-02T12:00:00Z", Qt::ISODate).toMSecsSinceEpoch();
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T12:00:00Z", now), QString("now"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T11:59:48Z", now), QString("12 s ago"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T11:55:00Z", now), QString("5 min ago"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T09:00:00Z", now), QString("3 h ago"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-11-29T12:00:00Z", now), QString("3 d ago"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T12:05:00Z", now), QString("in the future"));
        QCOMPARE(lw::JsonTableModel::ageText("2026-12-02T12:00:30Z", now), QString("now")); // a clock a little behind
        QCOMPARE(lw::JsonTableModel::ageText("yesterday", now), QString());
        // An Age column sorts by the time itself, not by its words.
        lw::JsonTableModel model({{"Seen", "/seen", lw::JsonTableModel::Column::Kind::Age}});
        model.setRecords({Json{{"seen", "2026-12-02T11:00:00Z"}}, Json{{"seen", "2026-12-01T11:00:00Z"}}});
        QVERIFY(model.data(model.index(1, 0), lw::JsonTableModel::SortRole).toString()
                < model.data(model.index(0, 0), lw::JsonTableModel::SortRole).toString());
    }

    void profilesPersistWithoutSecrets()
    {
        QSettings settings(m_dir.path() + "/console.ini", QSettings::IniFormat);
        {
            lw::console::ProfileStore store(&settings);
            store.save({"prod", "https://logs.example.com:8443", "jwt", "ab:cd"});
            store.save({"lab", "https://127.0.0.1:8443", "admin-token", {}});
            store.setLastUsed("lab");
        }
        lw::console::ProfileStore store(&settings);
        QCOMPARE(store.names(), (QStringList{"lab", "prod"}));
        QCOMPARE(store.load("prod")->pinnedSha256, QStringLiteral("ab:cd"));
        QCOMPARE(store.lastUsed(), QStringLiteral("lab"));
        store.remove("prod");
        QVERIFY(!store.load("prod"));
        // What a profile writes is an allow-list: a field added later (a credential, say) fails here.
        settings.sync();
        for (const QString &key : settings.allKeys()) {
            const QString field = key.section('/', -1);
            QVERIFY2(QStringList({"serverUrl", "credentialKind", "pinnedSha256", "lastProfile"}).contains(field), qPrintable(key));
        }
        QCOMPARE(settings.allKeys().size(), 4); // lab's three fields and lastProfile
    }

    void consoleSettingsRoundTripAndRefuseNonsense()
    {
        QSettings settings(m_dir.path() + "/prefs.ini", QSettings::IniFormat);
        QCOMPARE(lw::console::ConsoleSettings::load(settings), lw::console::ConsoleSettings{}); // nothing stored: defaults
        lw::console::ConsoleSettings chosen;
        chosen.refreshSeconds = 42;
        chosen.language = "zh_CN";
        chosen.theme = "light";
        chosen.save(settings);
        QCOMPARE(lw::console::ConsoleSettings::load(settings), chosen);
        // A hand-edited file: each unusable value falls back to its default, the others stay.
        settings.setValue("settings/refreshSeconds", -5);
        settings.setValue("settings/language", "xx");
        const auto loaded = lw::console::ConsoleSettings::load(settings);
        QCOMPARE(loaded.refreshSeconds, lw::console::ConsoleSettings::DefaultRefreshSeconds);
        QCOMPARE(loaded.language, QString());
        QCOMPARE(loaded.theme, QStringLiteral("light"));
        settings.setValue("settings/refreshSeconds", "soon");
        settings.setValue("settings/theme", "neon");
        QCOMPARE(lw::console::ConsoleSettings::load(settings).refreshSeconds, lw::console::ConsoleSettings::DefaultRefreshSeconds);
        QCOMPARE(lw::console::ConsoleSettings::load(settings).theme, QStringLiteral("system"));
    }
};

QTEST_GUILESS_MAIN(ConsoleUnitsTest)
#include "test_console_units.moc"
