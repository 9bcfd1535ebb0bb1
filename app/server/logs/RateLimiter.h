#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lw::server {

// Per-tenant token bucket on ingested bytes (Loki's ingestion_rate_mb / ingestion_burst_size_mb).
// Thread-safe.
class RateLimiter {
public:
    RateLimiter(double bytesPerSecond, double burstBytes) : m_rate(bytesPerSecond), m_burst(burstBytes) {}
    // Takes `bytes` from the tenant's bucket; false (and nothing taken) when it does not hold them.
    bool allow(const std::string &tenant, double bytes, int64_t nowMs);
    double rate() const { return m_rate; }

private:
    struct Bucket {
        double tokens;
        int64_t updatedMs;
    };
    double m_rate;
    double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace lw::server
