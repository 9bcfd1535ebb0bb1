#pragma once

// Measuring helpers shared by the in-process benchmarks.
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace lw::bench {

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Resident set size of this process, from /proc/self/status.
inline long residentKiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long kib = 0;
            status >> kib;
            return kib;
        }
    }
    return 0;
}

} // namespace lw::bench
