#include "Server.h"
#include "api/LogsV2Controller.h"
#include "auth/Authenticator.h"
#include "auth/JwtAuthority.h"
#include "http/AccessLog.h"
#include "http/ApiHttpServer.h"
#include "http/Router.h"
#include "http/SelfSignedCertificate.h"
#include "store/DataDirectory.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSysInfo>

#include <chrono>

namespace lw::server {

namespace {
constexpr std::chrono::seconds SystemJwtLifetime{10LL * 365 * 24 * 3600};
const QString SystemJwtFile = QStringLiteral("system_jwt");

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
    // The HTTP server refers to the controllers, the controllers to the store: stop it first.
    m_http.reset();
}

QString Server::apiUrl() const
{
    return QStringLiteral("https://%1:%2").arg(m_apiHost).arg(m_apiPort);
}

QString Server::systemJwtPath() const
{
    return m_dataDir ? m_dataDir->filePath(SystemJwtFile) : QString();
}

void Server::start()
{
    auto hostPort = parseHostPort(m_options.listen);
    if (!hostPort)
        throw StartupError("--listen " + m_options.listen.toStdString() + " is not HOST:PORT");
    try {
        m_dataDir = std::make_unique<DataDirectory>(m_options.dataDir);
        m_store = std::make_unique<SqliteConfigStore>(m_dataDir->filePath(QStringLiteral("config.db")));
        m_secrets = std::make_unique<SecretBox>(
            m_dataDir->readOrCreateSecret(QStringLiteral("secret.key"), &SecretBox::generateKey));
        m_jwt = std::make_unique<JwtAuthority>(*m_dataDir);
        if (!m_dataDir->exists(SystemJwtFile)) {
            m_dataDir->writeSecret(SystemJwtFile, QByteArray::fromStdString(m_jwt->issue(
                                                      "system:cluster-admin", "cluster-admin", SystemJwtLifetime)));
        }
        m_accessLog = std::make_unique<AccessLog>(m_options.accessLog);
    } catch (const StartupError &) {
        throw;
    } catch (const std::exception &e) {
        throw StartupError(e.what());
    }

    m_auth = std::make_unique<Authenticator>(*m_jwt);
    m_router = std::make_unique<Router>();
    m_logsV2 = std::make_unique<LogsV2Controller>(*m_store, *m_secrets);
    m_logsV2->registerRoutes(*m_router);

    m_http = std::make_unique<ApiHttpServer>(*m_router, *m_auth, *m_accessLog, m_options.maxBodyBytes);
    loadTls();
    m_apiPort = m_http->listen(hostPort->address, hostPort->port);
    if (m_apiPort == 0) {
        throw StartupError("cannot listen on " + m_options.listen.toStdString()
                           + " (is another process using the port, or is the address not on this host?)");
    }
    m_apiHost = hostPort->address.protocol() == QAbstractSocket::IPv6Protocol
                    ? QLatin1Char('[') + hostPort->address.toString() + QLatin1Char(']')
                    : hostPort->address.toString();
}

void Server::loadTls()
{
    QByteArray certPem, keyPem;
    if (m_options.tlsCertFile.isEmpty() != m_options.tlsKeyFile.isEmpty())
        throw StartupError("--tls-cert and --tls-key go together");
    if (!m_options.tlsCertFile.isEmpty()) {
        certPem = readFileOrThrow(m_options.tlsCertFile, "certificate");
        keyPem = readFileOrThrow(m_options.tlsKeyFile, "private key");
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
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_http->sslSetup(tls);
}

} // namespace lw::server
