#include "ServerCommandLine.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>
#include "Server.h"
#include "MaintenanceCommands.h"
#include "ShutdownSignals.h"
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

// The HTTP front's limits: flags, and reading them into FrontLimits (false with a sentence on error).
struct FrontFlags {
    QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                      QStringLiteral("Open connections allowed in all (default 8192)."), QStringLiteral("n"),
                                      QStringLiteral("8192")};
    QCommandLineOption maxPerClient{QStringLiteral("max-connections-per-client"),
                                    QStringLiteral("Open connections allowed from one address (default 512)."),
                                    QStringLiteral("n"), QStringLiteral("512")};
    QCommandLineOption headerTimeout{QStringLiteral("header-timeout"),
                                     QStringLiteral("Seconds a client has for the TLS handshake and a request's headers (default 10)."),
                                     QStringLiteral("seconds"), QStringLiteral("10")};
    QCommandLineOption bodyTimeout{QStringLiteral("body-timeout"),
                                   QStringLiteral("Longest pause, in seconds, inside a request body (default 15)."),
                                   QStringLiteral("seconds"), QStringLiteral("15")};
    QCommandLineOption keepAliveTimeout{QStringLiteral("keepalive-timeout"),
                                        QStringLiteral("Seconds an idle keep-alive connection stays open (default 60)."),
                                        QStringLiteral("seconds"), QStringLiteral("60")};

    QList<QCommandLineOption> all() const { return {maxConnections, maxPerClient, headerTimeout, bodyTimeout, keepAliveTimeout}; }

    std::optional<QString> read(const QCommandLineParser &p, FrontLimits &limits) const
    {
        auto integer = [&p](const QCommandLineOption &o, qlonglong min, qlonglong max, qlonglong &out) {
            bool ok = false;
            out = p.value(o).toLongLong(&ok);
            return ok && out >= min && out <= max;
        };
        qlonglong v = 0;
        if (!integer(maxConnections, 1, 1000000, v))
            return QStringLiteral("--max-connections must be a number from 1 to 1000000");
        limits.maxConnections = static_cast<size_t>(v);
        if (!integer(maxPerClient, 1, 1000000, v))
            return QStringLiteral("--max-connections-per-client must be a number from 1 to 1000000");
        limits.maxConnectionsPerClient = static_cast<size_t>(v);
        const std::pair<const QCommandLineOption *, std::chrono::milliseconds *> timeouts[] = {
            {&headerTimeout, &limits.headerTimeout}, {&bodyTimeout, &limits.bodyIdleTimeout},
            {&keepAliveTimeout, &limits.keepAliveTimeout}};
        for (const auto &[option, target] : timeouts) {
            bool ok = false;
            const double seconds = p.value(*option).toDouble(&ok);
            if (!ok || seconds < 0.1 || seconds > 3600)
                return QStringLiteral("--%1 must be a number of seconds from 0.1 to 3600").arg(option->names().first());
            *target = std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
        }
        return std::nullopt;
    }
};

