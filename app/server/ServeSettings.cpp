#include "ServeSettings.h"
#include "http/HttpFront.h"
#include "store/etcd/EtcdStore.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QSysInfo>
#include <QFile>
#include <QFileInfo>

namespace lw::server {

namespace {
QCommandLineOption valued(const char *name, const char *description, const char *valueName, const char *defaultValue = nullptr)
{
    return defaultValue ? QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description),
                                             QString::fromLatin1(valueName), QString::fromLatin1(defaultValue))
                        : QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description), QString::fromLatin1(valueName));
}
QCommandLineOption flag(const char *name, const char *description)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description));
}
} // namespace

struct ServeSettings::Options {
    QCommandLineOption config = valued("config", "Configuration file (default /etc/logwarden/logwardend.conf when it exists, or "
                                                 "$LOGWARDEND_CONFIG; off: none). Flags win over its lines.", "file");
    QCommandLineOption dataDir{QStringLiteral("data-dir"), QStringLiteral("Data directory (default: %1).").arg(ServerOptions::defaultDataDir()),
                               QStringLiteral("dir"), ServerOptions::defaultDataDir()};
    QCommandLineOption listen = valued("listen", "API address (default 0.0.0.0:8443).", "host:port", "0.0.0.0:8443");
    QCommandLineOption tlsCert = valued("tls-cert", "PEM certificate chain (default: self-signed in <data-dir>/tls; read again on SIGHUP).", "file");
    QCommandLineOption tlsKey = valued("tls-key", "PEM private key for --tls-cert.", "file");
    QCommandLineOption logLevel = valued("log-level", "error, warning, info (default) or debug; changed on SIGHUP.", "level", "info");
    QCommandLineOption accessLog = valued("access-log", "Access log: - (stderr, default), off, or a file (opened again on SIGHUP).", "target", "-");
    QCommandLineOption maxBody = valued("max-body-bytes", "Largest accepted request body (default 1048576).", "bytes", "1048576");
    QCommandLineOption remotecfgListen = valued("remotecfg-listen", "Alloy remotecfg (Connect) address (default 127.0.0.1:8090), or off; plain HTTP on loopback, HTTPS elsewhere.", "host:port", "127.0.0.1:8090");
    QCommandLineOption remotecfgPrefix = valued("remotecfg-prefix", "Path prefix before /collector.v1.CollectorService.", "path");
    QCommandLineOption remotecfgToken = valued("remotecfg-token-file", "File holding the node's agent credential (default: <data-dir>/agent_token, made at first start).", "file");
    QCommandLineOption remotecfgInsecure = flag("remotecfg-insecure", "Serve remotecfg in plain HTTP on a non-loopback address (agents' keys in clear).");
    QCommandLineOption maxCollectors = valued("max-collectors", "Collectors kept in total (default 10000).", "n", "10000");
    QCommandLineOption collectorExpiry = valued("collector-expiry", "Delete collectors offline or unregistered this long (default 7d; 0: never).", "duration", "7d");
    QCommandLineOption alloyUrl = valued("alloy-url", "The node's Alloy HTTP server to probe (default http://127.0.0.1:12345), or off.", "url", "http://127.0.0.1:12345");
    QCommandLineOption probeInterval = valued("alloy-probe-interval", "Seconds between health probes of Alloy (default 15).", "seconds", "15");
    QCommandLineOption localCollector = valued("local-collector-id", "Collector id of the node's Alloy (repeatable; default: agents polling from loopback).", "id");
    QCommandLineOption clusterName = valued("cluster-name", "The cluster this server serves; tenants and realms name it (default logwarden).", "name", "logwarden");
    QCommandLineOption customIngest = flag("allow-custom-ingest-tokens", "Let admins choose ingest token values (at least 32 characters).");
    QCommandLineOption httpListen = valued("http-listen", "Also serve the API over plain HTTP here (default off; loopback only).", "host:port");
    QCommandLineOption httpInsecure = flag("http-insecure", "Allow --http-listen beyond loopback (behind a TLS proxy).");
    QCommandLineOption ingestionRate = valued("ingestion-rate-mb", "Per-tenant ingestion limit in MiB/s (default 4; 0: none).", "mb", "4");
    QCommandLineOption ingestionBurst = valued("ingestion-burst-size-mb", "Per-tenant ingestion burst in MiB (default 6).", "mb", "6");
    QCommandLineOption maxTokenLifetime = valued("max-token-lifetime", "Longest a self-signed user JWT may live, exp minus now (default 24h).", "duration", "24h");
    QCommandLineOption maxStreams = valued("max-streams-per-tenant", "Streams one tenant may hold in the log store (default 5000; 0: no cap).", "n", "5000");
    QCommandLineOption retention = valued("retention", "Delete log entries older than this (e.g. 30d; default: keep).", "duration");
    QCommandLineOption retentionBytes = valued("retention-bytes", "Keep the log store under this size, oldest out first (e.g. 20G).", "size");
    QCommandLineOption lokiUrl = valued("loki-url", "Forward accepted pushes to this Loki (push URL) instead of storing them, and answer queries, labels, series, tails and deletes from it (label policies applied).", "url");
    QCommandLineOption lokiToken = valued("loki-token-file", "Bearer token for --loki-url.", "file");
    QCommandLineOption lokiCa = valued("loki-ca-file", "CA certificates (PEM) to trust for --loki-url.", "file");
    QCommandLineOption store = valued("store", "Configuration store: sqlite (the data directory's file, default) or etcd://host:port[,host:port...][/prefix] (etcds:// for TLS).", "url", "sqlite");
    QCommandLineOption storeCa = valued("store-ca-file", "CA certificates (PEM) to trust for etcds:// (default: the system's).", "file");
    QCommandLineOption storeCert = valued("store-cert-file", "Client certificate (PEM) for etcds://.", "file");
    QCommandLineOption storeKey = valued("store-key-file", "Private key (PEM) for --store-cert-file.", "file");
    QCommandLineOption storeUser = valued("store-user", "etcd user (with --store-password-file).", "name");
    QCommandLineOption storePassword = valued("store-password-file", "File holding the etcd user's password.", "file");
    QCommandLineOption role = valued("role", "all (default), api (an API replica: no remotecfg, no probe) or agent (a node's exporter: remotecfg and probe for the node's Alloy, its health in etcd under a lease); api and agent need an etcd store.", "role", "all");
    QCommandLineOption nodeName = valued("node-name", "The node an agent serves, as collectors show it (default: the host name).", "name");
    QCommandLineOption maxConnections = valued("max-connections", "Open connections allowed in all (default 8192).", "n", "8192");
    QCommandLineOption maxPerClient = valued("max-connections-per-client", "Open connections allowed from one address (default 512).", "n", "512");
    QCommandLineOption headerTimeout = valued("header-timeout", "Seconds a client has for the TLS handshake and a request's headers (default 10).", "seconds", "10");
    QCommandLineOption bodyTimeout = valued("body-timeout", "Longest pause, in seconds, inside a request body (default 15).", "seconds", "15");
    QCommandLineOption keepAliveTimeout = valued("keepalive-timeout", "Seconds an idle keep-alive connection stays open (default 60).", "seconds", "60");

