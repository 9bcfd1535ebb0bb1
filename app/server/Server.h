#pragma once

#include "ServerOptions.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>

namespace lw::server {

class AccessLog;
class AdminV3Controller;
class JwtRevocations;
class AgentCredentials;
class AgentTokensController;
class AuditLog;
class CredentialResolver;
class ApiEndpoint;
class EventLoopPost;
class HttpFront;
class TlsServerContext;
class Authenticator;
class ConfigStore;
class DataDirectory;
class JwtAuthority;
class LogsV2Controller;
class LogStore;
class LokiController;
class CollectorsController;
class PipelinePreviewController;
class OpsController;
class CollectorRegistry;
class ConnectService;
class PipelineCache;
class AlloyHealthProbe;
class Router;
class SecretBox;

class StartupError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One logwardend: opens the data directory and store, loads keys, wires the controllers and
// listens. Everything it owns is torn down in reverse order on destruction.
class Server : public QObject {
    Q_OBJECT
public:
    explicit Server(ServerOptions options, QObject *parent = nullptr);
    ~Server() override;

    // Throws StartupError with a sentence naming what went wrong (port taken, data dir unusable…).
    void start();
    // Graceful stop: no new connections, requests in flight finish (up to `deadline`), then `done`.
    void shutdown(std::chrono::milliseconds deadline, std::function<void()> done);
    quint16 apiPort() const { return m_apiPort; }
    QString apiUrl() const;
    QString systemJwtPath() const;
    // SHA-256 of the served certificate, as the console shows it for pinning (aa:bb:…).
    QString certificateFingerprint() const { return m_certificateFingerprint; }
    quint16 remotecfgPort() const { return m_remotecfgPort; }
    bool remotecfgUsesTls() const { return m_remotecfgTls; }
    // The routes each listener serves (for the API reference's test); null before start().
    const Router *apiRouter() const { return m_router.get(); }
    const Router *remotecfgRouter() const { return m_remotecfgRouter.get(); }
    quint16 plainHttpPort() const { return m_plainPort; }
    // SIGHUP: the TLS certificate and key are read again (from `options`' files, or the data
    // directory's self-signed pair). Throws StartupError naming what failed; the context in use stays.
    void reloadTls(const ServerOptions &options);
    // SIGHUP: a file access log is opened again at its path (logrotate). Throws when it cannot be.
    void reopenAccessLog();

private:
    void loadTls();
    std::unique_ptr<ConfigStore> openStore() const;
    struct TlsPem {
        QByteArray certificate, key;
        QString fingerprint; // SHA-256 of the first certificate, aa:bb:…
    };
    TlsPem readTlsPem(const ServerOptions &options);
    quint16 listenOn(const QString &flag, const QString &where, ApiEndpoint &endpoint, std::shared_ptr<TlsServerContext> tls);
    void announceNode(); // agent role: the node's liveness, under an etcd lease
    static constexpr int NodeLeaseSeconds = 10;
    void startRemotecfg();
    void startPlainHttp();
    void applyRetention();

    ServerOptions m_options;
    std::unique_ptr<DataDirectory> m_dataDir;
    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<SecretBox> m_secrets;
    std::unique_ptr<JwtAuthority> m_jwt;
    std::unique_ptr<CredentialResolver> m_credentials;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AdminV3Controller> m_adminV3;
    std::unique_ptr<JwtRevocations> m_revocations;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<AccessLog> m_accessLog;
    std::unique_ptr<LogsV2Controller> m_logsV2;
    std::unique_ptr<LogStore> m_logStore;
    std::unique_ptr<LokiController> m_loki;
    std::unique_ptr<PipelineCache> m_pipeline;
    std::unique_ptr<CollectorRegistry> m_collectors;
    std::unique_ptr<AgentCredentials> m_agentCredentials;
    std::unique_ptr<AgentTokensController> m_agentTokens;
    bool m_remotecfgTls = false;
    std::unique_ptr<CollectorsController> m_collectorsApi;
    std::unique_ptr<PipelinePreviewController> m_preview;
    std::unique_ptr<OpsController> m_ops;
    std::unique_ptr<Router> m_remotecfgRouter;
    std::unique_ptr<ConnectService> m_connect;
    std::unique_ptr<AlloyHealthProbe> m_probe;
    std::unique_ptr<EventLoopPost> m_post;
    std::unique_ptr<HttpFront> m_front;
    std::shared_ptr<TlsServerContext> m_tls;
    std::unique_ptr<ApiEndpoint> m_api;       // the HTTPS API and the plain --http-listen one
    std::unique_ptr<ApiEndpoint> m_remotecfg; // the agents' listener
    QString m_certificateFingerprint;
    quint16 m_apiPort = 0;
    quint16 m_plainPort = 0;
    QTimer m_retentionTimer;
    quint16 m_remotecfgPort = 0;
    QString m_apiHost;
};

} // namespace lw::server
