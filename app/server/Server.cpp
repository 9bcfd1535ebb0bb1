#include "Server.h"
#include "Log.h"
#include "Guarded.h"
#include "api/AdminV3Controller.h"
#include "api/AgentTokensController.h"
#include "api/JwtRevocations.h"
#include "store/AuditLog.h"
#include "api/CollectorsController.h"
#include "auth/CredentialResolver.h"
#include "api/LogsV2Controller.h"
#include "api/PipelinePreviewController.h"
#include "api/OpsController.h"
#include "remotecfg/AlloyHealthProbe.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/ConnectService.h"
#include "remotecfg/PipelineCache.h"
#include "auth/AgentCredentials.h"
#include "auth/Authenticator.h"
#include "logs/LogQL.h"
#include "auth/JwtAuthority.h"
#include "http/AccessLog.h"
#include "http/ApiEndpoint.h"
#include "http/EventLoopPost.h"
#include "http/HttpFront.h"
#include "http/Router.h"
#include "http/SelfSignedCertificate.h"
#include "logs/LokiController.h"
#include "logs/SqliteLogStore.h"
#include "logs/TailService.h"
#include "store/DataDirectory.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"
#include "store/etcd/EtcdStore.h"

#include "Validation.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace lw::server {

namespace {
const QString SystemJwtFile = QStringLiteral("system_jwt");
const QString AgentTokenFile = QStringLiteral("agent_token");

QByteArray readFileOrThrow(const QString &path, const char *what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw StartupError(std::string("cannot read ") + what + " " + path.toStdString() + ": "
                           + f.errorString().toStdString());
    return f.readAll();
}
} // namespace

Server::Server(ServerOptions options, QObject *parent) : QObject(parent), m_options(std::move(options)) {}

Server::~Server()
{
    // The front's threads call into the controllers, the controllers into the store: stop the
    // threads first, then drop the work queued for the event loop, then what holds connections
    // (live tails, answers awaiting Loki), then the connections themselves.
    if (m_front)
        m_front->stop();
    m_post.reset();
    m_loki.reset();
    m_probe.reset();
    m_front.reset();
    m_collectors.reset(); // persists what is still pending
}

void Server::shutdown(std::chrono::milliseconds deadline, std::function<void()> done)
{
    if (!m_front)
        return done();
    m_front->drain();
    auto timer = new QTimer(this);
    timer->setInterval(20);
    const auto until = std::chrono::steady_clock::now() + deadline;
    connect(timer, &QTimer::timeout, this, guarded("shutting down", [this, timer, until, done] {
        if (m_front->busyConnections() > 0 && std::chrono::steady_clock::now() < until)
            return;
        if (m_front->busyConnections() > 0)
            log::warning("%zu requests still in flight at the shutdown deadline", m_front->busyConnections());
        timer->deleteLater();
        done();
    }));
    timer->start();
}

quint16 Server::listenOn(const QString &flag, const QString &where, ApiEndpoint &endpoint, std::shared_ptr<TlsServerContext> tls)
{
    auto hostPort = parseHostPort(where);
    if (!hostPort)
        throw StartupError(flag.toStdString() + " " + where.toStdString() + " is not HOST:PORT");
    try {
        return m_front->listen(hostPort->address, hostPort->port, endpoint, std::move(tls));
    } catch (const std::exception &e) {
        throw StartupError("cannot listen on " + where.toStdString() + " (" + e.what()
                           + "; is another process using the port, or is the address not on this host?)");
    }
}

QString Server::apiUrl() const
{
    return QStringLiteral("https://%1:%2").arg(m_apiHost).arg(m_apiPort);
}

QString Server::systemJwtPath() const
{
    return m_dataDir ? m_dataDir->filePath(SystemJwtFile) : QString();
}

