#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace lw::console {

// The console's settings file (profiles, preferences, window state): ~/.config/logwarden/console.conf.
class ConsoleSettingsFile : public QSettings {
public:
    ConsoleSettingsFile() : QSettings(QStringLiteral("logwarden"), QStringLiteral("console")) {}
};

// The console's preferences as they sit in its QSettings file. Values read back are checked:
// a hand-edited file with an unknown language or a refresh of -5 s gives the defaults.
struct ConsoleSettings {
    static constexpr int DefaultRefreshSeconds = 10;
    static constexpr int MaxRefreshSeconds = 3600;

    int refreshSeconds = DefaultRefreshSeconds; // auto-refresh of live tabs (Collectors); 0 = off
    QString language;                           // "" = the system's, else one of languages()
    QString theme = QStringLiteral("system");   // one of themes()

    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}; }
    static QStringList themes() { return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}; }

    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const ConsoleSettings &) const = default;
};

} // namespace lw::console
