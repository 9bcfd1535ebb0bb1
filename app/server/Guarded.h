#pragma once

#include <cstdio>
#include <exception>
#include <utility>

namespace lw::server {

// Wraps work the event loop (or a worker) runs on its own — timer ticks, posted callbacks — so
// that an exception is logged with what was being done and goes no further: an exception that
// reaches Qt's event loop terminates the process.
template <typename F>
auto guarded(const char *what, F &&work)
{
    return [what, work = std::forward<F>(work)]() mutable {
        try {
            work();
        } catch (const std::exception &e) {
            std::fprintf(stderr, "logwardend: %s failed: %s\n", what, e.what());
        } catch (...) {
            std::fprintf(stderr, "logwardend: %s failed\n", what);
        }
    };
}

} // namespace lw::server
