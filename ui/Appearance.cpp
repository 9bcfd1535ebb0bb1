#include "Appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace lw::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5), disabled(0x7f, 0x84, 0x8e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void applyTheme(QApplication &app, const QString &theme)
{
    static const QString platformStyle = app.style()->name(); // the style the desktop chose, before we change it
    if (theme == QLatin1String("dark") || theme == QLatin1String("light")) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(theme == QLatin1String("dark") ? darkPalette() : app.style()->standardPalette());
        return;
    }
    if (app.style()->name() != platformStyle)
        app.setStyle(QStyleFactory::create(platformStyle));
    app.setPalette(QPalette()); // back to the platform theme's palette
}

QString installTranslations(QApplication &app, const QString &language, QTranslator &qt, QTranslator &own)
{
    app.removeTranslator(&qt);
    app.removeTranslator(&own);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
    if (own.load(locale, QStringLiteral("logwarden"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(&own);
        return own.language();
    }
    return QStringLiteral("en");
}

} // namespace lw::ui
