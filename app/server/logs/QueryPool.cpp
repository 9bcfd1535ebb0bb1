#include "QueryPool.h"
#include "Log.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>

namespace lw::server {

namespace {

// The parts one query is split into: streams dealt round-robin, or, with fewer streams than
// workers, the time range cut into equal slices. Each part keeps the whole limit, so the first
// `limit` entries overall are among the parts' results.
std::vector<LogQuery> split(const LogQuery &q, unsigned workers)
{
    if (workers <= 1 || q.limit == 0 || q.streamIds.empty())
        return {q};
    std::vector<LogQuery> parts;
    if (q.streamIds.size() >= workers) {
        parts.assign(workers, q);
        for (LogQuery &p : parts)
            p.streamIds.clear();
        for (size_t i = 0; i < q.streamIds.size(); ++i)
            parts[i % workers].streamIds.push_back(q.streamIds[i]);
        return parts;
    }
    const unsigned __int128 span = static_cast<unsigned __int128>(static_cast<__int128>(q.endNs) - q.startNs);
    if (q.endNs <= q.startNs || span < workers * 1000)
        return {q};
    for (unsigned i = 0; i < workers; ++i) {
        LogQuery p = q;
        p.startNs = static_cast<int64_t>(q.startNs + static_cast<__int128>(span * i / workers));
        p.endNs = i + 1 == workers ? q.endNs : static_cast<int64_t>(q.startNs + static_cast<__int128>(span * (i + 1) / workers));
        parts.push_back(std::move(p));
    }
    return parts;
}

// For tests only: every job waits this long first (shows that queries do not run on the event loop).
int testDelayMs()
{
    static const int delay = [] {
        const char *v = std::getenv("LOGWARDEND_TEST_QUERY_DELAY_MS");
        return v ? std::atoi(v) : 0;
    }();
    return delay;
}

} // namespace

QueryPool::QueryPool(LogStore &store, unsigned threads, size_t maxQueued) : m_store(store), m_maxQueued(maxQueued)
{
    const unsigned n = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < n; ++i)
        m_threads.emplace_back([this] { work(); });
}

QueryPool::~QueryPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

bool QueryPool::enqueue(std::vector<Job> jobs)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() + jobs.size() > m_maxQueued + m_threads.size())
            return false;
        for (Job &j : jobs)
            m_queue.push_back(std::move(j));
    }
    m_wake.notify_all();
    return true;
}

bool QueryPool::post(Job job)
{
    std::vector<Job> one;
    one.push_back(std::move(job));
    return enqueue(std::move(one));
}

bool QueryPool::submit(LogQuery query, std::function<void(Result)> done)
{
    struct Shared {
        std::mutex mutex;
        size_t remaining = 0;
        std::vector<QueriedEntry> merged;
        std::optional<Failure> failure;
        size_t limit = 0;
        bool forward = false;
        std::function<void(Result)> done;
    };
    std::vector<LogQuery> parts = split(query, threads());
    auto shared = std::make_shared<Shared>();
    shared->remaining = parts.size();
    shared->limit = query.limit;
    shared->forward = query.forward;
    shared->done = std::move(done);
    std::vector<Job> jobs;
    for (LogQuery &part : parts) {
        jobs.push_back([shared, part = std::move(part)](LogReader *reader) {
            std::vector<QueriedEntry> found;
            std::optional<Failure> failure;
            try {
                if (!reader)
                    throw std::runtime_error("the log store cannot be opened for reading");
                found = reader->query(part);
            } catch (const QueryTimedOut &e) {
                failure = Failure{true, e.what()};
            } catch (const std::exception &e) {
                failure = Failure{false, e.what()};
            }
            std::unique_lock lock(shared->mutex);
            if (failure)
                shared->failure = std::move(failure);
            else
                std::move(found.begin(), found.end(), std::back_inserter(shared->merged));
            if (--shared->remaining > 0)
                return;
            lock.unlock();
            if (shared->failure)
                return shared->done(*shared->failure);
            auto &all = shared->merged;
            const bool forward = shared->forward;
            const size_t keep = std::min(all.size(), shared->limit);
            std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                              [forward](const QueriedEntry &a, const QueriedEntry &b) { return queryOrderBefore(a, b, forward); });
            all.resize(keep);
            shared->done(std::move(all));
        });
    }
    return enqueue(std::move(jobs));
}

void QueryPool::work()
{
    std::unique_ptr<LogReader> reader;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (testDelayMs() > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(testDelayMs()));
        try {
            if (!reader)
                reader = m_store.openReader();
        } catch (const std::exception &e) {
            log::error("a query worker cannot read the log store: %s", e.what());
        }
        try {
            job(reader.get());
        } catch (const std::exception &e) {
            log::error("a query worker failed: %s", e.what());
            reader.reset(); // reopen on the next job
        }
    }
}

} // namespace lw::server
