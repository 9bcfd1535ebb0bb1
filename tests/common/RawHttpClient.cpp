#include "RawHttpClient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lw::test {

RawHttpClient::RawHttpClient(quint16 port, const char *bindAddress)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, bindAddress, &local.sin_addr);
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0)
        return;
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) == 0;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

RawHttpClient::~RawHttpClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawHttpClient::send(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (m_fd >= 0 && sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return m_fd >= 0;
}

bool RawHttpClient::readSome(int timeoutMs)
{
    pollfd p{m_fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0)
        return false;
    char buffer[65536];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
        m_peerClosed = true;
        return false;
    }
    m_received.append(buffer, n);
    return true;
}

const QByteArray &RawHttpClient::readUntil(const std::function<bool(const QByteArray &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done(m_received) && !m_peerClosed && !deadline.hasExpired())
        readSome(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    return m_received;
}

const QByteArray &RawHttpClient::readResponses(int count, int timeoutMs)
{
    return readUntil([count](const QByteArray &b) { return countCompleteResponses(b) >= count; }, timeoutMs);
}

bool RawHttpClient::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_peerClosed && !deadline.hasExpired()) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))) <= 0)
            continue;
        char buffer[65536];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            m_peerClosed = true;
        else
            m_received.append(buffer, n);
    }
    return m_peerClosed;
}

void RawHttpClient::reset()
{
    if (m_fd < 0)
        return;
    linger l{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(m_fd);
    m_fd = -1;
}

namespace {
// One response starting at `from`: its total length, or -1 when incomplete.
qsizetype responseLength(const QByteArray &b, qsizetype from, int *status)
{
    const qsizetype headEnd = b.indexOf("\r\n\r\n", from);
    if (headEnd < 0 || !b.mid(from, 9).startsWith("HTTP/1."))
        return -1;
    *status = b.mid(from + 9, 3).toInt();
    qsizetype length = 0;
    const QList<QByteArray> lines = b.mid(from, headEnd - from).split('\n');
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headEnd + 4 - from + length;
    return from + total <= b.size() ? total : -1;
}
} // namespace

QList<int> RawHttpClient::statuses(const QByteArray &bytes)
{
    QList<int> out;
    qsizetype at = 0;
    int status = 0;
    for (qsizetype n; (n = responseLength(bytes, at, &status)) > 0; at += n)
        out << status;
    return out;
}

int RawHttpClient::countCompleteResponses(const QByteArray &bytes)
{
    return static_cast<int>(statuses(bytes).size());
}

int openDescriptors(qint64 pid)
{
    return static_cast<int>(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

long residentKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

} // namespace lw::test
