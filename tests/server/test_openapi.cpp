// The API reference (resources/openapi.json) against the server: the routes of a real Server's
// two listeners and the document's operations are the same set (method and path, both ways);
// every operation lists the statuses its route answers whatever the handler does (401 and 403
// for a credentialed route, 400 and 413 where a body is read, 404 where a path names a record);
// the document is well formed (OpenAPI 3.1, unique operationIds, declared path parameters,
// resolvable references) and is what GET /api/openapi.json serves. The statuses handlers answer
// beyond those are held to the document by every server suite (TestServer fails a test whose
// server answered a status the document does not list for the route).
#include "Server.h"
#include "ServerOptions.h"
#include "http/Router.h"
#include "http/ApiDocument.h"
#include "auth/Principal.h"
#include "TestServer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <set>

using lw::Json;
using lw::test::TestServer;

namespace {

const std::set<std::string> Methods = {"get", "put", "post", "delete", "patch", "head", "options"};

Json readDocument()
{
    QFile file(qEnvironmentVariable("LW_SOURCE_DIR") + "/resources/openapi.json");
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString(), nullptr, false);
}

// "api GET /path" for every operation, by the listener its path names (x-logwarden-listener).
std::set<std::string> documentedOperations(const Json &doc)
{
    std::set<std::string> out;
    for (const auto &[path, item] : doc["paths"].items()) {
        const std::string listener = item.value("x-logwarden-listener", std::string("api"));
        for (const auto &[method, op] : item.items()) {
            if (!Methods.count(method))
                continue;
            std::string upper = method;
            for (char &c : upper)
                c = char(std::toupper(static_cast<unsigned char>(c)));
            out.insert(listener + " " + upper + " " + path);
        }
    }
    return out;
}

// QVERIFY2 cuts long messages: every line is also printed on its own.
std::string join(const std::set<std::string> &lines)
{
    std::string out;
    for (const std::string &line : lines) {
        qWarning("  %s", line.c_str());
        out += "\n  " + line;
    }
    return out;
}

} // namespace

class TestOpenApi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<lw::server::Server> m_server;
    Json m_doc;