    QList<QCommandLineOption> settings() const
    {
        return {dataDir, listen, tlsCert, tlsKey, logLevel, accessLog, maxBody, remotecfgListen, remotecfgPrefix,
                remotecfgToken, remotecfgInsecure, alloyUrl, probeInterval, localCollector, clusterName, customIngest,
                httpListen, httpInsecure, ingestionRate, ingestionBurst, maxStreams, maxTokenLifetime, maxCollectors,
                collectorExpiry, retention, retentionBytes, lokiUrl, lokiToken, lokiCa, store, storeCa, storeCert, storeKey,
                storeUser, storePassword, role, nodeName, maxConnections, maxPerClient,
                headerTimeout, bodyTimeout, keepAliveTimeout};
    }
};

namespace {

// Reads the merged command line; every problem names its flag, or its line of the file.
class Reader {
public:
    Reader(const QCommandLineParser &merged, const QCommandLineParser &commandLine, const ConfigFile *file)
        : m_merged(merged), m_commandLine(commandLine), m_file(file)
    {
    }
    QString value(const QCommandLineOption &o) const { return m_merged.value(o); }
    QStringList values(const QCommandLineOption &o) const { return m_merged.values(o); }
    bool isSet(const QCommandLineOption &o) const { return m_merged.isSet(o); }

