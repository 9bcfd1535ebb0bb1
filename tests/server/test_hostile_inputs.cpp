// No input crashes or stalls the server (issue 11): the two crashes once found (a backtracking
// regex, deep JSON through an ingest token), every nesting path, pattern and time limits, push
// and tail caps, and a full disk, each against the real binary.
#include "RawHttpClient.h"
#include "TestCompression.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <chrono>
#include <sys/mount.h>
#include <unistd.h>

using namespace lw::test;
using nj = lw::Json;

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

QByteArray pushJson(const std::vector<std::pair<nj, std::vector<std::string>>> &streams, const nj &metadata = nullptr)
{
    nj body = {{"streams", nj::array()}};
    for (const auto &[labels, lines] : streams) {
        nj values = nj::array();
        for (const std::string &line : lines) {
            nj v = nj::array({std::to_string(nowNs()), line});
            if (!metadata.is_null())
                v.push_back(metadata);
            values.push_back(v);
        }
        body["streams"].push_back({{"stream", labels}, {"values", values}});
    }
    return QByteArray::fromStdString(body.dump());
}

QByteArray percent(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

} // namespace

class HostileInputsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QList<std::pair<QByteArray, QByteArray>> m_admin; // system JWT, tenant "hostile", JSON
    QByteArray m_ingest;                               // an ingest token of tenant "hostile"

    Reply push(const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> extra = {})
    {
        auto headers = m_admin;
        headers += extra;
        return m_server->request("POST", "/loki/api/v1/push", body, headers);
    }
    Reply get(const QString &pathAndQuery) { return m_server->request("GET", pathAndQuery, {}, m_admin); }
    void serverStillServes()
    {
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
        QVERIFY2(m_server->process().state() == QProcess::Running, m_server->log().right(2000).constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QString(), QStringList{"--ingestion-rate-mb", "0", "--max-streams-per-tenant", "30"});
        QVERIFY(m_server->start());
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "hostile"}, {"cluster", "logwarden"}}).status, 201);
        m_admin = {{"Authorization", "Bearer " + m_server->systemJwt()}, {"X-Scope-OrgID", "hostile"}, {"Content-Type", "application/json"}};
        const auto token = m_server->requestAsAdmin("POST", "/admin/api/v3/tenants/hostile/ingest-tokens", {{"name", "hostile"}}).json();
        m_ingest = "Bearer " + QByteArray::fromStdString(token.value("token", ""));
        QVERIFY(m_ingest.size() > 20);
    }

    // The crash once found: libstdc++'s std::regex recursed per character of a 200 KB line; and
    // (a+)+$ backtracked exponentially. On RE2 both answer at once.
    void backtrackingRegexesAnswerAtOnce()
    {
        std::string line;
        while (line.size() < 200000)
            line += "ab";
        QCOMPARE(push(pushJson({{{{"job", "x"}}, {line}}})).status, 204);
        for (const QString &regex : {QStringLiteral("(a|b)*c"), QStringLiteral("(a+)+$"), QStringLiteral("((ab)*)*x")}) {
            QElapsedTimer t;
            t.start();
            const Reply r = get("/loki/api/v1/query_range?limit=10&query=" + percent("{job=\"x\"} |~ \"" + regex + "\""));
            QCOMPARE(r.status, 200);
            QVERIFY2(t.elapsed() < 5000, qPrintable(QStringLiteral("%1 took %2 ms").arg(regex).arg(t.elapsed())));
            const nj result = r.json()["data"]["result"];
            QCOMPARE(result.size(), size_t(0)); // the line has no "c" or "x", and ends in "b"
        }
        const Reply hit = get("/loki/api/v1/query_range?limit=10&query=" + percent("{job=\"x\"} |~ \"(ab)+$\""));
        QCOMPARE(hit.json()["data"]["result"].size(), size_t(1));
        serverStillServes();
    }

    void patternsOverTheLimitAreRefused()
    {
        const QString longPattern(5000, QLatin1Char('a'));
        const Reply r = get("/loki/api/v1/query_range?query=" + percent("{job=\"x\"} |~ \"" + longPattern + "\""));
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("the limit is 4096"), r.body.constData());
        const Reply bad = get("/loki/api/v1/query_range?query=" + percent("{job=~\"(\"}"));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("invalid regular expression"));
    }

    // The crash once found: an ingest token posted 6 MB of "[[[[…" to /api/v1/ingest/json (the
    // parsed document was copied and dumped recursively), and {"a":{"a":…}} to HEC.
    void deepJsonThroughIngestIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json array nest") << "/api/v1/ingest/json" << QByteArray(3 << 20, '[') + QByteArray(3 << 20, ']');
        QByteArray hec;
        for (int i = 0; i < 200000; ++i)
            hec += "{\"a\":";
        hec += "1" + QByteArray(200000, '}');
        QTest::newRow("hec object nest") << "/api/v1/ingest/hec" << hec;
        QTest::newRow("humio nest") << "/api/v1/ingest/humio-structured" << QByteArray(100000, '[') + QByteArray(100000, ']');
    }
    void deepJsonThroughIngestIsRefused()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const Reply r = m_server->request("POST", path, body, {{"Authorization", m_ingest}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("deeper than 64 levels"), r.body.left(300).constData());
        serverStillServes();
    }

    // Every other path that reads JSON from outside applies the same nesting rule.
    void deepJsonEverywhereElse()
    {
        const QByteArray deep = QByteArray(100, '[') + QByteArray(100, ']');
        // Push: the body, and a stored line read back through | json.
        const Reply p = push("{\"streams\":" + deep + "}");
        QCOMPARE(p.status, 400);
        QVERIFY(p.body.contains("deeper than 64 levels"));
        QCOMPARE(push(pushJson({{{{"job", "deepline"}}, {"{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}"}}})).status, 204);
        const Reply q = get("/loki/api/v1/query_range?query=" + percent("{job=\"deepline\"} | json"));
        QCOMPARE(q.status, 200);
        QCOMPARE(q.json()["data"]["result"][0]["stream"].value("__error__", ""), std::string("JSONParserErr"));
        // Admin API body (v3), with the limit in the sentence and nothing stored.
        const Reply t = m_server->request("POST", "/admin/api/v3/tenants", "{\"name\":\"deep\",\"display_name\":" + deep + "}",
                                          {{"Authorization", "Bearer " + m_server->systemJwt()}, {"Content-Type", "application/json"}});
        QCOMPARE(t.status, 400);
        QCOMPARE(t.json().value("code", ""), std::string("too_deep"));
        QCOMPARE(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/deep").status, 404);
        // JWT claims.
        const QByteArray header = QByteArray("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray claims = ("{\"sub\":" + deep + "}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const Reply j = m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + header + "." + claims + ".c2ln"}});
        QCOMPARE(j.status, 401);
        QVERIFY2(j.body.contains("deeper than 64 levels"), j.body.constData());
        // Connect JSON on the remotecfg listener.
        RawHttpClient c(m_server->remotecfgPort());
        const QByteArray message = "{\"id\":" + deep + "}";
        QVERIFY(c.send("POST /collector.v1.CollectorService/GetConfig HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                       "Authorization: Bearer " + m_server->agentToken() + "\r\n"
                       "Content-Length: " + QByteArray::number(message.size()) + "\r\n\r\n" + message));
        QCOMPARE(RawHttpClient::statuses(c.readResponses(1, 5000)), QList<int>{400});
        QVERIFY(c.received().contains("deeper than 64 levels"));
        serverStillServes();
    }

    // Times and limits from the query string never overflow: refused, with the reason.
    void timesAndLimitsDoNotOverflow_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("needle");
        const QString sel = "query=" + percent("{job=\"x\"}");
        QTest::newRow("start 9999999999 s") << sel + "&start=9999999999" << QByteArray("out of range");
        QTest::newRow("end beyond int64 ns") << sel + "&end=99999999999999999999" << QByteArray("out of range");
        QTest::newRow("seconds 1e300") << sel + "&start=1e300" << QByteArray("out of range");
        QTest::newRow("rfc3339 year 9999") << sel + "&start=9999-01-01T00:00:00Z" << QByteArray("out of range");
        QTest::newRow("range over 721h") << sel + "&start=0" << QByteArray("exceeds the limit");
        QTest::newRow("limit huge") << sel + "&limit=99999999999999999999" << QByteArray("positive integer");
        QTest::newRow("limit over max") << sel + "&limit=5001" << QByteArray("max entries limit");
    }
    void timesAndLimitsDoNotOverflow()
    {
        QFETCH(QString, query);
        QFETCH(QByteArray, needle);
        const Reply r = get("/loki/api/v1/query_range?" + query);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains(needle), r.body.constData());
    }

    // A URL-encoded RFC 3339 time, with Z or an offset, is read as one.
    void encodedRfc3339Times()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &t : {now.addSecs(-60).toString(Qt::ISODate), now.addSecs(-60).toOffsetFromUtc(3600).toString(Qt::ISODate)}) {
            const Reply r = get("/loki/api/v1/query_range?query=" + percent("{job=\"x\"}") + "&start=" + percent(t));
            QVERIFY2(r.status == 200, qPrintable(t + ": " + r.body));
        }
    }

    void pushCaps_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("needle");
        std::vector<std::pair<nj, std::vector<std::string>>> many;
        for (int i = 0; i < 10001; ++i)
            many.push_back({{{"job", "many"}, {"n", std::to_string(i)}}, {}});
        QTest::newRow("streams per push") << pushJson(many) << QByteArray() << QByteArray("application/json") << 400
                                          << QByteArray("more than 10000 streams");
        QTest::newRow("metadata per entry") << pushJson({{{{"job", "meta"}}, {"x"}}}, {{"big", std::string(70000, 'm')}}) << QByteArray()
                                            << QByteArray("application/json") << 400 << QByteArray("structured metadata");
        QTest::newRow("gzip bomb") << gzip(QByteArray(100 << 20, '\0')) << QByteArray("gzip") << QByteArray("application/json") << 400
                                   << QByteArray("once decompressed");
        // A snappy stream that announces 1 GiB: refused from its header, before inflating anything.
        const QByteArray announcesGiB = QByteArray("\x80\x80\x80\x80\x04", 5) + QByteArray(64, '\0');
        QTest::newRow("snappy bomb") << announcesGiB << QByteArray() << QByteArray("application/x-protobuf") << 400
                                     << QByteArray("more than 64 MiB");
    }
    void pushCaps()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        QFETCH(QByteArray, needle);
        QList<std::pair<QByteArray, QByteArray>> extra = {{"Content-Type", type}};
        if (!encoding.isEmpty())
            extra.append({"Content-Encoding", encoding});
        const Reply r = push(body, extra);
        QCOMPARE(r.status, status);
        QVERIFY2(r.body.contains(needle), r.body.left(300).constData());
        serverStillServes();
    }

    // --max-streams-per-tenant 30 here: the push that would make a 31st stream is refused (429, as
    // Loki does), streams that exist keep taking lines.
    void streamsPerTenant()
    {
        std::vector<std::pair<nj, std::vector<std::string>>> streams;
        const int existing = static_cast<int>(get("/loki/api/v1/series?match[]=" + percent("{job=~\".+\"}")).json()["data"].size());
        for (int i = existing; i < 30; ++i)
            streams.push_back({{{"job", "cap"}, {"n", std::to_string(i)}}, {"fits"}});
        QCOMPARE(push(pushJson(streams)).status, 204);
        const Reply over = push(pushJson({{{{"job", "cap"}, {"n", "one-more"}}, {"no room"}}}));
        QCOMPARE(over.status, 429);
        QVERIFY2(over.body.contains("Maximum active stream limit exceeded"), over.body.constData());
        QCOMPARE(push(pushJson({{{{"job", "cap"}, {"n", "29"}}, {"still fits"}}})).status, 204);
    }

    // Loki's max_concurrent_tail_requests: an 11th tail of one tenant is closed with 1008.
    void tailsPerTenant()
    {
        std::vector<std::unique_ptr<QWebSocket>> tails;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt"));
        for (int i = 0; i < 11; ++i) {
            auto ws = std::make_unique<QWebSocket>();
            ws->setSslConfiguration(tls);
            QNetworkRequest req(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?limit=0&query=%2")
                                         .arg(QString::number(m_server->port()), QString::fromLatin1(percent("{job=\"x\"}")))));
            req.setRawHeader("Authorization", "Bearer " + m_server->systemJwt());
            req.setRawHeader("X-Scope-OrgID", "hostile");
            ws->open(req);
            if (i < 10) {
                QTRY_VERIFY2_WITH_TIMEOUT(ws->state() == QAbstractSocket::ConnectedState, qPrintable(ws->closeReason()), 5000);
                QTest::qWait(50);
            }
            tails.push_back(std::move(ws));
        }
        QTRY_COMPARE_WITH_TIMEOUT(tails.back()->state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(tails.back()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(tails.back()->closeReason().contains("already has 10 live tails (the limit is 10"), qPrintable(tails.back()->closeReason()));
        QCOMPARE(tails.front()->state(), QAbstractSocket::ConnectedState);
    }

    // A full disk: writes answer 503 with a sentence (logged once), reads keep working, and all
    // of it recovers once there is room again. (A tmpfs of its own: needs root, as CI has.)
    void fullDiskIs503ThenRecovers()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        QTemporaryDir mountPoint;
        QVERIFY(::mount("tmpfs", mountPoint.path().toLocal8Bit().constData(), "tmpfs", 0, "size=24m") == 0);
        struct Unmount {
            QString path;
            ~Unmount() { ::umount2(path.toLocal8Bit().constData(), MNT_DETACH); }
        } unmount{mountPoint.path()};
        TestServer server(mountPoint.path() + "/data");
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "disk"}, {"cluster", "logwarden"}}).status, 201);
        const QList<std::pair<QByteArray, QByteArray>> h = {
            {"Authorization", "Bearer " + server.systemJwt()}, {"X-Scope-OrgID", "disk"}, {"Content-Type", "application/json"}};
        const nj source = {{"name", "src-one"}, {"logFormat", "PLAIN"}, {"minLevel", "INFO"}, {"journald", {{"syslogIdentifier", "a"}}}};
        QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/sources", source).status, 201);

        QFile filler(mountPoint.path() + "/filler");
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        while (filler.write(block.left(4096)) > 0 && filler.flush()) {
        }
        filler.close();

        std::string big(200000, 'x');
        const Reply pushed = server.request("POST", "/loki/api/v1/push", pushJson({{{{"job", "d"}}, {big, big, big}}}), h);
        QCOMPARE(pushed.status, 503);
        QVERIFY2(pushed.body.contains("disk full"), pushed.body.constData());
        nj s2 = source;
        s2["name"] = "src-two";
        const Reply created = server.requestAsAdmin("POST", "/api/v2/logs/sources", s2);
        QCOMPARE(created.status, 503);
        QVERIFY2(!created.json().value("error", "").empty(), created.body.constData());
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources/src-one").status, 200);
        QCOMPARE(server.request("POST", "/loki/api/v1/push", pushJson({{{{"job", "d"}}, {big}}}), h).status, 503);
        QCOMPARE(server.log().count("storing pushed lines fails"), 1); // logged once, not per request

        QVERIFY(QFile::remove(filler.fileName()));
        QTRY_COMPARE_WITH_TIMEOUT(server.request("POST", "/loki/api/v1/push", pushJson({{{{"job", "d"}}, {"room again"}}}), h).status,
                                  204, 5000);
        QCOMPARE(server.requestAsAdmin("POST", "/api/v2/logs/sources", s2).status, 201);
        QTRY_VERIFY(server.log().contains("storing pushed lines works again"));
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources/src-two").status, 200);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(HostileInputsTest)
#include "test_hostile_inputs.moc"
