#include "TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace lw::test {

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

lw::Json Reply::json() const
{
    return lw::Json::parse(body.toStdString(), nullptr, false);
}

QString TestServer::binaryPath()
{
    return QStringLiteral(LOGWARDEND_BIN);
}

TestServer::TestServer(QString dataDir, QStringList extraArgs) : m_dataDir(std::move(dataDir)), m_extraArgs(std::move(extraArgs))
{
    if (m_dataDir.isEmpty()) {
        m_ownDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_ownDir->path() + QStringLiteral("/data");
    }
}

TestServer::~TestServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
    failOnUndocumentedAnswers();
}

QString TestServer::undocumentedLog() const
{
    // A suite run with LOGWARDEND_UNDOCUMENTED_LOG set collects every server's answers in that file.
    const QString shared = qEnvironmentVariable("LOGWARDEND_UNDOCUMENTED_LOG");
    if (!shared.isEmpty())
        return shared;
    return m_undocumentedDir ? m_undocumentedDir->filePath(QStringLiteral("undocumented.txt")) : QString();
}

QByteArray TestServer::undocumentedAnswers() const
{
    if (!qEnvironmentVariableIsEmpty("LOGWARDEND_UNDOCUMENTED_LOG"))
        return {};
    QFile f(undocumentedLog());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every answer a suite provokes must be one the API reference lists for its route: a status
// missing from resources/openapi.json fails the test that caused it.
void TestServer::failOnUndocumentedAnswers()
{
    const QByteArray answers = undocumentedAnswers();
    if (answers.isEmpty())
        return;
    const QByteArray message = "logwardend answered with statuses resources/openapi.json does not list for the route:\n" + answers;
    if (QTest::currentTestFunction()) {
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    } else {
        std::fprintf(stderr, "FAIL: %s", message.constData());
        std::abort();
    }
    QFile::remove(undocumentedLog());
}

bool TestServer::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_output.clear();
    // Ephemeral ports everywhere so suites can run in parallel; extra arguments come last and win.
    QStringList args = {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--remotecfg-listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--alloy-url"), QStringLiteral("off")};
    args += m_extraArgs;
    if (!m_undocumentedDir)
        m_undocumentedDir = std::make_unique<QTemporaryDir>();
    m_process->setEnvironment(QProcess::systemEnvironment() + m_extraEnv
                              + QStringList{QStringLiteral("LOGWARDEND_UNDOCUMENTED_LOG=") + undocumentedLog()});
    m_process->start(binaryPath(), args);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression apiLine(QStringLiteral("API on https://(?:127\\.0\\.0\\.1|0\\.0\\.0\\.0):(\\d+)")); // 0.0.0.0: reached on 127.0.0.1
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_output += m_process->readAll();
            return false;
        }
        m_process->waitForReadyRead(100);
        m_output += m_process->readAll();
        auto m = apiLine.match(QString::fromUtf8(m_output));
        static const QRegularExpression remotecfgLine(QStringLiteral("remotecfg on https?://[^:]+:(\\d+)"));
        const auto rc = remotecfgLine.match(QString::fromUtf8(m_output));
        const int listenAt = m_extraArgs.lastIndexOf(QStringLiteral("--remotecfg-listen"));
        const int roleAt = m_extraArgs.lastIndexOf(QStringLiteral("--role"));
        const bool remotecfgWanted = !(listenAt >= 0 && listenAt + 1 < m_extraArgs.size()
                                       && m_extraArgs.at(listenAt + 1) == QLatin1String("off"))
                                     && !(roleAt >= 0 && roleAt + 1 < m_extraArgs.size() && m_extraArgs.at(roleAt + 1) == QLatin1String("api"));
        if (m.hasMatch() && (rc.hasMatch() || !remotecfgWanted)) {
            m_port = static_cast<quint16>(m.captured(1).toUInt());
            m_remotecfgPort = rc.hasMatch() ? static_cast<quint16>(rc.captured(1).toUInt()) : 0;
            static const QRegularExpression plainLine(QStringLiteral("plain HTTP API on http://[^:]+:(\\d+)"));
            const auto plain = plainLine.match(QString::fromUtf8(m_output));
            m_plainPort = plain.hasMatch() ? static_cast<quint16>(plain.captured(1).toUInt()) : 0;
            QFile certFile(m_dataDir + QStringLiteral("/tls/server.crt"));
            certFile.open(QIODevice::ReadOnly);
            m_tls = QSslConfiguration::defaultConfiguration();
            m_tls.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));
            return true;
        }
    }
    return false;
}

int TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    m_output += m_process->readAll();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void TestServer::kill9()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_output += m_process->readAll();
    }
}

QByteArray TestServer::log()
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

QByteArray TestServer::systemJwt() const
{
    QFile f(m_dataDir + QStringLiteral("/system_jwt"));
    f.open(QIODevice::ReadOnly);
    return f.readAll().trimmed();
}

QByteArray TestServer::agentToken() const
{
    QFile f(m_dataDir + QStringLiteral("/agent_token"));
    f.open(QIODevice::ReadOnly);
    return f.readAll().trimmed();
}

QByteArray TestServer::issueJwt(const QString &subject, const QString &role, const QString &ttl) const
{
    auto [code, out] = runCommand(binaryPath(), {QStringLiteral("issue-jwt"), QStringLiteral("--data-dir"), m_dataDir,
                                                 QStringLiteral("--subject"), subject, QStringLiteral("--role"), role,
                                                 QStringLiteral("--ttl"), ttl});
    return code == 0 ? out.trimmed() : QByteArray();
}

Reply TestServer::request(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req{QUrl(url(path))};
    req.setSslConfiguration(m_tls);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(15000);
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *reply = m_network.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.append({pair.first, pair.second});
    if (out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    return out;
}

Reply TestServer::requestAsAdmin(const QByteArray &method, const QString &path, const lw::Json &body,
                                 QList<std::pair<QByteArray, QByteArray>> headers)
{
    headers.append(std::make_pair(QByteArray("Authorization"), "Bearer " + systemJwt()));
    headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json")));
    QByteArray payload = body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
    return request(method, path, payload, headers);
}

quint16 freePort()
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto port = quint16(20000 + QRandomGenerator::global()->bounded(12000));
        QTcpServer probe;
        if (probe.listen(QHostAddress::Any, port))
            return port;
    }
    QTcpServer probe; // (a crowded range: whatever the kernel gives)
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

std::pair<int, QByteArray> runCommand(const QString &program, const QStringList &args, const QString &workDir,
                                      const QStringList &extraEnv, int timeoutMs, bool mergeStderr)
{
    QProcess p;
    p.setProcessChannelMode(mergeStderr ? QProcess::MergedChannels : QProcess::SeparateChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    if (!extraEnv.isEmpty()) {
        QStringList env = QProcess::systemEnvironment();
        env += extraEnv;
        p.setEnvironment(env);
    }
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput()};
}

} // namespace lw::test