private Q_SLOTS:
    void initTestCase()
    {
        // Before the document is first used: answers it does not list go to this file.
        qputenv("LOGWARDEND_UNDOCUMENTED_LOG", m_dir.filePath("undocumented.txt").toUtf8());
        m_doc = readDocument();
        QVERIFY2(m_doc.is_object(), "resources/openapi.json is missing or not JSON");
        lw::server::ServerOptions options;
        options.dataDir = m_dir.path() + "/data";
        options.listen = "127.0.0.1:0";
        options.remotecfgListen = "127.0.0.1:0";
        options.alloyUrl = "off";
        options.accessLog = "off";
        m_server = std::make_unique<lw::server::Server>(options);
        m_server->start();
        QVERIFY(m_server->apiRouter() && m_server->remotecfgRouter());
    }

    void cleanupTestCase() { m_server.reset(); }

    void routerAndDocumentHaveTheSameOperations()
    {
        std::set<std::string> routed;
        for (const auto &route : m_server->apiRouter()->routes())
            routed.insert("api " + route.method + " " + lw::server::ApiDocument::pattern(route));
        for (const auto &route : m_server->remotecfgRouter()->routes())
            routed.insert("remotecfg " + route.method + " " + lw::server::ApiDocument::pattern(route));
        const std::set<std::string> documented = documentedOperations(m_doc);
        std::set<std::string> missing, extra;
        std::set_difference(routed.begin(), routed.end(), documented.begin(), documented.end(), std::inserter(missing, missing.end()));
        std::set_difference(documented.begin(), documented.end(), routed.begin(), routed.end(), std::inserter(extra, extra.end()));
        QVERIFY2(missing.empty(), ("routes the document lacks:" + join(missing)).c_str());
        QVERIFY2(extra.empty(), ("operations the server does not route:" + join(extra)).c_str());
        QVERIFY(routed.size() > 80);
        qInfo("%zu operations on two listeners, the same in the router and the document", routed.size());
    }

    void operationsListTheStatusesTheirRouteImplies()
    {
        std::set<std::string> problems;
        auto check = [&](const lw::server::Router &router) {
            for (const auto &route : router.routes()) {
                const std::string path = lw::server::ApiDocument::pattern(route);
                const std::string where = route.method + " " + path;
                const std::set<int> *codes = lw::server::ApiDocument::embedded().statuses(route.method, path);
                if (!codes) {
                    problems.insert(where + ": not in the built-in document");
                    continue;
                }
                auto need = [&](int code, const char *why) {
                    if (!codes->count(code))
                        problems.insert(where + ": lacks " + std::to_string(code) + " (" + why + ")");
                };
                if (!route.isPublic)
                    need(401, "a credential is required");
                if (!route.isPublic && route.scope != lw::server::scopes::AnyPrincipal)
                    need(403, "a scope is required");
                if (route.method == "POST" || route.method == "PUT" || route.method == "PATCH") {
                    need(400, "a body is read");
                    need(413, "a body is read");
                }
                // (Loki's label values name a label, not a record: an unknown one is an empty list.)
                if (path.find("/{") != std::string::npos && route.method != "POST" && path.rfind("/loki/", 0) != 0)
                    need(404, "the path names a record");
                bool success = false;
                for (int code : *codes)
                    success = success || (code >= 200 && code < 300) || code == 101;
                if (!success)
                    problems.insert(where + ": no success status");
            }
        };
        check(*m_server->apiRouter());
        check(*m_server->remotecfgRouter());
        QVERIFY2(problems.empty(), ("statuses missing from the document:" + join(problems)).c_str());
    }

    // The check every server suite relies on notices an answer the document does not list.
    void undocumentedAnswersAreRecorded()
    {
        const lw::server::Route *healthz = nullptr;
        for (const auto &route : m_server->apiRouter()->routes())
            if (lw::server::ApiDocument::pattern(route) == "/healthz")
                healthz = &route;
        QVERIFY(healthz);
        const auto &document = lw::server::ApiDocument::embedded();
        document.check(*healthz, "GET", 200); // listed
        document.check(*healthz, "GET", 418); // not listed
        document.check(*healthz, "GET", 418); // once
        QFile file(m_dir.filePath("undocumented.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("GET /healthz 418\n"));
    }

    void documentIsWellFormed()
    {
        QCOMPARE(QString::fromStdString(m_doc.value("openapi", std::string())), QStringLiteral("3.1.0"));
        QCOMPARE(QString::fromStdString(m_doc["info"].value("version", std::string())), QStringLiteral(LW_VERSION));
        std::set<std::string> problems, operationIds;
        // Every $ref names something in this document.
        std::function<void(const Json &, const std::string &)> refs = [&](const Json &node, const std::string &at) {
            if (node.is_object()) {
                if (node.contains("$ref")) {
                    const std::string ref = node["$ref"].get<std::string>();
                    if (ref.rfind("#/", 0) != 0 || !m_doc.contains(Json::json_pointer(ref.substr(1))))
                        problems.insert(at + ": $ref " + ref + " resolves to nothing");
                }
                for (const auto &[key, value] : node.items())
                    refs(value, at + "/" + key);
            } else if (node.is_array()) {
                for (const Json &value : node)
                    refs(value, at);
            }
        };
        refs(m_doc, "");
        for (const auto &[path, item] : m_doc["paths"].items()) {
            std::set<std::string> placeholders;
            for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
                placeholders.insert(path.substr(open + 1, path.find('}', open) - open - 1));
            for (const auto &[method, op] : item.items()) {
                if (!Methods.count(method))
                    continue;
                const std::string where = method + " " + path;
                const std::string id = op.value("operationId", std::string());
                if (id.empty() || !operationIds.insert(id).second)
                    problems.insert(where + ": operationId missing or repeated (" + id + ")");
                if (op.value("summary", std::string()).empty())
                    problems.insert(where + ": no summary");
                std::set<std::string> declared;
                for (const Json *params : {&item, &op}) {
                    if (!params->contains("parameters"))
                        continue;
                    for (Json p : (*params)["parameters"]) {
                        if (p.contains("$ref"))
                            p = m_doc[Json::json_pointer(p["$ref"].get<std::string>().substr(1))];
                        if (p.value("in", std::string()) == "path" && p.value("required", false))
                            declared.insert(p.value("name", std::string()));
                    }
                }
                if (declared != placeholders)
                    problems.insert(where + ": path parameters declared do not match the path");
                for (const auto &[code, response] : op["responses"].items()) {
                    Json r = response;
                    if (r.contains("$ref"))
                        r = m_doc[Json::json_pointer(r["$ref"].get<std::string>().substr(1))];
                    if (r.value("description", std::string()).empty())
                        problems.insert(where + " " + code + ": no description");
                }
            }
        }
        QVERIFY2(problems.empty(), ("the document:" + join(problems)).c_str());
    }

    void servedDocumentIsTheResource()
    {
        qunsetenv("LOGWARDEND_UNDOCUMENTED_LOG"); // this server's answers are checked by TestServer itself
        TestServer server;
        QVERIFY2(server.start(), server.log().constData());
        QFile file(qEnvironmentVariable("LW_SOURCE_DIR") + "/resources/openapi.json");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected = file.readAll();
        // Any credential reads it; none gets 401.
        QCOMPARE(server.request("GET", "/api/openapi.json").status, 401);
        const QList<std::pair<QByteArray, QByteArray>> auth = {{"Authorization", "Bearer " + server.systemJwt()}};
        const auto r = server.request("GET", "/api/openapi.json", {}, auth);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        QVERIFY(r.body == expected);
        const QByteArray etag = r.header("ETag");
        QVERIFY(!etag.isEmpty());
        const auto again = server.request("GET", "/api/openapi.json", {}, auth + QList<std::pair<QByteArray, QByteArray>>{{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("Cache-Control"), QByteArray("no-cache"));
        for (const auto &[name, value] : again.headers)
            QVERIFY2(name.compare("Content-Type", Qt::CaseInsensitive) != 0, "a 304 with a Content-Type: " + value);
    }

    // GET /api/version names the server and its version (what `logwardend --version` prints) to any
    // credential, and nothing to an anonymous caller.
    void versionForAnyCredential()
    {
        TestServer server;
        QVERIFY2(server.start(), server.log().constData());
        QCOMPARE(server.request("GET", "/api/version").status, 401);
        const auto r = server.request("GET", "/api/version", {}, {{"Authorization", "Bearer " + server.systemJwt()}});
        QCOMPARE(r.status, 200);
        const nlohmann::json body = nlohmann::json::parse(r.body.toStdString());
        QCOMPARE(QString::fromStdString(body.value("name", std::string())), QStringLiteral("logwardend"));
        QProcess version;
        version.start(TestServer::binaryPath(), {QStringLiteral("--version")});
        QVERIFY(version.waitForFinished(10000));
        const QString printed = QString::fromUtf8(version.readAllStandardOutput());
        QVERIFY2(!body.value("version", std::string()).empty()
                     && printed.contains(QString::fromStdString(body.value("version", std::string()))),
                 qPrintable(printed + " vs " + QString::fromStdString(body.dump())));
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "test_openapi.moc"
