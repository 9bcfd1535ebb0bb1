// Seed 003 (GEL admin API): every curl, in the seed's order, against a real logwardend over
// plain HTTP on loopback (host and port aside). Where the seed shows If-Match "123" the test
// sends the real ETag; the seed's own typo there (a stray backtick closing the quote) is mended.
#include "TestServer.h"

#include <QtTest>

using lw::test::TestServer;
using nj = nlohmann::json;

class Seed003Test : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QString m_apiToken;
    QString m_token; // the devtoken of the "Tokens" section

    std::pair<int, QByteArray> sh(const QString &script, const QStringList &env = {})
    {
        QString s = script;
        s.replace(QStringLiteral("localhost:3100"), QStringLiteral("localhost:%1").arg(m_server->plainPort()));
        s.replace(QStringLiteral("localhost:8080"), QStringLiteral("localhost:%1").arg(m_server->plainPort()));
        return lw::test::runCommand("bash", {"-c", "set -o pipefail\n" + s}, {},
                                    QStringList{"API_TOKEN=" + m_apiToken, "TOKEN=" + m_token} + env, 30000,
                                    /*mergeStderr=*/false); // curl's progress meter goes to stderr
    }
    nj run(const QString &script, const QStringList &env = {})
    {
        auto [code, out] = sh(script, env);
        if (code != 0)
            qWarning("command failed (%d): %s", code, out.constData());
        return nj::parse(out.toStdString(), nullptr, false);
    }
    QString etag(const QString &path)
    {
        auto [code, out] = sh("curl -s -D - -o /dev/null -u :$API_TOKEN localhost:3100" + path + " | tr -d '\\r' | sed -n 's/^ETag: //Ip'");
        return QString::fromUtf8(out).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QString(), QStringList{"--cluster-name", "dev-cluster", "--http-listen", "127.0.0.1:0"});
        // GEL's tokengen, before the server starts.
        auto [code, out] = lw::test::runCommand(TestServer::binaryPath(), {"tokengen", "--data-dir", m_server->dataDir(),
                                                                            "--cluster-name", "dev-cluster", "--token-name", "bootstrap"});
        QCOMPARE(code, 0);
        m_apiToken = QString::fromUtf8(out).trimmed();
        QVERIFY2(m_server->start(), m_server->log().constData());
        QVERIFY(m_server->plainPort() > 0);
        // The seed's examples assume these exist.
        QCOMPARE(run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tenants --data '{"name":"enterprise-logs-dev", "display_name": "Grafana Enterprise Logs dev tenant", "cluster": "dev-cluster"}')")["status"], nj("active"));
    }

    void tenants()
    {
        nj list = run("curl -u :$API_TOKEN localhost:3100/admin/api/v3/tenants | jq");
        QCOMPARE(list["type"], nj("tenant"));
        QCOMPARE(list["items"][0]["name"], nj("enterprise-logs-dev"));
        QCOMPARE(list["items"][0]["cluster"], nj("dev-cluster"));
        QCOMPARE(list["items"][0]["status"], nj("active"));
        QVERIFY(list["items"][0]["created_at"].get<std::string>().size() >= 20);

        nj created = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/tenants \
  --data '{"name":"dev", "display_name": "Grafana Enterprise Logs dev tenant", "cluster": "dev-cluster"}')");
        QCOMPARE(created["name"], nj("dev"));
        QCOMPARE(created["status"], nj("active"));

        nj updated = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/tenants/enterprise-logs-dev \
  -X PUT -H "If-Match: $ETAG" \
  --data '{"display_name": "Grafana Enterprise Logs dev tenant", "status": "active", "cluster": "dev-cluster"}' | jq)",
                         {"ETAG=" + etag("/admin/api/v3/tenants/enterprise-logs-dev")});
        QCOMPARE(updated["name"], nj("enterprise-logs-dev"));
        QCOMPARE(updated["status"], nj("active"));

        nj read = run("curl -u :$API_TOKEN localhost:3100/admin/api/v3/tenants/enterprise-logs-dev | jq");
        QCOMPARE(read["display_name"], nj("Grafana Enterprise Logs dev tenant"));

        nj inactive = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/tenants/enterprise-logs-dev \
  -X PUT -H "If-Match: $ETAG" \
  --data '{"status": "inactive", "cluster": "dev-cluster"}' | jq)",
                          {"ETAG=" + etag("/admin/api/v3/tenants/enterprise-logs-dev")});
        QCOMPARE(inactive["status"], nj("inactive"));
        // Lists hide it unless asked; the deprecated paths answer the same, with a Deprecation header.
        QCOMPARE(run("curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tenants")["items"].size(), size_t(1));
        QCOMPARE(run("curl -s -u :$API_TOKEN 'localhost:3100/admin/api/v3/tenants?include-non-active=true'")["items"].size(), size_t(2));
        QCOMPARE(run("curl -s -u :$API_TOKEN localhost:3100/admin/api/v1/instances")["items"].size(), size_t(1));
        auto [code, headers] = sh("curl -s -D - -o /dev/null -u :$API_TOKEN localhost:3100/admin/api/v2/tenants");
        QVERIFY(headers.toLower().contains("deprecation: true"));
    }

    void accessPolicies()
    {
        // Re-enabled as the seed describes, so the policies below reach it.
        nj active = run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tenants/enterprise-logs-dev -X PUT -H "If-Match: $ETAG" --data '{"status": "active"}')",
                        {"ETAG=" + etag("/admin/api/v3/tenants/enterprise-logs-dev")});
        QCOMPARE(active["status"], nj("active"));
        // The seed's update example addresses a policy named like the tenant: create it too.
        QCOMPARE(run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies --data '{"name":"enterprise-logs-dev", "realms": [{"tenant": "enterprise-logs-dev", "cluster": "dev-cluster"}], "scopes": ["logs:read"]}')")["name"], nj("enterprise-logs-dev"));

        nj created = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies \
  --data '{"name":"ap1", "display_name": "First access policy", 
