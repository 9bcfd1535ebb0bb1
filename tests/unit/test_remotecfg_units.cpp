// In-process pieces of the remotecfg backend: the pipeline renders once per configuration change
// (never per poll, never for unrelated kinds), the Alloy metrics parser, request decompression.
#include "TestCompression.h"
#include "http/Compression.h"
#include "remotecfg/AlloyHealthProbe.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/ConnectService.h"
#include "remotecfg/PipelineCache.h"
#include "http/Router.h"
#include "metrics/Metrics.h"
#include "AccessModels.h"
#include "auth/CredentialResolver.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QTemporaryDir>
#include <QtTest>


using namespace lw::server;

class RemotecfgUnitsTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    // /metrics: label values are escaped by the one writer, and a label an attacker chooses (a
    // tenant) holds at most Metrics::MaxValuesPerLabel values, the rest counted as "~other".
    void metricsWriterAndBoundedLabels()
    {
        lw::server::PrometheusWriter w;
        w.family("x_total", "counter", "help with a \\ and\na newline");
        w.sample("x_total", {{"tenant", "a\"b\\c\nd"}}, 3);
        w.sample("x_total", {}, 0.25);
        QCOMPARE(QString::fromStdString(w.text()),
                 QString("# HELP x_total help with a \\\\ and\\na newline\n# TYPE x_total counter\n"
                         "x_total{tenant=\"a\\\"b\\\\c\\nd\"} 3\nx_total 0.25\n"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, w.sample("bad name", {}, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, w.sample("x", {{"bad-label", "v"}}, 1));
        auto &m = lw::server::Metrics::global();
        const std::string family = "logwardend_pushes_total";
        for (size_t i = 0; i < lw::server::Metrics::MaxValuesPerLabel; ++i)
            QCOMPARE(m.bounded(family, "tenant", "t" + std::to_string(i)), "t" + std::to_string(i));
        QCOMPARE(m.bounded(family, "tenant", "one-too-many"), std::string("~other"));
        QCOMPARE(m.bounded(family, "tenant", "t7"), std::string("t7")); // known ones stay
        m.add(family, {{"tenant", "~other"}}, 2);
        QCOMPARE(m.value(family, {{"tenant", "~other"}}), 2.0);
        QVERIFY(m.render().find("# TYPE logwardend_store_commit_duration_seconds histogram") != std::string::npos);
    }

    // Seed 000's inspection is "node-local only": open to loopback peers, an agent credential from
    // anywhere else (a non-loopback listener). Agent credentials are checked against the store live.
    void inspectionIsNodeLocalAndCredentialsAreLive()
    {
        SqliteConfigStore store(QStringLiteral(":memory:"));
        SecretBox secrets(SecretBox::generateKey());
        PipelineCache pipeline(store, secrets);
        CollectorRegistry registry(store);
        const std::string node = "lwa_node-credential-for-this-test-0123456789";
        AgentCredentials agents(store, node, 100);
        ConnectService connect(pipeline, registry, "", agents);
        Router router;
        connect.registerRoutes(router);
        auto call = [&](const char *method, const std::string &path, const QHostAddress &from, const QByteArray &auth) {
            const Router::Match match = router.match(method, path);
            HttpRequest req;
            req.method = method;
            req.path = path;
            req.remote = from;
            req.route = match.route;
            req.headers.emplace_back("content-type", "application/json");
            if (!auth.isEmpty())
                req.headers.emplace_back("authorization", auth);
            req.body = R"({"id":"unit-1"})";
            if (auto refused = match.route->gate(req))
                return refused->status;
            return match.route->handler(req).status;
        };
        const QHostAddress remote(QStringLiteral("10.1.2.3"));
        QCOMPARE(call("GET", "/api/v1/remote/config", QHostAddress::LocalHost, {}), 200);
        QCOMPARE(call("GET", "/api/v1/remote/config", QHostAddress::LocalHostIPv6, {}), 200);
        QCOMPARE(call("GET", "/api/v1/remote/config", remote, {}), 401);
        QCOMPARE(call("GET", "/api/v1/remote/config", remote, "Bearer " + QByteArray::fromStdString(node)), 200);
        const std::string getConfig = "/collector.v1.CollectorService/GetConfig";
        QCOMPARE(call("POST", getConfig, QHostAddress::LocalHost, {}), 401);
        QCOMPARE(call("POST", getConfig, QHostAddress::LocalHost, "Bearer " + QByteArray::fromStdString(node)), 200);
        QCOMPARE(call("POST", getConfig, QHostAddress::LocalHost, "Splunk " + QByteArray::fromStdString(node)), 401);
        QCOMPARE(call("POST", getConfig, QHostAddress::LocalHost, "Bearer " + QByteArray::fromStdString(node) + "x"), 401);

        // An enrollment token works from the moment it is stored and stops when deactivated.
        const std::string token = AgentCredentials::mint();
        lw::AgentToken t;
        t.name = "unit";
        t.secretHash = CredentialResolver::hashSecret(token);
        store.create(lw::AgentToken::kind, "unit", t.toStorageJson().dump());
        auto who = agents.authenticate("Bearer " + QByteArray::fromStdString(token));
        QVERIFY(std::holds_alternative<AgentIdentity>(who));
        QCOMPARE(std::get<AgentIdentity>(who).credential, std::string("agent-token:unit"));
        QCOMPARE(std::get<AgentIdentity>(who).maxCollectors, 10);
        // Bound to the node credential above, unit-1 is not this token's.
        QCOMPARE(call("POST", getConfig, remote, "Bearer " + QByteArray::fromStdString(token)), 403);
        // A collector recorded before ids were bound belongs to the node credential.
        store.upsertMany(CollectorRegistry::Kind, {{"legacy-1", lw::Json({{"id", "legacy-1"}, {"lastSeenMs", 1}}).dump()}});
        CollectorRegistry reloaded(store);
        PollReport legacy;
        legacy.id = "legacy-1";
        legacy.agent = std::get<AgentIdentity>(who);
        QVERIFY(reloaded.recordPoll(legacy).has_value());
        QCOMPARE(reloaded.recordPoll(legacy)->httpStatus, 403);
        legacy.agent = AgentIdentity{AgentCredentials::NodeCredential, 100};
        QVERIFY(!reloaded.recordPoll(legacy).has_value());
        QCOMPARE(reloaded.find("legacy-1")->credential, std::string("node"));

        t.status = "inactive";
        store.update(lw::AgentToken::kind, "unit", t.toStorageJson().dump(), 0);
        QVERIFY(std::holds_alternative<std::string>(agents.authenticate("Bearer " + QByteArray::fromStdString(token))));
    }

    void recordsStoredBeforeTodaysRulesAreLeftOut()
    {
        SqliteConfigStore store(QStringLiteral(":memory:"));
        SecretBox secrets(SecretBox::generateKey());
        PipelineCache cache(store, secrets);
        auto source = [](const char *name, const char *identifier) {
            return lw::Json({{"name", name}, {"enabled", true}, {"journald", {{"syslogIdentifier", identifier}}}}).dump();
        };
        store.create("source", "widened", source("widened", "a SYSLOG_IDENTIFIER" "\x3d" "sudo"));
        store.create("source", "sshd", source("sshd", "sshd"));
        store.create("target", "loki1", lw::Json({{"name", "loki1"}, {"type", "LOKI"}, {"enabled", true},
                                                   {"loki", {{"url", "http://l:3100/loki/api/v1/push"}}}}).dump());
        const std::string content = cache.current().content;
        QVERIFY(content.find("SYSLOG_IDENTIFIER=sshd") != std::string::npos);
        QVERIFY(content.find("sudo") == std::string::npos);
    }

    void rendersOncePerChange()
    {
        SqliteConfigStore store(m_dir.path() + "/p.db");
        SecretBox secrets(SecretBox::generateKey());
        PipelineCache cache(store, secrets);
        const std::string empty = cache.current().hash;
        QVERIFY(cache.current().content.find("Nothing to collect") != std::string::npos);
        lw::Json source = {{"name", "gftl"}, {"enabled", true}, {"minLevel", "INFO"}, {"journald", {{"syslogIdentifier", "gftl"}}}};
        store.create("source", "gftl", source.dump());
        store.create("target", "loki1", lw::Json({{"name", "loki1"}, {"type", "LOKI"}, {"enabled", true},
                                                   {"loki", {{"url", "http://l:3100/loki/api/v1/push"}}}}).dump());
        for (int i = 0; i < 1000; ++i)
            cache.current(); // a thousand polls
        QCOMPARE(cache.renderCount(), 2);
        QVERIFY(cache.current().hash != empty);
        QCOMPARE(cache.current().enabledTargets, 1);
        store.upsertMany("collector", {{"c1", "{}"}}); // agent heartbeats do not re-render
        cache.current();
        QCOMPARE(cache.renderCount(), 2);
        source["minLevel"] = "ERROR";
        store.update("source", "gftl", source.dump(), 0);
        const std::string changed = cache.current().hash;
        QCOMPARE(cache.renderCount(), 3);
        QVERIFY(changed != empty);
        QCOMPARE(changed.size(), size_t(64));
    }

    void metricsParser()
    {
        const QByteArray text =
            "# TYPE loki_write_dropped_entries_total counter\n"
            "loki_write_dropped_entries_total{component_id=\"loki.write.t_loki1\",component_path=\"/remotecfg\",host=\"a\",reason=\"rate_limited\"} 3\n"
            "loki_write_dropped_entries_total{component_id=\"loki.write.t_loki1\",component_path=\"/remotecfg\",host=\"a\",reason=\"other\"} 4\n"
            "otelcol_exporter_send_failed_log_records_total{component_id=\"otelcol.exporter.syslog.t_rsyslog1\",exporter=\"syslog\"} 1.5e1\n"
            "loki_write_sent_entries_total{component_id=\"loki.write.t_loki1\"} 99\n"
            "garbage line {\n";
        const auto counters = AlloyHealthProbe::failureCounters(text);
        QCOMPARE(counters.size(), size_t(2));
        QCOMPARE(counters.at("t_loki1"), 7.0);
        QCOMPARE(counters.at("t_rsyslog1"), 15.0);
    }

    void decompression()
    {
        const QByteArray plain = QByteArray(100000, 'a') + "end";
        std::string error;
        bool unsupported = false;
        auto out = decodeContentEncoding("gzip", lw::test::gzip(plain), 1 << 20, &error, &unsupported);
        QVERIFY2(out.has_value(), error.c_str());
        QCOMPARE(*out, plain);
        QVERIFY(!decodeContentEncoding("gzip", lw::test::gzip(plain), 50000, &error, &unsupported)); // bomb guard
        QVERIFY(QString::fromStdString(error).contains("decompressed"));
        QVERIFY(!decodeContentEncoding("gzip", lw::test::gzip(plain).left(40), 1 << 20, &error, &unsupported));
        QVERIFY(QString::fromStdString(error).contains("truncated"));
        QVERIFY(!decodeContentEncoding("br", "x", 10, &error, &unsupported));
        QVERIFY(unsupported);
        QCOMPARE(*decodeContentEncoding("", "raw", 10, &error, &unsupported), QByteArray("raw"));
    }
};

QTEST_GUILESS_MAIN(RemotecfgUnitsTest)
#include "test_remotecfg_units.moc"
