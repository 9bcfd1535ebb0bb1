#include "Log.h"

#include <QString>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace lw::server::log {

namespace {
std::atomic<Level> g_level{Level::Info};

bool toJournal()
{
    static const bool journal = [] {
        const char *stream = std::getenv("JOURNAL_STREAM");
        return stream && *stream;
    }();
    return journal;
}

void emit(Level level, const char *format, va_list args)
{
    if (!enabled(level))
        return;
    char line[2048];
    const int n = std::vsnprintf(line, sizeof line, format, args);
    if (n < 0)
        return;
    for (char *c = line; *c; ++c)
        if (*c == '\n' || *c == '\r')
            *c = ' '; // a logged value never starts a line (or a journal priority) of its own
    // One fprintf per line: lines from several threads never interleave inside a line.
    if (toJournal())
        std::fprintf(stderr, "<%d>logwardend: %s\n", static_cast<int>(level), line);
    else
        std::fprintf(stderr, "logwardend: %s\n", line);
}
} // namespace

void setLevel(Level level)
{
    g_level.store(level, std::memory_order_relaxed);
}

Level level()
{
    return g_level.load(std::memory_order_relaxed);
}

bool enabled(Level l)
{
    return static_cast<int>(l) <= static_cast<int>(level());
}

std::optional<Level> parseLevel(QStringView text)
{
    for (Level l : {Level::Error, Level::Warning, Level::Info, Level::Debug})
        if (text == QLatin1String(levelName(l)))
            return l;
    return std::nullopt;
}

const char *levelName(Level l)
{
    switch (l) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    case Level::Info: return "info";
    case Level::Debug: return "debug";
    }
    return "info";
}

#define LW_LOG_FUNCTION(name, level)                                                                                   \
    void name(const char *format, ...)                                                                                 \
    {                                                                                                                  \
        va_list args;                                                                                                  \
        va_start(args, format);                                                                                        \
        emit(level, format, args);                                                                                     \
        va_end(args);                                                                                                  \
    }
LW_LOG_FUNCTION(error, Level::Error)
LW_LOG_FUNCTION(warning, Level::Warning)
LW_LOG_FUNCTION(info, Level::Info)
LW_LOG_FUNCTION(debug, Level::Debug)
#undef LW_LOG_FUNCTION

} // namespace lw::server::log