    // "--name" or "path:line: name"
    QString where(const QCommandLineOption &o) const
    {
        const QString name = o.names().first();
        if (m_file)
            if (auto origin = m_file->origin(name, m_commandLine))
                return QStringLiteral("%1:%2: %3").arg(m_file->path(), QString::number(origin->line), name);
        return QStringLiteral("--") + name;
    }
    QString problem(const QCommandLineOption &o, const QString &sentence) const { return where(o) + QLatin1Char(' ') + sentence; }

    std::optional<qlonglong> integer(const QCommandLineOption &o, qlonglong min, qlonglong max) const
    {
        bool ok = false;
        const qlonglong v = value(o).toLongLong(&ok);
        return ok && v >= min && v <= max ? std::optional(v) : std::nullopt;
    }
    std::optional<double> number(const QCommandLineOption &o, double min, double max) const
    {
        bool ok = false;
        const double v = value(o).toDouble(&ok);
        return ok && v >= min && v <= max ? std::optional(v) : std::nullopt;
    }

private:
    const QCommandLineParser &m_merged;
    const QCommandLineParser &m_commandLine;
    const ConfigFile *m_file;
};

struct Problem {
    QString sentence;
};

} // namespace

ServeSettings::ServeSettings() : o(std::make_unique<Options>()) {}
ServeSettings::~ServeSettings() = default;

QList<QCommandLineOption> ServeSettings::settings() const
{
    return o->settings();
}

const QCommandLineOption &ServeSettings::configOption() const
{
    return o->config;
}

QStringList ServeSettings::repeatable()
{
    return {QStringLiteral("local-collector-id")};
}

QStringList ServeSettings::reloadable()
{
    return {QStringLiteral("tls-cert"), QStringLiteral("tls-key"), QStringLiteral("log-level")};
}

