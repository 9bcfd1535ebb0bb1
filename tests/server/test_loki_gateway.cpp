// The Loki gateway against a real Grafana Loki 2.8 (tests/common/LokiPeer): pushes go through
// logwardend to Loki, and query_range, query, labels, label values, series, tail and delete come
// back through logwardend, held to the caller's label policy on every one of them.
#include "Json.h"
#include "LocalHttpServer.h"
#include "LokiPeer.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include <chrono>
#include <set>

using lw::test::LokiPeer;
using lw::test::Reply;
using lw::test::TestServer;
using nj = nlohmann::json;

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

QString enc(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// The team label of every stream in a query answer, sorted ("-" for a stream without one).
std::multiset<std::string> teams(const nj &answer)
{
    std::multiset<std::string> out;
    for (const nj &s : answer["data"]["result"])
        out.insert(s["stream"].value("team", "-"));
    return out;
}

} // namespace

class LokiGatewayTest : public QObject {
    Q_OBJECT

    std::unique_ptr<LokiPeer> m_loki;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin, m_teamA, m_twoSelectors, m_deleter;
    int64_t m_start = 0;

    Reply get(const QByteArray &auth, const QString &pathAndQuery)
    {
        return m_server->request("GET", pathAndQuery, {}, {{"Authorization", auth}, {"X-Scope-OrgID", "gateway"}});
    }
    nj query(const QByteArray &auth, const QString &logql, const QString &extra = {})
    {
        Reply r = get(auth, "/loki/api/v1/query_range?query=" + enc(logql) + "&start=" + QString::number(m_start) + extra);
        if (r.status != 200)
            return nj{{"status", r.status}, {"body", r.body.toStdString()}};
        return nj::parse(r.body.toStdString());
    }
    // Loki itself, as an operator would ask it.
    QByteArray lokiGet(const QString &pathAndQuery)
    {
        QNetworkAccessManager network;
        QNetworkRequest req(QUrl(m_loki->url() + pathAndQuery));
        req.setRawHeader("X-Scope-OrgID", "gateway");
        QNetworkReply *reply = network.get(req);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->readAll();
    }
    int push(const std::string &team, const std::string &job, const std::string &line, const QByteArray &extraLabel = {})
    {
        nj labels = {{"job", job}};
        if (!team.empty())
            labels["team"] = team;
        if (!extraLabel.isEmpty())
            labels[extraLabel.toStdString()] = "s";
        nj stream = {{"stream", labels}, {"values", nj::array({nj::array({std::to_string(nowNs()), line})})}};
        nj body = {{"streams", nj::array({stream})}};
        const Reply r = m_server->request("POST", "/loki/api/v1/push", QByteArray::fromStdString(body.dump()),
                                          {{"Authorization", m_admin}, {"X-Scope-OrgID", "gateway"}, {"Content-Type", "application/json"}});
        if (r.status != 204)
            qWarning("push: %d %s (%s)", r.status, r.body.constData(), body.dump().c_str());
        return r.status;
    }
    QByteArray token(const std::string &name, const nj &labelPolicies, const nj &scopes)
    {
        const nj policy = {{"name", name},
                           {"realms", {{{"tenant", "gateway"}, {"cluster", "logwarden"}, {"label_policies", labelPolicies}}}},
                           {"scopes", scopes}};
        if (m_server->requestAsAdmin("POST", "/admin/api/v3/accesspolicies", policy).status != 201)
            return {};
        return "Bearer " + QByteArray::fromStdString(
                   m_server->requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", name + "-token"}, {"access_policy", name}}).json().value("token", ""));
    }
    std::unique_ptr<QWebSocket> tail(const QByteArray &auth, const QString &logql)
    {
        auto ws = std::make_unique<QWebSocket>();
        QNetworkRequest req(QUrl(QStringLiteral("wss://127.0.0.1:%1/loki/api/v1/tail?query=%2")
                                     .arg(QString::number(m_server->port()), enc(logql))));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt"));
        ws->setSslConfiguration(tls);
        req.setRawHeader("Authorization", auth);
        req.setRawHeader("X-Scope-OrgID", "gateway");
        ws->open(req);
        return ws;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (LokiPeer::binary().isEmpty())
            QSKIP(LokiPeer::absentMessage());
        m_loki = std::make_unique<LokiPeer>();
        QVERIFY2(m_loki->start(), m_loki->log().constData());
        m_server = std::make_unique<TestServer>(QString(), QStringList{"--loki-url", m_loki->url() + "/loki/api/v1/push"});
        QVERIFY2(m_server->start(), m_server->log().constData());
        m_admin = "Bearer " + m_server->systemJwt();
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "gateway"}, {"cluster", "logwarden"}}).status, 201);
        m_teamA = token("team-a", {{{"selector", "{team=\"a\"}"}}}, {"logs:read"});
        m_twoSelectors = token("team-a-or-job-y", {{{"selector", "{team=\"a\"}"}}, {{"selector", "{job=\"y\"}"}}}, {"logs:read"});
        m_deleter = token("team-a-deleter", {{{"selector", "{team=\"a\"}"}}}, {"logs:read", "logs:delete"});
        QVERIFY(m_teamA.size() > 20 && m_twoSelectors.size() > 20 && m_deleter.size() > 20);

        m_start = nowNs() - 60LL * 1000000000LL;
        QCOMPARE(push("a", "x", "a line of team a"), 204);
        QCOMPARE(push("b", "x", "a line of team b }", "secret"), 204);
        QCOMPARE(push("", "y", "a line without a team"), 204);
        QCOMPARE(push("a", "y", "team a, job y"), 204);
        // Loki has them (asked directly), in tenant gateway.
        QTRY_VERIFY_WITH_TIMEOUT(lokiGet("/loki/api/v1/query_range?query=" + enc("{job=~\"x|y\"}") + "&start=" + QString::number(m_start))
                                     .contains("a line without a team"), 10000);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY2(m_server->undocumentedAnswers().isEmpty(), m_server->undocumentedAnswers().constData());
    }

    void unrestrictedReadsAreLokis()
    {
        QCOMPARE(teams(query(m_admin, "{job=\"x\"}")), (std::multiset<std::string>{"a", "b"}));
        // "+" in a query arrives as "+" (a regex), not as a space.
        QCOMPARE(teams(query(m_admin, "{job=~\"x+\"}")), (std::multiset<std::string>{"a", "b"}));
        Reply instant = get(m_admin, "/loki/api/v1/query?query=" + enc("{job=\"y\"}") + "&limit=10");
        QCOMPARE(instant.status, 200);
        QCOMPARE(teams(nj::parse(instant.body.toStdString())), (std::multiset<std::string>{"-", "a"}));
        // A metric query is Loki's to run.
        nj metric = query(m_admin, "sum(count_over_time({job=\"x\"}[5m]))", "&step=60");
        QCOMPARE(metric["data"]["resultType"], nj("matrix"));

        const nj labels = nj::parse(get(m_admin, "/loki/api/v1/labels?start=" + QString::number(m_start)).body.toStdString());
        QVERIFY(std::find(labels["data"].begin(), labels["data"].end(), "secret") != labels["data"].end());
        const nj values = nj::parse(get(m_admin, "/loki/api/v1/label/team/values?start=" + QString::number(m_start)).body.toStdString());
        QCOMPARE(values["data"], nj({"a", "b"}));
        const nj series = nj::parse(get(m_admin, "/loki/api/v1/series?match[]=" + enc("{job=\"x\"}") + "&start=" + QString::number(m_start)).body.toStdString());
        QCOMPARE(series["data"].size(), size_t(2));

        // Loki's refusal, with its status and its sentence.
        Reply bad = get(m_admin, "/loki/api/v1/query_range?query=" + enc("{job=\"x\""));
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.body.contains("parse error"), bad.body.constData());
    }

    void labelPolicyHoldsOnQueries()
    {
        QCOMPARE(teams(query(m_teamA, "{job=\"x\"}")), (std::multiset<std::string>{"a"}));
        QCOMPARE(teams(query(m_teamA, "{job=~\".+\"}")), (std::multiset<std::string>{"a", "a"}));
        QCOMPARE(teams(query(m_teamA, "{team=~\".+\"}")), (std::multiset<std::string>{"a", "a"}));
        QCOMPARE(teams(query(m_teamA, "{team!=\"a\"}")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "{team=\"b\"}")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "{team!~\"a\", job=\"x\"}")), std::multiset<std::string>{});
        // Tricks on the lexer: braces and quotes in strings and comments, several selectors.
        QCOMPARE(teams(query(m_teamA, "{job=\"x\"} |= \"}\"")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "{job=\"x\"} |= \"{team=\\\"b\\\"}\"")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "/* \" */ {team=\"b\"} /* \" */")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "# {\n{team=\"b\"}")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "{team=\"b\"} // }")), std::multiset<std::string>{});
        QCOMPARE(teams(query(m_teamA, "{team=\"b\"} |= `{`")), std::multiset<std::string>{});
        for (const char *refused : {"{job='x'}", "{job=\"x\"", "{job=\"x\", {team=\"b\"}}", "count_over_time({team=\"b\"}[5m \"])",
                                    "{job=\"x\"} /* unterminated", "rate(5)"}) {
            const nj r = query(m_teamA, refused);
            QVERIFY2(r.value("status", nj()) == nj(400), refused);
        }
        // Metric queries: every selector restricted, also across `or` and in both sides.
        const nj byTeam = query(m_teamA, "sum by (team) (count_over_time({job=~\".+\"}[5m]))", "&step=60");
        QCOMPARE(byTeam["data"]["resultType"], nj("matrix"));
        for (const nj &series : byTeam["data"]["result"])
            QCOMPARE(series["metric"].value("team", ""), std::string("a"));
        QVERIFY(!byTeam["data"]["result"].empty());
        const nj either = query(m_teamA, "count_over_time({team=\"b\"}[5m]) or count_over_time({secret=\"s\"}[5m])", "&step=60");
        QCOMPARE(either["data"]["result"].size(), size_t(0));
        Reply instant = get(m_teamA, "/loki/api/v1/query?query=" + enc("{job=~\"x|y\"}"));
        QCOMPARE(teams(nj::parse(instant.body.toStdString())), (std::multiset<std::string>{"a", "a"}));
    }

    void labelPolicyHoldsOnLabelsAndSeries()
    {
        const QString start = "start=" + QString::number(m_start);
        const nj labels = nj::parse(get(m_teamA, "/loki/api/v1/labels?" + start).body.toStdString());
        QCOMPARE(labels["data"], nj({"job", "team"})); // not "secret": only team b's stream has it
        QCOMPARE(nj::parse(get(m_teamA, "/loki/api/v1/label/team/values?" + start).body.toStdString())["data"], nj({"a"}));
        QCOMPARE(nj::parse(get(m_teamA, "/loki/api/v1/label/job/values?" + start).body.toStdString())["data"], nj({"x", "y"}));
        QCOMPARE(nj::parse(get(m_teamA, "/loki/api/v1/label/team/values?query=" + enc("{team=\"b\"}") + "&" + start).body.toStdString())["data"],
                 nj::array());
        QCOMPARE(nj::parse(get(m_teamA, "/loki/api/v1/label/secret/values?" + start).body.toStdString())["data"], nj::array());
        const nj series = nj::parse(get(m_teamA, "/loki/api/v1/series?match[]=" + enc("{job=\"x\"}") + "&match[]=" + enc("{secret=\"s\"}") + "&" + start).body.toStdString());
        QCOMPARE(series["data"], nj({{{"job", "x"}, {"team", "a"}}}));
        QCOMPARE(get(m_teamA, "/loki/api/v1/label/a-b/values").status, 400);
    }

    void severalSelectorsAreMergedWithoutRepeats()
    {
        // {team="a"} or {job="y"}: team a's two streams and the team-less job y; {team="a", job="y"}
        // matches both selectors and is there once.
        const nj answer = query(m_twoSelectors, "{job=~\"x|y\"}");
        QCOMPARE(teams(answer), (std::multiset<std::string>{"-", "a", "a"}));
        size_t entries = 0;
        for (const nj &s : answer["data"]["result"])
            entries += s["values"].size();
        QCOMPARE(entries, size_t(3));
        // The limit holds across the merged answers.
        size_t limited = 0;
        const nj limitedAnswer = query(m_twoSelectors, "{job=~\"x|y\"}", "&limit=2");
        for (const nj &s : limitedAnswer["data"]["result"])
            limited += s["values"].size();
        QVERIFY2(limited == 2, limitedAnswer.dump().c_str());
        const nj series = nj::parse(get(m_twoSelectors, "/loki/api/v1/series?match[]=" + enc("{job=~\".+\"}") + "&start=" + QString::number(m_start)).body.toStdString());
        QCOMPARE(series["data"].size(), size_t(3));
        // Metric answers of several selectors cannot be merged: refused with a sentence.
        const nj metric = query(m_twoSelectors, "count_over_time({job=\"y\"}[5m])", "&step=60");
        QCOMPARE(metric["status"], nj(400));
        QVERIFY(metric["body"].get<std::string>().find("several selectors") != std::string::npos);
    }

    void tailIsLokisUnderThePolicy()
    {
        auto all = tail(m_admin, "{job=\"tail\"}");
        auto restricted = tail(m_teamA, "{job=\"tail\"}");
        QStringList allFrames, restrictedFrames;
        connect(all.get(), &QWebSocket::textMessageReceived, this, [&](const QString &m) { allFrames << m; });
        connect(restricted.get(), &QWebSocket::textMessageReceived, this, [&](const QString &m) { restrictedFrames << m; });
        QTRY_VERIFY_WITH_TIMEOUT(all->state() == QAbstractSocket::ConnectedState && restricted->state() == QAbstractSocket::ConnectedState, 10000);
        QTest::qWait(1500); // Loki's tail is set up once the querier registered it
        QCOMPARE(push("b", "tail", "tailed b"), 204);
        QCOMPARE(push("a", "tail", "tailed a"), 204);
        QTRY_VERIFY_WITH_TIMEOUT(allFrames.join("").contains("tailed a") && allFrames.join("").contains("tailed b"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(restrictedFrames.join("").contains("tailed a"), 15000);
        QVERIFY(!restrictedFrames.join("").contains("tailed b"));
        // Frames are Loki's shape.
        const nj frame = nj::parse(restrictedFrames.last().toStdString());
        QCOMPARE(frame["streams"][0]["stream"]["team"], nj("a"));
        // A query the policy cannot be applied to is refused on the socket.
        auto bad = tail(m_teamA, "{job='tail'}");
        QTRY_VERIFY_WITH_TIMEOUT(bad->state() == QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(bad->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void tailEndsWhenItsPolicyChanges()
    {
        // Loki runs the query as rewritten for the policy at the start: a changed policy ends the tail.
        const QByteArray credential = token("tail-policy", {{{"selector", "{team=\"a\"}"}}}, {"logs:read"});
        auto ws = tail(credential, "{job=\"tail\"}");
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::ConnectedState, 10000);
        const QString path = "/admin/api/v3/accesspolicies/tail-policy";
        const Reply current = m_server->requestAsAdmin("GET", path);
        const nj changed = {{"name", "tail-policy"},
                            {"realms", {{{"tenant", "gateway"}, {"cluster", "logwarden"}, {"label_policies", {{{"selector", "{team=\"b\"}"}}}}}}},
                            {"scopes", {"logs:read"}}};
        const Reply put = m_server->requestAsAdmin("PUT", path, changed, {{"If-Match", current.header("ETag")}});
        QVERIFY2(put.status == 200, put.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(ws->state() == QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(ws->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(ws->closeReason().contains("label policy changed"), qPrintable(ws->closeReason()));
    }

    void entriesTwoSelectorsReturnAreMergedOnce()
    {
        // label_format gives team a's job y stream and the team-less one the same labels: both
        // selectors return the first (once after merging), the second selector the other.
        const nj answer = query(m_twoSelectors, "{job=\"y\"} | label_format team=\"z\"");
        size_t entries = 0;
        for (const nj &s : answer["data"]["result"])
            entries += s["values"].size();
        QVERIFY2(entries == 2, answer.dump().c_str());
    }

    void deleteIsRestrictedToo()
    {
        Reply r = m_server->request("POST", "/loki/api/v1/delete?query=" + enc("{job=\"x\"}") + "&start=" + QString::number(m_start / 1000000000),
                                    {}, {{"Authorization", m_deleter}, {"X-Scope-OrgID", "gateway"}});
        QVERIFY2(r.status == 204, r.body.constData());
        // Loki recorded the delete request with the policy's matcher in it.
        const nj requests = nj::parse(lokiGet("/loki/api/v1/delete").toStdString());
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0]["query"], nj("{job=\"x\", team=\"a\"}"));
        QCOMPARE(m_server->request("POST", "/loki/api/v1/delete?query=" + enc("{job=\"x\"}") + "&start=1", {},
                                   {{"Authorization", m_teamA}, {"X-Scope-OrgID", "gateway"}}).status, 403);
    }

    void pushesAreForwardedToLoki()
    {
        // initTestCase's pushes are in Loki (asked directly there). A line Loki refuses (over its
        // 200 KB max_line_size, within logwardend's 256 KB) is refused with Loki's status and words.
        nj stream = {{"stream", {{"job", "big"}}}, {"values", nj::array({nj::array({std::to_string(nowNs()), std::string(210 * 1024, 'x')})})}};
        const Reply refused = m_server->request("POST", "/loki/api/v1/push", QByteArray::fromStdString(nj{{"streams", nj::array({stream})}}.dump()),
                                                {{"Authorization", m_admin}, {"X-Scope-OrgID", "gateway"}, {"Content-Type", "application/json"}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.body.contains("upstream Loki refused the push") && refused.body.contains("Max entry size"), refused.body.constData());
    }

    void upstreamGetsItsOwnCredentialNotTheClients()
    {
        // What goes over the wire to the upstream, recorded by a plain HTTP listener in Loki's place.
        lw::test::LocalHttpServer recorder;
        std::vector<std::pair<QByteArray, QByteArray>> seen; // Authorization, X-Scope-OrgID
        for (const char *path : {"/loki/api/v1/push", "/loki/api/v1/labels"}) {
            recorder.route(path, [&seen](const lw::server::HttpRequest &r) {
                seen.emplace_back(r.header("authorization"), r.header("x-scope-orgid"));
                return r.method == "POST" ? lw::server::HttpResponse::raw(204, {}, "text/plain")
                                          : lw::server::HttpResponse::raw(200, "{\"status\":\"success\",\"data\":[]}", "application/json");
            });
        }
        const quint16 port = recorder.listen();
        QTemporaryDir dir;
        QFile tokenFile(dir.path() + "/loki.token");
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("loki-side-secret\n");
        tokenFile.close();
        TestServer front(QString(), {"--loki-url", QStringLiteral("http://127.0.0.1:%1/loki/api/v1/push").arg(port), "--loki-token-file", tokenFile.fileName()});
        QVERIFY2(front.start(), front.log().constData());
        QCOMPARE(front.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "gateway"}, {"cluster", "logwarden"}}).status, 201);
        const QList<std::pair<QByteArray, QByteArray>> headers = {{"Authorization", "Bearer " + front.systemJwt()}, {"X-Scope-OrgID", "gateway"},
                                                                  {"Content-Type", "application/json"}};
        QCOMPARE(front.request("POST", "/loki/api/v1/push", "{\"streams\":[{\"stream\":{\"job\":\"r\"},\"values\":[[\"" + QByteArray::number(qint64(nowNs())) + "\",\"l\"]]}]}", headers).status, 204);
        QCOMPARE(front.request("GET", "/loki/api/v1/labels", {}, headers).status, 200);
        QTRY_COMPARE(seen.size(), size_t(2));
        for (const auto &[authorization, tenant] : seen) {
            QCOMPARE(authorization, QByteArray("Bearer loki-side-secret"));
            QCOMPARE(tenant, QByteArray("gateway"));
        }
        QVERIFY(!front.log().contains("loki-side-secret"));

        // A redirect from the upstream is not followed (it would carry the token elsewhere).
        bool followed = false;
        recorder.route("/loki/api/v1/series", [](const lw::server::HttpRequest &) {
            return lw::server::HttpResponse::raw(302, {}, "text/plain").header("Location", "/elsewhere");
        });
        recorder.route("/elsewhere", [&followed](const lw::server::HttpRequest &) {
            followed = true;
            return lw::server::HttpResponse::raw(200, "{}", "application/json");
        });
        const Reply redirected = front.request("GET", "/loki/api/v1/series?match[]=" + enc("{job=\"r\"}"), {}, headers);
        QCOMPARE(redirected.status, 502);
        QVERIFY(!followed);

        // Loki refusing logwardend's own credential is not the client's 401: 502, for pushes and reads.
        for (const char *path : {"/loki/api/v1/push", "/loki/api/v1/labels"}) {
            recorder.route(path, [](const lw::server::HttpRequest &) {
                return lw::server::HttpResponse::raw(401, "no org id or bad token\n", "text/plain");
            });
        }
        const Reply pushed = front.request("POST", "/loki/api/v1/push", "{\"streams\":[{\"stream\":{\"job\":\"r\"},\"values\":[[\"" + QByteArray::number(qint64(nowNs())) + "\",\"l\"]]}]}", headers);
        QCOMPARE(pushed.status, 502);
        QVERIFY2(pushed.body.contains("refused logwardend's credential") && pushed.body.contains("--loki-token-file"), pushed.body.constData());
        const Reply read = front.request("GET", "/loki/api/v1/labels", {}, headers);
        QCOMPARE(read.status, 502);
        QVERIFY2(read.body.contains("refused logwardend's credential"), read.body.constData());
    }

    // Loki's answer is held to the policy again: with a stream outside it (a Loki that ignored the
    // rewritten selector, here a listener in its place) that stream is dropped; with every stream
    // within it, the answer is relayed byte for byte as Loki wrote it.
    void answersAreCheckedAgainstThePolicy()
    {
        lw::test::LocalHttpServer fakeLoki;
        const QByteArray mixed = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":["
                                 "{\"stream\":{\"team\":\"a\",\"job\":\"x\"},\"values\":[[\"2\",\"mine\"]]},"
                                 "{\"stream\":{\"team\":\"b\",\"job\":\"x\"},\"values\":[[\"1\",\"theirs\"]]}],"
                                 "\"stats\":{}}}";
        const QByteArray within = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":["
                                  "{\"stream\":{\"team\":\"a\"},\"values\":[[\"1\",\"mine\"]]}],  \"stats\":{\"x\":1}}}";
        QByteArray next = mixed;
        fakeLoki.route("/loki/api/v1/query_range", [&next](const lw::server::HttpRequest &) {
            return lw::server::HttpResponse::raw(200, next, "application/json");
        });
        const quint16 port = fakeLoki.listen();
        TestServer front(QString(), {"--loki-url", QStringLiteral("http://127.0.0.1:%1/loki/api/v1/push").arg(port)});
        QVERIFY2(front.start(), front.log().constData());
        QCOMPARE(front.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "gateway"}, {"cluster", "logwarden"}}).status, 201);
        const nj policy = {{"name", "team-a"},
                           {"realms", {{{"tenant", "gateway"}, {"cluster", "logwarden"}, {"label_policies", {{{"selector", "{team=\"a\"}"}}}}}}},
                           {"scopes", {"logs:read"}}};
        QCOMPARE(front.requestAsAdmin("POST", "/admin/api/v3/accesspolicies", policy).status, 201);
        const Reply made = front.requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", "team-a-token"}, {"access_policy", "team-a"}});
        QVERIFY2(made.status == 201, made.body.constData());
        const QByteArray teamA = "Bearer " + QByteArray::fromStdString(made.json().value("token", ""));
        const QString path = "/loki/api/v1/query_range?query=" + enc("{job=\"x\"}");
        auto ask = [&](const QByteArray &auth) { return front.request("GET", path, {}, {{"Authorization", auth}, {"X-Scope-OrgID", "gateway"}}); };
        Reply r = ask(teamA);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("mine") && !r.body.contains("theirs") && !r.body.contains("\"b\""), r.body.constData());
        r = ask("Bearer " + front.systemJwt()); // unrestricted: Loki's answer as it is
        QCOMPARE(r.body, mixed);
        next = within;
        r = ask(teamA);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, within);
        // A key given twice is read as the first by some parsers and as the last by others (Loki's
        // clients take the last): such an answer is never relayed as it is, and the last wins here.
        for (const QByteArray twice : {QByteArray("\"stream\":{\"team\":\"a\"},\"stream\":{\"team\":\"b\"}"),
                                       QByteArray("\"stream\":{\"team\":\"a\",\"team\":\"b\"}")}) {
            next = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{" + twice
                   + ",\"values\":[[\"1\",\"sneaked\"]]}],\"stats\":{}}}";
            r = ask(teamA);
            QCOMPARE(r.status, 200);
            QVERIFY2(!r.body.contains("sneaked"), r.body.constData());
        }
    }

    void requestsAtLokiAreCappedPerTenant()
    {
        // An upstream that takes connections and never answers: every request stays in flight.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        TestServer front(QString(), {"--loki-url", QStringLiteral("http://127.0.0.1:%1/loki/api/v1/push").arg(silent.serverPort())});
        QVERIFY2(front.start(), front.log().constData());
        QCOMPARE(front.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "gateway"}, {"cluster", "logwarden"}}).status, 201);
        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> waiting;
        for (int i = 0; i < 32; ++i) {
            auto curl = std::make_unique<QProcess>();
            curl->start("curl", {"-sk", "--max-time", "60", "-o", "/dev/null", "-H", "Authorization: Bearer " + front.systemJwt(),
                                 "-H", "X-Scope-OrgID: gateway", front.url("/loki/api/v1/labels")});
            waiting.push_back(std::move(curl));
        }
        // The 33rd request of the tenant is refused while the 32 wait (asked with a short timeout
        // until then: one asked before all 32 are in flight waits too).
        auto probe = [&front] {
            QProcess curl;
            curl.start("curl", {"-sk", "--max-time", "2", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer " + front.systemJwt(),
                                "-H", "X-Scope-OrgID: gateway", front.url("/loki/api/v1/labels")});
            curl.waitForFinished(5000);
            return curl.readAllStandardOutput();
        };
        QTRY_COMPARE_WITH_TIMEOUT(probe(), QByteArray("429"), 20000);
        qInfo("429 after %lld ms", static_cast<long long>(timer.elapsed()));
        const Reply refused = front.request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + front.systemJwt()}, {"X-Scope-OrgID", "gateway"}});
        QCOMPARE(refused.status, 429);
        QVERIFY2(refused.body.contains("requests at Loki in flight (the limit is 32)"), refused.body.constData());
        // The upstream goes: the waiting requests end (502) and the server stops at once.
        while (QTcpSocket *held = silent.nextPendingConnection())
            held->abort();
        silent.close();
        for (auto &curl : waiting)
            curl->waitForFinished(10000);
        qInfo("waiting requests ended after %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(front.stop(), 0);
    }

    void unreachableLokiIsNamed()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        TestServer orphan(QString(), {"--loki-url", QStringLiteral("http://127.0.0.1:%1/loki/api/v1/push").arg(port)});
        QVERIFY2(orphan.start(), orphan.log().constData());
        Reply r = orphan.request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + orphan.systemJwt()}, {"X-Scope-OrgID", "gateway"}});
        QCOMPARE(r.status, 400); // no such tenant on that server: checked before Loki is asked
        QCOMPARE(orphan.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "gateway"}, {"cluster", "logwarden"}}).status, 201);
        r = orphan.request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + orphan.systemJwt()}, {"X-Scope-OrgID", "gateway"}});
        QCOMPARE(r.status, 502);
        QVERIFY2(r.body.contains(QStringLiteral("upstream Loki at http://127.0.0.1:%1").arg(port).toUtf8()), r.body.constData());
        // Pushes are not acknowledged either.
        r = orphan.request("POST", "/loki/api/v1/push", "{\"streams\":[{\"stream\":{\"job\":\"r\"},\"values\":[[\"" + QByteArray::number(qint64(nowNs())) + "\",\"l\"]]}]}",
                           {{"Authorization", "Bearer " + orphan.systemJwt()}, {"X-Scope-OrgID", "gateway"}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 502);
        QVERIFY2(r.body.contains("upstream Loki at http://127.0.0.1:"), r.body.constData());
    }

    // --loki-url is http or https with no credential in it, and --loki-ca-file holds certificates:
    // anything else stops the start with a sentence that does not repeat a password.
    void lokiSettingsAreChecked()
    {
        QTemporaryDir dir;
        QFile notPem(dir.filePath("ca.pem"));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        const QList<std::pair<QStringList, QByteArray>> refused = {
            {{"--loki-url", "httpx://127.0.0.1:3100/loki/api/v1/push"}, "is not an http(s) URL"},
            {{"--loki-url", "ftp://127.0.0.1/loki/api/v1/push"}, "is not an http(s) URL"},
            {{"--loki-url", "https://admin:hunter2@127.0.0.1:3100/loki/api/v1/push"}, "--loki-token-file"},
            {{"--loki-url", "http://127.0.0.1:3100/loki/api/v1/push?tenant=x"}, "no user, password, query"},
            {{"--loki-url", "https://127.0.0.1:3100", "--loki-ca-file", notPem.fileName()}, "holds no PEM certificate"},
        };
        for (const auto &[args, said] : refused) {
            TestServer server(QString(), args);
            QVERIFY2(!server.start(), qPrintable(args.join(' ')));
            QVERIFY2(server.log().contains(said), server.log().constData());
            QVERIFY2(!server.log().contains("hunter2"), server.log().constData());
        }
    }
};

QTEST_GUILESS_MAIN(LokiGatewayTest)
#include "test_loki_gateway.moc"
