#include "ServerCommandLine.h"
#include "Log.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>
#include "Server.h"
#include "MaintenanceCommands.h"
#include "MigrateCommand.h"
#include "ProcessSignals.h"
#include "ServeSettings.h"
#include "auth/JwtAuthority.h"
#include "auth/Principal.h"
#include "api/AdminV3Controller.h"
#include "store/DataDirectory.h"
#include "store/sqlite/SqliteConfigStore.h"
#include "Validation.h"

#include <QDateTime>
#include <QFile>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <sys/stat.h>

namespace lw::server {

namespace {

int fail(const QString &message)
{
    return commandFailed(message);
}

int issueJwt(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Mint a server-signed RS256 JWT with the key of a data directory."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("issue-jwt"), QStringLiteral("The subcommand."));
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption subject(QStringLiteral("subject"), QStringLiteral("The sub claim."), QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("cluster-admin, config-editor or viewer (default cluster-admin)."),
                                  QStringLiteral("role"), QStringLiteral("cluster-admin"));
    const QCommandLineOption ttl(QStringLiteral("ttl"), QStringLiteral("Lifetime: 3600, 90m, 12h, 30d, 1y (default 24h)."),
                                 QStringLiteral("duration"), QStringLiteral("24h"));
    p.addOptions({dataDir, subject, role, ttl});
    p.process(arguments);

    if (p.value(subject).isEmpty())
        return fail(QStringLiteral("issue-jwt needs --subject"));
    if (!scopes::forRole(p.value(role).toStdString()))
        return fail(QStringLiteral("unknown role \"%1\" (cluster-admin, config-editor, viewer)").arg(p.value(role)));
    const auto seconds = parseDurationSeconds(p.value(ttl));
    if (!seconds)
        return fail(QStringLiteral("--ttl %1 is not a duration such as 3600, 90m, 12h or 30d").arg(p.value(ttl)));
    // Never create a key here: a JWT signed with a key no server has would be accepted by none.
    if (auto why = notAServerDataDir(p.value(dataDir)))
        return fail(*why);
    try {
        DataDirectory dir(p.value(dataDir), /*lock=*/false);
        JwtAuthority jwt(dir);
        std::string token = jwt.issue(p.value(subject).toStdString(), p.value(role).toStdString(),
                                      std::chrono::seconds(*seconds));
        std::printf("%s\n", token.c_str());
        return 0;
    } catch (const std::exception &e) {
        return fail(QString::fromStdString(e.what()));
    }
}

int tokengen(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Create an admin API token (policy __admin__, scope admin), like GEL's tokengen. Run it while logwardend "
        "is stopped, or create tokens through the API with the system JWT."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("tokengen"), QStringLiteral("The subcommand."));
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption tokenFile(QStringLiteral("token-file"), QStringLiteral("Write the token to this file (0600) instead of stdout."),
                                       QStringLiteral("file"));
    const QCommandLineOption tokenName(QStringLiteral("token-name"), QStringLiteral("Name of the token (default: admin-<time>)."),
                                       QStringLiteral("name"));
    const QCommandLineOption clusterName(QStringLiteral("cluster-name"), QStringLiteral("The cluster (default logwarden)."),
                                         QStringLiteral("name"), QStringLiteral("logwarden"));
    p.addOptions({dataDir, tokenFile, tokenName, clusterName});
    p.process(arguments);
    const QString name = p.isSet(tokenName) ? p.value(tokenName)
                                            : QStringLiteral("admin-%1").arg(QDateTime::currentSecsSinceEpoch());
    if (!validation::isValidName(name.toStdString()))
        return fail(QStringLiteral("--token-name must be 3 to 64 characters of a-z, 0-9, '-' and '_'"));
    try {
        ::umask(0077);
        DataDirectory dir(p.value(dataDir));
        SqliteConfigStore store(dir.filePath(QStringLiteral("config.db")));
        const std::string token = AdminV3Controller::createAdminToken(store, p.value(clusterName).toStdString(), name.toStdString());
        if (p.isSet(tokenFile)) {
            QFile out(p.value(tokenFile));
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
            out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            out.write(QByteArray::fromStdString(token + "\n"));
            std::fprintf(stderr, "logwardend: admin token \"%s\" written to %s\n", qPrintable(name), qPrintable(out.fileName()));
        } else {
            std::printf("%s\n", token.c_str());
        }
        return 0;
    } catch (const DataDirectoryError &e) {
        return fail(QString::fromStdString(e.what()) + QStringLiteral("; stop logwardend first, or create tokens through the API"));
    } catch (const std::exception &e) {
        return fail(QString::fromStdString(e.what()));
    }
}

const char *const ServeDescription =
    "logwardend: the Logwarden log-platform server.\n\n"
    "Subcommands:\n  serve       run the server (default)\n"
    "  check-config  check the configuration file and flags without starting (see check-config --help)\n"
    "  issue-jwt   mint a server-signed JWT (see issue-jwt --help)\n"
    "  tokengen    create an admin API token (see tokengen --help)\n"
    "  migrate     copy the configuration between stores, sqlite:PATH and etcd://... (see migrate --help)\n"
    "  revoke-jwt  revoke a server JWT (see revoke-jwt --help)\n  rotate-jwt-key  a new JWT signing key and system_jwt\n"
    "  rotate-agent-token  a new node agent credential (<data-dir>/agent_token)\n\n"
    "Every flag can be a line of the configuration file instead (key = value, the flag's name without --);\n"
    "a flag given here wins over the file. SIGHUP reads the TLS certificate and key, the log level and the\n"
    "file again, and reopens the access log file.";

// --help, --version, unknown flags and the subcommand's name, as QCommandLineParser answers them.
QStringList processCommandLine(const ServeSettings &settings, const QStringList &arguments, const QString &command,
                               const QString &description)
{
    QCommandLineParser p;
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions(settings.settings());
    p.addOption(settings.configOption());
    p.addPositionalArgument(QStringLiteral("command"), command);
    p.process(arguments);
    return p.positionalArguments();
}

int checkConfig(const QStringList &arguments)
{
    const ServeSettings settings;
    processCommandLine(settings, arguments, QStringLiteral("check-config"),
                       QStringLiteral("Check logwardend's configuration file and flags without starting the server: every "
                                      "key and value, the addresses, and that the files named can be read. A problem is "
                                      "named with its file and line. Exit status 0 when the server would start with them."));
    auto loaded = settings.load(arguments, ServeSettings::Checks::ValuesAndFiles);
    if (auto *why = std::get_if<QString>(&loaded))
        return fail(*why);
    const ServeConfiguration &c = std::get<ServeConfiguration>(loaded);
    if (c.configPath.isEmpty())
        std::printf("logwardend: no configuration file (%s does not exist); the flags and defaults are valid\n",
                    qPrintable(ConfigFile::defaultPath()));
    else
        std::printf("logwardend: %s is valid\n", qPrintable(c.configPath));
    return 0;
}

// SIGHUP: the settings are read again; what can change while serving changes, each part on its
// own (a certificate that fails leaves the log level and the access log done), the rest is named.
void reload(const ServeSettings &settings, QStringList arguments, Server &server, ServeConfiguration &running)
{
    sd_notify(0, "RELOADING=1\nSTATUS=Reloading the configuration");
    // The file read at start is required now: a file renamed away must not turn into defaults
    // (and a CA-issued certificate into a self-signed one).
    if (!running.configPath.isEmpty())
        arguments << QStringLiteral("--config") << running.configPath;
    auto loaded = settings.load(arguments);
    if (auto *why = std::get_if<QString>(&loaded)) {
        log::error("reload refused, the running settings stay: %s", qPrintable(*why));
    } else {
        const ServeConfiguration &next = std::get<ServeConfiguration>(loaded);
        log::setLevel(next.logLevel);
        bool failed = false;
        try {
            server.reloadTls(next.options);
        } catch (const std::exception &e) {
            failed = true;
            log::error("reload: the TLS certificate is not replaced, the running one stays: %s", e.what());
        }
        try {
            server.reopenAccessLog();
        } catch (const std::exception &e) {
            failed = true;
            log::error("reload: the access log cannot be opened again, lines go to the file open before: %s", e.what());
        }
        QStringList needRestart;
        for (auto it = next.effective.cbegin(); it != next.effective.cend(); ++it) {
            if (ServeSettings::reloadable().contains(it.key()))
                running.effective[it.key()] = it.value();
            else if (running.effective.value(it.key()) != it.value())
                needRestart << it.key();
        }
        if (!needRestart.isEmpty())
            log::warning("changed settings that take a restart to apply: %s", qPrintable(needRestart.join(QStringLiteral(", "))));
        if (!failed)
            log::info("reloaded: log level %s, TLS certificate SHA-256 %s", log::levelName(next.logLevel),
                      qPrintable(server.certificateFingerprint()));
    }
    sd_notifyf(0, "READY=1\nSTATUS=Serving the API on %s", qPrintable(server.apiUrl()));
}

void printReadyLines(const Server &server, const ServerOptions &options)
{
    if (options.role == QLatin1String("agent"))
        std::printf("logwardend %s: API on %s (health, readiness and metrics: an agent serves no admin API), data in %s\n", LW_VERSION,
                    qPrintable(server.apiUrl()), qPrintable(options.dataDir));
    else
        std::printf("logwardend %s: API on %s, data in %s, admin JWT in %s\n", LW_VERSION, qPrintable(server.apiUrl()),
                    qPrintable(options.dataDir), qPrintable(server.systemJwtPath()));
    std::printf("logwardend: TLS certificate SHA-256 %s\n", qPrintable(server.certificateFingerprint()));
    if (server.plainHttpPort())
        std::printf("logwardend: plain HTTP API on http://%s:%u\n",
                    qPrintable(options.httpListen.section(QLatin1Char(':'), 0, -2)), server.plainHttpPort());
    if (server.remotecfgPort())
        std::printf(server.remotecfgUsesTls() ? "logwardend: remotecfg on https://%s:%u\n" : "logwardend: remotecfg on http://%s:%u\n",
                    qPrintable(options.remotecfgListen.section(QLatin1Char(':'), 0, -2)), server.remotecfgPort());
    if (options.role != QLatin1String("all"))
        std::printf("logwardend: role %s%s\n", qPrintable(options.role),
                    options.role == QLatin1String("agent") ? qPrintable(QStringLiteral(" for node ") + options.nodeName)
                                                           : " (no remotecfg; collectors as the agents write them)");
    std::fflush(stdout);
}

int serve(QCoreApplication &app, const QStringList &arguments)
{
    const ServeSettings settings;
    const QStringList positional = processCommandLine(settings, arguments, QStringLiteral("serve (default) or another subcommand."),
                                                      QString::fromUtf8(ServeDescription));
    if (!positional.isEmpty() && positional.first() != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command \"%1\" (see --help)").arg(positional.first()));
    auto loaded = settings.load(arguments);
    if (auto *why = std::get_if<QString>(&loaded))
        return fail(*why);
    ServeConfiguration running = std::get<ServeConfiguration>(std::move(loaded));
    log::setLevel(running.logLevel);
    const ServerOptions &options = running.options;

