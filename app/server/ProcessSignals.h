#pragma once

#include <QObject>

class QSocketNotifier;

namespace lw::server {

// Turns SIGTERM and SIGINT, and SIGHUP, into Qt signals on the event loop (self-pipe), so
// shutdown and reload run as ordinary code: stop listening, close the store, exit 0; or read the
// configuration and the TLS certificate again.
class ProcessSignals : public QObject {
    Q_OBJECT
public:
    explicit ProcessSignals(QObject *parent = nullptr);
    ~ProcessSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lw::server
