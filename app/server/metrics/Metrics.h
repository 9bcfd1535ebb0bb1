#pragma once

#include "metrics/PrometheusWriter.h"

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace lw::server {

// The server's metrics, for /metrics: counters and latency histograms recorded from any thread
// (HTTP I/O threads, the event loop, the log writer), and gauges read when scraped. Families are
// declared up front (the document always lists them). Label values an attacker can choose (a
// tenant id) are bounded: past MaxValuesPerLabel distinct values the rest count as "~other".
class Metrics {
public:
    using Labels = PrometheusWriter::Labels;
    static constexpr size_t MaxValuesPerLabel = 1000;
    static constexpr const char *OtherValue = "~other"; // outside every name grammar: no tenant is called so

    static Metrics &global();

    void add(const std::string &counter, const Labels &labels, double by = 1);
    void observe(const std::string &histogram, const Labels &labels, double seconds);
    // `value` if this family's label `label` has it or room for it, else "~other".
    std::string bounded(const std::string &family, const std::string &label, const std::string &value);

    // Gauges computed at scrape time, written by `write` (on the thread that renders).
    using GaugeWriter = std::function<void(PrometheusWriter &)>;
    int addGauges(GaugeWriter write);
    void removeGauges(int id);

    std::string render();

    // The value of one counter series, or of a histogram's count (tests; 0 when absent).
    double value(const std::string &family, const Labels &labels);

private:
    Metrics();
    struct Series {
        double value = 0;                  // counters
        std::vector<uint64_t> buckets;     // histograms: per upper bound, not cumulative
        double sum = 0;
        uint64_t count = 0;
    };
    struct Family {
        std::string type, help;
        std::vector<double> bounds; // histograms
        std::map<Labels, Series> series;
        std::map<std::string, std::set<std::string>> seenValues; // for bounded()
    };
    void declare(const std::string &name, const std::string &type, const std::string &help, std::vector<double> bounds = {});

    std::mutex m_mutex;
    std::map<std::string, Family> m_families;
    std::map<int, GaugeWriter> m_gauges;
    int m_nextGauges = 1;
};

} // namespace lw::server
