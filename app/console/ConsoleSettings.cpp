#include "ConsoleSettings.h"

namespace lw::console {

ConsoleSettings ConsoleSettings::load(const QSettings &settings)
{
    ConsoleSettings s;
    bool ok = false;
    const int refresh = settings.value(QStringLiteral("settings/refreshSeconds"), DefaultRefreshSeconds).toInt(&ok);
    if (ok && refresh >= 0 && refresh <= MaxRefreshSeconds)
        s.refreshSeconds = refresh;
    if (const QString language = settings.value(QStringLiteral("settings/language")).toString(); languages().contains(language))
        s.language = language;
    if (const QString theme = settings.value(QStringLiteral("settings/theme")).toString(); themes().contains(theme))
        s.theme = theme;
    return s;
}

void ConsoleSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("settings/refreshSeconds"), refreshSeconds);
    settings.setValue(QStringLiteral("settings/language"), language);
    settings.setValue(QStringLiteral("settings/theme"), theme);
}

} // namespace lw::console