namespace {

std::optional<Problem> readFront(const ServeSettings::Options &o, const Reader &r, FrontLimits &limits)
{
    auto connections = r.integer(o.maxConnections, 1, 1000000);
    if (!connections)
        return Problem{r.problem(o.maxConnections, QStringLiteral("must be a number from 1 to 1000000"))};
    limits.maxConnections = static_cast<size_t>(*connections);
    auto perClient = r.integer(o.maxPerClient, 1, 1000000);
    if (!perClient)
        return Problem{r.problem(o.maxPerClient, QStringLiteral("must be a number from 1 to 1000000"))};
    limits.maxConnectionsPerClient = static_cast<size_t>(*perClient);
    const std::pair<const QCommandLineOption *, std::chrono::milliseconds *> timeouts[] = {
        {&o.headerTimeout, &limits.headerTimeout}, {&o.bodyTimeout, &limits.bodyIdleTimeout},
        {&o.keepAliveTimeout, &limits.keepAliveTimeout}};
    for (const auto &[option, target] : timeouts) {
        auto seconds = r.number(*option, 0.1, 3600);
        if (!seconds)
            return Problem{r.problem(*option, QStringLiteral("must be a number of seconds from 0.1 to 3600"))};
        *target = std::chrono::milliseconds(static_cast<int64_t>(*seconds * 1000));
    }
    return std::nullopt;
}

std::optional<Problem> readLimits(const ServeSettings::Options &o, const Reader &r, ServerOptions &options)
{
    auto body = r.integer(o.maxBody, 1024, qlonglong(1) << 40);
    if (!body)
        return Problem{r.problem(o.maxBody, QStringLiteral("must be a number of at least 1024"))};
    options.maxBodyBytes = *body;
    auto rate = r.number(o.ingestionRate, 0, 1e9);
    if (!rate)
        return Problem{r.problem(o.ingestionRate, QStringLiteral("must be a number of MiB per second (0 disables the limit)"))};
    options.ingestionRateMb = *rate;
    auto burst = r.number(o.ingestionBurst, 1e-6, 1e9);
    if (!burst)
        return Problem{r.problem(o.ingestionBurst, QStringLiteral("must be a positive number"))};
    options.ingestionBurstMb = *burst;
    auto streams = r.integer(o.maxStreams, 0, 100000000);
    if (!streams)
        return Problem{r.problem(o.maxStreams, QStringLiteral("must be a number (0: no cap)"))};
    options.maxStreamsPerTenant = static_cast<size_t>(*streams);
    const auto lifetime = parseDurationSeconds(r.value(o.maxTokenLifetime));
    if (!lifetime)
        return Problem{r.problem(o.maxTokenLifetime, QStringLiteral("%1 is not a duration such as 1h or 24h").arg(r.value(o.maxTokenLifetime)))};
    options.maxTokenLifetimeSeconds = *lifetime;
    auto collectors = r.integer(o.maxCollectors, 1, 1000000);
    if (!collectors)
        return Problem{r.problem(o.maxCollectors, QStringLiteral("must be a number from 1 to 1000000"))};
    options.maxCollectors = static_cast<int>(*collectors);
    const QString expiryText = r.value(o.collectorExpiry);
    const auto expiry = expiryText == QLatin1String("0") ? std::optional<qint64>(0) : parseDurationSeconds(expiryText);
    if (!expiry)
        return Problem{r.problem(o.collectorExpiry, QStringLiteral("%1 is not a duration such as 12h or 7d").arg(expiryText))};
    options.collectorExpirySeconds = *expiry;
    if (r.isSet(o.retention)) {
        auto seconds = parseDurationSeconds(r.value(o.retention));
        if (!seconds)
            return Problem{r.problem(o.retention, QStringLiteral("%1 is not a duration such as 12h or 30d").arg(r.value(o.retention)))};
        options.retentionSeconds = *seconds;
    }
    if (r.isSet(o.retentionBytes)) {
        auto bytes = parseByteSize(r.value(o.retentionBytes));
        if (!bytes || *bytes < 1024 * 1024)
            return Problem{r.problem(o.retentionBytes, QStringLiteral("%1 is not a size of at least 1M (e.g. 500M, 20G)").arg(r.value(o.retentionBytes)))};
        options.retentionBytes = *bytes;
    }
    return std::nullopt;
}

std::optional<Problem> readStore(const ServeSettings::Options &o, const Reader &r, ServerOptions &options)
{
    options.store = r.value(o.store);
    options.storeCaFile = r.value(o.storeCa);
    options.storeCertFile = r.value(o.storeCert);
    options.storeKeyFile = r.value(o.storeKey);
    options.storeUser = r.value(o.storeUser);
    options.storePasswordFile = r.value(o.storePassword);
    if (options.store != QLatin1String("sqlite")) {
        try {
            const EtcdStoreOptions etcd = EtcdStoreOptions::parse(options.store.toStdString());
            if (!etcd.tls && !(options.storeCaFile.isEmpty() && options.storeCertFile.isEmpty()))
                return Problem{r.problem(o.storeCa, QStringLiteral("and --store-cert-file need an etcds:// store"))};
        } catch (const StoreError &e) {
            return Problem{r.problem(o.store, QString::fromStdString(e.what()))};
        }
    } else if (!(options.storeCaFile + options.storeCertFile + options.storeKeyFile + options.storeUser + options.storePasswordFile).isEmpty()) {
        return Problem{r.problem(o.store, QStringLiteral("is sqlite: the store-* settings are for an etcd store"))};
    }
    if (options.storeCertFile.isEmpty() != options.storeKeyFile.isEmpty())
        return Problem{r.problem(options.storeCertFile.isEmpty() ? o.storeKey : o.storeCert,
                                 QStringLiteral("needs its pair: --store-cert-file and --store-key-file go together"))};
    if (options.storeUser.isEmpty() != options.storePasswordFile.isEmpty())
        return Problem{r.problem(options.storeUser.isEmpty() ? o.storePassword : o.storeUser,
                                 QStringLiteral("needs its pair: --store-user and --store-password-file go together"))};
    options.role = r.value(o.role);
    if (options.role != QLatin1String("all") && options.role != QLatin1String("api") && options.role != QLatin1String("agent"))
        return Problem{r.problem(o.role, QStringLiteral("\"%1\" is not a role (all, api, agent)").arg(options.role))};
    if (options.role != QLatin1String("all") && options.store == QLatin1String("sqlite"))
        return Problem{r.problem(o.role, QStringLiteral("%1 needs the shared store: --store etcd://…").arg(options.role))};
    options.nodeName = r.value(o.nodeName).isEmpty() ? QSysInfo::machineHostName() : r.value(o.nodeName);
    static const QRegularExpression nodeNamePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$"));
    if (!nodeNamePattern.match(options.nodeName).hasMatch())
        return Problem{r.problem(o.nodeName, QStringLiteral("\"%1\" is not a node name (letters, digits, '.', '-', '_')").arg(options.nodeName.left(64)))};
    return std::nullopt;
}

std::optional<Problem> readAll(const ServeSettings::Options &o, const Reader &r, ServeConfiguration &c)
{
    ServerOptions &options = c.options;
    options.dataDir = r.value(o.dataDir);
    options.listen = r.value(o.listen);
    options.tlsCertFile = r.value(o.tlsCert);
    options.tlsKeyFile = r.value(o.tlsKey);
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return Problem{r.problem(options.tlsCertFile.isEmpty() ? o.tlsKey : o.tlsCert,
                                 QStringLiteral("needs its pair: --tls-cert and --tls-key go together"))};
    auto level = log::parseLevel(r.value(o.logLevel));
    if (!level)
        return Problem{r.problem(o.logLevel, QStringLiteral("\"%1\" is not a level (error, warning, info, debug)").arg(r.value(o.logLevel)))};
    c.logLevel = *level;
    options.accessLog = r.value(o.accessLog);
    if (auto p = readFront(o, r, options.limits))
        return p;
    if (auto p = readLimits(o, r, options))
        return p;
    options.remotecfgListen = r.value(o.remotecfgListen);
    options.remotecfgPrefix = r.value(o.remotecfgPrefix);
    options.remotecfgTokenFile = r.value(o.remotecfgToken);
    options.remotecfgInsecure = r.isSet(o.remotecfgInsecure);
    options.alloyUrl = r.value(o.alloyUrl);
    auto probe = r.number(o.probeInterval, 0.2, 3600);
    if (!probe)
        return Problem{r.problem(o.probeInterval, QStringLiteral("must be between 0.2 and 3600 seconds"))};
    options.alloyProbeIntervalMs = static_cast<int>(*probe * 1000);
    options.localCollectorIds = r.values(o.localCollector);
    options.clusterName = r.value(o.clusterName);
    options.httpListen = r.value(o.httpListen);
    options.httpInsecure = r.isSet(o.httpInsecure);
    options.lokiUrl = r.value(o.lokiUrl);
    options.lokiTokenFile = r.value(o.lokiToken);
    options.lokiCaFile = r.value(o.lokiCa);
    options.allowCustomIngestTokens = r.isSet(o.customIngest);
    return readStore(o, r, options);
}

void prepare(QCommandLineParser &p, const QList<QCommandLineOption> &options)
{
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    p.addOptions(options);
    p.addHelpOption();
    p.addVersionOption();
}

std::optional<Problem> checkFiles(const ServeSettings::Options &o, const Reader &r, const ServerOptions &options)
{
    const std::pair<const QCommandLineOption *, QString> addresses[] = {
        {&o.listen, options.listen}, {&o.httpListen, options.httpListen}, {&o.remotecfgListen, options.remotecfgListen}};
    for (const auto &[option, text] : addresses)
        if (!text.isEmpty() && text != QLatin1String("off") && !parseHostPort(text))
            return Problem{r.problem(*option, QStringLiteral("%1 is not an address such as 0.0.0.0:8443 or [::1]:8443").arg(text))};
    const std::pair<const QCommandLineOption *, QString> files[] = {
        {&o.tlsCert, options.tlsCertFile}, {&o.tlsKey, options.tlsKeyFile}, {&o.remotecfgToken, options.remotecfgTokenFile},
        {&o.lokiToken, options.lokiTokenFile}, {&o.lokiCa, options.lokiCaFile}, {&o.storeCa, options.storeCaFile},
        {&o.storeCert, options.storeCertFile}, {&o.storeKey, options.storeKeyFile}, {&o.storePassword, options.storePasswordFile}};
    for (const auto &[option, path] : files) {
        if (path.isEmpty())
            continue;
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return Problem{r.problem(*option, QStringLiteral("%1 is not a readable file").arg(path))};
    }
    const auto plain = parseHostPort(options.httpListen);
    if (plain && !options.httpInsecure && !plain->address.isLoopback())
        return Problem{r.problem(o.httpListen, QStringLiteral("%1 is not loopback: credentials would cross the network in clear "
                                                              "(set http-insecure behind a TLS proxy)").arg(options.httpListen))};
    if (!options.tlsCertFile.isEmpty() && !options.tlsKeyFile.isEmpty()) {
        QFile cert(options.tlsCertFile), key(options.tlsKeyFile);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return Problem{r.problem(o.tlsCert, QStringLiteral("cannot be read"))};
        try {
            TlsServerContext::fromPem(cert.read(4 << 20), key.read(1 << 20));
        } catch (const std::exception &e) {
            return Problem{r.problem(o.tlsKey, QString::fromStdString(e.what()))};
        }
    }
    const QFileInfo dataDir(options.dataDir);
    if (dataDir.exists() && !dataDir.isDir())
        return Problem{r.problem(o.dataDir, QStringLiteral("%1 is not a directory").arg(options.dataDir))};
    return std::nullopt;
}

} // namespace

