// Every malformed, unauthorised or conflicting request gets the right 4xx with a message that
// names the problem, and leaves the store exactly as it was.
#include "TestCertificates.h"
#include "TestServer.h"

#include <jwt/jwt.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using lw::test::Reply;
using lw::test::TestServer;
using nj = nlohmann::json;

class BadRequestsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    std::unique_ptr<TestServer> m_server;
    QMap<QString, QByteArray> m_tokens;
    std::string m_ca, m_cert, m_key, m_otherKey;

    QByteArray snapshot()
    {
        QByteArray all;
        for (const char *path : {"/api/v2/logs/tls-bundles", "/api/v2/logs/sources", "/api/v2/logs/targets"})
            all += m_server->requestAsAdmin("GET", QString::fromLatin1(path)).body;
        for (const char *path : {"/api/v2/logs/tls-bundles/base-bundle", "/api/v2/logs/sources/base-src",
                                 "/api/v2/logs/targets/base-tgt"})
            all += m_server->requestAsAdmin("GET", QString::fromLatin1(path)).header("ETag");
        return all;
    }

    static std::string signRs256(const std::string &privatePem, int64_t exp)
    {
        jwt::jwt_object obj{jwt::params::algorithm("RS256"), jwt::params::secret(privatePem)};
        obj.add_claim("iss", "logwardend").add_claim("sub", "mallory").add_claim("role", "cluster-admin")
            .add_claim("iat", std::time(nullptr)).add_claim("exp", exp);
        return obj.signature();
    }

    static QByteArray b64url(const QByteArray &in)
    {
        return in.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }

    nj source(const char *name) const
    {
        return {{"name", name}, {"enabled", true}, {"minLevel", "INFO"}, {"journald", {{"syslogIdentifier", name}}}};
    }
    nj rsyslogTarget(const char *name) const
    {
        return {{"name", name}, {"type", "RSYSLOG"}, {"enabled", true},
                {"rsyslog", {{"endpoint", "rsyslog.example.com"}, {"port", 6514}, {"timeout", "5s"}, {"tlsBundle", "base-bundle"}}}};
    }
    nj bundle(const char *name) const { return {{"name", name}, {"caPem", m_ca}, {"certPem", m_cert}, {"keyPem", m_key}}; }

    static QByteArray body(const nj &j) { return QByteArray::fromStdString(j.dump()); }
    template <typename F> static QByteArray with(nj j, F change)
    {
        change(j);
        return body(j);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString certs = m_work.path() + QStringLiteral("/certs");
        QVERIFY(lw::test::makeTestCertificates(certs));
        m_ca = lw::test::readFile(certs + "/ca.crt").toStdString();
        m_cert = lw::test::readFile(certs + "/rsyslog-server.crt").toStdString();
        m_key = lw::test::readFile(certs + "/rsyslog-server.key").toStdString();
        m_otherKey = lw::test::readFile(certs + "/other.key").toStdString();

        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), m_server->log().constData());
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/tls-bundles", bundle("base-bundle")).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/sources", source("base-src")).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/targets", rsyslogTarget("base-tgt")).status, 201);

        const std::string signingKey = lw::test::readFile(m_server->dataDir() + "/jwt-signing.pem").toStdString();
        auto [code, publicPem] = lw::test::runCommand(
            "openssl", {"pkey", "-in", m_server->dataDir() + "/jwt-signing.pem", "-pubout"});
        QCOMPARE(code, 0);
        const int64_t inAnHour = std::time(nullptr) + 3600;
        const QByteArray claims = QByteArray::fromStdString(
            nj({{"iss", "logwardend"}, {"sub", "mallory"}, {"role", "cluster-admin"}, {"exp", inAnHour}}).dump());

        m_tokens["admin"] = "Bearer " + m_server->systemJwt();
        m_tokens["none"] = {};
        m_tokens["viewer"] = "Bearer " + m_server->issueJwt("vera", "viewer");
        QVERIFY(m_tokens["viewer"].size() > 20);
        m_tokens["alg-none"] = "Bearer " + b64url(R"({"alg":"none","typ":"JWT"})") + "." + b64url(claims) + ".";
        jwt::jwt_object hs{jwt::params::algorithm("HS256"), jwt::params::secret(publicPem.toStdString())};
        hs.add_claim("iss", "logwardend").add_claim("sub", "mallory").add_claim("role", "cluster-admin")
            .add_claim("exp", inAnHour);
        m_tokens["hs-confusion"] = "Bearer " + QByteArray::fromStdString(hs.signature());
        m_tokens["expired"] = "Bearer " + QByteArray::fromStdString(signRs256(signingKey, std::time(nullptr) - 3600));
        m_tokens["wrong-key"] = "Bearer " + QByteArray::fromStdString(signRs256(m_otherKey, inAnHour));
        m_tokens["garbage"] = "Bearer not-a-jwt";
        m_tokens["basic"] = "Basic " + QByteArray(":secret").toBase64();
        // Privilege escalation: a viewer's token with its role rewritten and the signature kept.
        const QList<QByteArray> parts = m_tokens["viewer"].mid(7).split('.');
        nj payload = nj::parse(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).toStdString());
        QCOMPARE(payload["role"], nj("viewer"));
        payload["role"] = "cluster-admin";
        m_tokens["tampered"] = "Bearer " + parts[0] + "." + b64url(QByteArray::fromStdString(payload.dump())) + "." + parts[2];
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QByteArray>("ifMatch");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        const QString S = "/api/v2/logs/sources", T = "/api/v2/logs/targets", B = "/api/v2/logs/tls-bundles";
        const nj src = source("new-src");
        const nj tgt = rsyslogTarget("new-tgt");
        const nj loki = {{"name", "new-loki"}, {"type", "LOKI"}, {"loki", {{"url", "http://loki:3100/loki/api/v1/push"}}}};
        const nj bnd = bundle("new-bundle");
        auto row = [](const char *name, QByteArray m, QString p, QByteArray b, QString auth, int st, QString code,
                      QString field = {}, QByteArray ifMatch = {}) {
            QTest::newRow(name) << m << p << b << auth << ifMatch << st << code << field;
        };

        // Bodies that are not the JSON object we expect
        row("bad json", "POST", S, "{\"name\":", "admin", 400, "invalid_json");
        row("empty body", "POST", S, "", "admin", 400, "invalid_json");
        row("array body", "POST", S, "[]", "admin", 400, "invalid_type");
        row("invalid utf-8", "POST", S, "{\"name\":\"a\xff\xfe\"}", "admin", 400, "invalid_json");
        row("deep nesting", "POST", S, QByteArray(100000, '[') + QByteArray(100000, ']'), "admin", 400, "too_deep"); // the 65th "[" is refused
        row("number beyond double", "POST", S, "{\"name\":\"num\",\"enabled\":1e999}", "admin", 400, "invalid_json"); // was a 500
        row("huge body", "POST", S, "{\"name\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}", "admin", 413, "body_too_large");
        // Source fields
        row("name missing", "POST", S, with(src, [](nj &j) { j.erase("name"); }), "admin", 400, "missing_field", "name");
        row("name not a string", "POST", S, with(src, [](nj &j) { j["name"] = 42; }), "admin", 400, "invalid_type", "name");
        row("name too short", "POST", S, with(src, [](nj &j) { j["name"] = "ab"; }), "admin", 400, "invalid_name", "name");
        row("name too long", "POST", S, with(src, [](nj &j) { j["name"] = std::string(65, 'a'); }), "admin", 400, "invalid_name", "name");
        row("name uppercase", "POST", S, with(src, [](nj &j) { j["name"] = "Node-Manager"; }), "admin", 400, "invalid_name", "name");
        row("name with slash", "POST", S, with(src, [](nj &j) { j["name"] = "../etc"; }), "admin", 400, "invalid_name", "name");
        row("enabled not bool", "POST", S, with(src, [](nj &j) { j["enabled"] = "yes"; }), "admin", 400, "invalid_type", "enabled");
        row("unknown logFormat", "POST", S, with(src, [](nj &j) { j["logFormat"] = "XML"; }), "admin", 400, "invalid_value", "logFormat");
        row("unknown minLevel", "POST", S, with(src, [](nj &j) { j["minLevel"] = "TRACE"; }), "admin", 400, "invalid_value", "minLevel");
        row("unknown field", "POST", S, with(src, [](nj &j) { j["colour"] = "red"; }), "admin", 400, "unknown_field", "colour");
        row("unknown nested field", "POST", S, with(src, [](nj &j) { j["journald"]["unit"] = "x"; }), "admin", 400, "unknown_field", "journald.unit");
        row("journald and file", "POST", S, with(src, [](nj &j) { j["file"] = {{"paths", {"/var/log/x.log"}}}; }), "admin", 400, "conflicting_fields", "file");
        row("neither journald nor file", "POST", S, with(src, [](nj &j) { j.erase("journald"); }), "admin", 400, "missing_field", "journald");
        row("journald without identifier", "POST", S, with(src, [](nj &j) { j["journald"] = nj::object(); }), "admin", 400, "missing_field", "journald.syslogIdentifier");
        row("identifier with newline", "POST", S, with(src, [](nj &j) { j["journald"]["syslogIdentifier"] = "a\nb"; }), "admin", 400, "invalid_value", "journald.syslogIdentifier");
        row("file paths empty", "POST", S, with(src, [](nj &j) { j.erase("journald"); j["file"] = {{"paths", nj::array()}}; }), "admin", 400, "invalid_value", "file.paths");
        row("file path relative", "POST", S, with(src, [](nj &j) { j.erase("journald"); j["file"] = {{"paths", {"var/log/x"}}}; }), "admin", 400, "invalid_value", "file.paths[0]");
        row("file paths not array", "POST", S, with(src, [](nj &j) { j.erase("journald"); j["file"] = {{"paths", "/var/log/x"}}; }), "admin", 400, "invalid_type", "file.paths");
        row("bad label name", "POST", S, with(src, [](nj &j) { j.erase("journald"); j["file"] = {{"paths", {"/x"}}, {"labels", {{"1job", "a"}}}}; }), "admin", 400, "invalid_label", "file.labels.1job");
        row("label value not string", "POST", S, with(src, [](nj &j) { j.erase("journald"); j["file"] = {{"paths", {"/x"}}, {"labels", {{"job", 1}}}}; }), "admin", 400, "invalid_type", "file.labels.job");
        row("duplicate source", "POST", S, body(source("base-src")), "admin", 409, "already_exists", "name");
        // Target fields
        row("unknown target type", "POST", T, with(tgt, [](nj &j) { j["type"] = "KAFKA"; }), "admin", 400, "invalid_value", "type");
        row("LOKI with rsyslog block", "POST", T, with(tgt, [](nj &j) { j["type"] = "LOKI"; }), "admin", 400, "missing_field", "loki");
        row("RSYSLOG with loki block", "POST", T, with(loki, [](nj &j) { j["type"] = "RSYSLOG"; }), "admin", 400, "missing_field", "rsyslog");
        row("both blocks", "POST", T, with(loki, [&](nj &j) { j["rsyslog"] = tgt["rsyslog"]; }), "admin", 400, "conflicting_fields", "rsyslog");
        row("loki url not http", "POST", T, with(loki, [](nj &j) { j["loki"]["url"] = "ftp://loki/push"; }), "admin", 400, "invalid_url", "loki.url");
        row("loki url missing", "POST", T, with(loki, [](nj &j) { j["loki"].erase("url"); }), "admin", 400, "missing_field", "loki.url");
        row("port out of range", "POST", T, with(tgt, [](nj &j) { j["rsyslog"]["port"] = 70000; }), "admin", 400, "out_of_range", "rsyslog.port");
        row("port as string", "POST", T, with(tgt, [](nj &j) { j["rsyslog"]["port"] = "6514"; }), "admin", 400, "invalid_type", "rsyslog.port");
        row("bad timeout", "POST", T, with(tgt, [](nj &j) { j["rsyslog"]["timeout"] = "5 seconds"; }), "admin", 400, "invalid_duration", "rsyslog.timeout");
        row("bad endpoint", "POST", T, with(tgt, [](nj &j) { j["rsyslog"]["endpoint"] = "bad host!"; }), "admin", 400, "invalid_host", "rsyslog.endpoint");
        row("unknown tls bundle", "POST", T, with(tgt, [](nj &j) { j["rsyslog"]["tlsBundle"] = "no-such-bundle"; }), "admin", 400, "unknown_reference", "rsyslog.tlsBundle");
        // TLS bundles
        row("ca not pem", "POST", B, with(bnd, [](nj &j) { j["caPem"] = "hello"; }), "admin", 400, "invalid_pem", "caPem");
        row("cert pem corrupt", "POST", B, with(bnd, [](nj &j) { j["certPem"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"; }), "admin", 400, "invalid_pem", "certPem");
        row("key does not match cert", "POST", B, with(bnd, [&](nj &j) { j["keyPem"] = m_otherKey; }), "admin", 400, "key_mismatch", "keyPem");
        row("key without cert", "POST", B, with(bnd, [](nj &j) { j.erase("certPem"); }), "admin", 400, "missing_field", "certPem");
        row("key not pem", "POST", B, with(bnd, [](nj &j) { j["keyPem"] = "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"; }), "admin", 400, "invalid_pem", "keyPem");
        row("bundle in use", "DELETE", B + "/base-bundle", {}, "admin", 409, "in_use");
        // Credentials
        row("no credentials", "POST", S, body(src), "none", 401, "unauthenticated");
        row("garbage bearer", "GET", S, {}, "garbage", 401, "unauthenticated");
        row("alg none", "POST", S, body(src), "alg-none", 401, "unauthenticated");
        row("HS256 keyed with the public key", "POST", S, body(src), "hs-confusion", 401, "unauthenticated");
        row("expired jwt", "POST", S, body(src), "expired", 401, "unauthenticated");
        row("jwt from another key", "POST", S, body(src), "wrong-key", 401, "unauthenticated");
        row("tampered jwt", "POST", S, body(src), "tampered", 401, "unauthenticated");
        row("basic scheme", "GET", S, {}, "basic", 401, "unauthenticated");
        row("viewer may not write", "POST", S, body(src), "viewer", 403, "forbidden");
        row("viewer may not delete", "DELETE", S + "/base-src", {}, "viewer", 403, "forbidden");
        // Updates and deletes
        row("stale if-match", "PUT", S + "/base-src", body(source("base-src")), "admin", 412, "precondition_failed", {}, "\"1\"");
        row("garbage if-match", "DELETE", S + "/base-src", {}, "admin", 412, "precondition_failed", {}, "\"abc\"");
        row("rename via put", "PUT", S + "/base-src", body(source("other-src")), "admin", 400, "immutable_field", "name");
        row("put missing", "PUT", S + "/no-such-src", body(source("no-such-src")), "admin", 404, "not_found");
        row("delete missing", "DELETE", T + "/no-such-tgt", {}, "admin", 404, "not_found");
        row("unknown endpoint", "GET", "/api/v2/logs/nothing", {}, "admin", 404, "not_found");
        row("method not allowed", "PATCH", S, body(src), "admin", 405, "method_not_allowed");
        row("encoded traversal", "GET", S + "/%2e%2e%2fetc", {}, "admin", 404, "not_found");
    }

    void rejects()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, payload);
        QFETCH(QString, auth);
        QFETCH(QByteArray, ifMatch);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);

        const QByteArray before = snapshot();
        QList<std::pair<QByteArray, QByteArray>> headers = {{"Content-Type", "application/json"}};
        if (!m_tokens.value(auth).isEmpty())
            headers.append({"Authorization", m_tokens.value(auth)});
        if (!ifMatch.isEmpty())
            headers.append({"If-Match", ifMatch});
        const Reply reply = m_server->request(method, path, payload, headers);

        QVERIFY2(reply.status == status, qPrintable(QStringLiteral("got %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(300)))));
        const nj body = nj::parse(reply.body.toStdString(), nullptr, false);
        QVERIFY2(body.is_object(), reply.body.left(200).constData());
        QCOMPARE(QString::fromStdString(body.value("code", "")), code);
        const std::string message = body.value("error", "");
        QVERIFY2(message.size() > 10, message.c_str());
        if (!field.isEmpty()) {
            QCOMPARE(QString::fromStdString(body.value("field", "")), field);
            QVERIFY2(QString::fromStdString(message).contains(field.section('[', 0, 0)), message.c_str());
        }
        if (status == 401)
            QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
        QCOMPARE(snapshot(), before);
    }

    void serverSurvivedEverything()
    {
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
        const QByteArray log = m_server->log();
        QVERIFY(!log.contains("internal error"));
        QVERIFY(!log.contains("\"status\":5"));
        // No credential and no key material ever reaches the log.
        QVERIFY(!log.contains(m_server->systemJwt()));
        QVERIFY(!log.contains("PRIVATE KEY"));
    }

    // Server JWTs (RS256 with the server's own key) need iss "logwardend", exp and a jti, and
    // honour nbf; exp and nbf have 30 s of leeway. Every row is signed with the right key, so a
    // 401 can only come from the claim the row changes.
    void serverJwtClaimsAreChecked_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("expected");
        QTest::newRow("valid") << "" << 200;
        QTest::newRow("no iss") << "-iss" << 401;
        QTest::newRow("iss self-signed") << "iss=self-signed" << 401;
        QTest::newRow("no exp") << "-exp" << 401;
        QTest::newRow("no jti") << "-jti" << 401;
        QTest::newRow("exp 10 s ago (leeway)") << "exp=-10" << 200;
        QTest::newRow("exp 2 min ago") << "exp=-120" << 401;
        QTest::newRow("nbf 10 s ahead (leeway)") << "nbf=10" << 200;
        QTest::newRow("nbf 2 min ahead") << "nbf=120" << 401;
        QTest::newRow("nbf 2 min ago") << "nbf=-120" << 200;
    }
    void serverJwtClaimsAreChecked()
    {
        QFETCH(QString, change);
        QFETCH(int, expected);
        static int serial = 0;
        const int64_t now = std::time(nullptr);
        nj claims = {{"iss", "logwardend"}, {"sub", "claims-row"}, {"role", "viewer"}, {"iat", now}, {"exp", now + 600},
                     {"jti", "claims-row-" + std::to_string(++serial)}};
        if (change.startsWith('-')) {
            claims.erase(change.mid(1).toStdString());
        } else if (!change.isEmpty()) {
            const QString name = change.section('=', 0, 0), value = change.section('=', 1);
            bool numeric = false;
            const int offset = value.toInt(&numeric);
            claims[name.toStdString()] = numeric ? nj(now + offset) : nj(value.toStdString());
        }
        jwt::jwt_object obj{jwt::params::algorithm("RS256"),
                            jwt::params::secret(lw::test::readFile(m_server->dataDir() + "/jwt-signing.pem").toStdString())};
        for (auto it = claims.begin(); it != claims.end(); ++it) {
            if (it->is_number())
                obj.add_claim(it.key(), it->get<int64_t>());
            else
                obj.add_claim(it.key(), it->get<std::string>());
        }
        const QByteArray token = QByteArray::fromStdString(obj.signature());
        QCOMPARE(token.count('.'), 2);
        const auto r = m_server->request("GET", "/api/v2/logs/sources", {}, {{"Authorization", "Bearer " + token}});
        QVERIFY2(r.status == expected, (QByteArray::number(r.status) + " " + r.body).constData());
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

QTEST_GUILESS_MAIN(BadRequestsTest)
#include "test_bad_requests.moc"
