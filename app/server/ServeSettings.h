#pragma once

#include "ConfigFile.h"
#include "ServerOptions.h"
#include "Log.h"

#include <QCommandLineOption>
#include <QMap>

#include <memory>
#include <variant>

namespace lw::server {

// What `logwardend serve` runs with: its flags, and the configuration file under them.
struct ServeConfiguration {
    ServerOptions options;
    log::Level logLevel = log::Level::Info;
    QString configPath;                 // empty: no file was read
    QMap<QString, QStringList> effective; // every setting's values, for telling what a reload changed
};

// The flags of `serve` and `check-config`, their defaults and their checks, in one place. Every
// problem is a sentence that names where the value came from: "--listen …" on the command line,
// "/etc/logwarden/logwardend.conf:7: listen …" in the file.
class ServeSettings {
public:
    ServeSettings();
    ~ServeSettings();

    // Every setting (the flags the file may set too), then --config.
    QList<QCommandLineOption> settings() const;
    const QCommandLineOption &configOption() const;
    static QStringList repeatable();
    // The settings a running server applies on SIGHUP; the others take a restart.
    static QStringList reloadable();

    enum class Checks { Values, ValuesAndFiles };
    // `arguments` is the whole command line (program name first); --help and --version are
    // handled by the caller's parser before. A sentence on any problem. ValuesAndFiles is
    // check-config's: also that addresses parse and the files named are readable.
    std::variant<ServeConfiguration, QString> load(const QStringList &arguments, Checks checks = Checks::Values) const;

    struct Options;

private:
    std::unique_ptr<Options> o;
};

} // namespace lw::server
