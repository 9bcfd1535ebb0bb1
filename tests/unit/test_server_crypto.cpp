// Secrets at rest, server JWTs and the small parsers of logwardend's options.
#include "ServerOptions.h"
#include "auth/JwtAuthority.h"
#include "auth/JwtClaims.h"
#include "store/DataDirectory.h"
#include "store/SecretBox.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace lw::server;

class ServerCryptoTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void secretBoxRoundTripAndTamper()
    {
        SecretBox box(SecretBox::generateKey());
        const std::string sealed = box.seal("-----BEGIN PRIVATE KEY-----\nsecret", "tls-bundle/a");
        QVERIFY(sealed.rfind("v1:", 0) == 0);
        QVERIFY(sealed.find("secret") == std::string::npos);
        QCOMPARE(QString::fromStdString(box.open(sealed, "tls-bundle/a")), QStringLiteral("-----BEGIN PRIVATE KEY-----\nsecret"));
        QVERIFY(box.seal("x", "a") != box.seal("x", "a")); // fresh nonce every time
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, box.open(sealed, "tls-bundle/b")); // bound to its record
        std::string flipped = sealed;
        flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, box.open(flipped, "tls-bundle/a"));
        SecretBox other(SecretBox::generateKey());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, other.open(sealed, "tls-bundle/a"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SecretBox(QByteArray(16, 'k')));
    }

    void jwtIssueVerifyAndRoles()
    {
        DataDirectory dir(m_dir.path() + "/jwt");
        JwtAuthority authority(dir);
        QCOMPARE(QFileInfo(dir.filePath("jwt-signing.pem")).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        const std::string token = authority.issue("alice", "viewer", std::chrono::hours(1));
        const auto decoded = std::get<DecodedJwt>(decodeJwt(token));
        QCOMPARE(decoded.header.value("alg", ""), std::string("RS256"));
        QVERIFY(!decoded.claims.value("jti", "").empty()); // what a revocation names
        auto result = authority.verify(token);
        QVERIFY(std::holds_alternative<Verified>(result));
        const Principal p = std::get<Verified>(result).principal;
        QVERIFY(std::get<Verified>(result).expiresAtMs > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(QString::fromStdString(p.subject), QStringLiteral("alice"));
        QVERIFY(p.allows(scopes::ConfigRead));
        QVERIFY(!p.allows(scopes::ConfigWrite));

        // Same data dir, same key: tokens survive a restart. Another dir: they do not.
        JwtAuthority reloaded(dir);
        QVERIFY(std::holds_alternative<Verified>(reloaded.verify(token)));
        DataDirectory otherDir(m_dir.path() + "/other");
        JwtAuthority stranger(otherDir);
        QVERIFY(std::holds_alternative<std::string>(stranger.verify(token)));
    }

    // Every JWT's time claims: integers of seconds in range, exp required and not past, nbf and
    // iat not ahead, and self-signed ones at most the maximum lifetime ahead.
    void jwtTimeClaims_data()
    {
        QTest::addColumn<QString>("claims");
        QTest::addColumn<qint64>("maxLifetime");
        QTest::addColumn<QString>("error");
        const qint64 now = 2000000000;
        auto c = [](const QString &s) { return s; };
        QTest::newRow("valid") << c(QStringLiteral(R"({"exp":%1,"iat":%2})").arg(now + 3600).arg(now)) << qint64(86400) << "";
        QTest::newRow("no exp") << c(R"({"iat":1})") << qint64(0) << "no expiry";
        QTest::newRow("exp -1") << c(R"({"exp":-1})") << qint64(0) << "out of range";
        QTest::newRow("exp string") << c(QStringLiteral(R"({"exp":"%1"})").arg(now + 10)) << qint64(0) << "not an integer";
        QTest::newRow("exp float") << c(QStringLiteral(R"({"exp":%1.5})").arg(now + 10)) << qint64(0) << "not an integer";
        QTest::newRow("exp overflow") << c(R"({"exp":18446744073709551615})") << qint64(0) << "out of range";
        QTest::newRow("exp beyond 9999") << c(R"({"exp":253402300800})") << qint64(0) << "out of range";
        QTest::newRow("expired") << c(QStringLiteral(R"({"exp":%1})").arg(now - 60)) << qint64(0) << "expired";
        QTest::newRow("within leeway") << c(QStringLiteral(R"({"exp":%1})").arg(now - 10)) << qint64(0) << "";
        QTest::newRow("nbf ahead") << c(QStringLiteral(R"({"exp":%1,"nbf":%2})").arg(now + 600).arg(now + 300)) << qint64(0) << "not valid yet";
        QTest::newRow("iat ahead") << c(QStringLiteral(R"({"exp":%1,"iat":%2})").arg(now + 600).arg(now + 300)) << qint64(0) << "in the future";
        QTest::newRow("too long a life") << c(QStringLiteral(R"({"exp":%1})").arg(now + 86400 * 10)) << qint64(86400) << "lives longer";
        QTest::newRow("far future, no maximum") << c(QStringLiteral(R"({"exp":%1})").arg(now + 86400 * 3650)) << qint64(0) << "";
    }
    void jwtTimeClaims()
    {
        QFETCH(QString, claims);
        QFETCH(qint64, maxLifetime);
        QFETCH(QString, error);
        const auto why = timeClaimsError(lw::Json::parse(claims.toStdString()), TimeRules{2000000000, 30, true, maxLifetime});
        if (error.isEmpty())
            QVERIFY2(!why, why ? why->c_str() : "");
        else
            QVERIFY2(why && QString::fromStdString(*why).contains(error), why ? why->c_str() : "accepted");
    }

    void hmacSignatures()
    {
        const auto b64 = [](const QByteArray &b) { return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals); };
        const QByteArray input = b64(R"({"alg":"HS256"})") + "." + b64(R"({"sub":"a"})");
        const QByteArray sig = QMessageAuthenticationCode::hash(input, "key", QCryptographicHash::Sha256);
        const auto jwt = std::get<DecodedJwt>(decodeJwt((input + "." + b64(sig)).toStdString()));
        QVERIFY(hmacSignatureMatches("HS256", "key", jwt));
        QVERIFY(!hmacSignatureMatches("HS256", "other", jwt));
        QVERIFY(!hmacSignatureMatches("HS512", "key", jwt));
        QVERIFY(!hmacSignatureMatches("none", "key", jwt));
        QVERIFY(!hmacSignatureMatches("HS256", "", jwt));
        auto truncated = jwt;
        truncated.signature.pop_back();
        QVERIFY(!hmacSignatureMatches("HS256", "key", truncated));
        QVERIFY(std::holds_alternative<std::string>(decodeJwt("a.b")));
        QVERIFY(std::holds_alternative<std::string>(decodeJwt((b64("[1]") + "." + b64("{}") + ".").toStdString())));
    }

    void adminImpliesConfigScopes()
    {
        Principal admin;
        admin.scopes = {"admin"};
        QVERIFY(admin.allows(scopes::ConfigWrite));
        QVERIFY(!admin.allows(scopes::LogsRead));
        QVERIFY(scopes::forRole("cluster-admin")->count("logs:delete"));
        QVERIFY(!scopes::forRole("root"));
    }

    void hostPort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("port");
        QTest::newRow("any") << "0.0.0.0:8443" << true << 8443;
        QTest::newRow("loopback ephemeral") << "127.0.0.1:0" << true << 0;
        QTest::newRow("ipv6") << "[::1]:9000" << true << 9000;
        QTest::newRow("localhost") << "localhost:8090" << true << 8090;
        QTest::newRow("no port") << "127.0.0.1" << false << 0;
        QTest::newRow("port too big") << "127.0.0.1:70000" << false << 0;
        QTest::newRow("hostname") << "example.com:80" << false << 0;
    }
    void hostPort()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, port);
        auto hp = parseHostPort(text);
        QCOMPARE(hp.has_value(), valid);
        if (valid)
            QCOMPARE(int(hp->port), port);
    }

    void durations()
    {
        QCOMPARE(parseDurationSeconds("3600").value(), qint64(3600));
        QCOMPARE(parseDurationSeconds("90m").value(), qint64(5400));
        QCOMPARE(parseDurationSeconds("30d").value(), qint64(30 * 86400));
        QVERIFY(!parseDurationSeconds("0"));
        QVERIFY(!parseDurationSeconds("1w"));
        QVERIFY(!parseDurationSeconds("-5s"));
    }
};

QTEST_GUILESS_MAIN(ServerCryptoTest)
#include "test_server_crypto.moc"
