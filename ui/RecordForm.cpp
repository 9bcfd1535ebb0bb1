#include "RecordForm.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStyle>

namespace lw::ui {

RecordForm::RecordForm(QWidget *parent) : QWidget(parent), m_rows(new QFormLayout(this))
{
    m_rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A field the server or the checks refuse is framed in red (colour is not the only cue: the
    // message under the form names it, and the field gets the focus).
    setStyleSheet(QStringLiteral("*[invalidField=\"true\"] { border: 2px solid #c62828; border-radius: 2px; }"));
}

void RecordForm::addFieldRow(const QString &label, QWidget *widget, const QString &field)
{
    m_rows->addRow(label, widget);
    if (!field.isEmpty())
        registerField(field, widget);
}

void RecordForm::registerField(const QString &field, QWidget *widget)
{
    m_fields.emplace_back(field, widget);
}

void RecordForm::watchChanges()
{
    for (auto *w : findChildren<QLineEdit *>())
        connect(w, &QLineEdit::textChanged, this, &RecordForm::notifyChanged);
    for (auto *w : findChildren<QAbstractButton *>()) {
        if (w->isCheckable())
            connect(w, &QAbstractButton::toggled, this, &RecordForm::notifyChanged);
    }
    for (auto *w : findChildren<QComboBox *>())
        connect(w, &QComboBox::currentTextChanged, this, &RecordForm::notifyChanged);
    for (auto *w : findChildren<QSpinBox *>())
        connect(w, &QSpinBox::valueChanged, this, &RecordForm::notifyChanged);
    for (auto *w : findChildren<QDateTimeEdit *>())
        connect(w, &QDateTimeEdit::dateTimeChanged, this, &RecordForm::notifyChanged);
    for (auto *w : findChildren<FieldEditor *>())
        connect(w, &FieldEditor::changed, this, &RecordForm::notifyChanged);
}

void RecordForm::notifyChanged()
{
    if (!m_loading)
        Q_EMIT changed();
}

void RecordForm::load(const Json &record)
{
    m_base = record.is_object() ? record : Json::object();
    m_loading = true;
    loadFields(m_base);
    m_loading = false;
}

Json RecordForm::value() const
{
    Json out = m_base;
    writeFields(out);
    return out;
}

QWidget *RecordForm::widgetFor(const QString &field) const
{
    // The most specific registered prefix: "realms[0].tenant" → "realms" (a FieldEditor, asked for
    // "[0].tenant"); "file.paths[3]" → "file.paths".
    for (QString prefix = field; !prefix.isEmpty();) {
        for (const auto &[name, widget] : m_fields) {
            if (name != prefix)
                continue;
            if (auto *editor = qobject_cast<FieldEditor *>(widget))
                return editor->widgetFor(field.mid(prefix.size()));
            return widget;
        }
        const qsizetype cut = std::max(prefix.lastIndexOf(QLatin1Char('.')), prefix.lastIndexOf(QLatin1Char('[')));
        prefix = cut > 0 ? prefix.left(cut) : QString();
    }
    return nullptr;
}

QWidget *RecordForm::markField(const QString &field, const QString &message)
{
    QWidget *target = field.isEmpty() ? nullptr : widgetFor(field);
    if (m_marked && m_marked != target) {
        m_marked->setProperty("invalidField", false);
        m_marked->setToolTip(QString());
        m_marked->style()->unpolish(m_marked);
        m_marked->style()->polish(m_marked);
    }
    m_marked = target;
    m_markedField = target ? field : QString();
    if (!target)
        return nullptr;
    target->setProperty("invalidField", true);
    target->setToolTip(message);
    target->style()->unpolish(target);
    target->style()->polish(target);
    return target;
}

QString RecordForm::text(const Json &record, const char *pointer)
{
    const Json *at = &record;
    for (const std::string &key : split(pointer)) {
        if (!at->is_object() || !at->contains(key))
            return {};
        at = &at->at(key);
    }
    const Json &v = *at;
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : v.is_number() ? QString::fromStdString(v.dump()) : QString();
}

void RecordForm::put(Json &record, const char *pointer, const QString &value)
{
    if (value.isEmpty())
        return erase(record, pointer);
    slot(record, pointer) = value.toStdString();
}

Json &RecordForm::slot(Json &record, const char *pointer)
{
    // Objects all the way down: whatever the JSON tab held in their place ("file": "x") gives way.
    Json *at = &record;
    for (const std::string &key : split(pointer)) {
        if (!at->is_object())
            *at = Json::object();
        at = &(*at)[key];
    }
    return *at;
}

std::vector<std::string> RecordForm::split(const char *pointer)
{
    std::vector<std::string> keys;
    Json::json_pointer p(pointer);
    while (!p.empty()) {
        keys.insert(keys.begin(), p.back());
        p.pop_back();
    }
    return keys;
}

void RecordForm::erase(Json &record, const char *pointer)
{
    Json *at = &record;
    const std::vector<std::string> keys = split(pointer);
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        if (!at->is_object() || !at->contains(keys[i]))
            return;
        at = &(*at)[keys[i]];
    }
    if (at->is_object() && !keys.empty())
        at->erase(keys.back());
}

} // namespace lw::ui
