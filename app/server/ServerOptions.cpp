#include "ServerOptions.h"

#include <QRegularExpression>
#include <QStandardPaths>

#include <limits>

#include <unistd.h>

namespace lw::server {

QString ServerOptions::defaultDataDir()
{
    const QByteArray env = qgetenv("LOGWARDEND_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/logwardend");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/logwardend");
}

std::optional<HostPort> parseHostPort(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(?:\\[([0-9a-fA-F:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const uint port = m.captured(3).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    QString host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (host == QLatin1String("*"))
        address = QHostAddress::Any;
    else if (!address.setAddress(host))
        return std::nullopt;
    return HostPort{address, static_cast<quint16>(port)};
}

std::optional<qint64> parseDurationSeconds(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([smhdy]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok || n <= 0 || n > 100000000)
        return std::nullopt;
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("m") ? 60
                          : unit == QLatin1String("h") ? 3600
                          : unit == QLatin1String("d") ? 86400
                          : unit == QLatin1String("y") ? 365 * 86400
                                                       : 1;
    return n * factor;
}

std::optional<qint64> parseByteSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([KMGT]?)i?B?$"), QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = m.captured(2).toUpper();
    const int shift = unit == QLatin1String("K") ? 10 : unit == QLatin1String("M") ? 20 : unit == QLatin1String("G") ? 30
                      : unit == QLatin1String("T") ? 40 : 0;
    if (n > (std::numeric_limits<qint64>::max() >> shift))
        return std::nullopt;
    return n << shift;
}

} // namespace lw::server
