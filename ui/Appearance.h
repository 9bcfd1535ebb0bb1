#pragma once

#include <QString>

class QApplication;
class QTranslator;

namespace lw::ui {

// Applies a theme setting: "system" keeps the platform's style and palette (so the console
// follows the desktop's light or dark scheme); "light" and "dark" use Fusion with a fixed palette.
void applyTheme(QApplication &app, const QString &theme);

// Installs Qt's own and the console's translations for `language` ("" = the system locale).
// Returns the language the console's strings are now shown in ("en" when nothing matched).
QString installTranslations(QApplication &app, const QString &language, QTranslator &qt, QTranslator &own);

} // namespace lw::ui
