#include "DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lw::server {

DataDirectory::DataDirectory(const QString &path, bool lock) : m_path(QDir(path).absolutePath())
{
    QDir dir(m_path);
    if (!dir.exists() && !QDir().mkpath(m_path))
        throw DataDirectoryError("cannot create data directory " + m_path.toStdString());
    ::chmod(QFile::encodeName(m_path).constData(), 0700);
    QFileInfo info(m_path);
    if (!info.isDir() || !info.isWritable())
        throw DataDirectoryError("data directory " + m_path.toStdString() + " is not a writable directory");
    if (!lock)
        return;
    QByteArray lockPath = QFile::encodeName(filePath(QStringLiteral("logwardend.lock")));
    m_lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0)
        throw DataDirectoryError("cannot open " + lockPath.toStdString() + ": " + std::strerror(errno));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
        throw DataDirectoryError("data directory " + m_path.toStdString()
                                 + " is in use by another logwardend (lock held on logwardend.lock)");
    }
}

DataDirectory::~DataDirectory()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

QString DataDirectory::filePath(const QString &name) const
{
    return m_path + QLatin1Char('/') + name;
}

bool DataDirectory::exists(const QString &name) const
{
    return QFileInfo::exists(filePath(name));
}

QByteArray DataDirectory::read(const QString &name) const
{
    QFile f(filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        throw DataDirectoryError("cannot read " + f.fileName().toStdString() + ": " + f.errorString().toStdString());
    return f.readAll();
}

void DataDirectory::writeSecret(const QString &name, const QByteArray &content) const
{
    QString target = filePath(name);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QByteArray tmp = QFile::encodeName(target + QStringLiteral(".tmp"));
    int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw DataDirectoryError("cannot write " + tmp.toStdString() + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    ssize_t written = ::write(fd, content.constData(), static_cast<size_t>(content.size()));
    bool ok = written == content.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.constData(), QFile::encodeName(target).constData()) != 0) {
        ::unlink(tmp.constData());
        throw DataDirectoryError("cannot write " + target.toStdString() + ": " + std::strerror(errno));
    }
}

QByteArray DataDirectory::readOrCreateSecret(const QString &name, const std::function<QByteArray()> &make) const
{
    if (exists(name))
        return read(name);
    QByteArray content = make();
    writeSecret(name, content);
    return content;
}

} // namespace lw::server