std::unique_ptr<ConfigStore> Server::openStore() const
{
    if (m_options.store == QLatin1String("sqlite")) {
        auto store = std::make_unique<SqliteConfigStore>(m_dataDir->filePath(QStringLiteral("config.db")));
        store->setGroupCommit(true);
        return store;
    }
    try {
        EtcdStoreOptions etcd = EtcdStoreOptions::parse(m_options.store.toStdString(), m_options.storeCaFile, m_options.storeCertFile,
                                                        m_options.storeKeyFile, m_options.storeUser, m_options.storePasswordFile);
        auto store = std::make_unique<EtcdStore>(std::move(etcd));
        log::info("configuration store: etcd at %s (prefix %s)", m_options.store.toUtf8().constData(),
                  store->options().prefix.c_str());
        return store;
    } catch (const StoreError &e) {
        throw StartupError("--store " + m_options.store.toStdString() + ": " + e.what());
    }
}

void Server::start()
{
    auto hostPort = parseHostPort(m_options.listen);
    if (!hostPort)
        throw StartupError("--listen " + m_options.listen.toStdString() + " is not HOST:PORT");
    try {
        m_dataDir = std::make_unique<DataDirectory>(m_options.dataDir);
        m_store = openStore();
        m_logStore = std::make_unique<SqliteLogStore>(m_dataDir->filePath(QStringLiteral("logs.db")));
        // Replicas and agents open what the first server sealed: a key of their own would open nothing.
        if (m_options.role != QLatin1String("all") && !m_dataDir->exists(QStringLiteral("secret.key")))
            throw StartupError("--role " + m_options.role.toStdString() + " needs the replicas' secret.key in "
                               + m_options.dataDir.toStdString() + " (copy it from the first server's data directory, mode 0600)");
        m_secrets = std::make_unique<SecretBox>(
            m_dataDir->readOrCreateSecret(QStringLiteral("secret.key"), &SecretBox::generateKey));
        m_jwt = std::make_unique<JwtAuthority>(*m_dataDir);
        // An agent serves no admin API: it keeps no admin credential.
        if (m_options.role != QLatin1String("agent") && !m_dataDir->exists(SystemJwtFile)) {
            m_dataDir->writeSecret(SystemJwtFile, QByteArray::fromStdString(m_jwt->issueSystemJwt()));
        }
        m_accessLog = std::make_unique<AccessLog>(m_options.accessLog);
    } catch (const StartupError &) {
        throw;
    } catch (const std::exception &e) {
        throw StartupError(e.what());
    }

    if (!validation::isValidName(m_options.clusterName.toStdString()))
        throw StartupError("--cluster-name must be 3 to 64 characters of a-z, 0-9, '-' and '_'");
    m_credentials = std::make_unique<CredentialResolver>(*m_store, *m_secrets, m_options.clusterName.toStdString(),
                                                         m_options.maxTokenLifetimeSeconds);
    m_auth = std::make_unique<Authenticator>(*m_jwt, *m_credentials, *m_store);
    m_audit = std::make_unique<AuditLog>(*m_store);
    m_router = std::make_unique<Router>();
    // An agent serves its node's Alloy (remotecfg) and its own health, not the admin or log API.
    const bool serveApi = m_options.role != QLatin1String("agent");
    m_adminV3 = std::make_unique<AdminV3Controller>(
        *m_store, *m_secrets, *m_credentials, *m_audit,
        AdminOptions{m_options.clusterName.toStdString(), m_options.allowCustomIngestTokens,
                     [](const std::string &selector) { parseSelector(selector); }});
    m_revocations = std::make_unique<JwtRevocations>(*m_store, *m_audit);
    m_agentTokens = std::make_unique<AgentTokensController>(*m_store, *m_audit);
    m_logsV2 = std::make_unique<LogsV2Controller>(*m_store, *m_secrets, *m_audit);
    DataPathOptions dataPaths{m_options.clusterName.toStdString(), m_options.ingestionRateMb * 1024 * 1024,
                              m_options.ingestionBurstMb * 1024 * 1024};
    dataPaths.maxStreamsPerTenant = m_options.maxStreamsPerTenant;
    if (!m_options.lokiUrl.isEmpty()) {
        dataPaths.lokiUrl = QUrl(m_options.lokiUrl);
        const QString scheme = dataPaths.lokiUrl.scheme();
        if (!dataPaths.lokiUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || dataPaths.lokiUrl.host().isEmpty())
            throw StartupError("--loki-url " + dataPaths.lokiUrl.toString(QUrl::RemoveUserInfo).toStdString()
                               + " is not an http(s) URL");
        // Credentials go in --loki-token-file (sent as a bearer token), not in the URL where logs and
        // error messages would show them; Loki's push path takes no query.
        if (!dataPaths.lokiUrl.userInfo().isEmpty() || dataPaths.lokiUrl.hasQuery() || dataPaths.lokiUrl.hasFragment())
            throw StartupError("--loki-url " + dataPaths.lokiUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toStdString()
                               + ": no user, password, query or fragment in it (a credential goes in --loki-token-file)");
        if (dataPaths.lokiUrl.path().isEmpty() || dataPaths.lokiUrl.path() == QLatin1String("/"))
            dataPaths.lokiUrl.setPath(QStringLiteral("/loki/api/v1/push"));
        if (!m_options.lokiTokenFile.isEmpty())
            dataPaths.lokiToken = readFileOrThrow(m_options.lokiTokenFile, "Loki token").trimmed();
        if (!m_options.lokiCaFile.isEmpty()) {
            dataPaths.lokiCaPem = readFileOrThrow(m_options.lokiCaFile, "Loki CA certificates");
            if (QSslCertificate::fromData(dataPaths.lokiCaPem).isEmpty()) // (not the system's CAs instead)
                throw StartupError("--loki-ca-file " + m_options.lokiCaFile.toStdString() + " holds no PEM certificate");
        }
    }
    const bool retention = m_options.retentionSeconds > 0 || m_options.retentionBytes > 0;
    if (retention)
        applyRetention(); // at start, before anything else writes the log store
    m_loki = std::make_unique<LokiController>(*m_store, *m_logStore, dataPaths);
    if (retention) {
        // From then on on the log writer's thread, in order with pushes.
        m_retentionTimer.setInterval(m_options.retentionIntervalSeconds * 1000);
        connect(&m_retentionTimer, &QTimer::timeout, this, guarded("retention", [this] {
            m_loki->applyRetention(m_options.retentionSeconds * 1000000000LL, m_options.retentionBytes);
        }));
        m_retentionTimer.start();
    }
    m_pipeline = std::make_unique<PipelineCache>(*m_store, *m_secrets);
    m_collectors = std::make_unique<CollectorRegistry>(*m_store);
    // Only the API (or a single server) expires collectors: an agent knows other nodes' only from start-up.
    m_collectors->setLimits(static_cast<size_t>(m_options.maxCollectors), serveApi ? m_options.collectorExpirySeconds * 1000 : 0,
                            m_audit.get());
    if (m_options.role == QLatin1String("api")) {
        try {
            m_collectors->followStore();
        } catch (const StoreError &e) {
            throw StartupError(std::string("cannot read the collectors' nodes: ") + e.what());
        }
    }
    m_collectorsApi = std::make_unique<CollectorsController>(*m_collectors, *m_pipeline);
    m_preview = std::make_unique<PipelinePreviewController>(*m_store, *m_logsV2, *m_pipeline, *m_collectors);
    m_ops = std::make_unique<OpsController>(
        *m_store, *m_collectors, *m_pipeline,
        OpsController::Options{LW_VERSION, [this] { return m_front ? m_front->openConnections() : size_t(0); }});
    m_ops->registerRoutes(*m_router);
    if (serveApi) {
        m_adminV3->registerRoutes(*m_router);
        m_revocations->registerRoutes(*m_router);
        m_agentTokens->registerRoutes(*m_router);
        m_loki->registerRoutes(*m_router);
        m_logsV2->registerRoutes(*m_router);
        m_collectorsApi->registerRoutes(*m_router);
        m_preview->registerRoutes(*m_router);
    }

    m_post = std::make_unique<EventLoopPost>();
    m_front = std::make_unique<HttpFront>(m_options.limits);
    m_api = std::make_unique<ApiEndpoint>(*m_router, *m_auth, *m_accessLog, m_options.maxBodyBytes, *m_post);
    m_api->setDurabilityGate(m_store.get());
    m_api->setMetricsListener("api");
    if (serveApi) {
        TailService &tail = m_loki->enableTail(*m_auth);
        m_api->setWebSocketHandler([&tail](std::shared_ptr<HttpRequest> upgrade, std::shared_ptr<WebSocketChannel> channel) {
            tail.accept(*upgrade, std::move(channel));
        });
    }
    loadTls();
    m_apiPort = listenOn(QStringLiteral("--listen"), m_options.listen, *m_api, m_tls);
    m_apiHost = hostPort->address.protocol() == QAbstractSocket::IPv6Protocol
                    ? QLatin1Char('[') + hostPort->address.toString() + QLatin1Char(']')
                    : hostPort->address.toString();
    startPlainHttp();
    if (m_options.role != QLatin1String("api"))
        startRemotecfg();
    if (m_options.role == QLatin1String("agent"))
        announceNode();
    m_front->start();
}

