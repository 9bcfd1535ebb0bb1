#include "metrics/Metrics.h"

#include <stdexcept>

namespace lw::server {

Metrics &Metrics::global()
{
    // Never destroyed: stores, registries and threads that outlive main's locals (static objects
    // destroyed at exit in any order, a detached worker) may still count into it.
    static Metrics *const metrics = new Metrics;
    return *metrics;
}

Metrics::Metrics()
{
    const std::vector<double> latency = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    declare("logwardend_http_requests_total", "counter", "HTTP requests answered, by listener, route, method and status.");
    declare("logwardend_http_request_duration_seconds", "histogram", "Time from a request's head to its answer, by listener and route.",
            latency);
    declare("logwardend_http_rejected_requests_total", "counter",
            "Requests refused before or instead of being served, by reason (unauthenticated, forbidden, body_too_large, "
            "rate_limited, not_found, method_not_allowed, invalid, unavailable).");
    declare("logwardend_remotecfg_polls_total", "counter", "Collector polls for their pipeline (GetConfig).");
    declare("logwardend_remotecfg_polls_not_modified_total", "counter", "Polls answered 'not modified' (the agent had the current pipeline).");
    declare("logwardend_pushes_total", "counter", "Log pushes stored or forwarded, by tenant.");
    declare("logwardend_push_lines_total", "counter", "Log lines stored or forwarded, by tenant.");
    declare("logwardend_metrics_gauge_errors_total", "counter", "Scrapes where a gauge could not be read (the rest of the document is served).");
    declare("logwardend_store_commit_duration_seconds", "histogram", "Configuration store commits (durable on return).",
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1});
}

void Metrics::declare(const std::string &name, const std::string &type, const std::string &help, std::vector<double> bounds)
{
    if (!PrometheusWriter::isValidName(name))
        throw std::invalid_argument("not a Prometheus metric name: " + name);
    m_families[name] = Family{type, help, std::move(bounds), {}, {}};
}

void Metrics::add(const std::string &counter, const Labels &labels, double by)
{
    std::lock_guard lock(m_mutex);
    auto it = m_families.find(counter);
    if (it == m_families.end() || it->second.type != "counter")
        return; // undeclared: a programming error, never a reason to fail a request
    it->second.series[labels].value += by;
}

void Metrics::observe(const std::string &histogram, const Labels &labels, double seconds)
{
    std::lock_guard lock(m_mutex);
    auto it = m_families.find(histogram);
    if (it == m_families.end() || it->second.type != "histogram")
        return;
    Series &s = it->second.series[labels];
    const std::vector<double> &bounds = it->second.bounds;
    if (s.buckets.empty())
        s.buckets.assign(bounds.size(), 0);
    for (size_t i = 0; i < bounds.size(); ++i) {
        if (seconds <= bounds[i]) {
            ++s.buckets[i];
            break;
        }
    }
    s.sum += seconds;
    ++s.count;
}

std::string Metrics::bounded(const std::string &family, const std::string &label, const std::string &value)
{
    std::lock_guard lock(m_mutex);
    auto it = m_families.find(family);
    if (it == m_families.end())
        return OtherValue;
    std::set<std::string> &seen = it->second.seenValues[label];
    if (seen.count(value))
        return value;
    if (seen.size() >= MaxValuesPerLabel)
        return OtherValue;
    seen.insert(value);
    return value;
}

int Metrics::addGauges(GaugeWriter write)
{
    std::lock_guard lock(m_mutex);
    m_gauges[m_nextGauges] = std::move(write);
    return m_nextGauges++;
}

void Metrics::removeGauges(int id)
{
    std::lock_guard lock(m_mutex);
    m_gauges.erase(id);
}

double Metrics::value(const std::string &family, const Labels &labels)
{
    std::lock_guard lock(m_mutex);
    auto it = m_families.find(family);
    if (it == m_families.end())
        return 0;
    auto s = it->second.series.find(labels);
    return s == it->second.series.end() ? 0 : it->second.type == "histogram" ? double(s->second.count) : s->second.value;
}

std::string Metrics::render()
{
    PrometheusWriter out;
    std::map<int, GaugeWriter> gauges;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[name, family] : m_families) {
            out.family(name, family.type, family.help);
            for (const auto &[labels, s] : family.series) {
                if (family.type != "histogram") {
                    out.sample(name, labels, s.value);
                    continue;
                }
                uint64_t cumulative = 0;
                for (size_t i = 0; i < family.bounds.size(); ++i) {
                    cumulative += s.buckets.empty() ? 0 : s.buckets[i];
                    Labels withLe = labels;
                    withLe.emplace_back("le", PrometheusWriter::formatValue(family.bounds[i]));
                    out.sample(name + "_bucket", withLe, double(cumulative));
                }
                Labels inf = labels;
                inf.emplace_back("le", "+Inf");
                out.sample(name + "_bucket", inf, double(s.count));
                out.sample(name + "_sum", labels, s.sum);
                out.sample(name + "_count", labels, double(s.count));
            }
        }
        gauges = m_gauges;
    }
    for (const auto &[id, write] : gauges) { // outside the lock: they read other components
        PrometheusWriter part;
        try {
            write(part);
            out.append(part);
        } catch (const std::exception &) {
            add("logwardend_metrics_gauge_errors_total", {}); // shown from the next scrape on
        }
    }
    return out.text();
}

} // namespace lw::server
