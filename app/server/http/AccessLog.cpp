#include "AccessLog.h"

#include <QDateTime>
#include <QFile>

#include "Json.h"

#include <stdexcept>

namespace lw::server {

AccessLog::AccessLog(const QString &target) : m_target(target)
{
    if (target == QLatin1String("off"))
        return;
    if (target.isEmpty() || target == QLatin1String("-")) {
        m_out = stderr;
        return;
    }
    m_out = std::fopen(QFile::encodeName(target).constData(), "ae");
    if (!m_out)
        throw std::runtime_error("cannot open access log " + target.toStdString());
    m_owned = true;
}

void AccessLog::reopen()
{
    if (!m_owned)
        return;
    FILE *fresh = std::fopen(QFile::encodeName(m_target).constData(), "ae");
    if (!fresh)
        throw std::runtime_error("cannot open access log " + m_target.toStdString());
    std::lock_guard lock(m_mutex);
    std::fclose(m_out);
    m_out = fresh;
}

AccessLog::~AccessLog()
{
    if (m_owned)
        std::fclose(m_out);
}

void AccessLog::write(const Entry &e)
{
    if (m_target == QLatin1String("off"))
        return; // m_target never changes; m_out is read under the lock only (reopen() swaps it)
    lw::Json line = {
        {"ts", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"remote", e.remote},
        {"method", e.method},
        {"path", e.path},
        {"status", e.status},
        {"bytes", e.bytes},
        {"ms", static_cast<double>(static_cast<int64_t>(e.durationMs * 1000)) / 1000.0},
    };
    if (!e.subject.empty())
        line["subject"] = e.subject;
    std::string text = line.dump(-1, ' ', false, lw::Json::error_handler_t::replace);
    text += '\n';
    std::lock_guard lock(m_mutex);
    if (!m_out)
        return;
    std::fwrite(text.data(), 1, text.size(), m_out);
    std::fflush(m_out);
}

} // namespace lw::server