void Server::announceNode()
{
    // The node is alive while this process keeps its lease: when it dies, etcd drops the record
    // within NodeLeaseSeconds and API replicas show the node's collectors offline.
    m_collectors->setNode(m_options.nodeName.toStdString());
    const Json node = {{"version", LW_VERSION}, {"startedAt", rfc3339FromMillis(nowMillis())}};
    try {
        m_store->putEphemeral(CollectorRegistry::NodeKind, m_options.nodeName.toStdString(), node.dump(), NodeLeaseSeconds);
    } catch (const StoreError &e) {
        throw StartupError(std::string("cannot announce this node in the store: ") + e.what());
    }
    log::info("agent for node %s (lease %d s)", m_options.nodeName.toUtf8().constData(), NodeLeaseSeconds);
}

void Server::applyRetention()
{
    try {
        const int64_t removed = m_logStore->applyRetention(m_options.retentionSeconds * 1000000000LL, m_options.retentionBytes);
        if (removed > 0)
            log::info("retention removed %lld log entries", static_cast<long long>(removed));
    } catch (const std::exception &e) {
        log::error("retention failed: %s", e.what());
    }
}

void Server::startPlainHttp()
{
    if (m_options.httpListen.isEmpty() || m_options.httpListen == QLatin1String("off"))
        return;
    auto hostPort = parseHostPort(m_options.httpListen);
    if (!hostPort)
        throw StartupError("--http-listen " + m_options.httpListen.toStdString() + " is not HOST:PORT");
    if (!hostPort->address.isLoopback() && !m_options.httpInsecure) {
        throw StartupError("--http-listen " + m_options.httpListen.toStdString()
                           + " would send credentials in clear beyond this host; use HTTPS, or --http-insecure behind a "
                             "TLS-terminating proxy");
    }
    m_plainPort = listenOn(QStringLiteral("--http-listen"), m_options.httpListen, *m_api, nullptr);
}

