#include "LogWriter.h"
#include "Log.h"

#include <cstdio>
#include <vector>

namespace lw::server {

LogWriter::LogWriter(LogStore &store, size_t maxQueuedBytes, size_t maxGroupBytes)
    : m_store(store), m_maxQueuedBytes(maxQueuedBytes), m_maxGroupBytes(maxGroupBytes), m_thread([this] { work(); })
{
}

LogWriter::~LogWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool LogWriter::append(PushToStore push, size_t bytes, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queuedBytes + bytes > m_maxQueuedBytes)
            return false;
        m_queuedBytes += bytes;
        m_queue.push_back(Item{std::move(push), bytes, std::move(done), {}});
    }
    m_wake.notify_one();
    return true;
}

void LogWriter::run(std::function<void(LogStore &)> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(Item{std::nullopt, 0, {}, std::move(task)});
    }
    m_wake.notify_one();
}

size_t LogWriter::queuedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_queuedBytes;
}

void LogWriter::work()
{
    for (;;) {
        std::vector<Item> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything is written
            if (!m_queue.front().push) {
                group.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            } else {
                // Every push waiting now, up to the group's size, shares one transaction.
                size_t bytes = 0;
                while (!m_queue.empty() && m_queue.front().push && (group.empty() || bytes + m_queue.front().bytes <= m_maxGroupBytes)) {
                    bytes += m_queue.front().bytes;
                    group.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
            }
        }
        if (!group.front().push) {
            try {
                group.front().task(m_store);
            } catch (const std::exception &e) {
                log::error("a log store task failed: %s", e.what());
            }
            continue;
        }
        std::vector<PushToStore> pushes;
        pushes.reserve(group.size());
        size_t bytes = 0;
        for (Item &item : group) {
            pushes.push_back(std::move(*item.push));
            bytes += item.bytes;
        }
        std::optional<std::string> error;
        try {
            m_store.appendAll(pushes);
        } catch (const std::exception &e) {
            error = e.what();
        }
        {
            std::lock_guard lock(m_mutex);
            m_queuedBytes -= bytes;
        }
        for (size_t i = 0; i < group.size(); ++i) {
            try {
                group[i].done(error, pushes[i].firstSeq);
            } catch (const std::exception &e) {
                log::error("completing a push failed: %s", e.what());
            }
        }
    }
}

} // namespace lw::server