std::variant<ServeConfiguration, QString> ServeSettings::load(const QStringList &arguments, Checks checks) const
{
    QList<QCommandLineOption> all = o->settings();
    all << o->config;
    QCommandLineParser commandLine;
    prepare(commandLine, all);
    if (!commandLine.parse(arguments))
        return commandLine.errorText();

    ServeConfiguration c;
    std::optional<ConfigFile> file;
    const QString configValue = commandLine.value(o->config);
    if (commandLine.isSet(o->config) && configValue != QLatin1String("off")) {
        c.configPath = configValue;
    } else if (!commandLine.isSet(o->config) && QFileInfo::exists(ConfigFile::defaultPath())) {
        c.configPath = ConfigFile::defaultPath();
    }
    if (!c.configPath.isEmpty()) {
        try {
            file = ConfigFile::read(c.configPath, o->settings(), repeatable());
        } catch (const ConfigFileError &e) {
            return QString::fromStdString(e.what());
        }
    }
    QStringList merged{arguments.value(0)};
    if (file)
        merged << file->argumentsUnder(commandLine);
    merged << arguments.mid(1);
    QCommandLineParser effective;
    prepare(effective, all);
    if (!effective.parse(merged))
        return effective.errorText();

    const Reader reader(effective, commandLine, file ? &*file : nullptr);
    if (auto problem = readAll(*o, reader, c))
        return problem->sentence;
    if (checks == Checks::ValuesAndFiles)
        if (auto problem = checkFiles(*o, reader, c.options))
            return problem->sentence;
    for (const QCommandLineOption &option : o->settings())
        c.effective.insert(option.names().first(), effective.values(option));
    return c;
}

} // namespace lw::server
