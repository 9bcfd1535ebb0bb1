// Console benchmarks (issue 6), in one process under QT_QPA_PLATFORM=offscreen, one line each:
//   console_cold_start          QApplication to the first painted MainWindow, against an empty
//                               QWidget painted the same way in the same process
//   console_collectors_load     100,000 collectors fetched over loopback HTTP into the real
//                               Collectors tab until the view has painted, against a bare parse
//                               of the same body
//   console_collectors_sort     one click on a column header (proxy sort + repaint), against a
//                               std::sort of the same cell strings
//   console_collectors_filter   one keystroke in the filter box that widens the match (a full
//                               rescan; proxy filter + repaint), against a plain substring scan
//                               of the same cells; and one that narrows it
//   console_collectors_memory   resident memory the tab holds for those rows, against the body size
//   console_overview            the same body summed up and painted on the Overview tab, against the
//                               bare parse
// Collector records come from the server's own CollectorRegistry::view, so the bytes and their
// shape are what logwardend sends; they are served by a bare HTTP server (the server's front
// with one fixed answer) so that only the console is measured.
#include "ApiClient.h"
#include "JsonTableModel.h"
#include "MainWindow.h"
#include "OverviewTab.h"
#include "ResourceSpecs.h"
#include "ResourceTab.h"
#include "remotecfg/CollectorRegistry.h"
#include "store/sqlite/SqliteConfigStore.h"

#include "BenchMeasures.h"
#include "LocalHttpServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QEventLoop>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using lw::Json;
using lw::bench::median;
using lw::bench::residentKiB;

namespace {

constexpr int Collectors = 100000;
constexpr int Rounds = 5;

double ms(const QElapsedTimer &t) { return t.nsecsElapsed() / 1e6; }

// Waits until `widget` has received a paint event (offscreen platform still paints the backing store).
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(QWidget *widget) { widget->installEventFilter(this); }
    bool painted = false;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            painted = true;
        return false;
    }
    bool wait()
    {
        QElapsedTimer t;
        t.start();
        while (!painted && t.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return painted;
    }
};

// The list as logwardend serves it; with `fields` (the console's ?fields=) only those fields.
QByteArray collectorsBody(const std::vector<std::string> &fields = {})
{
    QTemporaryDir dir;
    lw::server::SqliteConfigStore store(dir.path() + "/bench.db");
    lw::server::CollectorRegistry registry(store);
    registry.setLimits(1000000, 0, nullptr);
    const std::string hash(64, 'f'), stale(64, 'e');
    for (int i = 0; i < Collectors; ++i) {
        lw::server::PollReport r;
        r.id = "c" + std::to_string(i / 100) + "-s" + std::to_string(i % 100);
        r.attributes = {{"collector.os", "linux"}, {"collector.version", "v1.12.0"}, {"rack", "r" + std::to_string(i % 40)}};
        r.agentHash = i % 7 == 0 ? stale : hash;
        r.servedHash = hash;
        r.status = i % 13 == 0 ? "FAILED" : "APPLIED";
        if (i % 13 == 0)
            r.errorMessage = "loading config: component otelcol.exporter.syslog.t1 is at stability level public-preview";
        r.userAgent = "Alloy/v1.12.0 (linux/amd64)";
        r.remoteAddress = "10.1." + std::to_string(i / 250 % 256) + "." + std::to_string(i % 250);
        r.agent = {"node", 1000000};
        registry.recordPoll(r);
    }
    Json list = Json::array();
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &c : registry.all())
        list.push_back(lw::server::CollectorRegistry::project(registry.view(c, hash, 2, now), fields));
    return QByteArray::fromStdString(Json{{"collectors", std::move(list)}}.dump());
}