    ::umask(0077); // everything under the data directory is private to the server's user
    // Handlers first: a SIGTERM sent as soon as the ready lines appear must shut down cleanly.
    ProcessSignals signals;
    Server server(options);
    try {
        server.start();
    } catch (const std::exception &e) {
        return fail(QString::fromStdString(e.what()));
    }
    printReadyLines(server, options);
    // Under systemd (Type=notify) `systemctl start` returns now, once the listeners answer.
    // Elsewhere NOTIFY_SOCKET is unset and this does nothing.
    sd_notifyf(0, "READY=1\nSTATUS=Serving the API on %s\nMAINPID=%lu", qPrintable(server.apiUrl()),
               static_cast<unsigned long>(::getpid()));

    bool stopping = false;
    QObject::connect(&signals, &ProcessSignals::reloadRequested, &app, [&] {
        if (!stopping)
            reload(settings, arguments, server, running);
    });
    QObject::connect(&signals, &ProcessSignals::shutdownRequested, &app, [&](int signo) {
        if (stopping)
            return;
        stopping = true;
        sd_notify(0, "STOPPING=1\nSTATUS=Finishing the requests in flight");
        log::info("signal %d received, shutting down", signo);
        server.shutdown(std::chrono::milliseconds(options.shutdownGraceMs), [&app] { app.quit(); });
    });
    return app.exec();
}

} // namespace

int runServerCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("logwardend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LW_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("issue-jwt"))
        return issueJwt(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("tokengen"))
        return tokengen(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("revoke-jwt"))
        return revokeJwtCommand(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("rotate-agent-token"))
        return rotateAgentTokenCommand(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("check-config"))
        return checkConfig(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("rotate-jwt-key"))
        return rotateJwtKeyCommand(arguments);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("migrate"))
        return migrateCommand(arguments);
    return serve(app, arguments);
}

} // namespace lw::server