"created_at": "2021-02-01T17:37:59.341728283Z", 
"realms": [{"tenant": "enterprise-logs-dev", "cluster": "dev-cluster"}], 
"scopes": ["logs:read", "logs:write"]}')");
        QCOMPARE(created["name"], nj("ap1"));
        QCOMPARE(created["scopes"], nj({"logs:read", "logs:write"}));
        QVERIFY(created["created_at"] != nj("2021-02-01T17:37:59.341728283Z")); // the server sets it

        nj list = run("curl -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies | jq");
        QCOMPARE(list["type"], nj("access_policy"));
        QCOMPARE(list["items"].size(), size_t(3)); // __admin__, enterprise-logs-dev, ap1

        nj updated = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies/enterprise-logs-dev \
  -X PUT -H "If-Match: $ETAG" \
  --data '{"display_name": "First access policy", 
"status": "active", 
"realms": [{"tenant": "enterprise-logs-dev", "cluster": "dev-cluster"}], 
"scopes": ["logs:read", "logs:write"]}' | jq)",
                         {"ETAG=" + etag("/admin/api/v3/accesspolicies/enterprise-logs-dev")});
        QCOMPARE(updated["scopes"], nj({"logs:read", "logs:write"}));

        nj read = run("curl -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies/ap1 | jq");
        QCOMPARE(read["realms"][0]["tenant"], nj("enterprise-logs-dev"));

        nj inactive = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies/enterprise-logs-dev \
  -X PUT -H "If-Match: $ETAG" \
  --data '{"status": "inactive", "display_name": "First access policy", 
