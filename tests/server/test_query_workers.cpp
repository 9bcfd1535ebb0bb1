// Log queries run on the query workers, not on the event loop (issue 10): a split scan returns
// exactly what one scan returns; a slow query holds up neither pushes, nor the API, nor remotecfg;
// a live tail's backlog, read on a worker, still comes before its live lines and never twice.
#include "TestServer.h"
#include "logs/LogQL.h"
#include "logs/QueryPool.h"
#include "logs/SqliteLogStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <chrono>
#include <future>

using namespace lw::server;
using namespace lw::test;
using nj = lw::Json;

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

QByteArray pushBody(const std::string &job, const std::vector<std::pair<int64_t, std::string>> &lines)
{
    nj values = nj::array();
    for (const auto &[ts, line] : lines)
        values.push_back({std::to_string(ts), line});
    return QByteArray::fromStdString(nj{{"streams", {{{"stream", {{"job", job}}}, {"values", values}}}}}.dump());
}

std::vector<std::string> lines(const std::vector<QueriedEntry> &entries)
{
    std::vector<std::string> out;
    for (const auto &e : entries)
        out.push_back(std::to_string(e.streamId) + ":" + e.entry.line);
    return out;
}

} // namespace

class QueryWorkersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The same query, run whole on the store and split across two workers, by stream and by time.
    void splitScansReturnWhatOneScanReturns_data()
    {
        QTest::addColumn<int>("streams");
        QTest::addColumn<bool>("forward");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("pipeline");
        for (int streams : {1, 5})
            for (bool forward : {false, true})
                for (int limit : {1, 37, 5000})
                    for (const char *pipeline : {"", " |= \"7\"", " | logfmt | n=~\"1.*\""})
                        QTest::addRow("%d streams %s limit %d%s", streams, forward ? "forward" : "backward", limit, pipeline)
                            << streams << forward << limit << QString::fromLatin1(pipeline);
    }
    void splitScansReturnWhatOneScanReturns()
    {
        QFETCH(int, streams);
        QFETCH(bool, forward);
        QFETCH(int, limit);
        QFETCH(QString, pipeline);
        QTemporaryDir dir;
        SqliteLogStore store(dir.path() + "/logs.db");
        const int64_t t0 = nowNs() - 3600LL * 1000000000LL;
        std::vector<StreamBatch> batches;
        for (int s = 0; s < streams; ++s) {
            StreamBatch b{{{"job", "j" + std::to_string(s)}}, {}};
            for (int i = 0; i < 400; ++i) // equal timestamps across streams: the order needs seq
                b.entries.push_back({t0 + (i / 3) * 1000 + (s % 2), "n=" + std::to_string(i * 7 + s) + " s=" + std::to_string(s), {}});
            batches.push_back(std::move(b));
        }
        store.append("t", batches);
        const LogQLQuery query = parseLogQL("{job=~\"j.*\"}" + pipeline.toStdString());
        std::map<int64_t, Labels> labelsById;
        LogQuery q;
        for (const StoredStream &s : store.streams("t")) {
            q.streamIds.push_back(s.id);
            labelsById[s.id] = s.labels;
        }
        q.startNs = t0 - 1;
        q.endNs = t0 + 1000000;
        q.forward = forward;
        q.limit = static_cast<size_t>(limit);
        if (query.hasStages())
            q.filter = [&](int64_t id, std::string_view line, Labels &parsed) { return query.process(line, labelsById.at(id), parsed); };
        const auto whole = store.query(q);
        QVERIFY(!whole.empty());

        QueryPool pool(store, 2);
        std::promise<QueryPool::Result> promise;
        QVERIFY(pool.submit(q, [&promise](QueryPool::Result r) { promise.set_value(std::move(r)); }));
        const QueryPool::Result result = promise.get_future().get();
        QVERIFY(std::holds_alternative<std::vector<QueriedEntry>>(result));
        QCOMPARE(lines(std::get<std::vector<QueriedEntry>>(result)), lines(whole));
    }

    // Each query worker waits 1.5 s before its job: meanwhile pushes, API reads and remotecfg are
    // answered, and the query arrives afterwards, complete.
    void aSlowQueryHoldsUpNothingElse()
    {
        TestServer server;
        server.setExtraEnvironment({QStringLiteral("LOGWARDEND_TEST_QUERY_DELAY_MS=1500")});
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "slow"}, {"cluster", "logwarden"}}).status, 201);
        const QList<std::pair<QByteArray, QByteArray>> headers = {
            {"Authorization", "Bearer " + server.systemJwt()}, {"X-Scope-OrgID", "slow"}, {"Content-Type", "application/json"}};
        QCOMPARE(server.request("POST", "/loki/api/v1/push", pushBody("a", {{nowNs(), "first"}}), headers).status, 204);

        QNetworkAccessManager network;
        QNetworkRequest req(QUrl(server.url("/loki/api/v1/query_range?query=%7Bjob%3D%22a%22%7D")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + "/tls/server.crt"));
        req.setSslConfiguration(tls);
        for (const auto &[k, v] : headers)
            req.setRawHeader(k, v);
        QNetworkReply *query = network.get(req);
        QTest::qWait(100);
        QCOMPARE(server.request("POST", "/loki/api/v1/push", pushBody("a", {{nowNs() - 5000000000LL, "second"}}), headers).status, 204);
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
        QVERIFY2(!query->isFinished(), "the query finished before the requests sent after it");
        QTRY_VERIFY_WITH_TIMEOUT(query->isFinished(), 10000);
        QCOMPARE(query->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const nj body = nj::parse(query->readAll().toStdString());
        QCOMPARE(body["data"]["result"][0]["values"].size(), size_t(2)); // both lines: read after the second push
        query->deleteLater();
    }

    // The backlog is read on a worker (1.5 s late here); a line pushed meanwhile arrives after it,
    // once, and the backlog does not repeat it.
    void tailBacklogComesFirstAndOnce()
    {
        TestServer server;
        server.setExtraEnvironment({QStringLiteral("LOGWARDEND_TEST_QUERY_DELAY_MS=1500")});
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "live"}, {"cluster", "logwarden"}}).status, 201);
        const QList<std::pair<QByteArray, QByteArray>> headers = {
            {"Authorization", "Bearer " + server.systemJwt()}, {"X-Scope-OrgID", "live"}, {"Content-Type", "application/json"}};
        QCOMPARE(server.request("POST", "/loki/api/v1/push", pushBody("a", {{nowNs(), "from before"}}), headers).status, 204);

        QWebSocket ws;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + "/tls/server.crt"));
        ws.setSslConfiguration(tls);
        QNetworkRequest req(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?query=%7Bjob%3D%22a%22%7D").arg(server.port())));
        req.setRawHeader("Authorization", "Bearer " + server.systemJwt());
        req.setRawHeader("X-Scope-OrgID", "live");
        QStringList frames;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&frames](const QString &m) { frames << m; });
        ws.open(req);
        QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 5000);
        QTest::qWait(300);
        QCOMPARE(server.request("POST", "/loki/api/v1/push", pushBody("a", {{nowNs() - 1000000, "while reading"}}), headers).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 2, 10000);
        QVERIFY2(frames[0].contains("from before") && !frames[0].contains("while reading"), qPrintable(frames[0]));
        QVERIFY2(frames[1].contains("while reading") && !frames[1].contains("from before"), qPrintable(frames[1]));
        QTest::qWait(300);
        QCOMPARE(frames.size(), 2);
    }
};

QTEST_GUILESS_MAIN(QueryWorkersTest)
#include "test_query_workers.moc"
