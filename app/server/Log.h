#pragma once

#include <QStringView>

#include <optional>

// The server's diagnostics on stderr, with one level for all of them (--log-level, changed on
// SIGHUP). Under systemd (JOURNAL_STREAM set) each line starts with its syslog priority, "<3>"
// for errors and so on, which journald takes as the entry's priority.
namespace lw::server::log {

enum class Level { Error = 3, Warning = 4, Info = 6, Debug = 7 };

void setLevel(Level level);
Level level();
bool enabled(Level level);
// "error", "warning", "info", "debug"; nullopt for anything else.
std::optional<Level> parseLevel(QStringView text);
const char *levelName(Level level);

// printf-style; "logwardend: " and a newline are added.
void error(const char *format, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *format, ...) __attribute__((format(printf, 1, 2)));
void info(const char *format, ...) __attribute__((format(printf, 1, 2)));
void debug(const char *format, ...) __attribute__((format(printf, 1, 2)));

} // namespace lw::server::log
