#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace lw::ui {

SettingsDialog::SettingsDialog(const console::ConsoleSettings &current, QWidget *parent)
    : QDialog(parent), m_refresh(new QSpinBox(this)), m_language(new QComboBox(this)), m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_refresh->setRange(0, console::ConsoleSettings::MaxRefreshSeconds);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("Off"));
    m_refresh->setValue(current.refreshSeconds);
    m_refresh->setToolTip(tr("How often the Collectors tab reloads by itself; 0 turns it off."));

    m_language->addItem(tr("The system's language"), QString());
    // Each language named in itself, as people look for their own.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(current.language)));

    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(current.theme)));

    auto *note = new QLabel(tr("A new language is used from the next start."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Auto-refresh every"), m_refresh);
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), note);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(buttons);
}

console::ConsoleSettings SettingsDialog::settings() const
{
    console::ConsoleSettings s;
    s.refreshSeconds = m_refresh->value();
    s.language = m_language->currentData().toString();
    s.theme = m_theme->currentData().toString();
    return s;
}

} // namespace lw::ui
