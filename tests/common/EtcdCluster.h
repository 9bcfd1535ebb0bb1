#pragma once
// A real etcd (Debian's etcd-server) for tests: one member or several, on free loopback ports,
// in a temporary directory, stopped (SIGTERM, then SIGKILL) when the object goes.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace lw::test {

class EtcdCluster {
public:
    explicit EtcdCluster(int members = 1);
    ~EtcdCluster();
    EtcdCluster(const EtcdCluster &) = delete;
    EtcdCluster &operator=(const EtcdCluster &) = delete;

    // Starts every member and waits until the cluster answers (false, with log(), on failure).
    bool start();
    // "127.0.0.1:p1,127.0.0.1:p2" (clients' endpoints), and the store URL with a key prefix.
    QString endpoints() const;
    QString storeUrl(const QString &prefix) const { return QStringLiteral("etcd://") + endpoints() + prefix; }
    quint16 clientPort(int member) const { return m_members.at(member).clientPort; }
    void kill(int member);    // SIGKILL, as a crash
    bool restart(int member); // the same data directory and ports
    QByteArray log() const;
    static QString binary() { return QStringLiteral("/usr/bin/etcd"); }

private:
    struct Member {
        QString name;
        quint16 clientPort = 0, peerPort = 0;
        std::unique_ptr<QProcess> process;
    };
    bool startMember(int index, bool fresh);
    bool waitHealthy(int member, int timeoutMs) const;
    QTemporaryDir m_dir;
    std::vector<Member> m_members;
    QString m_initialCluster;
    mutable QByteArray m_log;
};

} // namespace lw::test