int coldStart(const QElapsedTimer &sinceStart)
{
    lw::console::ApiClient client;
    lw::ui::MainWindow window(client);
    PaintWatcher watchWindow(&window);
    window.show();
    if (!watchWindow.wait())
        return 1;
    const double coldMs = ms(sinceStart);

    QElapsedTimer t;
    t.start();
    QWidget empty;
    empty.resize(window.size());
    PaintWatcher watchEmpty(&empty);
    empty.show();
    if (!watchEmpty.wait())
        return 1;
    const double emptyMs = ms(t);
    std::printf("console_cold_start: %.0f ms from QApplication to the first painted main window "
                "(ratio %.1f vs an empty window shown afterwards in the same process at %.1f ms)\n",
                coldMs, coldMs / std::max(emptyMs, 0.1), emptyMs);
    return 0;
}

int collectors()
{
    // The console asks for the fields its columns show (?fields=…): logwardend's projection of the
    // same fleet is what it reads; the whole list is served to anyone who asks without.
    std::vector<std::string> fields;
    for (const QString &f : QUrlQuery(QUrl(lw::ui::collectorListPath())).queryItemValue(QStringLiteral("fields")).split(QLatin1Char(',')))
        fields.push_back(f.toStdString());
    const QByteArray full = collectorsBody(), body = collectorsBody(fields);
    lw::test::LocalHttpServer http;
    http.route("/api/v2/logs/collectors", [&body, &full](const lw::server::HttpRequest &r) {
        return lw::server::HttpResponse::raw(200, r.query.has(QStringLiteral("fields")) ? body : full, "application/json");
    });
    const quint16 port = http.listen();
    lw::console::ApiClient client;
    client.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {});

    lw::ui::ResourceSpec spec;
    for (const auto &s : lw::ui::standardResources())
        if (s.listKey == "collectors")
            spec = s;
    spec.autoRefreshSeconds = 0;

    const long before = residentKiB();
    lw::ui::ResourceTab tab(client, spec);
    tab.resize(1280, 800);
    tab.show();
    if (!QTest::qWaitForWindowExposed(&tab))
        return 1;

    auto repaint = [&tab] { tab.view()->viewport()->repaint(); };
    std::vector<double> loadMs, parseMs, sortMs, sortBaseMs, filterMs, backspaceMs, filterBaseMs;
    long heldKiB = 0;
    for (int round = 0; round < Rounds; ++round) {
        QElapsedTimer t;
        t.start();
        QEventLoop loop;
        QObject::connect(&tab, &lw::ui::ResourceTab::refreshed, &loop, &QEventLoop::quit);
        QObject::connect(&tab, &lw::ui::ResourceTab::failed, &loop, &QEventLoop::quit);
        tab.refresh();
        loop.exec();
        repaint();
        loadMs.push_back(ms(t));
        if (tab.model()->rowCount() != Collectors) {
            std::fprintf(stderr, "loaded %d collectors, expected %d: %s\n", tab.model()->rowCount(), Collectors,
                         qPrintable(tab.errorText()));
            return 1;
        }
        heldKiB = residentKiB() - before;

        t.restart();
        volatile size_t parsed = Json::parse(body.constData(), body.constData() + body.size())["collectors"].size();
        (void)parsed;
        parseMs.push_back(ms(t));

        // Sort: a click on "Last seen", then back on "ID" so every round sorts from the same order.
        int lastSeen = -1; // found by its header: columns come and go
        for (int c = 0; c < tab.model()->columnCount(); ++c)
            if (tab.model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == QStringLiteral("Last seen"))
                lastSeen = c;
        t.restart();
        tab.view()->horizontalHeader()->setSortIndicator(lastSeen, Qt::DescendingOrder);
        repaint();
        sortMs.push_back(ms(t));
        if (tab.proxy()->sortColumn() != lastSeen)
            return 1;
        tab.view()->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
        std::vector<QString> keys;
        keys.reserve(Collectors);
        for (int row = 0; row < Collectors; ++row)
            keys.push_back(tab.model()->index(row, lastSeen).data(lw::JsonTableModel::SortRole).toString());
        t.restart();
        std::sort(keys.begin(), keys.end(), std::greater<>());
        sortBaseMs.push_back(ms(t));

        // One keystroke: "c42" becomes "c421" (matches c421-s0..99).
        tab.filter()->setText(QStringLiteral("c42"));
        QCoreApplication::processEvents();
        t.restart();
        QTest::keyClick(tab.filter(), Qt::Key_1);
        repaint();
        filterMs.push_back(ms(t));
        if (tab.proxy()->rowCount() != 100) {
            std::fprintf(stderr, "filter kept %d rows, expected 100\n", tab.proxy()->rowCount());
            return 1;
        }
        // A keystroke that widens the filter rescans every row: backspace from "c421" to "c42".
        t.restart();
        QTest::keyClick(tab.filter(), Qt::Key_Backspace);
        repaint();
        backspaceMs.push_back(ms(t));
        if (tab.proxy()->rowCount() != 1100) {
            std::fprintf(stderr, "filter kept %d rows, expected 1100\n", tab.proxy()->rowCount());
            return 1;
        }
        const QString needle = QStringLiteral("c421");
        t.restart();
        int matches = 0;
        for (int row = 0; row < Collectors; ++row)
            for (int col = 0; col < tab.model()->columnCount(); ++col)
                if (tab.model()->index(row, col).data(Qt::DisplayRole).toString().contains(needle, Qt::CaseInsensitive)) {
                    ++matches;
                    break;
                }
        filterBaseMs.push_back(ms(t));
        if (matches != 100)
            return 1;
        tab.filter()->clear();
        QCoreApplication::processEvents();
    }

    // The Overview over the same body: the fleet summed up and the figures painted, against the
    // bare parse of the body measured above (the Overview never builds per-record objects).
    std::vector<double> overviewMs;
    {
        lw::ui::OverviewTab overview(client);
        overview.resize(1280, 800);
        overview.show();
        if (!QTest::qWaitForWindowExposed(&overview))
            return 1;
        for (int round = 0; round < Rounds; ++round) {
            QElapsedTimer t;
            t.start();
            if (!overview.showFleet(body))
                return 1;
            overview.repaint();
            overviewMs.push_back(ms(t));
        }
        if (overview.figure(QStringLiteral("collectors"))->text().section(QLatin1Char('\n'), 0, 0).toInt() != Collectors)
            return 1;
    }

    const double load = median(loadMs), parse = median(parseMs), sort = median(sortMs), sortBase = median(sortBaseMs),
                 filter = median(filterMs), backspace = median(backspaceMs), filterBase = median(filterBaseMs);
    std::printf("console_collectors_load: %.0f ms median for %d collectors, %.1f MB over loopback HTTP (their %zu "
                "shown fields; %.1f MB whole) into the painted Collectors tab (ratio %.2f vs a bare parse of the body "
                "at %.0f ms; target < 500 ms)\n",
                load, Collectors, body.size() / 1e6, fields.size(), full.size() / 1e6, load / parse, parse);
    std::printf("console_collectors_sort: %.0f ms median for one header click (ratio %.2f vs std::sort of the "
                "same keys at %.0f ms; target < 300 ms)\n",
                sort, sort / sortBase, sortBase);
    std::printf("console_collectors_filter: %.1f ms median for one filter keystroke that widens the match "
                "(ratio %.2f vs a plain substring scan of the same cells at %.1f ms; %.1f ms when it narrows; "
                "target < 50 ms)\n",
                backspace, backspace / filterBase, filterBase, filter);
    std::printf("console_overview: %.0f ms median to sum up and paint %d collectors on the Overview (ratio %.2f vs a "
                "bare parse of the body at %.0f ms; target < 300 ms)\n",
                median(overviewMs), Collectors, median(overviewMs) / parse, parse);
    std::printf("console_collectors_memory: %.1f MiB resident for %d collectors in the tab (ratio %.2f vs the "
                "%.1f MiB body)\n",
                heldKiB / 1024.0, Collectors, heldKiB * 1024.0 / body.size(), body.size() / 1048576.0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (what == QLatin1String("cold-start"))
        return coldStart(sinceStart);
    if (what == QLatin1String("collectors"))
        return collectors();
    std::fprintf(stderr, "usage: bench_console cold-start|collectors\n");
    return 64;
}