"realms": [{"tenant": "enterprise-logs-dev", "cluster": "dev-cluster"}], 
"scopes": ["logs:read", "logs:write"]}' | jq)",
                          {"ETAG=" + etag("/admin/api/v3/accesspolicies/enterprise-logs-dev")});
        QCOMPARE(inactive["status"], nj("inactive"));
    }

    void tokens()
    {
        nj created = run(R"(curl -u :$API_TOKEN localhost:3100/admin/api/v3/tokens \
  --data '{"name":"devtoken", "display_name":"Dev token", 
"created_at": "2021-02-01T17:37:59.341728283Z", 
"expiration": "2021-03-01T17:37:59.341728283Z", 
"access_policy": "ap1"}')");
        QCOMPARE(created["name"], nj("devtoken"));
        QCOMPARE(created["access_policy"], nj("ap1"));
        const std::string secret = created.value("token", "");
        QVERIFY(QByteArray::fromBase64(QByteArray::fromStdString(secret)).startsWith("devtoken:"));
        m_token = QString::fromStdString(secret);

        // The seed reads a token by another name: create it through the API as well.
        const QString inAYear = "EXP=" + QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate);
        QCOMPARE(run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tokens --data '{"name":"logs-enterprise-token", "display_name":"Grafana Enterprise Logs Dev Token", "expiration": "'$EXP'", "access_policy": "ap1"}')", {inAYear})["name"], nj("logs-enterprise-token"));
        auto [code, withHeaders] = sh("curl -s -i -u :$API_TOKEN localhost:3100/admin/api/v3/tokens/logs-enterprise-token");
        QVERIFY(withHeaders.contains("ETag: \""));
        nj read = run("curl -u :$API_TOKEN localhost:3100/admin/api/v3/tokens/logs-enterprise-token | jq");
        QCOMPARE(read["display_name"], nj("Grafana Enterprise Logs Dev Token"));
        QVERIFY(!read.contains("token") && !read.contains("secret_hash")); // never shown again

        nj inactive = run(R"(curl -u :$API_TOKEN localhost:8080/admin/api/v3/tokens/logs-enterprise-token \
  -X PUT -H "If-Match: $ETAG" \
  --data '{"status": "inactive"}' | jq)",
                          {"ETAG=" + etag("/admin/api/v3/tokens/logs-enterprise-token")});
        QCOMPARE(inactive["status"], nj("inactive"));
        QCOMPARE(inactive["access_policy"], nj("ap1"));
    }

    void pushWithTheToken()
    {
        const QString push = QStringLiteral(R"(curl -s -o /dev/null -w '%{http_code}' -u :$TOKEN localhost:3100/loki/api/v1/push \
  -H "Content-Type: application/json" \
  -H "X-Scope-OrdID: dev" \
  --data '{"streams": [{ "stream": { "job": "example" }, "values": [ [ "'$NOW'", "A log line" ] ] }]}')");
        const QString now = QStringLiteral("NOW=%1").arg(QDateTime::currentMSecsSinceEpoch() * 1000000LL);
        // devtoken expired in 2021, as the seed wrote it: refused.
        QCOMPARE(sh(push, {now}).second, QByteArray("401"));
        // The same flow with a token that has not expired: accepted for the policy's one tenant.
        nj fresh = run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tokens --data '{"name":"devtoken2", "display_name":"Dev token", "expiration": "'$EXP'", "access_policy": "ap1"}')",
                       {"EXP=" + QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate)});
        m_token = QString::fromStdString(fresh.value("token", ""));
        QCOMPARE(sh(push, {now}).second, QByteArray("204"));
        // Its policy lacks nothing for writing, but a read-only token may not push.
        const QString readOnly = QString::fromStdString(run(R"(curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/accesspolicies --data '{"name":"read-only", "realms": [{"tenant": "enterprise-logs-dev", "cluster": "dev-cluster"}], "scopes": ["logs:read"]}' >/dev/null; curl -s -u :$API_TOKEN localhost:3100/admin/api/v3/tokens --data '{"name":"rotoken", "access_policy": "read-only"}')").value("token", ""));
        m_token = readOnly;
        QCOMPARE(sh(push, {now}).second, QByteArray("403"));
    }

    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }
};

QTEST_GUILESS_MAIN(Seed003Test)
#include "test_seed003.moc"
