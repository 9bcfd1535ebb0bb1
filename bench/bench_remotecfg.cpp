// In-process remotecfg benchmarks (one printed line each):
//   rerender          time from a configuration change to the new pipeline (1,000 sources,
//                     10 targets), against a raw read of the same rows from the store
//   registry-memory   resident memory of 100,000 registered collectors, against the size of
//                     their persisted JSON; and the time to persist all of them
#include "BenchMeasures.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/PipelineCache.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lw::server;
using lw::Json;
using lw::bench::median;
using lw::bench::residentKiB;

namespace {

Json sourceJson(int i, const char *level)
{
    const std::string name = "svc-" + std::to_string(i);
    if (i % 4 == 0) {
        return {{"name", name}, {"enabled", true}, {"logFormat", "ZAP_JSON"}, {"minLevel", level},
                {"file", {{"paths", {"/var/log/" + name + ".log"}}, {"labels", {{"job", name}}}}}};
    }
    return {{"name", name}, {"enabled", true}, {"logFormat", "ZAP_JSON"}, {"minLevel", level},
            {"journald", {{"syslogIdentifier", name}}}};
}

int rerender()
{
    QTemporaryDir dir;
    SqliteConfigStore store(dir.path() + "/bench.db");
    SecretBox secrets(SecretBox::generateKey());
    PipelineCache cache(store, secrets);
    const std::string pem = "-----BEGIN CERTIFICATE-----\n" + std::string(1200, 'A') + "\n-----END CERTIFICATE-----\n";
    for (int b = 0; b < 5; ++b) {
        const std::string name = "bundle-" + std::to_string(b);
        Json bundle = {{"name", name}, {"caPem", pem}, {"certPem", pem}, {"hasKey", true},
                       {"keyCiphertext", secrets.seal("-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n", "tls-bundle/" + name)}};
        store.create("tls-bundle", name, bundle.dump());
    }
    for (int i = 0; i < 1000; ++i)
        store.create("source", "svc-" + std::to_string(i), sourceJson(i, "INFO").dump());
    for (int t = 0; t < 10; ++t) {
        const std::string name = "target-" + std::to_string(t);
        Json target = t % 2 == 0
            ? Json{{"name", name}, {"type", "LOKI"}, {"enabled", true},
                   {"loki", {{"url", "https://loki-" + std::to_string(t) + ".example.com/loki/api/v1/push"}, {"tlsBundle", "bundle-" + std::to_string(t / 2)}}}}
            : Json{{"name", name}, {"type", "RSYSLOG"}, {"enabled", true},
                   {"rsyslog", {{"endpoint", "rsyslog-" + std::to_string(t) + ".example.com"}, {"port", 6514}, {"timeout", "5s"},
                                {"tlsBundle", "bundle-" + std::to_string(t / 2)}}}};
        store.create("target", name, target.dump());
    }
    cache.current();

    std::vector<double> renderMs, readMs;
    for (int round = 0; round < 21; ++round) {
        store.update("source", "svc-1", sourceJson(1, round % 2 ? "WARN" : "INFO").dump(), ConfigStore::AnyRevision);
        QElapsedTimer timer;
        timer.start();
        cache.current();
        renderMs.push_back(timer.nsecsElapsed() / 1e6);

        timer.restart();
        size_t rows = 0;
        for (const char *kind : {"source", "target", "tls-bundle"}) {
            for (const auto &r : store.list(kind))
                rows += Json::parse(r.value).size(); // the floor: read and parse every row
        }
        readMs.push_back(timer.nsecsElapsed() / 1e6);
        if (rows == 0)
            return 1;
    }
    const double render = median(renderMs), read = median(readMs);
    std::printf("remotecfg_rerender: %.1f ms median for 1000 sources x 10 targets, %.2f MB config "
                "(ratio %.1f vs a raw read of the same rows at %.1f ms; target < 50 ms)\n",
                render, cache.current().content.size() / 1e6, render / read, read);
    return 0;
}

int registryMemory()
{
    QTemporaryDir dir;
    SqliteConfigStore store(dir.path() + "/bench.db");
    const long before = residentKiB();
    size_t jsonBytes = 0;
    {
        CollectorRegistry registry(store);
        registry.setLimits(1000000, 0, nullptr);
        const std::string hash(64, 'f');
        for (int i = 0; i < 100000; ++i) {
            PollReport r;
            r.id = "c" + std::to_string(i / 100) + "-s" + std::to_string(i % 100);
            r.attributes = {{"collector.os", "linux"}, {"collector.version", "v1.12.0"}, {"rack", "r" + std::to_string(i % 40)}};
            r.agentHash = hash;
            r.servedHash = hash;
            r.status = "APPLIED";
            r.userAgent = "Alloy/v1.12.0 (linux/amd64)";
            r.remoteAddress = "10.1." + std::to_string(i / 250 % 256) + "." + std::to_string(i % 250);
            r.agent = {"node", 1000000};
            registry.recordPoll(r);
        }
        const long after = residentKiB();
        for (const CollectorState &c : registry.all())
            jsonBytes += c.toStorageJson().dump().size();
        QElapsedTimer timer;
        timer.start();
        registry.flush();
        const double flushSeconds = timer.nsecsElapsed() / 1e9;
        const double mib = (after - before) / 1024.0;
        std::printf("collector_registry_memory: %.1f MiB for 100000 collectors, %.0f bytes each "
                    "(ratio %.2f vs their persisted JSON at %.1f MiB; persisting all took %.2f s)\n",
                    mib, (after - before) * 1024.0 / 100000, (after - before) * 1024.0 / jsonBytes, jsonBytes / 1048576.0,
                    flushSeconds);
    }
    return store.list("collector").size() == 100000 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (what == QLatin1String("rerender"))
        return rerender();
    if (what == QLatin1String("registry-memory"))
        return registryMemory();
    std::fprintf(stderr, "usage: bench_remotecfg rerender|registry-memory\n");
    return 64;
}
