// The HTTP front against the real binary on loopback: limits enforced while reading, timeouts,
// connection caps, HTTP/1.1 framing, and clients that vanish or misbehave (issue 10).
#include "RawHttpClient.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <sys/resource.h>

using namespace lw::test;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &jwt, const QByteArray &extraHeaders = {},
                   const QByteArray &body = {}, const QByteArray &version = "HTTP/1.1")
{
    QByteArray r = method + ' ' + path + ' ' + version + "\r\nHost: test\r\n";
    if (!jwt.isEmpty())
        r += "Authorization: Bearer " + jwt + "\r\n";
    if (!body.isEmpty())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + extraHeaders + "\r\n" + body;
}

QByteArray sourceBody(const QByteArray &name)
{
    return R"({"name":")" + name + R"(","logFormat":"PLAIN","minLevel":"INFO","journald":{"syslogIdentifier":"x"}})";
}

QByteArray headerValue(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

} // namespace

class HttpFrontTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        rlimit limit{};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        QVERIFY2(limit.rlim_cur >= 4096, "the idle-connection test needs 4096 descriptors");
    }

    // 50 clients without a credential each declare a 1 GiB body and stream it over TLS: each is
    // answered 413 long before it has sent 1 MiB, and the server does not buffer what they send.
    void preauthBodiesAreRefusedBeforeTheyAreRead()
    {
        TestServer server;
        QVERIFY(server.start());
        const qint64 pid = server.process().processId();
        QFile certFile(server.dataDir() + QStringLiteral("/tls/server.crt"));
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));
        const long before = residentKiB(pid);

        struct Client {
            std::unique_ptr<QSslSocket> socket;
            qint64 written = 0;
            qint64 writtenAtAnswer = -1;
            QByteArray in;
        };
        std::vector<Client> clients(50);
        const QByteArray head = "POST /api/v2/logs/sources HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                                "Content-Length: 1073741824\r\n\r\n";
        const QByteArray chunk(16 * 1024, '\0');
        for (Client &c : clients) {
            c.socket = std::make_unique<QSslSocket>();
            c.socket->setSslConfiguration(tls);
            Client *self = &c;
            connect(c.socket.get(), &QSslSocket::encrypted, this, [self, &head] { self->socket->write(head); });
            connect(c.socket.get(), &QSslSocket::readyRead, this, [self] {
                self->in += self->socket->readAll();
                if (self->writtenAtAnswer < 0 && self->in.contains("\r\n\r\n"))
                    self->writtenAtAnswer = self->written;
            });
            c.socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
        }
        long peak = before;
        QTimer pump;
        connect(&pump, &QTimer::timeout, this, [&] {
            for (Client &c : clients) {
                if (c.socket->isEncrypted() && c.writtenAtAnswer < 0 && c.socket->bytesToWrite() == 0
                    && c.socket->encryptedBytesToWrite() == 0 && c.socket->state() == QAbstractSocket::ConnectedState) {
                    c.socket->write(chunk);
                    c.written += chunk.size();
                }
            }
            peak = std::max(peak, residentKiB(pid));
        });
        pump.start(5);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.begin(), clients.end(), [](const Client &c) { return c.writtenAtAnswer >= 0; }),
                                 15000);
        pump.stop();
        for (const Client &c : clients) {
            QVERIFY2(c.in.startsWith("HTTP/1.1 413"), c.in.left(200).constData());
            QVERIFY2(c.writtenAtAnswer < MiB, QByteArray::number(c.writtenAtAnswer).constData());
        }
        QVERIFY2(peak - before < 64 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(peak - before)));
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
    }

    // 2,000 idle connections and 200 clients sending their head a byte a second do not keep a
    // normal client from its answer; the server closes them after the documented timeouts.
    void idleAndSlowClientsDoNotStarveOthers()
    {
        TestServer server({}, {"--http-listen", "127.0.0.1:0", "--header-timeout", "2", "--keepalive-timeout", "3"});
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawHttpClient>> idle, slow;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray from = "127.0.0." + QByteArray::number(2 + i / 250);
            idle.push_back(std::make_unique<RawHttpClient>(i % 2 ? server.port() : server.plainPort(), from.constData()));
            QVERIFY(idle.back()->isConnected());
        }
        for (int i = 0; i < 200; ++i) {
            slow.push_back(std::make_unique<RawHttpClient>(server.plainPort(), "127.0.0.20"));
            QVERIFY(slow.back()->send("G"));
        }
        // 1 s, as the issue asks, for the optimised build; a sanitizer build (installer/sanitize.sh
        // sets ASAN_OPTIONS) runs the same code several times slower, so there the bound is 3 s.
        const qint64 bound = qEnvironmentVariableIsSet("ASAN_OPTIONS") ? 3000 : 1000;
        QElapsedTimer t;
        t.start();
        const Reply reply = server.requestAsAdmin("GET", "/api/v2/logs/sources");
        QCOMPARE(reply.status, 200);
        QVERIFY2(t.elapsed() < bound, qPrintable(QStringLiteral("the answer took %1 ms").arg(t.elapsed())));
        RawHttpClient normal(server.plainPort());
        t.restart();
        QVERIFY(normal.send(request("GET", "/api/v2/logs/sources", server.systemJwt())));
        QCOMPARE(RawHttpClient::statuses(normal.readResponses(1, static_cast<int>(bound))), QList<int>{200});
        QVERIFY(t.elapsed() < bound);

        // The trickling heads get a byte a second; none completes within the 2 s head timeout.
        const QByteArray rest = "ET /api/v2/logs/sources HTTP/1.1\r\n";
        for (int second = 0; second < 3; ++second) {
            QTest::qWait(1000);
            for (auto &c : slow)
                c->send(rest.mid(second, 1));
        }
        for (auto &c : slow)
            QVERIFY(c->waitClosed(2000));
        for (auto &c : idle)
            QVERIFY(c->waitClosed(2000));
        // The keep-alive connection outlives the head timeout, and closes after its own.
        QTest::qWait(300);
        QVERIFY(!normal.peerClosed());
        QVERIFY(normal.waitClosed(4000));
        QVERIFY(RawHttpClient::countCompleteResponses(normal.received()) == 1);
    }

    void connectionCaps()
    {
        TestServer server({}, {"--http-listen", "127.0.0.1:0", "--max-connections-per-client", "20", "--max-connections", "30"});
        QVERIFY(server.start());
        const QByteArray jwt = server.systemJwt();
        const QByteArray get = request("GET", "/api/v2/logs/sources", jwt);
        auto served = [&get](RawHttpClient &c) {
            return c.send(get) && RawHttpClient::statuses(c.readResponses(1, 3000)) == QList<int>{200};
        };
        std::vector<std::unique_ptr<RawHttpClient>> open;
        for (int i = 0; i < 20; ++i) {
            open.push_back(std::make_unique<RawHttpClient>(server.plainPort(), "127.0.0.1"));
            QVERIFY(served(*open.back()));
        }
        RawHttpClient oneTooMany(server.plainPort(), "127.0.0.1");
        QVERIFY(oneTooMany.waitClosed(3000));
        QVERIFY(oneTooMany.received().isEmpty());
        QTRY_VERIFY(server.log().contains("refused a connection from 127.0.0.1: 20 connections from that address are open"));
        for (int i = 0; i < 10; ++i) {
            open.push_back(std::make_unique<RawHttpClient>(server.plainPort(), "127.0.0.2"));
            QVERIFY(served(*open.back()));
        }
        RawHttpClient overTotal(server.plainPort(), "127.0.0.3");
        QVERIFY(overTotal.waitClosed(3000));
        QVERIFY(overTotal.received().isEmpty());
        // Places free up as connections close.
        open.resize(25);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                RawHttpClient again(server.plainPort(), "127.0.0.3");
                return served(again);
            }(),
            5000);
    }

    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        const QByteArray jwt = "JWT";
        QTest::newRow("oversized header") << request("GET", "/api/v2/logs/sources", jwt, "X-Big: " + QByteArray(20000, 'a') + "\r\n")
                                          << 431 << QByteArray("header_too_large");
        QTest::newRow("bad request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << QByteArray("bad_request");
        QTest::newRow("absolute target") << QByteArray("GET http://x/api/v2/logs/sources HTTP/1.1\r\nHost: x\r\n\r\n") << 400
                                         << QByteArray("bad_request");
        QTest::newRow("bad chunk encoding")
            << request("POST", "/api/v2/logs/sources", jwt, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
                   + "zz\r\n{}\r\n0\r\n\r\n"
            << 400 << QByteArray("bad_request");
        QTest::newRow("declared body over the route's limit")
            << request("POST", "/api/v2/logs/sources", jwt, "Content-Type: application/json\r\nContent-Length: 1048577\r\n")
            << 413 << QByteArray("body_too_large");
        QTest::newRow("declared body over the limit, no credential")
            << request("POST", "/api/v2/logs/sources", {}, "Content-Length: 99999999999\r\n") << 413 << QByteArray("body_too_large");
        QTest::newRow("no credential: refused before the body")
            << request("POST", "/api/v2/logs/sources", {}, "Content-Length: 500000\r\n") << 401 << QByteArray("unauthenticated");
    }

    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        TestServer &server = plainServer();
        RawHttpClient c(server.plainPort());
        QVERIFY(c.send(bytes.replace("Bearer JWT", "Bearer " + server.systemJwt())));
        const QByteArray &in = c.readResponses(1, 5000);
        QCOMPARE(RawHttpClient::statuses(in), QList<int>{status});
        QVERIFY2(in.contains("\"code\":\"" + code + "\""), in.constData());
        QVERIFY(c.waitClosed(3000)); // refusals close the connection
    }

    // A chunked body is counted while it arrives: 413 once it passes the route's limit, though the
    // client never finishes it.
    void chunkedBodyOverTheLimit()
    {
        TestServer &server = plainServer();
        RawHttpClient c(server.plainPort());
        QVERIFY(c.send(request("POST", "/api/v2/logs/sources", server.systemJwt(),
                               "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")));
        const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'a') + "\r\n";
        qint64 sent = 0;
        while (sent < 8 * MiB && RawHttpClient::countCompleteResponses(c.received()) == 0) {
            if (!c.send(chunk))
                break;
            sent += 0x10000;
            c.readUntil([](const QByteArray &b) { return RawHttpClient::countCompleteResponses(b) > 0; }, 1);
        }
        c.readResponses(1, 3000);
        QCOMPARE(RawHttpClient::statuses(c.received()), QList<int>{413});
        QVERIFY2(sent < 8 * MiB, "no answer while the body was still arriving");
        QVERIFY(c.received().contains("limit for POST /api/v2/logs/sources is 1048576 bytes"));
    }

    void pipelinedRequestsAnsweredInOrder()
    {
        TestServer &server = plainServer();
        const QByteArray jwt = server.systemJwt();
        RawHttpClient c(server.plainPort());
        QVERIFY(c.send(request("POST", "/api/v2/logs/sources", jwt, {}, sourceBody("piped-1"))
                       + request("GET", "/no/such/path", jwt) + request("GET", "/api/v2/logs/sources/piped-1", jwt)
                       + request("GET", "/api/v2/logs/targets", jwt)));
        QCOMPARE(RawHttpClient::statuses(c.readResponses(4, 5000)), (QList<int>{201, 404, 200, 200}));
        QVERIFY(!c.peerClosed());
    }

    void keepAliveAndClose()
    {
        TestServer &server = plainServer();
        const QByteArray jwt = server.systemJwt();
        {
            RawHttpClient c(server.plainPort());
            QVERIFY(c.send(request("GET", "/api/v2/logs/sources", jwt, "Connection: close\r\n")));
            QCOMPARE(RawHttpClient::statuses(c.readResponses(1, 3000)), QList<int>{200});
            QCOMPARE(headerValue(c.received(), "Connection").toLower(), QByteArray("close"));
            QVERIFY(c.waitClosed(3000));
        }
        {
            RawHttpClient c(server.plainPort());
            QVERIFY(c.send(request("GET", "/api/v2/logs/sources", jwt, "Connection: keep-alive\r\n", {}, "HTTP/1.0")));
            c.readResponses(1, 3000);
            QVERIFY(c.received().startsWith("HTTP/1.0 200"));
            QCOMPARE(headerValue(c.received(), "Connection").toLower(), QByteArray("keep-alive"));
            QVERIFY(c.send(request("GET", "/api/v2/logs/targets", jwt, "Connection: keep-alive\r\n", {}, "HTTP/1.0")));
            QCOMPARE(RawHttpClient::statuses(c.readResponses(2, 3000)), (QList<int>{200, 200}));
            QVERIFY(!c.peerClosed());
        }
        {
            RawHttpClient c(server.plainPort());
            QVERIFY(c.send(request("GET", "/api/v2/logs/sources", jwt, {}, {}, "HTTP/1.0")));
            QCOMPARE(RawHttpClient::statuses(c.readResponses(1, 3000)), QList<int>{200});
            QVERIFY(c.waitClosed(3000));
        }
    }

    void expectContinueOnlyWithinTheLimit()
    {
        TestServer &server = plainServer();
        const QByteArray jwt = server.systemJwt();
        const QByteArray body = sourceBody("expecting");
        RawHttpClient c(server.plainPort());
        QVERIFY(c.send("POST /api/v2/logs/sources HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + jwt
                       + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n"));
        c.readUntil([](const QByteArray &b) { return b.contains("\r\n\r\n"); }, 3000);
        QVERIFY2(c.received().startsWith("HTTP/1.1 100 Continue\r\n\r\n"), c.received().constData());
        QVERIFY(c.send(body));
        c.readUntil([](const QByteArray &b) { return RawHttpClient::countCompleteResponses(b.mid(25)) == 1; }, 3000);
        QCOMPARE(RawHttpClient::statuses(c.received().mid(25)), QList<int>{201});

        RawHttpClient big(server.plainPort());
        QVERIFY(big.send("POST /api/v2/logs/sources HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + jwt
                         + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2097152\r\n\r\n"));
        big.readResponses(1, 3000);
        QVERIFY2(big.received().startsWith("HTTP/1.1 413"), big.received().left(100).constData());
    }

    // Clients that vanish in the middle of a body or of a large answer leave no connection or
    // descriptor behind.
    void vanishingClientsLeaveNothingBehind()
    {
        TestServer &server = plainServer();
        const QByteArray jwt = server.systemJwt();
        QByteArray paths;
        for (int i = 0; i < 200; ++i)
            paths += (i ? "," : "") + ("\"/var/log/" + QByteArray(3900, 'p') + QByteArray::number(i) + "\"");
        const QByteArray big = R"({"name":"wide","logFormat":"PLAIN","minLevel":"INFO","file":{"paths":[)" + paths + "]}}";
        RawHttpClient setup(server.plainPort());
        QVERIFY(setup.send(request("POST", "/api/v2/logs/sources", jwt, {}, big)));
        QCOMPARE(RawHttpClient::statuses(setup.readResponses(1, 5000)), QList<int>{201});
        const qint64 pid = server.process().processId();
        QTest::qWait(200);
        const int baseline = openDescriptors(pid);

        for (int i = 0; i < 50; ++i) {
            RawHttpClient midBody(server.plainPort());
            midBody.send("POST /api/v2/logs/sources HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + jwt
                         + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"name\":\"");
            midBody.reset();
            RawHttpClient midAnswer(server.plainPort());
            midAnswer.send(request("GET", "/api/v2/logs/sources", jwt));
            midAnswer.readUntil([](const QByteArray &b) { return b.size() > 1000; }, 2000);
            midAnswer.reset();
        }
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(pid) <= baseline + 1, 5000);
        RawHttpClient after(server.plainPort());
        QVERIFY(after.send(request("GET", "/api/v2/logs/targets", jwt)));
        QCOMPARE(RawHttpClient::statuses(after.readResponses(1, 3000)), QList<int>{200});
    }

    // SIGTERM: no new connections, but a request whose body is still arriving is finished and
    // answered; then the server exits 0 and the change it acknowledged is there after a restart.
    void sigtermFinishesRequestsInFlight()
    {
        TestServer server({}, {"--http-listen", "127.0.0.1:0"});
        QVERIFY(server.start());
        const QByteArray body = sourceBody("late-arrival");
        RawHttpClient c(server.plainPort());
        QVERIFY(c.send(request("POST", "/api/v2/logs/sources", server.systemJwt(), {}, body).chopped(10)));
        QTest::qWait(200);
        ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
        QTRY_VERIFY(server.log().contains("shutting down"));
        RawHttpClient refused(server.plainPort());
        QVERIFY(!refused.isConnected() || refused.waitClosed(3000));
        QVERIFY(c.send(body.right(10)));
        QCOMPARE(RawHttpClient::statuses(c.readResponses(1, 5000)), QList<int>{201});
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources/late-arrival").status, 200);
    }

    void cleanupTestCase() { m_plain.reset(); }

private:
    TestServer &plainServer()
    {
        if (!m_plain) {
            m_plain = std::make_unique<TestServer>(QString(), QStringList{"--http-listen", "127.0.0.1:0"});
            if (!m_plain->start())
                qFatal("logwardend did not start: %s", m_plain->log().constData());
        }
        return *m_plain;
    }
    std::unique_ptr<TestServer> m_plain;
};

QTEST_GUILESS_MAIN(HttpFrontTest)
#include "test_http_front.moc"
