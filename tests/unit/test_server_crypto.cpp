// Secrets at rest, server JWTs and the small parsers of logwardend's options.
#include "ServerOptions.h"
#include "auth/JwtAuthority.h"
#include "store/DataDirectory.h"
#include "store/SecretBox.h"

#include <QFileInfo>
#include <QTemporaryDir>
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
        QCOMPARE(QString::fromStdString(jwtHeaderAlgorithm(token)), QStringLiteral("RS256"));
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
