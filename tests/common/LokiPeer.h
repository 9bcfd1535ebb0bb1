#pragma once
// A real Grafana Loki 2.8 for tests: the binary named by LW_LOKI_BINARY, else the one packed in
// $LW_SHARED_DIR/peers/loki.xz (unpacked once per run), started single-process on free loopback
// ports in a temporary directory with tests/fixtures/loki.yaml (the peers README's configuration,
// multi-tenant, plus what deletes need and a line limit below logwardend's); stopped (SIGTERM,
// then SIGKILL) when the object goes.
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lw::test {

class LokiPeer {
public:
    LokiPeer();
    ~LokiPeer();
    LokiPeer(const LokiPeer &) = delete;
    LokiPeer &operator=(const LokiPeer &) = delete;

    // The binary to run, or empty when there is none (then tests say so and are skipped).
    static QString binary();
    // A sentence for QSKIP when binary() is empty; ctest counts tests printing it as skipped.
    static const char *absentMessage();
    // Starts Loki and waits until /ready says "ready" (false, with log(), on failure).
    bool start(int timeoutMs = 60000);
    QString url() const; // http://127.0.0.1:port
    quint16 port() const { return m_httpPort; }
    QByteArray log() const;

private:
    bool startOnce(int timeoutMs);
    QTemporaryDir m_dir;
    quint16 m_httpPort = 0, m_grpcPort = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace lw::test
