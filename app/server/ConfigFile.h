#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>
#include <vector>

class QCommandLineParser;

namespace lw::server {

// logwardend.conf, the file form of the command line (one format, documented in the README):
//
//     # a comment (a line whose first non-blank character is '#')
//     listen = 0.0.0.0:8443
//     tls-cert = /etc/logwarden/tls/server.crt
//     allow-custom-ingest-tokens = true
//     local-collector-id = node-a          (a repeatable flag: one line per value)
//
// Keys are the long flag names without "--"; a flag without a value takes true or false. A value
// runs to the end of the line, blanks around it removed; "double quotes" around it are removed
// too (no escapes), to keep blanks. A key given twice is an error, except for repeatable flags.
// A flag on the command line wins over the file's line for the same key (all its lines, for a
// repeatable flag).
class ConfigFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ConfigSetting {
    QString key;
    QString value;
    int line = 0;
};

class ConfigFile {
public:
    // --config's default: $LOGWARDEND_CONFIG, or /etc/logwarden/logwardend.conf.
    static QString defaultPath();

    // Reads and checks a file against the flags a command accepts; throws ConfigFileError with
    // "path:line: what is wrong" (an unknown key names the nearest known one).
    static ConfigFile read(const QString &path, const QList<QCommandLineOption> &known, const QStringList &repeatable);

    // The arguments that stand for the file, to put before the command line's own: the file's
    // settings that the parsed command line does not set.
    QStringList argumentsUnder(const QCommandLineParser &commandLine) const;
    // Where the value of `key` came from when the command line did not set it.
    std::optional<ConfigSetting> origin(const QString &key, const QCommandLineParser &commandLine) const;

    const QString &path() const { return m_path; }
    const std::vector<ConfigSetting> &settings() const { return m_settings; }

    static constexpr qint64 kMaxBytes = 1 << 20;

private:
    QString m_path;
    std::vector<ConfigSetting> m_settings;
    QStringList m_switches; // keys of flags that take no value
};

} // namespace lw::server
