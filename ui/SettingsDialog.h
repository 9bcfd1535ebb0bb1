#pragma once

#include "ConsoleSettings.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace lw::ui {

// Edit → Settings: the auto-refresh interval, the language and the theme.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const console::ConsoleSettings &current, QWidget *parent = nullptr);
    console::ConsoleSettings settings() const;

    QSpinBox *refreshBox() const { return m_refresh; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

private:
    QSpinBox *m_refresh;
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace lw::ui
