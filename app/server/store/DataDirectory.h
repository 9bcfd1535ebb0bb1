#pragma once

#include <QString>

#include <functional>
#include <stdexcept>

namespace lw::server {

class DataDirectoryError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The server's data directory: creates it (0700), holds an exclusive lock so two servers never
// share one store, and writes secret files atomically with mode 0600.
class DataDirectory {
public:
    // Throws DataDirectoryError with a sentence a person can act on.
    explicit DataDirectory(const QString &path, bool lock = true);
    ~DataDirectory();
    DataDirectory(const DataDirectory &) = delete;
    DataDirectory &operator=(const DataDirectory &) = delete;

    QString path() const { return m_path; }
    QString filePath(const QString &name) const;

    // Returns the content of `name`, creating it first from `make()` (0600, via rename) if absent.
    QByteArray readOrCreateSecret(const QString &name, const std::function<QByteArray()> &make) const;
    void writeSecret(const QString &name, const QByteArray &content) const;
    QByteArray read(const QString &name) const;
    bool exists(const QString &name) const;

private:
    QString m_path;
    int m_lockFd = -1;
};

} // namespace lw::server
