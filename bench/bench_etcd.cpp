// The etcd configuration store against etcd itself, in one run (one printed line each):
//   writes        EtcdStore::create (a Txn with its precondition) per second, against raw etcd
//                 Puts over the same gRPC API, one at a time as the API writes; target >= 0.5
//   reads         EtcdStore::get (a linearizable Range) per second against raw Ranges; target >= 0.8
//   propagation   p99 from a write through one store to changed() on another store watching
//                 the same prefix (another replica); target < 100 ms
// Medians of 3 rounds.   bench_etcd HOST:PORT  (bench/etcd_bench.sh starts an etcd)
#include "BenchMeasures.h"
#include "store/etcd/EtcdStore.h"
#include "store/etcd/etcd_rpc.grpc.pb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace lw::server;
using lw::bench::median;

namespace {

constexpr int Ops = 2000;

double perSecond(int ops, qint64 ns) { return ops * 1e9 / double(ns); }

double rawPuts(etcdserverpb::KV::Stub &kv, const std::string &prefix)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < Ops; ++i) {
        etcdserverpb::PutRequest put;
        put.set_key(prefix + "/raw/" + std::to_string(i));
        put.set_value("{\"name\":\"x\",\"enabled\":true}");
        etcdserverpb::PutResponse response;
        grpc::ClientContext context;
        if (!kv.Put(&context, put, &response).ok())
            return 0;
    }
    return perSecond(Ops, t.nsecsElapsed());
}

double rawRanges(etcdserverpb::KV::Stub &kv, const std::string &prefix)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < Ops; ++i) {
        etcdserverpb::RangeRequest range;
        range.set_key(prefix + "/raw/" + std::to_string(i % 100));
        etcdserverpb::RangeResponse response;
        grpc::ClientContext context;
        if (!kv.Range(&context, range, &response).ok())
            return 0;
    }
    return perSecond(Ops, t.nsecsElapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_etcd HOST:PORT\n");
        return 64;
    }
    const std::string endpoint = argv[1];
    auto channel = grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials());
    auto kv = etcdserverpb::KV::NewStub(channel);
    std::vector<double> writeRatio, readRatio, propagation;
    for (int round = 0; round < 3; ++round) {
        const std::string prefix = "/bench" + std::to_string(QDateTime::currentMSecsSinceEpoch()) + "-" + std::to_string(round);
        EtcdStore store(EtcdStoreOptions::parse("etcd://" + endpoint + prefix));
        const double raw = rawPuts(*kv, prefix);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < Ops; ++i)
            if (store.create("source", "s" + std::to_string(i), "{\"name\":\"x\",\"enabled\":true}").status != WriteStatus::Ok)
                return 1;
        writeRatio.push_back(perSecond(Ops, t.nsecsElapsed()) / raw);
        const double rawRead = rawRanges(*kv, prefix);
        t.restart();
        for (int i = 0; i < Ops; ++i)
            if (!store.get("source", "s" + std::to_string(i % 100)))
                return 1;
        readRatio.push_back(perSecond(Ops, t.nsecsElapsed()) / rawRead);

        // Another replica's store on the same prefix: time until it announces each change.
        EtcdStore other(EtcdStoreOptions::parse("etcd://" + endpoint + prefix));
        std::vector<double> delays;
        qint64 sentAt = 0;
        QElapsedTimer clock;
        clock.start();
        QObject::connect(&other, &ConfigStore::changed, [&](const QString &kind) {
            if (kind == QLatin1String("token"))
                delays.push_back((clock.nsecsElapsed() - sentAt) / 1e6);
        });
        for (int i = 0; i < 200; ++i) {
            const size_t before = delays.size();
            sentAt = clock.nsecsElapsed();
            store.create("token", "t" + std::to_string(i), "{}");
            QElapsedTimer wait;
            wait.start();
            while (delays.size() == before && wait.elapsed() < 2000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            if (delays.size() == before)
                delays.push_back(2000);
        }
        std::sort(delays.begin(), delays.end());
        propagation.push_back(delays[delays.size() * 99 / 100]);
    }
    std::printf("etcd writes: store/raw put rate %.2f (target >= 0.5)\n", median(writeRatio));
    std::printf("etcd reads: store/raw range rate %.2f (target >= 0.8)\n", median(readRatio));
    std::printf("etcd propagation: p99 %.1f ms from a write to another replica's changed() (target < 100 ms)\n", median(propagation));
    return 0;
}
