#include "ConfigFile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace lw::server {

namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(static_cast<size_t>(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[static_cast<size_t>(j)];
            row[static_cast<size_t>(j)] = std::min({up + 1, row[static_cast<size_t>(j - 1)] + 1,
                                                    diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

QString nearest(const QString &key, const QStringList &names)
{
    QString best;
    int bestDistance = 4; // further than 3 edits is no suggestion
    for (const QString &name : names) {
        if (std::abs(name.size() - key.size()) >= bestDistance)
            continue; // cannot be nearer; a long key costs nothing
        const int d = editDistance(key, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = name;
        }
    }
    return best;
}

bool isKeyCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
           || c == QLatin1Char('-');
}

} // namespace

QString ConfigFile::defaultPath()
{
    const QByteArray env = qgetenv("LOGWARDEND_CONFIG");
    return env.isEmpty() ? QStringLiteral("/etc/logwarden/logwardend.conf") : QString::fromLocal8Bit(env);
}

ConfigFile ConfigFile::read(const QString &path, const QList<QCommandLineOption> &known, const QStringList &repeatable)
{
    ConfigFile file;
    file.m_path = path;
    QHash<QString, bool> takesValue;
    QStringList names;
    for (const QCommandLineOption &o : known) {
        for (const QString &name : o.names()) {
            if (name.size() < 2 || name == QLatin1String("config") || name == QLatin1String("help")
                || name == QLatin1String("version"))
                continue; // short aliases and the flags that are no setting
            takesValue.insert(name, !o.valueName().isEmpty());
            names << name;
            if (o.valueName().isEmpty())
                file.m_switches << name;
        }
    }

    const QFileInfo info(path);
    if (!info.exists())
        throw ConfigFileError(QStringLiteral("%1: no such file").arg(path).toStdString());
    if (!info.isFile())
        throw ConfigFileError(QStringLiteral("%1: not a regular file").arg(path).toStdString());
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ConfigFileError(QStringLiteral("%1: %2").arg(path, f.errorString()).toStdString());
    const QByteArray bytes = f.read(kMaxBytes + 1); // bounded while reading
    if (bytes.size() > kMaxBytes)
        throw ConfigFileError(QStringLiteral("%1: larger than %2 bytes; this is not a logwardend.conf").arg(path).arg(kMaxBytes).toStdString());

    auto fail = [&path](int line, const QString &what) {
        return ConfigFileError(QStringLiteral("%1:%2: %3").arg(path, QString::number(line), what).toStdString());
    };
    QHash<QString, int> seenAt;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = static_cast<int>(i) + 1;
        QByteArray raw = lines[i];
        if (raw.endsWith('\r'))
            raw.chop(1);
        const QString line = QString::fromUtf8(raw);
        if (line.toUtf8() != raw)
            throw fail(lineNumber, QStringLiteral("not UTF-8 text"));
        if (std::any_of(line.begin(), line.end(), [](QChar c) { return c.unicode() < 0x20 && c != QLatin1Char('\t'); }))
            throw fail(lineNumber, QStringLiteral("holds a control character"));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        if (equals < 0)
            throw fail(lineNumber, QStringLiteral("\"%1\" is not a setting: write key = value").arg(trimmed.left(80)));
        QString key = trimmed.left(equals).trimmed();
        QString value = trimmed.mid(equals + 1).trimmed();
        if (key.startsWith(QLatin1String("--")))
            throw fail(lineNumber, QStringLiteral("write the key without \"--\": %1 = …").arg(key.mid(2).left(80)));
        if (key.isEmpty() || !std::all_of(key.begin(), key.end(), isKeyCharacter))
            throw fail(lineNumber, QStringLiteral("\"%1\" is not a key (a flag's name: a-z, 0-9 and '-')").arg(key.left(80)));
        if (key == QLatin1String("config"))
            throw fail(lineNumber, QStringLiteral("config cannot be set in a configuration file"));
        if (!takesValue.contains(key)) {
            const QString suggestion = nearest(key, names);
            throw fail(lineNumber, suggestion.isEmpty()
                                       ? QStringLiteral("unknown key \"%1\" (logwardend --help lists the flags)").arg(key)
                                       : QStringLiteral("unknown key \"%1\"; did you mean %2?").arg(key, suggestion));
        }
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        if (takesValue.value(key)) {
            if (value.isEmpty())
                throw fail(lineNumber, QStringLiteral("%1 needs a value").arg(key));
        } else if (value != QLatin1String("true") && value != QLatin1String("false")) {
            throw fail(lineNumber, QStringLiteral("%1 is true or false, not \"%2\"").arg(key, value.left(80)));
        }
        if (seenAt.contains(key) && !repeatable.contains(key))
            throw fail(lineNumber, QStringLiteral("%1 is already set on line %2").arg(key).arg(seenAt.value(key)));
        seenAt.insert(key, lineNumber);
        file.m_settings.push_back({key, value, lineNumber});
    }
    return file;
}

QStringList ConfigFile::argumentsUnder(const QCommandLineParser &commandLine) const
{
    QStringList arguments;
    for (const ConfigSetting &s : m_settings) {
        if (commandLine.isSet(s.key))
            continue;
        if (m_switches.contains(s.key)) {
            if (s.value == QLatin1String("true"))
                arguments << QStringLiteral("--") + s.key;
        } else {
            arguments << QStringLiteral("--%1=%2").arg(s.key, s.value);
        }
    }
    return arguments;
}

std::optional<ConfigSetting> ConfigFile::origin(const QString &key, const QCommandLineParser &commandLine) const
{
    if (commandLine.isSet(key))
        return std::nullopt;
    std::optional<ConfigSetting> last;
    for (const ConfigSetting &s : m_settings)
        if (s.key == key)
            last = s;
    return last;
}

} // namespace lw::server
