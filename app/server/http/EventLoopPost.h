#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace lw::server {

// Runs functions on the thread of a Qt event loop (the one that owns the server's state), from
// any thread. Work posted after the object is destroyed, or still queued then, is dropped unrun.
class EventLoopPost {
public:
    EventLoopPost() : m_context(std::make_unique<QObject>()) {}
    void operator()(std::function<void()> work) const
    {
        QMetaObject::invokeMethod(m_context.get(), std::move(work), Qt::QueuedConnection);
    }

private:
    std::unique_ptr<QObject> m_context;
};

} // namespace lw::server
