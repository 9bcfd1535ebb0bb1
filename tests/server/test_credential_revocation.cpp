// Credentials that stop working stop working everywhere: server JWTs carry a jti and can be
// revoked (admin API while running, `logwardend revoke-jwt` while stopped), the signing key can
// be rotated (every older server JWT, system_jwt included, stops working), and a live tail is
// closed (1008) within a second of its credential being revoked, deactivated or expiring.
#include "TestServer.h"

#include <QWebSocket>
#include <QDateTime>
#include <functional>
#include <QtTest>

using lw::test::TestServer;
using nj = nlohmann::json;

namespace {
int statusWith(TestServer &server, const QByteArray &token, const QString &path = QStringLiteral("/api/v2/logs/sources"))
{
    return server.request("GET", path, {}, {{"Authorization", "Bearer " + token}}).status;
}
std::pair<int, QByteArray> run(const QStringList &args)
{
    return lw::test::runCommand(TestServer::binaryPath(), args);
}
int64_t nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000LL;
}

// A live tail of tenant "live" with the given Authorization header, connected.
std::unique_ptr<QWebSocket> openTail(TestServer &server, const QByteArray &auth)
{
    auto ws = std::make_unique<QWebSocket>();
    QNetworkRequest req(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?query=%2&limit=0")
                                 .arg(QString::number(server.port()), QString::fromLatin1(QUrl::toPercentEncoding("{job=\"x\"}")))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + "/tls/server.crt"));
    ws->setSslConfiguration(tls);
    req.setRawHeader("Authorization", auth);
    req.setRawHeader("X-Scope-OrgID", "live");
    ws->open(req);
    return ws;
}

QByteArray signSelf(const QString &claims, const std::string &key)
{
    auto [code, out] = lw::test::runCommand(
        "/usr/bin/python3",
        {"-c", "import jwt,sys,json; print(jwt.encode(json.loads(sys.argv[1]), sys.argv[2], algorithm='HS256'))", claims,
         QString::fromStdString(key)},
        {}, {}, 30000, false);
    return code == 0 ? out.trimmed() : QByteArray();
}
} // namespace

class CredentialRevocationTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_tails; // one server for the live-tail cases

    // Opens a tail with `auth`, checks it streams, runs `cut`, and expects a 1008 close whose
    // reason contains `reason` within two seconds.
    void expectTailClosed(const QByteArray &auth, const std::function<void()> &cut, const QString &reason)
    {
        auto ws = openTail(*m_tails, auth);
        QStringList frames;
        connect(ws.get(), &QWebSocket::textMessageReceived, this, [&](const QString &m) { frames << m; });
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::ConnectedState, 5000);
        const QByteArray line = QByteArray::number(nowNs());
        const lw::Json push = nlohmann::json::parse(R"({"streams":[{"stream":{"job":"x"},"values":[[")" + line.toStdString()
                                                    + R"(","still here"]]}]})");
        QCOMPARE(m_tails->requestAsAdmin("POST", "/loki/api/v1/push", push, {{"X-Scope-OrgID", "live"}}).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() == 1, 5000);
        QTest::qWait(1200); // the credential is still good: the tail stays open across re-checks
        QCOMPARE(ws->state(), QAbstractSocket::ConnectedState);
        cut();
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::UnconnectedState, 2000);
        QCOMPARE(int(ws->closeCode()), 1008);
        QVERIFY2(ws->closeReason().contains(reason), qPrintable(ws->closeReason()));
    }
    void putInactive(const QString &path)
    {
        const QByteArray etag = m_tails->requestAsAdmin("GET", path).header("ETag");
        QCOMPARE(m_tails->requestAsAdmin("PUT", path, {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tails = std::make_unique<TestServer>();
        QVERIFY(m_tails->start());
        QCOMPARE(m_tails->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "live"}, {"cluster", "logwarden"}}).status, 201);
        for (const char *name : {"reader-1", "reader-2"})
            QCOMPARE(m_tails->requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                             {{"name", name}, {"realms", {{{"tenant", "live"}, {"cluster", "logwarden"}}}},
                                              {"scopes", {"logs:read"}}}).status, 201);
    }

    void tailClosesWhenItsServerJwtIsRevoked()
    {
        const QByteArray token = m_tails->issueJwt("tailer", "cluster-admin");
        expectTailClosed("Bearer " + token, [&] {
            QCOMPARE(m_tails->requestAsAdmin("POST", "/admin/api/v3/revoked-jwts", {{"token", token.toStdString()}}).status, 201);
        }, "revoked");
    }

    void tailClosesWhenItsTokenOrPolicyIsDeactivated()
    {
        auto token = [&](const char *name, const char *policy) {
            auto r = m_tails->requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", name}, {"access_policy", policy}});
            return "Bearer " + QByteArray::fromStdString(r.json().value("token", ""));
        };
        expectTailClosed(token("tail-token", "reader-1"), [&] { putInactive("/admin/api/v3/tokens/tail-token"); }, "unauthenticated");
        expectTailClosed(token("tail-token-2", "reader-2"), [&] { putInactive("/admin/api/v3/accesspolicies/reader-2"); }, "");
    }

    void tailClosesWhenTheUserChanges()
    {
        auto created = m_tails->requestAsAdmin("POST", "/admin/api/v3/users",
                                               {{"name", "tail-user"}, {"scopes", {"logs:read"}},
                                                {"realms", {{{"tenant", "live"}, {"cluster", "logwarden"}}}}});
        QCOMPARE(created.status, 201);
        const std::string key = created.json().value("access_key", "");
        auto self = [&](const std::string &k, qint64 exp) {
            return "Bearer " + signSelf(QStringLiteral(R"({"iss":"self-signed","sub":"tail-user","scope":"logs:read","exp":%1})").arg(exp), k);
        };
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // A new access key ends every JWT signed with the old one.
        expectTailClosed(self(key, now + 600), [&] {
            QCOMPARE(m_tails->requestAsAdmin("POST", "/admin/api/v3/users/tail-user/access-key").status, 200);
        }, "unauthenticated");
    }

    void tailClosesWhenItsJwtExpires()
    {
        // A request gets 30 s of leeway on exp for clock skew; a running tail ends at exp itself.
        auto created = m_tails->requestAsAdmin("POST", "/admin/api/v3/users",
                                               {{"name", "short-lived"}, {"scopes", {"logs:read"}},
                                                {"realms", {{{"tenant", "*"}, {"cluster", "logwarden"}}}}});
        const std::string key = created.json().value("access_key", "");
        const QByteArray token = signSelf(QStringLiteral(R"({"iss":"self-signed","sub":"short-lived","scope":"logs:read","exp":%1})")
                                              .arg(QDateTime::currentSecsSinceEpoch() + 3), key);
        auto ws = openTail(*m_tails, "Bearer " + token);
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::ConnectedState, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::UnconnectedState, 6000);
        QCOMPARE(int(ws->closeCode()), 1008);
        QVERIFY2(ws->closeReason().contains("expired"), qPrintable(ws->closeReason()));
    }

    void tailClosesWhenTheTenantIsDeactivated()
    {
        auto r = m_tails->requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", "tail-token-3"}, {"access_policy", "reader-1"}});
        QCOMPARE(r.status, 201);
        expectTailClosed("Bearer " + QByteArray::fromStdString(r.json().value("token", "")),
                         [&] { putInactive("/admin/api/v3/tenants/live"); }, "inactive");
    }

    void malformedJwtHeadersAre401()
    {
        auto b64 = [](const QByteArray &s) { return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals); };
        for (const QByteArray header : {QByteArray("{\"alg\":1}"), QByteArray("{\"alg\":null}"), QByteArray("{\"alg\":[\"RS256\"]}"),
                                        QByteArray("{\"alg\":{\"x\":1}}")}) {
            const QByteArray token = b64(header) + "." + b64("{\"sub\":\"x\"}") + ".c2ln";
            auto r = m_tails->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + token}});
            QVERIFY2(r.status == 401, r.body.constData());
        }
    }

    void cleanupTestCase() { QCOMPARE(m_tails->stop(), 0); }

    void serverJwtsCarryAJtiAndRevokeThroughTheApi()
    {
        TestServer server;
        QVERIFY2(server.start(), server.log().constData());
        const QByteArray token = server.issueJwt("ci-bot", "cluster-admin");
        QVERIFY(!token.isEmpty());
        QCOMPARE(statusWith(server, token), 200);

        // Only an admin may revoke.
        const QByteArray reader = server.issueJwt("auditor", "viewer");
        QCOMPARE(server.request("POST", "/admin/api/v3/revoked-jwts", "{\"token\":\"" + token + "\"}",
                                {{"Authorization", "Bearer " + reader}, {"Content-Type", "application/json"}}).status, 403);

        auto revoked = server.requestAsAdmin("POST", "/admin/api/v3/revoked-jwts", {{"token", token.toStdString()}});
        QCOMPARE(revoked.status, 201);
        const std::string jti = revoked.json().value("jti", "");
        QVERIFY(!jti.empty());
        QVERIFY(!revoked.json().value("revoked_by", "").empty());
        QCOMPARE(statusWith(server, token), 401);
        QVERIFY(server.request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + token}}).body.contains("revoked"));

        // Twice is a conflict; a malformed id is a 400 naming the field; the list shows it.
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/revoked-jwts", {{"jti", jti}}).status, 409);
        auto bad = server.requestAsAdmin("POST", "/admin/api/v3/revoked-jwts", {{"jti", "a b"}});
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("jti"));
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/revoked-jwts", {{"jti", "x"}, {"token", "y"}}).status, 400);
        auto list = server.requestAsAdmin("GET", "/admin/api/v3/revoked-jwts");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json()["items"][0].value("jti", ""), jti);

        // The revocation is in the audit log, and it outlives a restart.
        QVERIFY(server.requestAsAdmin("GET", "/admin/api/v3/audit").body.contains(QByteArray::fromStdString(jti)));
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        QCOMPARE(statusWith(server, token), 401);
        QCOMPARE(statusWith(server, reader), 200);
        QCOMPARE(server.stop(), 0);
    }

    void revokeJwtCommandWorksOnAStoppedServerOnly()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray token = server.issueJwt("ci-bot", "viewer");
        QCOMPARE(statusWith(server, token), 200);
        QTemporaryDir scratch;
        const QString file = scratch.filePath("token");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(token + "\n");
        }
        // While the server runs it cannot take the data directory, and says what to do instead.
        auto [busy, busyOut] = run({"revoke-jwt", "--data-dir", server.dataDir(), "--token-file", file});
        QCOMPARE(busy, 2);
        QVERIFY2(busyOut.contains("admin API"), busyOut.constData());
        QCOMPARE(server.stop(), 0);

        auto [code, out] = run({"revoke-jwt", "--data-dir", server.dataDir(), "--token-file", file});
        QCOMPARE(code, 0);
        QVERIFY(out.contains("revoked"));
        auto [again, againOut] = run({"revoke-jwt", "--data-dir", server.dataDir(), "--token-file", file});
        QCOMPARE(again, 2);
        QVERIFY(againOut.contains("already"));
        QCOMPARE(run({"revoke-jwt", "--data-dir", server.dataDir()}).first, 2);
        // A directory that never held a server refuses rather than creating one.
        auto [none, noneOut] = run({"revoke-jwt", "--data-dir", scratch.filePath("nothing"), "--jti", "abc"});
        QCOMPARE(none, 2);
        QVERIFY(noneOut.contains("no server key"));
        QVERIFY(!QFile::exists(scratch.filePath("nothing")));

        QVERIFY(server.start());
        QCOMPARE(statusWith(server, token), 401);
        QCOMPARE(server.stop(), 0);
    }

    void rotatingTheKeyRetiresEveryOlderServerJwt()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray oldSystem = server.systemJwt();
        const QByteArray issued = server.issueJwt("ci-bot", "cluster-admin");
        QCOMPARE(statusWith(server, issued), 200);
        auto [busy, busyOut] = run({"rotate-jwt-key", "--data-dir", server.dataDir()});
        QCOMPARE(busy, 2);
        QCOMPARE(server.stop(), 0);

        auto [code, out] = run({"rotate-jwt-key", "--data-dir", server.dataDir()});
        QCOMPARE(code, 0);
        const QByteArray newSystem = server.systemJwt();
        QVERIFY(!newSystem.isEmpty() && newSystem != oldSystem);
        QCOMPARE(QFile::permissions(server.dataDir() + "/system_jwt") & 0x0077, QFileDevice::Permissions());

        QVERIFY(server.start());
        QCOMPARE(statusWith(server, oldSystem), 401);
        QCOMPARE(statusWith(server, issued), 401);
        QCOMPARE(statusWith(server, newSystem), 200);
        QCOMPARE(statusWith(server, server.issueJwt("ci-bot", "cluster-admin")), 200);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(CredentialRevocationTest)
#include "test_credential_revocation.moc"
