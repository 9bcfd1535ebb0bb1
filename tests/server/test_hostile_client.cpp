// A hostile client over real HTTPS (issue 11): at least 10,000 generated adversarial requests
// across every route — bad methods, traversal, invalid UTF-8, nesting, huge numbers, duplicate
// keys, wrong content types, tampered and replayed credentials, hostile LogQL, compression bombs,
// broken framing. Prints requests tried, 5xx answers, crashes and peak RSS; the first three
// must be (n, 0, 0) and the last bounded.
#include "RawHttpClient.h"
#include "TestCompression.h"
#include "TestServer.h"

#include <QMessageAuthenticationCode>
#include <QSslCertificate>
#include <QSslSocket>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace lw::test;
using nj = lw::Json;

namespace {

// One keep-alive TLS connection, reopened when the server closes it.
class TlsClient {
public:
    TlsClient(quint16 port, QSslConfiguration tls) : m_port(port), m_tls(std::move(tls)) {}

    // The status of the answer, 0 when the connection closed without one.
    int send(const QByteArray &bytes)
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QSslSocket>();
            m_socket->setSslConfiguration(m_tls);
            m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
            if (!m_socket->waitForEncrypted(10000))
                return 0;
        }
        m_socket->write(bytes);
        m_socket->flush();
        QByteArray in;
        for (;;) {
            const qsizetype head = in.indexOf("\r\n\r\n");
            if (head >= 0) {
                qsizetype length = 0;
                for (const QByteArray &line : in.left(head).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (in.size() >= head + 4 + length) {
                    const int status = in.mid(9, 3).toInt();
                    if (in.left(head).toLower().contains("connection: close"))
                        m_socket.reset();
                    return status;
                }
            }
            if (!m_socket->waitForReadyRead(10000)) {
                m_socket.reset();
                return 0;
            }
            in += m_socket->readAll();
        }
    }

private:
    quint16 m_port;
    QSslConfiguration m_tls;
    std::unique_ptr<QSslSocket> m_socket;
};

QByteArray request(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers, const QByteArray &body,
                   bool framed = true)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    if (framed && !body.isEmpty())
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

// Generates the adversarial requests, from a fixed seed (a failure reproduces).
class Generator {
public:
    Generator(QByteArray admin, QByteArray reader, QByteArray ingest, QByteArray jwtSelf)
        : m_admin(std::move(admin)), m_reader(std::move(reader)), m_ingest(std::move(ingest)), m_self(std::move(jwtSelf))
    {
    }

