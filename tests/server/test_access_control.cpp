// Who may do what: a matrix of principals (server JWTs, admin tokens of several policies and
// states, a self-signed user JWT, an ingest token) against endpoints of every guard (config read
// and write, admin, push to a tenant), plus GEL's admin-API rules, ingest tokens and the audit log.
#include "TestServer.h"

#include <jwt/jwt.hpp>

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QtTest>

#include <ctime>

using lw::test::TestServer;
using nj = nlohmann::json;

namespace {
const char *const Cluster = "matrix-cluster";
}

class AccessControlTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QMap<QString, QByteArray> m_auth; // principal name -> Authorization header value
    int m_counter = 0;

    lw::test::Reply admin(const QByteArray &method, const QString &path, const lw::Json &body = nullptr,
                          QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        return m_server->requestAsAdmin(method, path, body, std::move(headers));
    }
    // Without an expiration: a year from now (a fixed date would age into "expired").
    QByteArray createToken(const char *name, const char *policy, const char *expiration = nullptr)
    {
        const std::string when = expiration ? std::string(expiration)
                                            : QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate).toStdString();
        auto r = admin("POST", "/admin/api/v3/tokens", {{"name", name}, {"access_policy", policy}, {"expiration", when}});
        return r.status == 201 ? QByteArray::fromStdString(r.json().value("token", "")) : QByteArray();
    }
    void policy(const char *name, const lw::Json &realms, const lw::Json &scopes)
    {
        QCOMPARE(admin("POST", "/admin/api/v3/accesspolicies", {{"name", name}, {"realms", realms}, {"scopes", scopes}}).status, 201);
    }
    void deactivate(const QString &path)
    {
        const QByteArray etag = admin("GET", path).header("ETag");
        QCOMPARE(admin("PUT", path, {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
    }
    static lw::Json realm(const char *tenant) { return lw::Json::array({{{"tenant", tenant}, {"cluster", Cluster}}}); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QString(), QStringList{"--cluster-name", Cluster});
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(), {"tokengen", "--data-dir", m_server->dataDir(),
                                                                            "--cluster-name", Cluster}, {}, {}, 30000, false);
        QCOMPARE(code, 0);
        m_auth["admin-token"] = "Basic " + (":" + out.trimmed()).toBase64();
        QVERIFY2(m_server->start(), m_server->log().constData());
        m_auth["system-jwt"] = "Bearer " + m_server->systemJwt();
        m_auth["viewer-jwt"] = "Bearer " + m_server->issueJwt("vera", "viewer");
        m_auth["garbage"] = "Bearer bm90LWEtdG9rZW4=";

        for (const char *t : {"alpha", "beta", "gone"})
            QCOMPARE(admin("POST", "/admin/api/v3/tenants", {{"name", t}, {"cluster", Cluster}}).status, 201);
        policy("read-alpha", realm("alpha"), {"logs:read"});
        policy("write-alpha", realm("alpha"), {"logs:write"});
        policy("write-all", realm("*"), {"logs:write"});
        policy("config", realm("*"), {"config:read", "config:write"});
        policy("soon-inactive", realm("alpha"), {"logs:write"});
        policy("gone-only", realm("gone"), {"logs:write"});
        m_auth["read-alpha"] = "Bearer " + createToken("tok-read-alpha", "read-alpha");
        m_auth["write-alpha"] = "Basic " + (":" + createToken("tok-write-alpha", "write-alpha")).toBase64();
        m_auth["write-all"] = "Bearer " + createToken("tok-write-all", "write-all");
        m_auth["config"] = "Bearer " + createToken("tok-config", "config");
        m_auth["expired"] = "Bearer " + createToken("tok-expired", "write-all", "2021-03-01T17:37:59.341728283Z");
        m_auth["inactive-token"] = "Bearer " + createToken("tok-inactive", "write-all");
        m_auth["inactive-policy"] = "Bearer " + createToken("tok-policy-off", "soon-inactive");
        m_auth["inactive-tenant"] = "Bearer " + createToken("tok-tenant-off", "gone-only");
        deactivate("/admin/api/v3/tokens/tok-inactive");
        deactivate("/admin/api/v3/accesspolicies/soon-inactive");
        deactivate("/admin/api/v3/tenants/gone");

        auto ingest = admin("POST", "/admin/api/v3/tenants/alpha/ingest-tokens", {{"name", "shipper"}, {"parser", "json"}});
        QCOMPARE(ingest.status, 201);
        m_auth["ingest"] = "Bearer " + QByteArray::fromStdString(ingest.json().value("token", ""));

        auto user = admin("POST", "/admin/api/v3/users", {{"name", "ursula"}, {"scopes", {"config:read", "logs:read"}}, {"realms", realm("alpha")}});
        QCOMPARE(user.status, 201);
        jwt::jwt_object self{jwt::params::algorithm("HS256"), jwt::params::secret(user.json().value("access_key", ""))};
        self.add_claim("iss", "self-signed").add_claim("sub", "ursula").add_claim("scope", "logsource:read logs:write")
            .add_claim("iat", std::time(nullptr)).add_claim("exp", std::time(nullptr) + 3600);
        m_auth["self-signed"] = "Bearer " + QByteArray::fromStdString(self.signature());
    }

    void labelPolicySelectorsAreParsedWhenSaved_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("unclosed") << "{job=\"api\"";
        QTest::newRow("no value") << "{job}";
        QTest::newRow("bad regex") << "{job=~\"(a\"}";
        QTest::newRow("unterminated string") << "{job=\"api}";
        QTest::newRow("empty") << "{}";
        QTest::newRow("pipeline") << "{job=\"api\"} |= \"x\"";
    }
    void labelPolicySelectorsAreParsedWhenSaved()
    {
        QFETCH(QString, selector);
        lw::Json realms = realm("alpha");
        realms[0]["label_policies"] = lw::Json::array({{{"selector", selector.toStdString()}}});
        auto r = admin("POST", "/admin/api/v3/accesspolicies", {{"name", "typo"}, {"realms", realms}, {"scopes", {"logs:read"}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("field", ""), std::string("realms[0].label_policies[0].selector"));
        QCOMPARE(admin("GET", "/admin/api/v3/accesspolicies/typo").status, 404); // nothing half-written
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<int>("expected");
        const QStringList endpoints = {"config-read", "config-write", "admin", "collectors", "push-alpha", "push-beta"};
        const QMap<QString, QList<int>> table = {
            //                  config-read config-write admin collectors push-alpha push-beta
            {"system-jwt",      {200, 201, 200, 200, 204, 204}},
            {"admin-token",     {200, 201, 200, 200, 403, 403}},
            {"viewer-jwt",      {200, 403, 403, 200, 403, 403}},
            {"read-alpha",      {403, 403, 403, 403, 403, 403}},
            {"write-alpha",     {403, 403, 403, 403, 204, 403}},
            {"write-all",       {403, 403, 403, 403, 204, 204}},
            {"config",          {200, 201, 403, 200, 403, 403}},
            {"self-signed",     {200, 403, 403, 200, 403, 403}},
            {"ingest",          {403, 403, 403, 403, 403, 403}},
            {"expired",         {401, 401, 401, 401, 401, 401}},
            {"inactive-token",  {401, 401, 401, 401, 401, 401}},
            {"inactive-policy", {401, 401, 401, 401, 401, 401}},
            {"inactive-tenant", {401, 401, 401, 401, 401, 401}},
            {"garbage",         {401, 401, 401, 401, 401, 401}},
        };
        for (auto it = table.begin(); it != table.end(); ++it) {
            for (int i = 0; i < endpoints.size(); ++i) {
                QTest::newRow(qPrintable(it.key() + " " + endpoints[i])) << it.key() << endpoints[i] << it.value()[i];
            }
        }
    }

    void matrix()
    {
        QFETCH(QString, principal);
        QFETCH(QString, endpoint);
        QFETCH(int, expected);
        QVERIFY2(m_auth.value(principal).size() > 10, qPrintable(principal));
        QList<std::pair<QByteArray, QByteArray>> headers = {{"Authorization", m_auth.value(principal)},
                                                            {"Content-Type", "application/json"}};
        QByteArray method = "GET", body;
        QString path;
        if (endpoint == "config-read") {
            path = "/api/v2/logs/sources";
        } else if (endpoint == "config-write") {
            method = "POST";
            path = "/api/v2/logs/sources";
            body = QStringLiteral(R"({"name":"src-%1","journald":{"syslogIdentifier":"x"}})").arg(++m_counter).toUtf8();
        } else if (endpoint == "admin") {
            path = "/admin/api/v3/tenants";
        } else if (endpoint == "collectors") {
            path = "/api/v2/logs/collectors";
        } else {
            method = "POST";
            path = "/loki/api/v1/push";
            headers.append(std::make_pair(QByteArray("X-Scope-OrgID"), QByteArray(endpoint == "push-alpha" ? "alpha" : "beta")));
            body = QStringLiteral(R"({"streams":[{"stream":{"job":"matrix"},"values":[["%1","hello"]]}]})")
                       .arg(QDateTime::currentMSecsSinceEpoch() * 1000000LL).toUtf8();
        }
        const auto reply = m_server->request(method, path, body, headers);
        QVERIFY2(reply.status == expected, qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(200)))));
        if (expected == 401 || expected == 403)
            QVERIFY(reply.body.size() > 10); // a sentence, JSON or (Loki paths) plain text
        if (endpoint.startsWith("push") && expected >= 400)
            QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
    }

    void adminApiRules()
    {
        // 428 without If-Match, 412 when stale.
        QCOMPARE(admin("PUT", "/admin/api/v3/tenants/alpha", {{"display_name", "A"}}).status, 428);
        QCOMPARE(admin("PUT", "/admin/api/v3/tenants/alpha", {{"display_name", "A"}}, {{"If-Match", "\"1\""}}).status, 412);
        // A name taken by an inactive record: 409 that says how to get it back.
        auto again = admin("POST", "/admin/api/v3/tenants", {{"name", "gone"}, {"cluster", Cluster}});
        QCOMPARE(again.status, 409);
        QVERIFY(again.json().value("error", "").find("re-activate") != std::string::npos);
        // Realms must name an existing tenant and this cluster.
        auto unknown = admin("POST", "/admin/api/v3/accesspolicies", {{"name", "bad-policy"}, {"realms", realm("nowhere")}, {"scopes", {"logs:read"}}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json()["field"], lw::Json("realms[0].tenant"));
        auto otherCluster = admin("POST", "/admin/api/v3/accesspolicies",
                                  {{"name", "bad-policy"}, {"realms", {{{"tenant", "*"}, {"cluster", "elsewhere"}}}}, {"scopes", {"logs:read"}}});
        QCOMPARE(otherCluster.status, 400);
        QCOMPARE(otherCluster.json()["code"], lw::Json("unknown_cluster"));
        auto badScope = admin("POST", "/admin/api/v3/accesspolicies", {{"name", "bad-policy"}, {"realms", realm("*")}, {"scopes", {"logs:everything"}}});
        QCOMPARE(badScope.status, 400);
        QCOMPARE(admin("GET", "/admin/api/v3/clusters").json()["items"][0]["name"], lw::Json(Cluster));
        // include-non-active shows the deactivated ones.
        QCOMPARE(admin("GET", "/admin/api/v3/tenants").json()["items"].size(), size_t(2));
        QCOMPARE(admin("GET", "/admin/api/v3/tenants?include-non-active=true").json()["items"].size(), size_t(3));
        // Deprecated DELETE is a soft delete.
        auto deleted = m_server->requestAsAdmin("DELETE", "/admin/api/v2/tenants/beta");
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.header("Deprecation"), QByteArray("true"));
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/beta").json()["status"], lw::Json("inactive"));
    }

    void sameEtagTwoWritersOneWins()
    {
        const QByteArray etag = admin("GET", "/admin/api/v3/tenants/alpha").header("ETag");
        // Two clients, both in flight at once, both holding the same ETag.
        QNetworkAccessManager a, b;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt"));
        auto send = [&](QNetworkAccessManager &nam, const char *name) {
            QNetworkRequest req(QUrl(m_server->url("/admin/api/v3/tenants/alpha")));
            req.setSslConfiguration(tls);
            req.setRawHeader("Authorization", "Bearer " + m_server->systemJwt());
            req.setRawHeader("If-Match", etag);
            return nam.sendCustomRequest(req, "PUT", QByteArray("{\"display_name\":\"") + name + "\"}");
        };
        QNetworkReply *ra = send(a, "from A");
        QNetworkReply *rb = send(b, "from B");
        QTRY_VERIFY_WITH_TIMEOUT(ra->isFinished() && rb->isFinished(), 10000);
        QList<int> statuses = {ra->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                               rb->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 412}));
        const std::string winner = statuses[0] == ra->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() ? "from A" : "from B";
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/alpha").json()["display_name"], lw::Json(winner));
        ra->deleteLater();
        rb->deleteLater();
    }

    void cachedCredentialsFollowChanges()
    {
        // A verified credential is cached; a change to its policy or tenant, or its expiry, applies
        // from the next request all the same.
        QCOMPARE(admin("POST", "/admin/api/v3/tenants", {{"name", "cache-t"}, {"cluster", Cluster}}).status, 201);
        policy("cache-p", realm("cache-t"), {"logs:read"});
        const QByteArray auth = "Bearer " + createToken("tok-cache", "cache-p");
        const QByteArray soon = "Bearer " + createToken("tok-soon", "cache-p",
            QDateTime::currentDateTimeUtc().addSecs(6).toString(Qt::ISODate).toUtf8().constData());
        auto labels = [this](const QByteArray &a) {
            return m_server->request("GET", "/loki/api/v1/labels", {}, {{"Authorization", a}, {"X-Scope-OrgID", "cache-t"}}).status;
        };
        auto sources = [this](const QByteArray &a) {
            return m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", a}}).status;
        };
        QCOMPARE(labels(soon), 200); // (six seconds to live)
        QCOMPARE(labels(auth), 200);
        QCOMPARE(labels(auth), 200); // now answered from the cache
        QCOMPARE(sources(auth), 403);
        // The policy's scopes change: the cached principal goes with them.
        const QString policyPath = "/admin/api/v3/accesspolicies/cache-p";
        QCOMPARE(admin("PUT", policyPath, {{"scopes", {"config:read"}}}, {{"If-Match", admin("GET", policyPath).header("ETag")}}).status, 200);
        QCOMPARE(labels(auth), 403);
        QCOMPARE(sources(auth), 200);
        QCOMPARE(admin("PUT", policyPath, {{"scopes", {"logs:read", "config:read"}}}, {{"If-Match", admin("GET", policyPath).header("ETag")}}).status, 200);
        QCOMPARE(labels(auth), 200);
        QCOMPARE(sources(auth), 200); // cached again, on a path that does not look at the tenant
        // The token expires (an admin token has no leeway): refused from then on, cache or not.
        QTRY_COMPARE_WITH_TIMEOUT(labels(soon), 401, 15000);
        QCOMPARE(labels(auth), 200);
        // The tenant is deactivated: 401 at once.
        deactivate("/admin/api/v3/tenants/cache-t");
        QCOMPARE(labels(auth), 401);
        QCOMPARE(sources(auth), 401); // the cached principal went with the tenant
    }

    void ingestTokens()
    {
        auto list = admin("GET", "/admin/api/v3/tenants/alpha/ingest-tokens");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json()["items"][0]["name"], lw::Json("shipper"));
        QCOMPARE(list.json()["items"][0]["parser"], lw::Json("json"));
        QVERIFY(!list.json()["items"][0].contains("token"));
        // Custom values need the feature switch.
        auto custom = admin("POST", "/admin/api/v3/tenants/alpha/ingest-tokens", {{"name", "custom"}, {"token", std::string(40, 'k')}});
        QCOMPARE(custom.status, 403);
        QCOMPARE(custom.json()["code"], lw::Json("feature_disabled"));
        auto badParser = admin("POST", "/admin/api/v3/tenants/alpha/ingest-tokens", {{"name", "other"}, {"parser", "xml"}});
        QCOMPARE(badParser.status, 400);
        QCOMPARE(admin("POST", "/admin/api/v3/tenants/nowhere/ingest-tokens", {{"name", "x-token"}}).status, 404);
        // The v3 rules: PUT and DELETE need the current ETag (428 without, 412 stale).
        const QString path = "/admin/api/v3/tenants/alpha/ingest-tokens/shipper";
        auto ingestOk = [this] {
            return m_server->request("POST", "/api/v1/ingest/raw", "a line", {{"Authorization", m_auth["ingest"]}}).status;
        };
        QCOMPARE(ingestOk(), 200);
        const QByteArray etag = admin("GET", path).header("ETag");
        QVERIFY(!etag.isEmpty());
        auto noIfMatch = admin("PUT", path, {{"parser", "kv"}});
        QCOMPARE(noIfMatch.status, 428);
        QCOMPARE(noIfMatch.json()["code"], lw::Json("precondition_required"));
        QCOMPARE(admin("PUT", path, {{"parser", "kv"}}, {{"If-Match", "\"1\""}}).status, 412);
        auto unchanged = admin("GET", path); // neither refusal wrote anything
        QCOMPARE(unchanged.header("ETag"), etag);
        QCOMPARE(unchanged.json()["parser"], lw::Json("json"));
        // The value cannot change by PUT (create another token to rotate one): 400, not a silent 200.
        auto rotate = admin("PUT", path, {{"token", std::string(40, 'r')}}, {{"If-Match", etag}});
        QCOMPARE(rotate.status, 400);
        QCOMPARE(rotate.json()["field"], lw::Json("token"));
        auto edited = admin("PUT", path, {{"parser", "kv"}}, {{"If-Match", etag}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json()["parser"], lw::Json("kv"));
        QVERIFY(edited.header("ETag") != etag);
        QCOMPARE(admin("PUT", path, {{"tenant", "beta"}}, {{"If-Match", edited.header("ETag")}}).json()["field"], lw::Json("tenant"));
        // Editing the parser keeps the token working (for ingest only).
        QCOMPARE(ingestOk(), 200);
        QCOMPARE(m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", m_auth["ingest"]}}).status, 403);
        // DELETE is soft: it needs If-Match, ingestion stops at once, the record stays (inactive).
        QCOMPARE(admin("DELETE", path).status, 428);
        QCOMPARE(admin("DELETE", path, nullptr, {{"If-Match", etag}}).status, 412);
        auto deleted = admin("DELETE", path, nullptr, {{"If-Match", edited.header("ETag")}});
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json()["status"], lw::Json("inactive"));
        QCOMPARE(ingestOk(), 401);
        QCOMPARE(m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", m_auth["ingest"]}}).status, 401);
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/alpha/ingest-tokens").json()["items"].size(), size_t(0));
        auto all = admin("GET", "/admin/api/v3/tenants/alpha/ingest-tokens?include-non-active=true").json()["items"];
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0]["status"], lw::Json("inactive"));
        QCOMPARE(admin("GET", path).json()["status"], lw::Json("inactive"));
        // The name is never reused; re-activating brings the same value back.
        auto again = admin("POST", "/admin/api/v3/tenants/alpha/ingest-tokens", {{"name", "shipper"}});
        QCOMPARE(again.status, 409);
        QVERIFY2(again.json().value("error", "").find("exists but is inactive") != std::string::npos, again.body.constData());
        auto back = admin("PUT", path, {{"status", "active"}}, {{"If-Match", deleted.header("ETag")}});
        QCOMPARE(back.status, 200);
        QCOMPARE(ingestOk(), 200);
        // Another tenant's list does not show alpha's token; an unknown tenant is 404 on every verb.
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/beta/ingest-tokens?include-non-active=true").json()["items"].size(), size_t(0));
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/beta/ingest-tokens/shipper").status, 404);
        QCOMPARE(admin("GET", "/admin/api/v3/tenants/nowhere/ingest-tokens").status, 404);
        QCOMPARE(admin("DELETE", "/admin/api/v3/tenants/nowhere/ingest-tokens/shipper", nullptr, {{"If-Match", "\"1\""}}).status, 404);
        // No answer and no audit entry carries the value or its hash.
        const QByteArray value = m_auth["ingest"].mid(int(strlen("Bearer ")));
        for (const auto &r : {admin("GET", path), admin("GET", "/admin/api/v3/tenants/alpha/ingest-tokens?include-non-active=true"),
                              edited, deleted, back, admin("GET", "/admin/api/v3/audit?kind=ingest-token")}) {
            QVERIFY2(!r.body.contains("token_hash") && !r.body.contains(value), r.body.constData());
            QVERIFY(!r.body.contains(QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex()));
        }
        // Every change is in the audit log under tenant/name.
        auto audit = admin("GET", "/admin/api/v3/audit?kind=ingest-token").json();
        int deactivations = 0;
        for (const auto &e : audit["items"])
            deactivations += e.value("action", "") == "deactivate" && e.value("name", "") == "alpha/shipper";
        QCOMPARE(deactivations, 1);
    }

    void tokenUseIsRecorded()
    {
        QCOMPARE(m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", m_auth["config"]}}).status, 200);
        const lw::Json token = admin("GET", "/admin/api/v3/tokens/tok-config").json();
        QVERIFY(token.value("last_used_at", "").size() >= 20);
        QVERIFY(!token.contains("token") && !token.contains("secret_hash"));
    }

    void auditLogNamesActorsAndHoldsNoSecrets()
    {
        auto audit = admin("GET", "/admin/api/v3/audit?limit=1000");
        QCOMPARE(audit.status, 200);
        const lw::Json items = audit.json()["items"];
        QVERIFY(items.size() > 20);
        bool sawDeactivation = false, sawIngestDelete = false;
        for (const auto &e : items) {
            QVERIFY(!e.value("actor", "").empty());
            QVERIFY(!e.value("time", "").empty());
            sawDeactivation = sawDeactivation || (e["action"] == "deactivate" && e["name"] == "tok-inactive");
            sawIngestDelete = sawIngestDelete || (e["action"] == "deactivate" && e["kind"] == "ingest-token");
        }
        QVERIFY(sawDeactivation);
        QVERIFY(sawIngestDelete);
        QCOMPARE(items[0]["actor"], lw::Json("system:cluster-admin")); // newest first
        for (const auto &[name, header] : m_auth.toStdMap()) {
            const QByteArray secret = header.mid(header.indexOf(' ') + 1);
            QVERIFY2(!audit.body.contains(secret), qPrintable(name));
        }
        QVERIFY(!audit.body.contains("secret_hash"));
        QVERIFY(!audit.body.contains("access_key\""));
        QCOMPARE(admin("GET", "/admin/api/v3/audit?limit=0").status, 400);
        QCOMPARE(admin("GET", "/admin/api/v3/audit?kind=tenant&limit=1").json()["items"][0]["kind"], lw::Json("tenant"));
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

class CustomIngestTokenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void customValuesWithTheSwitch()
    {
        TestServer server(QString(), {"--allow-custom-ingest-tokens"});
        QVERIFY(server.start());
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "sandbox"}, {"cluster", "logwarden"}}).status, 201);
        auto shortOne = server.requestAsAdmin("POST", "/admin/api/v3/tenants/sandbox/ingest-tokens", {{"name", "mine"}, {"token", "myCustomToken"}});
        QCOMPARE(shortOne.status, 400);
        QCOMPARE(shortOne.json()["field"], lw::Json("token"));
        const std::string value = "my-custom-token-0123456789-abcdefghij";
        auto ok = server.requestAsAdmin("POST", "/admin/api/v3/tenants/sandbox/ingest-tokens", {{"name", "mine"}, {"parser", "kv"}, {"token", value}});
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.json()["token"], lw::Json(value));
        QCOMPARE(ok.json()["custom"], lw::Json(true));
        auto dup = server.requestAsAdmin("POST", "/admin/api/v3/tenants/sandbox/ingest-tokens", {{"name", "again"}, {"token", value}});
        QCOMPARE(dup.status, 409);
        // The custom value authenticates (and, being an ingest token, is refused elsewhere).
        QCOMPARE(server.request("GET", "/api/v2/logs/sources", {}, {{"Authorization", QByteArray("Bearer ") + value.c_str()}}).status, 403);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    AccessControlTest access;
    CustomIngestTokenTest custom;
    return QTest::qExec(&access, argc, argv) | QTest::qExec(&custom, argc, argv);
}
#include "test_access_control.moc"