int serve(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "logwardend: the Logwarden log-platform server.\n\n"
        "Subcommands:\n  serve       run the server (default)\n  issue-jwt   mint a server-signed JWT (see issue-jwt --help)\n"
        "  tokengen    create an admin API token (see tokengen --help)\n"
        "  revoke-jwt  revoke a server JWT (see revoke-jwt --help)\n  rotate-jwt-key  a new JWT signing key and system_jwt\n"
        "  rotate-agent-token  a new node agent credential (<data-dir>/agent_token)"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("API address (default 0.0.0.0:8443)."),
                                    QStringLiteral("host:port"), QStringLiteral("0.0.0.0:8443"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate chain (default: self-signed in <data-dir>/tls)."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption accessLog(QStringLiteral("access-log"),
                                       QStringLiteral("Access log: - (stderr, default), off, or a file."),
                                       QStringLiteral("target"), QStringLiteral("-"));
    const QCommandLineOption maxBody(QStringLiteral("max-body-bytes"),
                                     QStringLiteral("Largest accepted request body (default 1048576)."),
                                     QStringLiteral("bytes"), QStringLiteral("1048576"));
    const QCommandLineOption remotecfgListen(QStringLiteral("remotecfg-listen"),
                                             QStringLiteral("Alloy remotecfg (Connect) address (default 127.0.0.1:8090), or off; plain HTTP on loopback, HTTPS elsewhere."),
                                             QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8090"));
    const QCommandLineOption remotecfgPrefix(QStringLiteral("remotecfg-prefix"),
                                             QStringLiteral("Path prefix before /collector.v1.CollectorService."),
                                             QStringLiteral("path"));
    const QCommandLineOption remotecfgToken(QStringLiteral("remotecfg-token-file"),
                                            QStringLiteral("File holding the node's agent credential (default: <data-dir>/agent_token, made at first start)."),
                                            QStringLiteral("file"));
    const QCommandLineOption remotecfgInsecure(QStringLiteral("remotecfg-insecure"),
                                               QStringLiteral("Serve remotecfg in plain HTTP on a non-loopback address (agents' keys in clear)."));
    const QCommandLineOption maxCollectors(QStringLiteral("max-collectors"),
                                           QStringLiteral("Collectors kept in total (default 10000)."), QStringLiteral("n"),
                                           QStringLiteral("10000"));
    const QCommandLineOption collectorExpiry(QStringLiteral("collector-expiry"),
                                             QStringLiteral("Delete collectors offline or unregistered this long (default 7d; 0: never)."),
                                             QStringLiteral("duration"), QStringLiteral("7d"));
    const QCommandLineOption alloyUrl(QStringLiteral("alloy-url"),
                                      QStringLiteral("The node's Alloy HTTP server to probe (default http://127.0.0.1:12345), or off."),
                                      QStringLiteral("url"), QStringLiteral("http://127.0.0.1:12345"));
    const QCommandLineOption probeInterval(QStringLiteral("alloy-probe-interval"),
                                           QStringLiteral("Seconds between health probes of Alloy (default 15)."),
                                           QStringLiteral("seconds"), QStringLiteral("15"));
    const QCommandLineOption localCollector(QStringLiteral("local-collector-id"),
                                            QStringLiteral("Collector id of the node's Alloy (repeatable; default: agents polling from loopback)."),
                                            QStringLiteral("id"));
    const QCommandLineOption clusterName(QStringLiteral("cluster-name"),
                                         QStringLiteral("The cluster this server serves; tenants and realms name it (default logwarden)."),
                                         QStringLiteral("name"), QStringLiteral("logwarden"));
    const QCommandLineOption customIngest(QStringLiteral("allow-custom-ingest-tokens"),
                                          QStringLiteral("Let admins choose ingest token values (at least 32 characters)."));
    const QCommandLineOption httpListen(QStringLiteral("http-listen"),
                                        QStringLiteral("Also serve the API over plain HTTP here (default off; loopback only)."),
                                        QStringLiteral("host:port"));
    const QCommandLineOption httpInsecure(QStringLiteral("http-insecure"),
                                          QStringLiteral("Allow --http-listen beyond loopback (behind a TLS proxy)."));
    const QCommandLineOption ingestionRate(QStringLiteral("ingestion-rate-mb"),
                                           QStringLiteral("Per-tenant ingestion limit in MiB/s (default 4; 0: none)."),
                                           QStringLiteral("mb"), QStringLiteral("4"));
    const QCommandLineOption ingestionBurst(QStringLiteral("ingestion-burst-size-mb"),
                                            QStringLiteral("Per-tenant ingestion burst in MiB (default 6)."),
                                            QStringLiteral("mb"), QStringLiteral("6"));
    const QCommandLineOption maxTokenLifetime(QStringLiteral("max-token-lifetime"),
                                              QStringLiteral("Longest a self-signed user JWT may live, exp minus now (default 24h)."),
                                              QStringLiteral("duration"), QStringLiteral("24h"));
    const QCommandLineOption maxStreams(QStringLiteral("max-streams-per-tenant"),
                                        QStringLiteral("Streams one tenant may hold in the log store (default 5000; 0: no cap)."),
                                        QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption retention(QStringLiteral("retention"),
                                       QStringLiteral("Delete log entries older than this (e.g. 30d; default: keep)."),
                                       QStringLiteral("duration"));
    const QCommandLineOption retentionBytes(QStringLiteral("retention-bytes"),
                                            QStringLiteral("Keep the log store under this size, oldest out first (e.g. 20G)."),
                                            QStringLiteral("size"));
    const QCommandLineOption lokiUrl(QStringLiteral("loki-url"),
                                     QStringLiteral("Forward accepted pushes to this Loki (push URL) instead of storing them."),
                                     QStringLiteral("url"));
    const QCommandLineOption lokiToken(QStringLiteral("loki-token-file"), QStringLiteral("Bearer token for --loki-url."),
                                       QStringLiteral("file"));
    const QCommandLineOption lokiCa(QStringLiteral("loki-ca-file"),
                                    QStringLiteral("CA certificates (PEM) to trust for --loki-url."), QStringLiteral("file"));
    p.addOptions({dataDir, listen, tlsCert, tlsKey, accessLog, maxBody, remotecfgListen, remotecfgPrefix, remotecfgToken,
                  remotecfgInsecure, alloyUrl, probeInterval, localCollector, clusterName, customIngest, httpListen,
                  httpInsecure, ingestionRate, ingestionBurst, maxStreams, maxTokenLifetime, maxCollectors, collectorExpiry, retention, retentionBytes, lokiUrl, lokiToken, lokiCa});
    const FrontFlags front;
    p.addOptions(front.all());
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default) or issue-jwt."));
    p.process(arguments);

    const QStringList positional = p.positionalArguments();
    if (!positional.isEmpty() && positional.first() != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command \"%1\" (see --help)").arg(positional.first()));

    ServerOptions options;
    options.dataDir = p.value(dataDir);
    options.listen = p.value(listen);
    options.tlsCertFile = p.value(tlsCert);
    options.tlsKeyFile = p.value(tlsKey);
    options.accessLog = p.value(accessLog);
    bool ok = false;
    options.maxBodyBytes = p.value(maxBody).toLongLong(&ok);
    if (!ok || options.maxBodyBytes < 1024)
        return fail(QStringLiteral("--max-body-bytes must be a number of at least 1024"));
    if (auto why = front.read(p, options.limits))
        return fail(*why);
    options.remotecfgListen = p.value(remotecfgListen);
    options.remotecfgPrefix = p.value(remotecfgPrefix);
    options.remotecfgTokenFile = p.value(remotecfgToken);
    options.remotecfgInsecure = p.isSet(remotecfgInsecure);
    options.alloyUrl = p.value(alloyUrl);
    const double probeSeconds = p.value(probeInterval).toDouble(&ok);
    if (!ok || probeSeconds < 0.2 || probeSeconds > 3600)
        return fail(QStringLiteral("--alloy-probe-interval must be between 0.2 and 3600 seconds"));
    options.alloyProbeIntervalMs = static_cast<int>(probeSeconds * 1000);
    options.localCollectorIds = p.values(localCollector);
    options.clusterName = p.value(clusterName);
    options.httpListen = p.value(httpListen);
    options.httpInsecure = p.isSet(httpInsecure);
    options.ingestionRateMb = p.value(ingestionRate).toDouble(&ok);
    if (!ok || options.ingestionRateMb < 0)
        return fail(QStringLiteral("--ingestion-rate-mb must be a number of MiB per second (0 disables the limit)"));
    options.ingestionBurstMb = p.value(ingestionBurst).toDouble(&ok);
    if (!ok || options.ingestionBurstMb <= 0)
        return fail(QStringLiteral("--ingestion-burst-size-mb must be a positive number"));
    const qlonglong streams = p.value(maxStreams).toLongLong(&ok);
    if (!ok || streams < 0 || streams > 100000000)
        return fail(QStringLiteral("--max-streams-per-tenant must be a number (0: no cap)"));
    options.maxStreamsPerTenant = static_cast<size_t>(streams);
    const auto lifetime = parseDurationSeconds(p.value(maxTokenLifetime));
    if (!lifetime)
        return fail(QStringLiteral("--max-token-lifetime %1 is not a duration such as 1h or 24h").arg(p.value(maxTokenLifetime)));
    options.maxTokenLifetimeSeconds = *lifetime;
    const qlonglong collectors = p.value(maxCollectors).toLongLong(&ok);
    if (!ok || collectors < 1 || collectors > 1000000)
        return fail(QStringLiteral("--max-collectors must be a number from 1 to 1000000"));
    options.maxCollectors = static_cast<int>(collectors);
    const auto expiry = p.value(collectorExpiry) == QLatin1String("0") ? std::optional<qint64>(0)
                                                                        : parseDurationSeconds(p.value(collectorExpiry));
    if (!expiry)
        return fail(QStringLiteral("--collector-expiry %1 is not a duration such as 12h or 7d").arg(p.value(collectorExpiry)));
    options.collectorExpirySeconds = *expiry;
    options.lokiUrl = p.value(lokiUrl);
    options.lokiTokenFile = p.value(lokiToken);
    options.lokiCaFile = p.value(lokiCa);
    if (p.isSet(retention)) {
        auto seconds = parseDurationSeconds(p.value(retention));
        if (!seconds)
            return fail(QStringLiteral("--retention %1 is not a duration such as 12h or 30d").arg(p.value(retention)));
        options.retentionSeconds = *seconds;
    }
    if (p.isSet(retentionBytes)) {
        auto bytes = parseByteSize(p.value(retentionBytes));
        if (!bytes || *bytes < 1024 * 1024)
            return fail(QStringLiteral("--retention-bytes %1 is not a size of at least 1M (e.g. 500M, 20G)").arg(p.value(retentionBytes)));
        options.retentionBytes = *bytes;
    }
    options.allowCustomIngestTokens = p.isSet(customIngest);

    ::umask(0077); // everything under the data directory is private to the server's user
    // Handlers first: a SIGTERM sent as soon as the ready lines appear must shut down cleanly.
    ShutdownSignals signals;
    Server server(options);
    try {
        server.start();
    } catch (const std::exception &e) {
        return fail(QString::fromStdString(e.what()));
    }
    std::printf("logwardend %s: API on %s, data in %s, admin JWT in %s\n", LW_VERSION, qPrintable(server.apiUrl()),
                qPrintable(options.dataDir), qPrintable(server.systemJwtPath()));
    std::printf("logwardend: TLS certificate SHA-256 %s\n", qPrintable(server.certificateFingerprint()));
    if (server.plainHttpPort())
        std::printf("logwardend: plain HTTP API on http://%s:%u\n",
                    qPrintable(options.httpListen.section(QLatin1Char(':'), 0, -2)), server.plainHttpPort());
    if (server.remotecfgPort())
        std::printf(server.remotecfgUsesTls() ? "logwardend: remotecfg on https://%s:%u\n" : "logwardend: remotecfg on http://%s:%u\n",
                    qPrintable(options.remotecfgListen.section(QLatin1Char(':'), 0, -2)), server.remotecfgPort());
    std::fflush(stdout);
    // Under systemd (Type=notify) `systemctl start` returns now, once the listeners answer.
    // Elsewhere NOTIFY_SOCKET is unset and this does nothing.
    sd_notifyf(0, "READY=1\nSTATUS=Serving the API on %s\nMAINPID=%lu", qPrintable(server.apiUrl()),
               static_cast<unsigned long>(::getpid()));

    bool stopping = false;
    QObject::connect(&signals, &ShutdownSignals::shutdownRequested, &app, [&](int signo) {
        if (stopping)
            return;
        stopping = true;
        sd_notify(0, "STOPPING=1\nSTATUS=Finishing the requests in flight");
        std::fprintf(stderr, "logwardend: signal %d received, shutting down\n", signo);
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
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("rotate-jwt-key"))
        return rotateJwtKeyCommand(arguments);
    return serve(app, arguments);
}

} // namespace lw::server