    QByteArray next()
    {
        const int kind = pick(12);
        switch (kind) {
        case 0: return request(pickOf(Methods), pickOf(Paths), {auth()}, body());
        case 1: return request("GET", traversal(), {auth()}, {});
        case 2: return request(pickOf({"POST", "PUT"}), pickOf(Paths), {auth(), contentType()}, body());
        case 3: return request("GET", pickOf(Paths) + "?" + hostileQuery(), {auth()}, {});
        case 4: return request("GET", "/loki/api/v1/query_range?query=" + QUrl::toPercentEncoding(hostileLogQL()) + "&" + hostileQuery(),
                               {auth(), "X-Scope-OrgID: " + pickOf({"ten", "nope", "\xff\xfe", "ten\r"})}, {});
        case 5: return request("POST", "/loki/api/v1/push", {auth(), "X-Scope-OrgID: ten", contentType()}, pushBody());
        case 6: return request("POST", pickOf(IngestPaths), {"Authorization: Bearer " + m_ingest, contentType()}, body());
        case 7: return request("GET", "/api/v2/logs/sources", {tamperedCredential()}, {});
        case 8: return request(pickOf({"POST", "PUT"}), "/api/v2/logs/" + pickOf({"sources", "targets", "tls-bundles"}) + "/" + name(),
                               {auth(), "Content-Type: application/json", "If-Match: " + pickOf({"\"1\"", "*", "W/\"x\"", "\"-1\"", "\"99999999999999999999\""})},
                               resourceBody());
        case 9: return request("POST", "/loki/api/v1/push", {auth(), "X-Scope-OrgID: ten", "Content-Type: application/json",
                                                            "Content-Encoding: " + pickOf({"gzip", "deflate", "snappy", "br", "gzip, gzip"})},
                               bomb());
        case 10: return brokenFraming();
        default:
            return request(pickOf({"POST", "GET"}), "/admin/api/v3/" + pickOf({"tenants", "accesspolicies", "tokens", "users"}) + "/" + name(),
                           {auth(), "Content-Type: application/json"}, resourceBody());
        }
    }

private:
    inline static const QList<QByteArray> Methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "get", "FOO", "CONNECT", "HEAD"};
    inline static const QList<QByteArray> Paths = {
        "/api/v2/logs/sources", "/api/v2/logs/targets", "/api/v2/logs/tls-bundles", "/api/v2/logs/collectors",
        "/api/v2/logs/collectors/x/config", "/admin/api/v3/tenants", "/admin/api/v3/accesspolicies", "/admin/api/v3/tokens",
        "/admin/api/v3/users", "/admin/api/v3/users/x/access-key", "/admin/api/v3/tenants/ten/ingest-tokens", "/admin/api/v3/audit",
        "/admin/api/v3/clusters", "/admin/api/v1/instances", "/loki/api/v1/push", "/loki/api/v1/query_range", "/loki/api/v1/query",
        "/loki/api/v1/labels", "/loki/api/v1/label/job/values", "/loki/api/v1/series", "/loki/api/v1/delete", "/loki/api/v1/tail",
        "/api/v1/ingest/raw", "/api/v1/ingest/json", "/api/v1/ingest/hec", "/api/v1/ingest/humio-structured", "/", "*"};
    inline static const QList<QByteArray> IngestPaths = {"/api/v1/ingest/raw", "/api/v1/ingest/json", "/api/v1/ingest/hec",
                                                         "/api/v1/ingest/hec/raw", "/api/v1/ingest/humio-structured",
                                                         "/api/v1/ingest/humio-unstructured"};

    int pick(int n) { return static_cast<int>(m_rng() % static_cast<unsigned>(n)); }
    QByteArray pickOf(const QList<QByteArray> &list) { return list.at(pick(static_cast<int>(list.size()))); }

    QByteArray auth()
    {
        switch (pick(6)) {
        case 0: return "Authorization: Bearer " + m_admin;
        case 1: return "Authorization: Bearer " + m_reader;
        case 2: return "Authorization: Bearer " + m_self;
        case 3: return "Authorization: Basic " + QByteArray("ten:" + m_reader).toBase64();
        case 4: return "Authorization: Bearer " + m_ingest;
        default: return "X-No-Auth: 1";
        }
    }
    QByteArray contentType()
    {
        return "Content-Type: " + pickOf({"application/json", "application/x-protobuf", "text/plain", "application/json; charset=latin1",
                                          "multipart/form-data; boundary=x", "\xff", ""});
    }
    QByteArray name()
    {
        return pickOf({"ok-name", "a", "../../etc/passwd", "%2e%2e", "x%00y", "\xc3\x28", QByteArray(300, 'n'), "name%2Fslash", "\xef\xbb\xbf" "bom"});
    }
    QByteArray traversal()
    {
        return pickOf({"/api/v2/logs/../../../etc/passwd", "/api/v2/logs/sources/%2e%2e%2f%2e%2e", "//api//v2//logs//sources",
                       "/api/v2/logs/sources/%00", "/api/v2/logs/sources/" + QByteArray(8000, 'x'), "/%ff%fe", "/api/v2/logs/sources?%",
                       "/admin/api/v3/tenants/..%2f..%2f", "/loki/api/v1/label/%2e%2e/values", "/api/v2/logs/sources/\x7f"});
    }
    QByteArray hostileQuery()
    {
        return pickOf({"limit=99999999999999999999", "limit=-1", "start=9999999999", "start=-9223372036854775808", "end=1e308",
                       "start=nan&end=inf", "direction=sideways", "limit=%ff", "offset=99999999999", "status=BOGUS&status=",
                       "include-non-active=maybe", "start=2026-13-45T99:99:99Z", "match[]=%7B", "time=0x10", "query=" + QByteArray(9000, 'q'),
                       "a=" + QByteArray(5000, '%')});
    }
    QByteArray hostileLogQL()
    {
        return pickOf({"{job=\"x\"} |~ \"(a+)+$\"", "{job=~\"(a|aa)*\"} |~ \"((a*)*)*b\"", "{job=\"x\"} |~ \"" + QByteArray(5000, 'a') + "\"",
                       "{job=~\"a{1000}{1000}\"}", "{}", "{job=\"\"}", "{job=\"x\"} | json | a_b_c=\"1\"", "{job=\"x\"} | logfmt | id=~\"[\"",
                       "{job=\"x\"", "{job=\"x\"} |= \"\\xff\"", "rate({job=\"x\"}[5m])", "{job=\"x\"} " + QByteArray(2000, '|'),
                       "{" + QByteArray(3000, 'a') + "=\"b\"}", "{job=\"x\"} | json | logfmt | json"});
    }
    QByteArray deep() { return QByteArray(100 + pick(5000), '[') + QByteArray(10, ']'); }
    QByteArray body()
    {
        switch (pick(8)) {
        case 0: return deep();
        case 1: return R"({"name":"dup","name":"dup2","enabled":true,"enabled":"x"})";
        case 2: return R"({"name":"n1","port":1e999,"timeout":"99999999999h","limit":-1e308})";
        case 3: return "{\"name\":\"\xff\xfe\",\"x\":\"\xed\xa0\x80\"}";
        case 4: return QByteArray(pick(2000), '\0');
        case 5: return "{\"name\":" + QByteArray(10000, '"') + "}";
        case 6: return resourceBody();
        default: return {};
        }
    }
    QByteArray resourceBody()
    {
        const QList<QByteArray> bodies = {
            R"({"name":"src-a","journald":{"syslogIdentifier":"a SYSLOG_IDENTIFIER=sudo"}})",
            R"({"name":"src-b","file":{"paths":["/var/log/\ufeff.log"],"labels":{"a":"${env}\"//"}}})",
            R"({"name":"tgt-a","type":"RSYSLOG","rsyslog":{"endpoint":"h","port":99999999999}})",
            R"x({"name":"tgt-b","type":"LOKI","loki":{"url":"javascript:alert(1)"}})x",
            R"({"name":"tls-a","caPem":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----","keyPem":"x"})",
            R"({"name":"ten-x","cluster":"logwarden","status":"maybe"})",
            R"x({"name":"pol-x","realms":[{"tenant":"*","cluster":"logwarden","label_policies":[{"selector":"{job=~\"(\"}"}]}],"scopes":["admin","nope"]})x",
            R"({"name":"tok-x","access_policy":"nope","expiration":"9999-99-99"})",
            R"({"name":"usr-x","scopes":["user:read"],"realms":[{"tenant":"*","cluster":"other"}]})",
            R"({"status":"inactive"})", "[]", "null", "\"str\"", "{"};
        return pickOf(bodies);
    }
    QByteArray pushBody()
    {
        switch (pick(6)) {
        case 0: return deep();
        case 1: return R"({"streams":[{"stream":{"__name__":"x"},"values":[["1","a"]]}]})";
        case 2: return R"({"streams":[{"stream":{"job":"x"},"values":[["99999999999999999999999","a"],["-1","b"]]}]})";
        case 3: return R"({"streams":[{"stream":{"job":"x"},"values":[[")" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() * 1000000)
                       + R"(","ok",{"k":")" + QByteArray(70000, 'v') + R"("}]]}]})";
        case 4: return QByteArray("\x80\x80\x80\x80\x04", 5) + QByteArray(32, 'x'); // snappy announcing 1 GiB
        default: return R"({"streams":[{"stream":{"job":"x"},"values":[[")" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() * 1000000)
                        + R"(","a line"]]}]})";
        }
    }
    QByteArray bomb()
    {
        static const QByteArray zeros = gzip(QByteArray(80 << 20, '\0')); // 80 MiB of zeros, about 80 KB
        return pick(2) ? zeros : QByteArray("\x1f\x8b\x08\x00garbage");
    }
    QByteArray tamperedCredential()
    {
        QByteArray jwt = pick(2) ? m_admin : m_self;
        switch (pick(6)) {
        case 0: jwt[jwt.size() - 3] = jwt[jwt.size() - 3] == 'A' ? 'B' : 'A'; break; // signature
        case 1: jwt[jwt.indexOf('.') + 3] = jwt[jwt.indexOf('.') + 3] == 'A' ? 'B' : 'A'; break; // claims
        case 2: jwt = QByteArray("{\"alg\":\"none\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + "."
                      + jwt.split('.').value(1) + "."; break;
        case 3: jwt = QByteArray("{\"alg\":\"HS256\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + "."
                      + jwt.split('.').value(1) + "." + jwt.split('.').value(2); break;
        case 4: jwt += "." + QByteArray(200, 'A'); break;
        default: jwt = QByteArray(16000, 'x'); break;
        }
        return "Authorization: Bearer " + jwt;
    }
    QByteArray brokenFraming()
    {
        switch (pick(7)) {
        case 0: return "POST /api/v2/logs/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef";
        case 1: return "POST /api/v2/logs/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        case 2: return "POST /loki/api/v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n";
        case 3: return "GET /api/v2/logs/sources HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(17000, 'h') + "\r\n\r\n";
        case 4: return "GET /api/v2/logs/sources HTTP/9.9\r\nHost: x\r\n\r\n";
        case 5: return "GET /api/v2/logs/sources HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n";
        default: return "POST /api/v2/logs/sources HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(100000, 'e') + "\r\n";
        }
    }

    std::mt19937 m_rng{20261202};
    QByteArray m_admin, m_reader, m_ingest, m_self;
};

} // namespace

class HostileClientTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tenThousandAdversarialRequests()
    {
        // The access log goes to a file: this loop does not drain the server's stderr pipe.
        QTemporaryDir logs;
        TestServer server(QString(), {"--ingestion-rate-mb", "0", "--access-log", logs.filePath("access.log")});
        QVERIFY(server.start());
        const qint64 pid = server.process().processId();
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "ten"}, {"cluster", "logwarden"}}).status, 201);
        QCOMPARE(server.requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                       {{"name", "rw-policy"}, {"realms", {{{"tenant", "ten"}, {"cluster", "logwarden"}}}},
                                        {"scopes", {"logs:read", "logs:write", "logs:delete"}}}).status, 201);
        const QByteArray reader = QByteArray::fromStdString(
            server.requestAsAdmin("POST", "/admin/api/v3/tokens", {{"name", "rw-token"}, {"access_policy", "rw-policy"}}).json().value("token", ""));
        const QByteArray ingest = QByteArray::fromStdString(
            server.requestAsAdmin("POST", "/admin/api/v3/tenants/ten/ingest-tokens", {{"name", "shipper"}}).json().value("token", ""));
        const nj user = server.requestAsAdmin("POST", "/admin/api/v3/users",
                                              {{"name", "hostile-user"}, {"scopes", {"logs:read"}}, {"realms", {{{"tenant", "ten"}, {"cluster", "logwarden"}}}}})
                            .json();
        const std::string key = user.value("access_key", "");
        QVERIFY(!reader.isEmpty() && !ingest.isEmpty() && !key.empty());
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray claims = QByteArray::fromStdString(nj{{"iss", "self-signed"}, {"sub", "hostile-user"}, {"iat", now}, {"exp", now + 600}, {"scope", "logs:read"}}.dump())
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray signature = QMessageAuthenticationCode::hash(header + "." + claims, QByteArray::fromStdString(key), QCryptographicHash::Sha256)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray self = header + "." + claims + "." + signature;
        QCOMPARE(server.request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + self}, {"X-Scope-OrgID", "ten"}}).status, 200);

        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + "/tls/server.crt"));
        TlsClient client(server.port(), tls);
        Generator generate(server.systemJwt(), reader, ingest, self);
        const long rssBefore = residentKiB(pid);
        long peak = rssBefore;
        int tried = 0, fiveHundreds = 0, unanswered = 0;
        QMap<int, int> byStatus;
        QByteArray firstFiveHundred;
        for (; tried < 10000; ++tried) {
            const QByteArray req = generate.next();
            QElapsedTimer took;
            took.start();
            const int status = client.send(req);
            if (took.elapsed() > 2000)
                std::fprintf(stderr, "slow (%lld ms, status %d): %s\n", static_cast<long long>(took.elapsed()), status, req.left(200).toPercentEncoding(" /:;{}\"=").constData());
            ++byStatus[status];
            if (status == 0)
                ++unanswered;
            if (status >= 500) {
                ++fiveHundreds;
                if (firstFiveHundred.isEmpty())
                    firstFiveHundred = req.left(600);
            }
            if (tried % 200 == 0) {
                peak = std::max(peak, residentKiB(pid));
                if (server.process().state() != QProcess::Running)
                    break;
            }
        }
        const int crashes = server.process().state() == QProcess::Running ? 0 : 1;
        QString statuses;
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            statuses += QStringLiteral(" %1:%2").arg(it.key()).arg(it.value());
        std::printf("hostile_client: %d requests tried, %d 5xx, %d crashes, %d closed without an answer, peak RSS %.1f MiB "
                    "(grew %.1f MiB); statuses%s\n",
                    tried, fiveHundreds, crashes, unanswered, peak / 1024.0, (peak - rssBefore) / 1024.0, qPrintable(statuses));
        QVERIFY2(crashes == 0, server.log().right(3000).constData());
        server.process().waitForReadyRead(1000);
        if (fiveHundreds > 0)
            std::fprintf(stderr, "first request answered 5xx:\n%s\nserver said:\n%s\n", firstFiveHundred.constData(),
                         server.log().right(3000).constData());
        QVERIFY2(fiveHundreds == 0, "5xx answers to bad input");
        QCOMPARE(tried, 10000);
        QVERIFY2(peak - rssBefore < 512 * 1024, "the server's memory grew past 512 MiB");
        QCOMPARE(server.requestAsAdmin("GET", "/api/v2/logs/sources").status, 200);
        QCOMPARE(server.stop(), 0);
    }

    // The agents' listener: 2,000 adversarial Connect calls (credentials right, wrong, missing,
    // as Basic; bodies of random bytes, hostile JSON and protobuf, huge ids, attributes past the
    // limits, bombs; GET forms with bad base64). Nothing may crash, 5xx, or hand out the pipeline
    // without the credential.
    void remotecfgAdversarialRequests()
    {
        QTemporaryDir logs; // the access log to a file: this loop does not drain the server's stderr pipe
        TestServer server(QString(), {"--access-log", logs.filePath("access.log")});
        QVERIFY(server.start());
        const QByteArray token = server.agentToken();
        std::mt19937 rng(7);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        auto pickOf = [&](const QList<QByteArray> &l) { return l.at(pick(static_cast<int>(l.size()))); };
        auto randomBytes = [&](int n) {
            QByteArray b(n, '\0');
            for (char &c : b)
                c = static_cast<char>(rng());
            return b;
        };
        int tried = 0, fiveHundreds = 0, leaked = 0;
        QMap<int, int> byStatus;
        for (; tried < (qEnvironmentVariableIsSet("LW_QUICK") ? qEnvironmentVariableIntValue("LW_QUICK") : 2000); ++tried) {
            const int credential = pick(5);
            const QByteArray auth = credential == 0   ? "Authorization: Bearer " + token
                                    : credential == 1 ? "Authorization: Basic " + ("alloy:" + token).toBase64()
                                    : credential == 2 ? "Authorization: Bearer " + token.left(token.size() - 1) + "x"
                                    : credential == 3 ? "Authorization: Basic " + randomBytes(12).toBase64()
                                                      : "X-None: 1";
            QByteArray body;
            switch (pick(6)) {
            case 0: body = randomBytes(pick(2000)); break;
            case 1: body = "{\"id\":\"" + QByteArray(pick(2) ? 300 : 20, 'i') + "\",\"hash\":\"" + QByteArray(pick(400), 'h') + "\"}"; break;
            case 2: body = "{\"id\":" + QByteArray(200, '[') + "}"; break;
            case 3: {
                body = "{\"id\":\"hostile-" + QByteArray::number(pick(50)) + "\",\"localAttributes\":{";
                for (int i = 0, n = pick(100); i < n; ++i)
                    body += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":\"" + QByteArray(pick(1500), 'v') + "\"";
                body += "}}";
                break;
            }
            case 4: body = lw::test::gzip(QByteArray(2 << 20, '{')); break;
            default: body = "{\"id\":\"hostile-" + QByteArray::number(pick(50)) + "\"}";
            }
            const QByteArray method = pickOf({"POST", "POST", "GET", "PUT"});
            const QByteArray path = pickOf({"/collector.v1.CollectorService/GetConfig", "/collector.v1.CollectorService/RegisterCollector",
                                            "/collector.v1.CollectorService/UnregisterCollector", "/api/v1/remote/config",
                                            "/collector.v1.CollectorService/GetConfig?connect=v1&encoding=json&message=%7B%22id%22%3A%22g%22%7D",
                                            "/collector.v1.CollectorService/GetConfig?connect=v1&encoding=proto&base64=1&message=%%%",
                                            "/collector.v1.CollectorService/../../admin/api/v3/users"});
            QByteArray req = method + " " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + auth + "\r\n"
                             + "Content-Type: " + pickOf({"application/json", "application/proto", "text/plain"}) + "\r\n";
            if (body.startsWith("\x1f\x8b"))
                req += "Content-Encoding: gzip\r\n";
            req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            lw::test::RawHttpClient c(server.remotecfgPort());
            QElapsedTimer took;
            took.start();
            c.send(req);
            const QByteArray answer = c.readResponses(1, 10000);
            if (took.elapsed() > 1000)
                std::fprintf(stderr, "slow remotecfg answer (%lld ms): %s\n", static_cast<long long>(took.elapsed()),
                             req.left(300).toPercentEncoding(" /:;{}\"=").constData());
            const QList<int> statuses = lw::test::RawHttpClient::statuses(answer);
            const int status = statuses.isEmpty() ? 0 : statuses.first();
            ++byStatus[status];
            fiveHundreds += status >= 500 ? 1 : 0;
            // Without the credential nothing but the redacted inspection answers 200.
            if (credential >= 2 && status == 200 && !path.startsWith("/api/v1/remote/config"))
                ++leaked;
            if (server.process().state() != QProcess::Running)
                break;
        }
        QString statuses;
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            statuses += QStringLiteral(" %1:%2").arg(it.key()).arg(it.value());
        std::printf("hostile_remotecfg: %d requests tried, %d 5xx, %d answered without a credential; statuses%s\n", tried,
                    fiveHundreds, leaked, qPrintable(statuses));
        QCOMPARE(server.process().state(), QProcess::Running);
        QCOMPARE(tried, 2000);
        QCOMPARE(fiveHundreds, 0);
        QCOMPARE(leaked, 0);
        QVERIFY(byStatus.value(200) > 100 && byStatus.value(401) > 100); // both sides of the gate were exercised
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(HostileClientTest)
#include "test_hostile_client.moc"
