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
        return code == 0 ? out.trimmed() : QByteArray();
    }
    int status(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body = {})
    {
        return m_server->request(method, path, body, {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}).status;
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
        QCOMPARE(status("GET", "/admin/api/v3/tenants", token), 403);      // user:read means admin here; not granted
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
