#include "EtcdCluster.h"
#include "TestServer.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QThread>

#include <csignal>

namespace lw::test {

EtcdCluster::EtcdCluster(int members)
{
    for (int i = 0; i < members; ++i) {
        Member m;
        m.name = QStringLiteral("m%1").arg(i);
        m.clientPort = freePort();
        m.peerPort = freePort();
        m_initialCluster += (i ? QStringLiteral(",") : QString()) + m.name + QStringLiteral("=http://127.0.0.1:%1").arg(m.peerPort);
        m_members.push_back(std::move(m));
    }
}

EtcdCluster::~EtcdCluster()
{
    for (Member &m : m_members) {
        if (m.process && m.process->state() != QProcess::NotRunning) {
            m.process->terminate();
            if (!m.process->waitForFinished(5000)) {
                m.process->kill();
                m.process->waitForFinished(3000);
            }
        }
    }
}

bool EtcdCluster::startMember(int index, bool fresh)
{
    Member &m = m_members.at(index);
    m.process = std::make_unique<QProcess>();
    m.process->setProcessChannelMode(QProcess::MergedChannels);
    const QString client = QStringLiteral("http://127.0.0.1:%1").arg(m.clientPort);
    const QString peer = QStringLiteral("http://127.0.0.1:%1").arg(m.peerPort);
    m.process->start(binary(), {QStringLiteral("--name"), m.name,
                                QStringLiteral("--data-dir"), m_dir.filePath(m.name),
                                QStringLiteral("--listen-client-urls"), client,
                                QStringLiteral("--advertise-client-urls"), client,
                                QStringLiteral("--listen-peer-urls"), peer,
                                QStringLiteral("--initial-advertise-peer-urls"), peer,
                                QStringLiteral("--initial-cluster"), m_initialCluster,
                                QStringLiteral("--initial-cluster-state"), fresh ? QStringLiteral("new") : QStringLiteral("existing"),
                                QStringLiteral("--initial-cluster-token"), QStringLiteral("logwarden-test"),
                                QStringLiteral("--heartbeat-interval"), QStringLiteral("50"),
                                QStringLiteral("--election-timeout"), QStringLiteral("500"),
                                QStringLiteral("--logger"), QStringLiteral("zap"),
                                QStringLiteral("--log-level"), QStringLiteral("warn")});
    return m.process->waitForStarted(5000);
}

bool EtcdCluster::waitHealthy(int member, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QProcess ctl;
        ctl.setProcessChannelMode(QProcess::MergedChannels);
        ctl.start(QStringLiteral("/usr/bin/etcdctl"),
                  {QStringLiteral("--endpoints"), QStringLiteral("127.0.0.1:%1").arg(m_members.at(member).clientPort),
                   QStringLiteral("--command-timeout=1s"), QStringLiteral("endpoint"), QStringLiteral("health")});
        ctl.waitForFinished(3000);
        if (ctl.exitStatus() == QProcess::NormalExit && ctl.exitCode() == 0)
            return true;
        QThread::msleep(100);
    }
    return false;
}

bool EtcdCluster::start()
{
    for (int i = 0; i < int(m_members.size()); ++i)
        if (!startMember(i, true))
            return false;
    for (int i = 0; i < int(m_members.size()); ++i)
        if (!waitHealthy(i, 20000))
            return false;
    return true;
}

QString EtcdCluster::endpoints() const
{
    QStringList out;
    for (const Member &m : m_members)
        out << QStringLiteral("127.0.0.1:%1").arg(m.clientPort);
    return out.join(QLatin1Char(','));
}

void EtcdCluster::kill(int member)
{
    Member &m = m_members.at(member);
    if (m.process && m.process->state() != QProcess::NotRunning) {
        m.process->kill();
        m.process->waitForFinished(5000);
        m_log += m.process->readAll();
    }
}

bool EtcdCluster::restart(int member)
{
    kill(member);
    return startMember(member, false) && waitHealthy(member, 20000);
}

QByteArray EtcdCluster::log() const
{
    QByteArray out = m_log;
    for (const Member &m : m_members)
        if (m.process)
            out += m.process->readAll();
    return out;
}

} // namespace lw::test
