// In-process pieces of the remotecfg backend: the pipeline renders once per configuration change
// (never per poll, never for unrelated kinds), the Alloy metrics parser, request decompression.
#include "TestCompression.h"
#include "http/Compression.h"
#include "remotecfg/AlloyHealthProbe.h"
#include "remotecfg/PipelineCache.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QTemporaryDir>
#include <QtTest>


using namespace lw::server;

class RemotecfgUnitsTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
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
