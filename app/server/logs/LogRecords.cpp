#include "LogRecords.h"

#include <cmath>

namespace lw::server {

std::optional<int64_t> secondsToNanos(double seconds)
{
    const double ns = seconds * 1e9;
    if (!std::isfinite(ns) || ns >= 9.2e18 || ns <= -9.2e18)
        return std::nullopt;
    return static_cast<int64_t>(ns);
}

std::optional<int64_t> toNanos(int64_t value, int64_t nanosPerUnit)
{
    int64_t out = 0;
    if (__builtin_mul_overflow(value, nanosPerUnit, &out))
        return std::nullopt;
    return out;
}

std::string canonicalLabels(const Labels &labels)
{
    std::string out = "{";
    bool first = true;
    for (const auto &[name, value] : labels) {
        if (!first)
            out += ", ";
        first = false;
        out += name + "=\"";
        for (char c : value) {
            if (c == '"' || c == '\\')
                out += '\\';
            if (c == '\n') {
                out += "\\n";
                continue;
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

} // namespace lw::server
