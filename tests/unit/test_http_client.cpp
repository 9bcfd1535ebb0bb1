// HttpClient (the upstream client the Loki gateway reads with) against scripted peers on loopback:
// real sockets, real TLS. Each peer reads a request head and answers with the bytes a case gives.

#include "http/HttpClient.h"
#include "TestCertificates.h"
#include "TestServer.h"

#include <QPointer>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <functional>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <memory>
#include <optional>

using lw::server::HttpClient;

namespace {

// A peer that answers every request head it reads with `answer(n)` (n: requests so far), and may
// close the connection after it.
class ScriptedPeer : public QObject {
public:
    struct Step {
        QByteArray bytes;
        bool close = false;
        bool hold = false; // answer later, with release()
    };
    std::function<Step(int)> answer;
    int connections = 0;
    int requests = 0;
    QList<QByteArray> heads;
    QList<QPointer<QTcpSocket>> held;

    void release(const QByteArray &bytes)
    {
        for (const auto &socket : std::exchange(held, {}))
            if (socket)
                socket->write(bytes);
    }

    explicit ScriptedPeer(QTcpServer *server) : m_server(server)
    {
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                ++connections;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    for (qsizetype end; (end = buffer->indexOf("\r\n\r\n")) >= 0;) {
                        QByteArray head = buffer->left(end + 4);
                        buffer->remove(0, end + 4);
                        if (const qsizetype at = head.toLower().indexOf("content-length: "); at >= 0) {
                            const qsizetype lineEnd = head.indexOf("\r\n", at);
                            buffer->remove(0, head.mid(at + 16, lineEnd - at - 16).toLongLong()); // (bodies are small here)
                        }
                        heads.append(head);
                        const Step step = answer(++requests);
                        if (step.hold)
                            held.append(socket);
                        socket->write(step.bytes);
                        if (step.close)
                            socket->disconnectFromHost();
                    }
                });
            }
        });
    }

private:
    QTcpServer *m_server;
};

