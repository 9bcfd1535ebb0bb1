// Seed 001: tokens made by the seed's own Python generator (PyJWT from Debian's python3-jwt)
// are accepted for the intersection of the claimed and granted scopes, refused beyond it (403),
// and refused altogether (401) once the user's access key is regenerated or the user deactivated.
#include "TestServer.h"

#include <QtTest>

using lw::test::TestServer;
using nj = nlohmann::json;

class SelfSignedJwtTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::string m_key;

    QByteArray generate(const QString &scope, const std::string &key, const QString &alg = "HS256")
    {
        const QString script = QString::fromLocal8Bit(qgetenv("LW_SOURCE_DIR")) + "/tests/fixtures/token_generator.py";
        auto [code, out] = lw::test::runCommand("/usr/bin/python3", {script, "--sub=alice", "--secret=" + QString::fromStdString(key),
                                                                     "--scope=" + scope, "--alg", alg},
                                                {}, {}, 30000, false);
        return checked(code, out);
    }
    // A generator that failed marks the test failed: an empty token would also get the 401 some
    // rows expect, and pass for the wrong reason.
    static QByteArray checked(int code, const QByteArray &out)
    {
        const QByteArray token = out.trimmed();
        if (code != 0 || token.count('.') != 2)
            QTest::qFail(("the token generator failed: " + out.left(300)).constData(), __FILE__, __LINE__);
        return code == 0 ? token : QByteArray();
    }
    int status(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body = {})
    {
        return m_server->request(method, path, body, {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}).status;
    }

    // Claims signed with the right key but with times no issuer should use.
    QByteArray signClaims(const QString &claimsJson, const std::string &key)
    {
        auto [code, out] = lw::test::runCommand(
            "/usr/bin/python3",
            {"-c", "import jwt,sys,json; print(jwt.encode(json.loads(sys.argv[1]), sys.argv[2], algorithm='HS256'))",
             claimsJson, QString::fromStdString(key)},
            {}, {}, 30000, false);
        return checked(code, out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), m_server->log().constData());
        // Granted: read the configuration and the logs, in Logpoint's words and ours.
        auto created = m_server->requestAsAdmin("POST", "/admin/api/v3/users",
                                                {{"name", "alice"}, {"scopes", {"logsource:read", "logs:read"}}});
        QCOMPARE(created.status, 201);
        m_key = created.json().value("access_key", "");
        QVERIFY(m_key.size() >= 32);
        // The key is shown once: a later read does not carry it.
        QVERIFY(!m_server->requestAsAdmin("GET", "/admin/api/v3/users/alice").body.contains(QByteArray::fromStdString(m_key)));
    }

    void seedCommandLineIsAccepted()
    {
        // The seed's own invocation, scopes and all.
        const QByteArray token = generate("user:read alertrules:write logsources:read alertrules:read search:read search:write", m_key);
        QVERIFY(token.count('.') == 2);
        QCOMPARE(status("GET", "/api/v2/logs/sources", token), 200);       // logsources:read, granted
        QCOMPARE(status("POST", "/api/v2/logs/sources", token,
                        R"({"name":"nope","journald":{"syslogIdentifier":"x"}})"), 403); // config:write, not granted
        QCOMPARE(status("GET", "/admin/api/v3/tenants", token), 403);      // user:read is admin:read; not granted
    }

    void timeClaimsAreHeldToOneRule_data()
    {
        QTest::addColumn<QString>("claims");
        QTest::addColumn<int>("expected");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString base = R"("iss":"self-signed","sub":"alice","scope":"logsource:read")";
        auto row = [&](const char *name, const QString &times, int expected) {
            QTest::newRow(name) << "{" + base + "," + times + "}" << expected;
        };
        row("one hour", QString(R"("iat":%1,"exp":%2)").arg(now).arg(now + 3600), 200);
        row("exp -1", QString(R"("iat":%1,"exp":-1)").arg(now), 401);
        row("no exp", QString(R"("iat":%1)").arg(now), 401);
        row("exp in a year", QString(R"("iat":%1,"exp":%2)").arg(now).arg(now + 366 * 86400), 401);
        row("exp 25 h ahead", QString(R"("exp":%1)").arg(now + 25 * 3600), 401);
        row("exp as string", QString(R"("exp":"%1")").arg(now + 3600), 401);
        row("exp fractional", QString(R"("exp":%1.5)").arg(now + 3600), 401);
        row("exp overflows", R"("exp":123456789012345678901234567890)", 401);
        row("iat negative", QString(R"("iat":-5,"exp":%1)").arg(now + 3600), 401);
        row("iat ahead", QString(R"("iat":%1,"exp":%2)").arg(now + 3000).arg(now + 3600), 401);
        row("nbf ahead", QString(R"("nbf":%1,"exp":%2)").arg(now + 3000).arg(now + 3600), 401);
        row("expired", QString(R"("iat":%1,"exp":%2)").arg(now - 7200).arg(now - 3600), 401);
    }
    void timeClaimsAreHeldToOneRule()
    {
        QFETCH(QString, claims);
        QFETCH(int, expected);
        const QByteArray token = signClaims(claims, m_key);
        QVERIFY(!token.isEmpty());
        QCOMPARE(status("GET", "/api/v2/logs/sources", token), expected);
    }

    void userReadIsReadOnlyAdmin()
    {
        auto created = m_server->requestAsAdmin("POST", "/admin/api/v3/users", {{"name", "auditor"}, {"scopes", {"user:read"}}});
        QCOMPARE(created.status, 201);
        const std::string key = created.json().value("access_key", "");
        const QByteArray reader = signClaims(QString(R"({"iss":"self-signed","sub":"auditor","scope":"user:read","exp":%1})")
                                                 .arg(QDateTime::currentSecsSinceEpoch() + 600), key);
        QCOMPARE(status("GET", "/admin/api/v3/tenants", reader), 200);
        QCOMPARE(status("GET", "/admin/api/v3/users", reader), 200);
        QCOMPARE(status("POST", "/admin/api/v3/tenants", reader, R"({"name":"evil"})"), 403);
        QCOMPARE(status("POST", "/admin/api/v3/users/alice/access-key", reader), 403);
        QCOMPARE(status("POST", "/api/v2/logs/sources", reader, R"({"name":"nope","journald":{"syslogIdentifier":"x"}})"), 403);
        // The listing never carries anyone's key.
        const QByteArray users = m_server->request("GET", "/admin/api/v3/users", {}, {{"Authorization", "Bearer " + reader}}).body;
        QVERIFY(!users.contains(QByteArray::fromStdString(key)) && !users.contains(QByteArray::fromStdString(m_key)));
    }

    void scopesAreTheIntersection()
    {
        QCOMPARE(status("GET", "/api/v2/logs/sources", generate("search:read", m_key)), 403); // granted, but not claimed
        QCOMPARE(status("GET", "/api/v2/logs/sources", generate("config:read", m_key)), 200);
    }

    void everyHmacAlgorithm_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("HS256") << "HS256";
        QTest::newRow("HS384") << "HS384";
        QTest::newRow("HS512") << "HS512";
    }
    void everyHmacAlgorithm()
    {
        QFETCH(QString, alg);
        QCOMPARE(status("GET", "/api/v2/logs/sources", generate("logsource:read", m_key, alg)), 200);
    }

    void wrongKeyIsRefused()
    {
        QCOMPARE(status("GET", "/api/v2/logs/sources", generate("logsource:read", "not-the-key-of-alice-0123456789abcdef")), 401);
    }

    void regeneratingTheKeyInvalidatesTokens()
    {
        const QByteArray before = generate("logsource:read", m_key);
        QCOMPARE(status("GET", "/api/v2/logs/sources", before), 200);
        auto regenerated = m_server->requestAsAdmin("POST", "/admin/api/v3/users/alice/access-key");
        QCOMPARE(regenerated.status, 200);
        const std::string newKey = regenerated.json().value("access_key", "");
        QVERIFY(newKey.size() >= 32 && newKey != m_key);
        QCOMPARE(status("GET", "/api/v2/logs/sources", before), 401);
        m_key = newKey;
        QCOMPARE(status("GET", "/api/v2/logs/sources", generate("logsource:read", m_key)), 200);
    }

    void deactivatingTheUserInvalidatesTokens()
    {
        const QByteArray token = generate("logsource:read", m_key);
        QCOMPARE(status("GET", "/api/v2/logs/sources", token), 200);
        const QByteArray etag = m_server->requestAsAdmin("GET", "/admin/api/v3/users/alice").header("ETag");
        QCOMPARE(m_server->requestAsAdmin("PUT", "/admin/api/v3/users/alice", {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
        QCOMPARE(status("GET", "/api/v2/logs/sources", token), 401);
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

QTEST_GUILESS_MAIN(SelfSignedJwtTest)
#include "test_selfsigned_jwt.moc"
