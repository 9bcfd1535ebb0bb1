#pragma once

#include "logs/LogStore.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace lw::server {

// The one thread that writes the LogStore. Pushes wait in a bounded queue; whatever waits when
// the writer is free goes into one transaction and one fsync (group commit), so concurrent
// pushers share the cost of durability, and the event loop never waits for the disk. Deletes and
// retention run on the same thread, in order with the pushes.
class LogWriter {
public:
    // Called on the writer thread once the push is durable (error empty) or failed (nothing of it
    // was written). firstSeq numbers its first entry.
    using Done = std::function<void(const std::optional<std::string> &error, int64_t firstSeq)>;

    explicit LogWriter(LogStore &store, size_t maxQueuedBytes = 256u << 20, size_t maxGroupBytes = 64u << 20);
    ~LogWriter(); // writes what is queued, then stops
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    // False (and `done` never called) when the queue already holds maxQueuedBytes of lines.
    bool append(PushToStore push, size_t bytes, Done done);
    // Runs `task` on the writer thread after what is queued before it.
    void run(std::function<void(LogStore &)> task);
    size_t queuedBytes() const;

private:
    struct Item {
        std::optional<PushToStore> push;
        size_t bytes = 0;
        Done done;
        std::function<void(LogStore &)> task;
    };
    void work();

    LogStore &m_store;
    const size_t m_maxQueuedBytes;
    const size_t m_maxGroupBytes;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    size_t m_queuedBytes = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace lw::server