QByteArray ok(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

std::optional<HttpClient::Answer> sendAndWait(HttpClient &client, HttpClient::Request request, int ms = 10000)
{
    std::optional<HttpClient::Answer> answer;
    client.send(std::move(request), [&answer](HttpClient::Answer a) { answer = std::move(a); });
    QTest::qWaitFor([&] { return answer.has_value(); }, ms);
    return answer;
}

HttpClient::Request get(const QByteArray &target)
{
    HttpClient::Request r;
    r.target = target;
    r.headers = {{"X-Scope-OrgID", "t1"}};
    return r;
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

    QTcpServer m_server;
    std::unique_ptr<ScriptedPeer> m_peer;
    QUrl origin() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private Q_SLOTS:
    void init()
    {
        m_server.close();
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_peer = std::make_unique<ScriptedPeer>(&m_server);
    }

    // Answers are read whole (Content-Length, chunked, or up to the close) and a kept connection
    // is used again; the request carries the host, the headers given and the target as given.
    void keptAliveAndFramings()
    {
        m_peer->answer = [](int n) -> ScriptedPeer::Step {
            if (n == 1)
                return {ok("{\"a\":1}")};
            if (n == 2)
                return {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n"};
            return {"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", true};
        };
        HttpClient client(origin(), {}, 1 << 20, 5000);
        auto a = sendAndWait(client, get("/loki/api/v1/query?query=%7Bjob%3D%22x%22%7D"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(a->status, 200);
        QCOMPARE(a->body, QByteArray("{\"a\":1}"));
        QCOMPARE(a->contentType, QByteArray("application/json"));
        QVERIFY(m_peer->heads.at(0).startsWith("GET /loki/api/v1/query?query=%7Bjob%3D%22x%22%7D HTTP/1.1\r\n"));
        QVERIFY(m_peer->heads.at(0).contains("Host: 127.0.0.1:" + QByteArray::number(m_server.serverPort()) + "\r\n"));
        QVERIFY(m_peer->heads.at(0).contains("X-Scope-OrgID: t1\r\n"));
        QCOMPARE(client.idleConnections(), size_t(1));
        a = sendAndWait(client, get("/two"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(a->body, QByteArray("abcdefg"));
        a = sendAndWait(client, get("/three"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(a->body, QByteArray("until the end"));
        QCOMPARE(m_peer->connections, 1); // all three on one connection
        QCOMPARE(client.idleConnections(), size_t(0)); // the last one ended with it
    }

    // A kept connection the peer closed while idle is noticed, and a GET finds a new one; a POST
    // is not sent on a kept connection unless it is idempotent.
    void closedIdleConnectionAndPost()
    {
        m_peer->answer = [](int n) -> ScriptedPeer::Step { return {ok("r" + QByteArray::number(n)), n == 1}; };
        HttpClient client(origin(), {}, 1 << 20, 5000);
        QCOMPARE(sendAndWait(client, get("/a"))->body, QByteArray("r1"));
        QTRY_COMPARE_WITH_TIMEOUT(client.idleConnections(), size_t(0), 5000);
        QCOMPARE(sendAndWait(client, get("/b"))->body, QByteArray("r2"));
        QCOMPARE(m_peer->connections, 2);
        QCOMPARE(client.idleConnections(), size_t(1));
        HttpClient::Request post = get("/loki/api/v1/delete?query=x");
        post.method = "POST";
        auto a = sendAndWait(client, post);
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(m_peer->connections, 3);
        QVERIFY(m_peer->heads.last().startsWith("POST /loki/api/v1/delete?query=x HTTP/1.1\r\n"));
        QVERIFY(m_peer->heads.last().contains("Content-Length: 0\r\n"));
        // A POST its caller calls idempotent (a push) may use the kept connection, body and all.
        HttpClient::Request push = get("/loki/api/v1/push");
        push.method = "POST";
        push.body = "snappy bytes";
        push.idempotent = true;
        a = sendAndWait(client, push);
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(m_peer->connections, 3);
        QVERIFY(m_peer->heads.last().contains("Content-Length: 12\r\n"));
    }

    // The race: the peer closes a kept connection just as the next GET goes out on it (sent from
    // the first answer's callback, before the close is seen). The GET is sent again on a new one.
    void getRetriedWhenAKeptConnectionCloses()
    {
        m_peer->answer = [](int n) -> ScriptedPeer::Step { return {ok("r" + QByteArray::number(n)), n == 1}; };
        HttpClient client(origin(), {}, 1 << 20, 5000);
        std::optional<HttpClient::Answer> second;
        client.send(get("/a"), [&](HttpClient::Answer first) {
            QCOMPARE(first.body, QByteArray("r1"));
            client.send(get("/b"), [&](HttpClient::Answer a) { second = std::move(a); });
        });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 5000);
        QVERIFY2(second->failure == HttpClient::Answer::Failure::None, second->error.c_str());
        QCOMPARE(second->body, QByteArray("r2"));
        QCOMPARE(m_peer->connections, 2);
    }

    // A redirect is an answer, not followed.
    void redirectIsNotFollowed()
    {
        m_peer->answer = [](int) -> ScriptedPeer::Step {
            return {"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n"};
        };
        HttpClient client(origin(), {}, 1 << 20, 5000);
        auto a = sendAndWait(client, get("/x"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::None);
        QCOMPARE(a->status, 302);
        QCOMPARE(m_peer->requests, 1);
    }

    // Limits hold while reading: a body over the limit (declared or chunked) and a head over
    // 64 KiB are refused without reading them whole; garbage is a failure that says so.
    void limitsWhileReading()
    {
        const QByteArray big(300 * 1024, 'x');
        m_peer->answer = [&big](int n) -> ScriptedPeer::Step {
            if (n == 1)
                return {ok(big)};
            if (n == 2) // chunked: no length announced, the limit is met while reading
                return {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(big.size(), 16) + "\r\n" + big + "\r\n0\r\n\r\n"};
            if (n == 3)
                return {"HTTP/1.1 200 OK\r\nX-Filler: " + QByteArray(70 * 1024, 'h') + "\r\nContent-Length: 0\r\n\r\n"};
            return {"SMTP ready\r\n\r\n", true};
        };
        HttpClient client(origin(), {}, 256 * 1024, 5000);
        auto a = sendAndWait(client, get("/1"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::TooLarge);
        a = sendAndWait(client, get("/2"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::TooLarge);
        QVERIFY(a->body.isEmpty());
        a = sendAndWait(client, get("/3"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::Network);
        QVERIFY2(QString::fromStdString(a->error).contains("64 KiB"), a->error.c_str());
        a = sendAndWait(client, get("/4"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::Network);
        QVERIFY2(QString::fromStdString(a->error).contains("cannot be read"), a->error.c_str());
        QCOMPARE(client.idleConnections(), size_t(0));
    }

    // Framing cannot grow without end either: a chunk-size line that never ends, a trailer that never
    // ends, and a body in many small chunks past the limit are each refused while they arrive.
    void framingIsBounded()
    {
        m_peer->answer = [](int n) -> ScriptedPeer::Step {
            const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
            if (n == 1)
                return {head + "1;" + QByteArray(100 * 1024, 'e')};
            if (n == 2)
                return {head + "0\r\nX-Trailer: " + QByteArray(100 * 1024, 't')};
            QByteArray small;
            for (int i = 0; i < 40000; ++i) // 40,000 one-byte chunks: 40 KB of body in 240 KB
                small += "1\r\nx\r\n";
            return {head + small + "0\r\n\r\n"};
        };
        HttpClient client(origin(), {}, 16 * 1024, 5000);
        for (const char *path : {"/line", "/trailer"}) {
            auto a = sendAndWait(client, get(path));
            QVERIFY2(a && a->failure == HttpClient::Answer::Failure::Network, path);
            QVERIFY2(QString::fromStdString(a->error).contains("longer than 64 KiB"), a->error.c_str());
        }
        auto a = sendAndWait(client, get("/small-chunks"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::TooLarge);
        QCOMPARE(client.openConnections(), size_t(0));
    }

    // At most MaxConnections at once: more requests wait, and go when connections are free.
    void connectionsAreCapped()
    {
        m_peer->answer = [](int) -> ScriptedPeer::Step { return {{}, false, true}; }; // held
        HttpClient client(origin(), {}, 1 << 20, 20000);
        const int total = int(HttpClient::MaxConnections) + 8;
        int answered = 0;
        for (int i = 0; i < total; ++i)
            client.send(get("/held"), [&answered](HttpClient::Answer a) { answered += a.status == 200; });
        QTRY_COMPARE_WITH_TIMEOUT(m_peer->requests, int(HttpClient::MaxConnections), 5000);
        QCOMPARE(client.openConnections(), HttpClient::MaxConnections);
        QCOMPARE(client.waitingRequests(), size_t(8));
        QTest::qWait(200);
        QCOMPARE(m_peer->connections, int(HttpClient::MaxConnections));
        m_peer->answer = [](int) -> ScriptedPeer::Step { return {ok("later")}; };
        m_peer->release(ok("first"));
        QTRY_COMPARE_WITH_TIMEOUT(answered, total, 5000);
        QCOMPARE(m_peer->connections, int(HttpClient::MaxConnections)); // the waiting ones went on kept connections
        QCOMPARE(client.waitingRequests(), size_t(0));
    }

    // A client destroyed with requests in flight (one on a kept connection, one waiting for an
    // answer, one not sent yet) calls none of them back, and nothing reaches freed memory (ASan).
    void destroyedWithCallsInFlight()
    {
        m_peer->answer = [](int n) -> ScriptedPeer::Step { return n == 1 ? ScriptedPeer::Step{ok("one")} : ScriptedPeer::Step{{}, false, true}; };
        int calledBack = 0;
        {
            HttpClient client(origin(), {}, 1 << 20, 20000);
            QCOMPARE(sendAndWait(client, get("/first"))->body, QByteArray("one"));
            QCOMPARE(client.idleConnections(), size_t(1));
            client.send(get("/kept"), [&calledBack](HttpClient::Answer) { ++calledBack; }); // on the kept connection
            client.send(get("/new"), [&calledBack](HttpClient::Answer) { ++calledBack; });
            QTRY_COMPARE_WITH_TIMEOUT(m_peer->requests, 3, 5000);
        }
        m_peer->release(ok("too late"));
        QTest::qWait(300);
        QCOMPARE(calledBack, 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HttpClient(QUrl("htps://127.0.0.1:1"), {}, 1, 1));
    }

    // No answer in time: a timeout, the connection closed. No peer at all: a failure naming why.
    void timeoutAndRefused()
    {
        m_peer->answer = [](int) -> ScriptedPeer::Step { return {}; }; // reads, never answers
        HttpClient client(origin(), {}, 1 << 20, 400);
        QElapsedTimer timer;
        timer.start();
        auto a = sendAndWait(client, get("/slow"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::Timeout);
        QVERIFY2(timer.elapsed() >= 350 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(client.idleConnections(), size_t(0));

        const quint16 port = m_server.serverPort();
        m_server.close();
        HttpClient nobody(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {}, 1 << 20, 5000);
        a = sendAndWait(nobody, get("/"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::Network);
        QVERIFY2(QString::fromStdString(a->error).contains("refused", Qt::CaseInsensitive), a->error.c_str());
    }

    // A connection Qt fails inside connectToHost (here: no file descriptor left for a socket) is
    // answered at once, not left to the timeout holding one of the connections.
    void connectionFailingAtOnce()
    {
        m_peer->answer = [](int) -> ScriptedPeer::Step { return {ok("fine")}; };
        HttpClient client(origin(), {}, 1 << 20, 30000);
        // Every descriptor the process may have, under a limit lowered for the test (CI may run
        // without standard input, so a descriptor of our own is copied).
        rlimit old {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &old) == 0);
        rlimit low = old;
        low.rlim_cur = std::min<rlim_t>(old.rlim_cur, 2048);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &low) == 0);
        const int base = ::open("/dev/null", O_RDONLY);
        QVERIFY(base >= 0);
        std::vector<int> spare;
        for (int fd; (fd = ::dup(base)) >= 0;)
            spare.push_back(fd);
        QVERIFY(errno == EMFILE);
        QElapsedTimer timer;
        timer.start();
        std::optional<HttpClient::Answer> a;
        client.send(get("/"), [&a](HttpClient::Answer answer) { a = std::move(answer); });
        for (int fd : spare) // (before waiting: the event loop needs descriptors of its own)
            ::close(fd);
        ::close(base);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &old) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(a.has_value(), 25000);
        QVERIFY2(a->failure == HttpClient::Answer::Failure::Network, a->error.c_str());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(client.openConnections(), size_t(0));
        QCOMPARE(sendAndWait(client, get("/"))->body, QByteArray("fine")); // and the next one connects
    }

    // TLS: the peer's certificate is verified against the CA given (or the system's, which do not
    // know a self-signed one).
    void tlsVerifiedAgainstTheCa()
    {
        QTemporaryDir dir;
        const auto [code, out] = lw::test::runCommand(
            QStringLiteral("openssl"),
            {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
             "subjectAltName=IP:127.0.0.1", "-keyout", dir.filePath("k.pem"), "-out", dir.filePath("c.pem")},
            dir.path());
        QVERIFY2(code == 0, out.constData());
        const QList<QSslCertificate> cert = QSslCertificate::fromPath(dir.filePath("c.pem"));
        QFile keyFile(dir.filePath("k.pem"));
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && cert.size() == 1);
        QSslServer tls;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert.first());
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setSslConfiguration(config);
        QVERIFY(tls.listen(QHostAddress::LocalHost, 0));
        ScriptedPeer peer(&tls);
        peer.answer = [](int) -> ScriptedPeer::Step { return {ok("secret")}; };
        const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(tls.serverPort()));

        HttpClient trusting(url, cert, 1 << 20, 5000);
        auto a = sendAndWait(trusting, get("/x"));
        QVERIFY(a.has_value());
        QVERIFY2(a->failure == HttpClient::Answer::Failure::None, a->error.c_str());
        QCOMPARE(a->body, QByteArray("secret"));

        HttpClient stranger(url, {}, 1 << 20, 5000);
        a = sendAndWait(stranger, get("/x"));
        QVERIFY(a && a->failure == HttpClient::Answer::Failure::Network);
        QCOMPARE(peer.requests, 1); // the request never left the client that could not verify the peer
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "test_http_client.moc"
