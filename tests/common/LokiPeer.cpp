#include "LokiPeer.h"
#include "TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QThread>

namespace lw::test {

namespace {

QString unpacked; // removed when the application ends

void removeUnpacked()
{
    if (!unpacked.isEmpty())
        QFile::remove(unpacked);
}

} // namespace

QString LokiPeer::binary()
{
    static const QString path = [] {
        const QString named = qEnvironmentVariable("LW_LOKI_BINARY");
        if (!named.isEmpty())
            return QFileInfo(named).isExecutable() ? named : QString();
        const QString archive = qEnvironmentVariable("LW_SHARED_DIR") + QStringLiteral("/peers/loki.xz");
        if (!QFile::exists(archive))
            return QString();
        const QString out = QDir::tempPath() + QStringLiteral("/lw-loki-%1").arg(QCoreApplication::applicationPid());
        QProcess xz;
        xz.setStandardOutputFile(out);
        xz.start(QStringLiteral("xz"), {QStringLiteral("-dc"), archive});
        if (!xz.waitForFinished(120000) || xz.exitCode() != 0)
            return QString();
        QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        unpacked = out;
        qAddPostRoutine(removeUnpacked);
        return out;
    }();
    return path;
}

const char *LokiPeer::absentMessage()
{
    return "no Loki binary: set LW_LOKI_BINARY=/path/to/loki (Grafana Loki 2.8), or put loki.xz in ../shared/peers";
}

LokiPeer::LokiPeer() : m_httpPort(freePort()), m_grpcPort(freePort()) {}

LokiPeer::~LokiPeer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

QString LokiPeer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort);
}

QByteArray LokiPeer::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("loki.log")));
    return f.open(QIODevice::ReadOnly) ? f.readAll().right(4000) : QByteArray("(no log)");
}

bool LokiPeer::start(int timeoutMs)
{
    // A free port found by probing can be taken before Loki binds it (other suites open thousands
    // of connections, whose source ports come from the same range): then new ports, at most twice.
    for (int attempt = 0;; ++attempt) {
        if (startOnce(timeoutMs))
            return true;
        if (attempt == 2 || !m_process || m_process->state() != QProcess::NotRunning || !log().contains("address already in use"))
            return false;
        m_httpPort = freePort();
        m_grpcPort = freePort();
    }
}

bool LokiPeer::startOnce(int timeoutMs)
{
    const QString dir = m_dir.path();
    QFile fixture(qEnvironmentVariable("LW_SOURCE_DIR") + QStringLiteral("/tests/fixtures/loki.yaml"));
    QFile config(m_dir.filePath(QStringLiteral("loki.yaml")));
    if (!fixture.open(QIODevice::ReadOnly) || !config.open(QIODevice::WriteOnly))
        return false;
    config.write(QString::fromUtf8(fixture.readAll())
                     .replace(QStringLiteral("@HTTP_PORT@"), QString::number(m_httpPort))
                     .replace(QStringLiteral("@GRPC_PORT@"), QString::number(m_grpcPort))
                     .replace(QStringLiteral("@DIR@"), dir)
                     .toUtf8());
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("loki.log")));
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("loki.log")), QIODevice::Append);
    m_process->start(binary(), {QStringLiteral("-config.file=") + config.fileName()});
    if (!m_process->waitForStarted(10000))
        return false;
    QNetworkAccessManager network;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            return false;
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url() + QStringLiteral("/ready"))));
        QDeadlineTimer one(2000);
        while (!reply->isFinished() && !one.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const bool ready = reply->isFinished() && reply->readAll().trimmed() == "ready";
        reply->deleteLater();
        if (ready)
            return true;
        QThread::msleep(300);
    }
    return false;
}

} // namespace lw::test
