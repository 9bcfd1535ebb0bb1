// Helper for logs_bench.sh:
//   bench_logs body json|proto FILE      a push body of 1,000 lines of 100 bytes (for checking push_lines.lua)
//   bench_logs raw-append SECONDS         baseline: batched appends of the same rows to SqliteLogStore
//   bench_logs generate DATADIR LINES     a logs.db with LINES lines over 100 streams (job=svc-0…99),
//                                         0.1% of them containing "needle", spread over the last 6 days
#include "logs/SqliteLogStore.h"
#include "logs/LokiForwarder.h"

#include "Json.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>


#include <chrono>
#include <cstdio>
#include <random>

using namespace lw::server;

namespace {

int64_t now()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string line100(std::mt19937 &rng, bool needle)
{
    static const char *words[] = {"request", "served", "user", "disk", "cache", "latency", "ok", "GET", "POST", "shard"};
    std::string s = needle ? "needle " : "";
    while (s.size() < 100) {
        s += words[rng() % 10];
        s += ' ';
    }
    s.resize(100);
    return s;
}

StreamBatch batch1000(int64_t start)
{
    std::mt19937 rng(42);
    StreamBatch b{{{"job", "bench"}, {"host", "node-1"}}, {}};
    for (int i = 0; i < 1000; ++i)
        b.entries.push_back({start + i, line100(rng, false), {}});
    return b;
}

int body(const char *format, const char *file)
{
    // A timestamp an hour ago stays acceptable for the whole run.
    const StreamBatch b = batch1000(now() - 3600LL * 1000000000LL);
    QByteArray out;
    if (std::string(format) == "json") {
        lw::Json values = lw::Json::array();
        for (const auto &e : b.entries)
            values.push_back({std::to_string(e.timestampNs), e.line});
        out = QByteArray::fromStdString(lw::Json({{"streams", {{{"stream", b.labels}, {"values", values}}}}}).dump());
    } else {
        out = LokiForwarder::encode({b}); // snappy-compressed logproto, exactly what the forwarder sends
    }
    QFile f(QString::fromLocal8Bit(file));
    return f.open(QIODevice::WriteOnly) && f.write(out) == out.size() ? 0 : 1;
}

int rawAppend(double seconds)
{
    QTemporaryDir dir;
    SqliteLogStore store(dir.path() + "/logs.db");
    StreamBatch b = batch1000(now() - 3600LL * 1000000000LL);
    QElapsedTimer timer;
    timer.start();
    long lines = 0;
    // As push_lines.lua sends them: the same lines, each batch one second after the last.
    while (timer.nsecsElapsed() < seconds * 1e9) {
        store.append("bench", {b});
        for (auto &e : b.entries)
            e.timestampNs += 1000000000LL;
        lines += 1000;
    }
    std::printf("%.1f\n", lines / (timer.nsecsElapsed() / 1e9));
    return 0;
}

int generate(const char *dataDir, long lines)
{
    QDir().mkpath(QString::fromLocal8Bit(dataDir));
    SqliteLogStore store(QString::fromLocal8Bit(dataDir) + "/logs.db");
    std::mt19937 rng(7);
    const int64_t end = now() - 60LL * 1000000000LL;
    const int64_t span = 6LL * 24 * 3600 * 1000000000LL;
    const long perBatch = 10000;
    for (long done = 0; done < lines; done += perBatch) {
        std::vector<StreamBatch> batches(100);
        for (int s = 0; s < 100; ++s)
            batches[s].labels = {{"job", "svc-" + std::to_string(s)}, {"env", "prod"}};
        for (long i = 0; i < perBatch; ++i) {
            const long n = done + i;
            const int64_t ts = end - span + static_cast<int64_t>(static_cast<double>(n) / lines * span);
            batches[n % 100].entries.push_back({ts, line100(rng, rng() % 1000 == 0), {}});
        }
        store.append("bench", batches);
    }
    std::printf("%lld\n", static_cast<long long>(store.entryCount()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::string what = argc > 1 ? argv[1] : "";
    if (what == "body" && argc == 4)
        return body(argv[2], argv[3]);
    if (what == "raw-append" && argc == 3)
        return rawAppend(std::atof(argv[2]));
    if (what == "generate" && argc == 4)
        return generate(argv[2], std::atol(argv[3]));
    std::fprintf(stderr, "usage: bench_logs body json|proto FILE | raw-append SECONDS | generate DATADIR LINES\n");
    return 64;
}
