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
#include <QTextDocument>

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

QLineEdit *RecordForm::nameField(const FormContext &context)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QStringLiteral("name"));
    edit->setPlaceholderText(tr("3–64 of a-z, 0-9, - and _"));
    if (context.editing) {
        edit->setReadOnly(true);
        edit->setToolTip(tr("A name cannot change; create a new record instead."));
    }
    return edit;
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

const char *const RecordForm::SecretPlaceholder = "(secret: sent when you save, never shown)";

void RecordForm::load(const Json &record)
{
    m_base = record.is_object() ? record : Json::object();
    m_unshowable.clear();
    m_loading = true;
    try {
        loadFields(m_base);
    } catch (const std::exception &) {
        cannotShow(tr("this record")); // a shape no check above foresaw: the JSON tab has it
    }
    m_loading = false;
}

void RecordForm::cannotShow(const QString &field)
{
    if (!m_unshowable.contains(field))
        m_unshowable << field;
}

void RecordForm::expect(const Json &record, const char *pointer, Kind kind)
{
    const Json *at = &record;
    for (const std::string &key : split(pointer)) {
        if (!at->is_object())
            return; // the parent's own check says so
        const auto it = at->find(key);
        if (it == at->end())
            return; // absent is fine: the form shows its default
        at = &*it;
    }
    bool ok = true;
    switch (kind) {
    case Kind::String: ok = at->is_string(); break;
    case Kind::Boolean: ok = at->is_boolean(); break;
    case Kind::Object: ok = at->is_object(); break;
    case Kind::Array: ok = at->is_array(); break;
    case Kind::Port: ok = at->is_number_integer() && at->get<int64_t>() >= 1 && at->get<int64_t>() <= 65535; break;
    }
    if (!ok)
        cannotShow(QString::fromLatin1(pointer + 1).replace(QLatin1Char('/'), QLatin1Char('.')));
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
        m_marked->setToolTip(m_marked->property("plainToolTip").toString()); // its own hint again
        m_marked->style()->unpolish(m_marked);
        m_marked->style()->polish(m_marked);
    }
    m_marked = target;
    m_markedField = target ? field : QString();
    if (!target)
        return nullptr;
    if (!target->property("invalidField").toBool())
        target->setProperty("plainToolTip", target->toolTip());
    target->setProperty("invalidField", true);
    // The server's words as text: a tooltip that looks like markup would be rendered as such.
    target->setToolTip(message.isEmpty() ? QString() : Qt::convertFromPlainText(message, Qt::WhiteSpaceNormal));
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
