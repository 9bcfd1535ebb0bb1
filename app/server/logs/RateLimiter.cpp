#include "RateLimiter.h"

#include <algorithm>

namespace lw::server {

bool RateLimiter::allow(const std::string &tenant, double bytes, int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    if (m_rate <= 0)
        return true;
    auto [it, inserted] = m_buckets.try_emplace(tenant, Bucket{m_burst, nowMs});
    Bucket &b = it->second;
    b.tokens = std::min(m_burst, b.tokens + (nowMs - b.updatedMs) / 1000.0 * m_rate);
    b.updatedMs = nowMs;
    // A batch bigger than the burst can never fit: let it through when the bucket is full.
    if (bytes > b.tokens && !(bytes > m_burst && b.tokens >= m_burst))
        return false;
    b.tokens -= bytes;
    return true;
}

} // namespace lw::server
