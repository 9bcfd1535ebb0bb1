#pragma once

#include <QString>

#include <cstdio>
#include <mutex>
#include <string>

namespace lw::server {

// One JSON line per request (thread-safe): time, peer, method, path (never the query or any header, so no
// credential can leak into it), status, bytes, duration and the authenticated subject.
class AccessLog {
public:
    struct Entry {
        std::string remote;
        std::string method;
        std::string path;
        int status = 0;
        qint64 bytes = 0;
        double durationMs = 0;
        std::string subject;
    };

    // target: "-" for stderr, "off" for nothing, otherwise a file appended to.
    explicit AccessLog(const QString &target);
    ~AccessLog();
    void write(const Entry &entry);
    // A file target is opened again (after logrotate moved it, on SIGHUP); throws when it cannot
    // be, and then lines keep going to the file open before.
    void reopen();

private:
    std::mutex m_mutex; // lines come from several threads
    FILE *m_out = nullptr;
    bool m_owned = false;
    const QString m_target;
};

} // namespace lw::server
