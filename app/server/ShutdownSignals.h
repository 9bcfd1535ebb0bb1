#pragma once

#include <QObject>

class QSocketNotifier;

namespace lw::server {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe), so shutdown runs
// as ordinary code: stop listening, close the store, exit 0.
class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lw::server
