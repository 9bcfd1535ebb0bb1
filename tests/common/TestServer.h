#pragma once

#include "Json.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace lw::test {

struct Reply {
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const;
    lw::Json json() const; // null when the body is not JSON
};

// The real logwardend binary on 127.0.0.1:<ephemeral>, with its own data directory.
class TestServer {
public:
    explicit TestServer(QString dataDir = {}, QStringList extraArgs = {});
    ~TestServer();

    // Starts and waits for the "API on https://…" line; false (with log()) on failure.
    bool start();
    // Extra NAME=value environment for the next start().
    void setExtraEnvironment(QStringList env) { m_extraEnv = std::move(env); }
    // SIGTERM, then waits; returns the exit code (-1 when it had to be killed).
    int stop();
    void kill9();

    quint16 port() const { return m_port; }
    quint16 remotecfgPort() const { return m_remotecfgPort; }
    quint16 plainPort() const { return m_plainPort; }
    QString hostPort() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString url(const QString &path) const { return QStringLiteral("https://127.0.0.1:%1%2").arg(m_port).arg(path); }
    QString dataDir() const { return m_dataDir; }
    QByteArray systemJwt() const;
    QByteArray agentToken() const; // the node's remotecfg credential, <data-dir>/agent_token
    QByteArray issueJwt(const QString &subject, const QString &role, const QString &ttl = QStringLiteral("1h")) const;
    QByteArray log();        // everything the server wrote so far (stdout + stderr)
    // Answers whose status resources/openapi.json does not list for their route ("GET /x 418" lines).
    QByteArray undocumentedAnswers() const;
    QProcess &process() { return *m_process; }

    // An HTTPS client that trusts exactly this server's certificate.
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    Reply requestAsAdmin(const QByteArray &method, const QString &path, const lw::Json &body = nullptr,
                         QList<std::pair<QByteArray, QByteArray>> headers = {});

    static QString binaryPath();

private:
    std::unique_ptr<QTemporaryDir> m_ownDir;
    // Where the server lists answers resources/openapi.json does not document (see ApiDocument).
    std::unique_ptr<QTemporaryDir> m_undocumentedDir;
    QString undocumentedLog() const;
    void failOnUndocumentedAnswers();
    QString m_dataDir;
    QStringList m_extraArgs;
    QStringList m_extraEnv;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    quint16 m_remotecfgPort = 0;
    quint16 m_plainPort = 0;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

// Runs a command to completion; returns {exit code, stdout (+ stderr when merged)}.
// A TCP port a peer the tests start (Loki, etcd) can listen on: one that binds now on every
// address, chosen below Linux's ephemeral range (32768–60999) so that no outgoing connection of a
// parallel suite takes it as its source port before the peer binds it.
quint16 freePort();

std::pair<int, QByteArray> runCommand(const QString &program, const QStringList &args, const QString &workDir = {},
                                      const QStringList &extraEnv = {}, int timeoutMs = 30000, bool mergeStderr = true);

} // namespace lw::test