void Server::startRemotecfg()
{
    if (m_options.remotecfgListen == QLatin1String("off"))
        return;
    auto hostPort = parseHostPort(m_options.remotecfgListen);
    if (!hostPort)
        throw StartupError("--remotecfg-listen " + m_options.remotecfgListen.toStdString() + " is not HOST:PORT");
    // The node's agent credential: a given file, or <data-dir>/agent_token made at first start.
    std::string nodeToken;
    if (!m_options.remotecfgTokenFile.isEmpty()) {
        nodeToken = readFileOrThrow(m_options.remotecfgTokenFile, "remotecfg token").trimmed().toStdString();
        if (nodeToken.size() < 16)
            throw StartupError("the remotecfg token in " + m_options.remotecfgTokenFile.toStdString()
                               + " is shorter than 16 characters");
    } else {
        nodeToken = m_dataDir->readOrCreateSecret(AgentTokenFile, [] { return QByteArray::fromStdString(AgentCredentials::mint()); })
                        .trimmed()
                        .toStdString();
    }
    // Beyond this host agents get their keys over TLS only, unless told otherwise.
    const bool plain = hostPort->address.isLoopback() || m_options.remotecfgInsecure;
    m_agentCredentials = std::make_unique<AgentCredentials>(*m_store, nodeToken, m_options.maxCollectors);
    m_remotecfgRouter = std::make_unique<Router>();
    m_connect = std::make_unique<ConnectService>(*m_pipeline, *m_collectors, m_options.remotecfgPrefix.toStdString(),
                                                 *m_agentCredentials);
    m_connect->registerRoutes(*m_remotecfgRouter);
    // Alloy sends its effective config back; allow more than the API's limit, still bounded.
    m_remotecfg = std::make_unique<ApiEndpoint>(*m_remotecfgRouter, *m_auth, *m_accessLog,
                                                std::max<qint64>(m_options.maxBodyBytes, 4 << 20), *m_post,
                                                &ConnectService::formatError);
    m_remotecfg->setMetricsListener("remotecfg");
    m_remotecfgTls = !plain;
    m_remotecfgPort = listenOn(QStringLiteral("--remotecfg-listen"), m_options.remotecfgListen, *m_remotecfg,
                               plain ? nullptr : m_tls);
    if (m_options.alloyUrl != QLatin1String("off")) {
        const QUrl alloy(m_options.alloyUrl);
        if (!alloy.isValid() || alloy.host().isEmpty() || !alloy.scheme().startsWith(QLatin1String("http")))
            throw StartupError("--alloy-url " + m_options.alloyUrl.toStdString() + " is not an http(s) URL");
        std::vector<std::string> ids;
        for (const QString &id : m_options.localCollectorIds)
            ids.push_back(id.toStdString());
        m_probe = std::make_unique<AlloyHealthProbe>(*m_collectors, alloy, m_options.alloyProbeIntervalMs, ids);
    }
}

