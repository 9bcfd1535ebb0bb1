#pragma once

#include "logs/LogStore.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace lw::server {

// Where log queries run, off the event loop: a few worker threads, each with its own read-only
// connection to the LogStore. A query is split across the workers (by stream, or by time when it
// covers fewer streams than there are workers) and the parts merged, so one large scan uses every
// core. The queue is bounded: past it, submit() refuses and the caller answers 503.
class QueryPool {
public:
    struct Failure {
        bool timedOut = false; // the query's deadline passed: the client's query was too costly
        std::string message;
    };
    using Result = std::variant<std::vector<QueriedEntry>, Failure>;
    using Job = std::function<void(LogReader *)>; // null when the store could not be opened for reading

    QueryPool(LogStore &store, unsigned threads = 0, size_t maxQueued = 64); // 0 threads: one per core
    ~QueryPool(); // finishes the job in hand, drops the queued ones, joins
    QueryPool(const QueryPool &) = delete;
    QueryPool &operator=(const QueryPool &) = delete;

    // Runs `query` and calls `done` once with its result, on a worker thread. False (and `done`
    // never called) when the queue is full.
    bool submit(LogQuery query, std::function<void(Result)> done);
    // Runs `job` on a worker with its reader (null if it cannot be opened); exceptions are logged.
    bool post(Job job);
    unsigned threads() const { return static_cast<unsigned>(m_threads.size()); }

private:
    bool enqueue(std::vector<Job> jobs);
    void work();

    LogStore &m_store;
    size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace lw::server
