// SqliteLogStore and the LogQL subset in-process: ordering, limits, filters, deletes, retention
// by age and by size, streams surviving a reopen; selector and pipeline parsing and its errors.
#include "logs/LogQL.h"
#include "logs/SqliteLogStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace lw::server;

namespace {
int64_t now()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
} // namespace

class LogStoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void appendQueryOrderAndLimit()
    {
        SqliteLogStore store(m_dir.path() + "/a.db");
        const int64_t t = now();
        store.append("t1", {{{{"job", "a"}}, {{t, "one", {}}, {t + 2, "three", {{"trace_id", "x1"}}}}},
                            {{{"job", "b"}}, {{t + 1, "two", {}}}}});
        store.append("t2", {{{{"job", "a"}}, {{t, "other tenant", {}}}}});
        const auto streams = store.streams("t1");
        QCOMPARE(streams.size(), size_t(2));
        LogQuery q;
        for (const auto &s : streams)
            q.streamIds.push_back(s.id);
        q.startNs = t - 10;
        q.endNs = t + 10;
        q.limit = 10;
        auto backward = store.query(q);
        QCOMPARE(backward.size(), size_t(3));
        QCOMPARE(QString::fromStdString(backward[0].entry.line), QStringLiteral("three"));
        QCOMPARE(QString::fromStdString(backward[0].entry.metadata.at("trace_id")), QStringLiteral("x1"));
        q.forward = true;
        q.limit = 2;
        auto forward = store.query(q);
        QCOMPARE(forward.size(), size_t(2));
        QCOMPARE(QString::fromStdString(forward[1].entry.line), QStringLiteral("two"));
        q.filter = [](int64_t, std::string_view line, Labels &) { return line.find('e') != std::string_view::npos; };
        q.limit = 10;
        QCOMPARE(store.query(q).size(), size_t(2)); // "one", "three"
        q.endNs = t + 1; // exclusive end
        q.filter = nullptr;
        QCOMPARE(store.query(q).size(), size_t(1));
    }

    void streamsSurviveReopenAndDeletes()
    {
        const QString path = m_dir.path() + "/b.db";
        const int64_t t = now();
        {
            SqliteLogStore store(path);
            store.append("t", {{{{"job", "x"}, {"env", "p"}}, {{t, "keep", {}}, {t + 5, "drop", {}}}}});
        }
        SqliteLogStore store(path);
        const auto streams = store.streams("t");
        QCOMPARE(streams.size(), size_t(1));
        QCOMPARE(QString::fromStdString(canonicalLabels(streams[0].labels)), QStringLiteral("{env=\"p\", job=\"x\"}"));
        QCOMPARE(store.remove({streams[0].id}, t + 1, t + 10), int64_t(1));
        QCOMPARE(store.entryCount(), int64_t(1));
    }

    void retentionByAgeAndSize()
    {
        SqliteLogStore store(m_dir.path() + "/c.db");
        const int64_t hour = 3600LL * 1000000000LL, t = now();
        std::vector<LogEntry> old, fresh;
        for (int i = 0; i < 100; ++i)
            old.push_back({t - 5 * hour + i, "old", {}});
        for (int i = 0; i < 20000; ++i)
            fresh.push_back({t - hour + i, std::string(200, 'x'), {}});
        store.append("t", {{{{"job", "r"}}, old}, {{{"job", "r"}}, fresh}});
        QCOMPARE(store.applyRetention(2 * hour, 0), int64_t(100));
        const int64_t before = store.entryCount();
        const int64_t removed = store.applyRetention(0, 1 << 20);
        QVERIFY(removed > 0);
        QCOMPARE(store.entryCount(), before - removed);
        QVERIFY(store.entryCount() < 20000 * 3 / 4);
    }

    void retentionBySizeDropsOldestFirst()
    {
        // Two streams and two tenants interleaved in time: what the size limit removes is the
        // oldest entries of the whole store, whichever stream or tenant holds them.
        SqliteLogStore store(m_dir.path() + "/oldest.db");
        const int64_t t = now() - 3600LL * 1000000000LL;
        const int n = 12000;
        std::vector<LogEntry> a, b, c;
        for (int i = 0; i < n; ++i)
            (i % 3 == 0 ? a : i % 3 == 1 ? b : c).push_back({t + i, std::string(200, char('a' + i % 3)), {}});
        store.append("t1", {{{{"job", "a"}}, a}, {{{"job", "b"}}, b}});
        store.append("t2", {{{{"job", "c"}}, c}});
        const int64_t removed = store.applyRetention(0, 1 << 20);
        QVERIFY(removed > 0 && removed < n);
        QCOMPARE(store.entryCount(), n - removed);
        int64_t oldestLeft = INT64_MAX, count = 0;
        for (const char *tenant : {"t1", "t2"}) {
            LogQuery q;
            for (const auto &s : store.streams(tenant))
                q.streamIds.push_back(s.id);
            q.startNs = t - 1;
            q.endNs = t + n + 1;
            q.limit = n;
            for (const auto &e : store.query(q)) {
                oldestLeft = std::min(oldestLeft, e.entry.timestampNs);
                ++count;
            }
        }
        QCOMPARE(count, n - removed);
        // Exactly the `removed` oldest are gone: what is left starts right after them.
        QCOMPARE(oldestLeft, t + removed);
    }

    void logqlParsing_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("stages");
        QTest::newRow("selector") << "{job=\"api\"}" << true << 0;
        QTest::newRow("all matchers") << "{job=\"api\", env!=\"dev\", host=~\"web.*\", dc!~\"us-.*\"}" << true << 0;
        QTest::newRow("pipeline") << "{job=\"api\"} |= \"err\" != \"debug\" |~ \"time(out)?\" !~ \"^#\" | json | level=\"error\" | logfmt" << true << 7;
        QTest::newRow("backtick string") << "{job=`api`} |= `a\\\"b`" << true << 1;
        QTest::newRow("empty matcher only") << "{job=\"\"}" << false << 0;
        QTest::newRow("regex matching empty") << "{job=~\".*\"}" << false << 0;
        QTest::newRow("unclosed") << "{job=\"api\"" << false << 0;
        QTest::newRow("bad operator") << "{job=>\"api\"}" << false << 0;
        QTest::newRow("bad regex") << "{job=~\"(\"}" << false << 0;
        QTest::newRow("unknown stage") << "{job=\"api\"} | unpack" << false << 0;
        QTest::newRow("metric query") << "rate({job=\"api\"}[5m])" << false << 0;
    }
    void logqlParsing()
    {
        QFETCH(QString, query);
        QFETCH(bool, valid);
        QFETCH(int, stages);
        try {
            auto q = parseLogQL(query.toStdString());
            QVERIFY2(valid, "accepted");
            QCOMPARE(int(q.stages.size()), stages);
        } catch (const LogQLError &e) {
            QVERIFY2(!valid, e.what());
            QVERIFY(QString::fromUtf8(e.what()).size() > 10);
        }
    }

    // Log content cannot pass for a stream label: a parsed name the stream has gets "_extracted",
    // and label filters see the stream's own value (as in Loki).
    void extractedLabelsDoNotOverrideStreamLabels()
    {
        const Labels stream = {{"job", "api"}, {"team", "a"}};
        for (const char *text : {"{job=\"api\"} | logfmt", "{job=\"api\"} | json"}) {
            const auto q = parseLogQL(text);
            Labels extracted;
            const std::string line = QByteArray(text).contains("json") ? R"({"team":"b","x":"1"})" : "team=b x=1";
            QVERIFY(q.process(line, stream, extracted));
            QCOMPARE(QString::fromStdString(extracted.at("team_extracted")), QStringLiteral("b"));
            QCOMPARE(QString::fromStdString(extracted.at("x")), QStringLiteral("1"));
            QVERIFY(!extracted.count("team"));
        }
        Labels extracted;
        QVERIFY(!parseLogQL("{job=\"api\"} | logfmt | team=\"b\"").process("team=b", stream, extracted));
        extracted.clear();
        QVERIFY(parseLogQL("{job=\"api\"} | logfmt | team_extracted=\"b\"").process("team=b", stream, extracted));
    }

    // The verbatim-value shortcut for `| logfmt | name="v"` gives the same answers as parsing.
    void logfmtNeedleShortcut_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("streamHasId");
        QTest::addColumn<bool>("passes");
        QTest::newRow("verbatim") << "a=1 id=500 b=2" << false << true;
        QTest::newRow("other value") << "a=1 id=501 b=2" << false << false;
        QTest::newRow("quoted") << "id=\"500\" b=2" << false << true;
        QTest::newRow("escaped: only parsing tells") << "id=\"50\\0\"" << false << true;
        QTest::newRow("value elsewhere, not in id") << "id=1 x=500" << false << false;
        QTest::newRow("the stream's id decides") << "x=1" << true << true;
    }
    void logfmtNeedleShortcut()
    {
        QFETCH(QString, line);
        QFETCH(bool, streamHasId);
        QFETCH(bool, passes);
        const auto q = parseLogQL("{job=\"a\"} | logfmt | id=\"500\"");
        QCOMPARE(q.logfmtNeedles.size(), size_t(1));
        Labels stream = {{"job", "a"}};
        if (streamHasId)
            stream["id"] = "500";
        Labels extracted;
        QCOMPARE(q.process(line.toStdString(), stream, extracted), passes);
        QVERIFY(parseLogQL("{job=\"a\"} | json | id=\"500\"").logfmtNeedles.empty()); // JSON numbers are re-printed
        QVERIFY(parseLogQL("{job=\"a\"} | logfmt | id!=\"500\"").logfmtNeedles.empty());
    }

    void pipelineEvaluation()
    {
        auto q = parseLogQL("{job=\"api\"} |= \"disk\" | logfmt | level=~\"warn|error\"");
        const Labels stream = {{"job", "api"}};
        QVERIFY(q.matchesStream(stream));
        QVERIFY(!q.matchesStream({{"job", "db"}}));
        Labels extracted;
        QVERIFY(q.process("level=error msg=\"disk full\"", stream, extracted));
        QCOMPARE(QString::fromStdString(extracted.at("msg")), QStringLiteral("disk full"));
        Labels other;
        QVERIFY(!q.process("level=info msg=\"disk ok\"", stream, other));
        QCOMPARE(QString::fromStdString(canonicalLabels(parseLabelSet("{b=\"2\", a=\"x\\\"y\"}"))), QStringLiteral("{a=\"x\\\"y\", b=\"2\"}"));
    }
};

QTEST_GUILESS_MAIN(LogStoreTest)
#include "test_log_store.moc"