Server::TlsPem Server::readTlsPem(const ServerOptions &options)
{
    QByteArray certPem, keyPem;
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        throw StartupError("--tls-cert and --tls-key go together");
    if (!options.tlsCertFile.isEmpty()) {
        certPem = readFileOrThrow(options.tlsCertFile, "certificate");
        keyPem = readFileOrThrow(options.tlsKeyFile, "private key");
    } else {
        const QString certName = QStringLiteral("tls/server.crt"), keyName = QStringLiteral("tls/server.key");
        if (!m_dataDir->exists(certName) || !m_dataDir->exists(keyName)) {
            CertificateAndKey generated = generateSelfSignedCertificate(QSysInfo::machineHostName());
            m_dataDir->writeSecret(keyName, generated.privateKeyPem);
            m_dataDir->writeSecret(certName, generated.certificatePem);
        }
        certPem = m_dataDir->read(certName);
        keyPem = m_dataDir->read(keyName);
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        throw StartupError("the TLS certificate or key cannot be loaded (PEM, unencrypted EC or RSA key expected)");
    return {certPem, keyPem, QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex(':'))};
}

void Server::loadTls()
{
    const TlsPem pem = readTlsPem(m_options);
    try {
        m_tls = TlsServerContext::fromPem(pem.certificate, pem.key);
    } catch (const std::exception &e) {
        throw StartupError(e.what());
    }
    m_certificateFingerprint = pem.fingerprint;
}

void Server::reopenAccessLog()
{
    if (m_accessLog)
        m_accessLog->reopen();
}

void Server::reloadTls(const ServerOptions &options)
{
    const TlsPem pem = readTlsPem(options);
    try {
        m_tls->replace(pem.certificate, pem.key);
    } catch (const std::exception &e) {
        throw StartupError(e.what());
    }
    m_options.tlsCertFile = options.tlsCertFile;
    m_options.tlsKeyFile = options.tlsKeyFile;
    m_certificateFingerprint = pem.fingerprint;
}

} // namespace lw::server
