#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace lw::test {

// A plain TCP client on POSIX sockets, for tests that need what HTTP libraries hide: exact bytes,
// pipelining, half-sent requests, many idle connections, a chosen loopback source address.
class RawHttpClient {
public:
    // Connects at once (blocking); bindAddress picks the source address (127.0.0.N).
    explicit RawHttpClient(quint16 port, const char *bindAddress = "127.0.0.1");
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient &) = delete;
    RawHttpClient &operator=(const RawHttpClient &) = delete;

    bool isConnected() const { return m_fd >= 0 && m_connected; }
    // Writes everything (false on error, e.g. reset by the server).
    bool send(const QByteArray &bytes);
    // Reads until `done(received)` is true, the peer closes, or the time is up; returns received().
    const QByteArray &readUntil(const std::function<bool(const QByteArray &)> &done, int timeoutMs);
    // Reads until `count` complete responses (head + Content-Length body) are in.
    const QByteArray &readResponses(int count, int timeoutMs);
    // Waits for the peer to close (EOF or reset); true when it did within the time.
    bool waitClosed(int timeoutMs);
    bool peerClosed() const { return m_peerClosed; }
    const QByteArray &received() const { return m_received; }
    // Closes abruptly (RST), as a client that vanishes does.
    void reset();

    // The status codes of the complete responses in `bytes`, in order.
    static QList<int> statuses(const QByteArray &bytes);
    static int countCompleteResponses(const QByteArray &bytes);

private:
    bool readSome(int timeoutMs);
    int m_fd = -1;
    bool m_connected = false;
    bool m_peerClosed = false;
    QByteArray m_received;
};

// The number of open file descriptors of a process (for leak checks).
int openDescriptors(qint64 pid);
// Resident memory of a process in KiB.
long residentKiB(qint64 pid);

} // namespace lw::test
