#include "RecordEditorDialog.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lw::ui {

RecordEditorDialog::RecordEditorDialog(const QString &title, const Json &initial, std::function<Problem(const Json &)> validate,
                                       RecordForm *form, QWidget *parent)
    : QDialog(parent), m_editor(new QPlainTextEdit(this)), m_form(form), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)), m_validate(std::move(validate))
{
    setWindowTitle(title);
    resize(form ? 720 : 640, form ? 620 : 520);
    m_editor->setObjectName(QStringLiteral("json"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(QString::fromStdString(initial.dump(2)));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // the server's words are text, never markup
    auto *layout = new QVBoxLayout(this);
    if (m_form) {
        m_tabs = new QTabWidget(this);
        auto *page = new QWidget(m_tabs);
        auto *pageLayout = new QVBoxLayout(page);
        m_formNote = new QLabel(page);
        m_formNote->setObjectName(QStringLiteral("formNote"));
        m_formNote->setWordWrap(true);
        m_formNote->setTextFormat(Qt::PlainText);
        m_formNote->hide();
        auto *scroll = new QScrollArea(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(m_form);
        pageLayout->addWidget(m_formNote);
        pageLayout->addWidget(scroll, 1);
        m_tabs->addTab(page, tr("&Form"));
        m_tabs->addTab(m_editor, tr("Advanced (&JSON)"));
        m_form->load(initial);
        showFormState();
        connect(m_form, &RecordForm::changed, this, &RecordEditorDialog::formChanged);
        layout->addWidget(m_tabs);
    } else {
        layout->addWidget(m_editor);
    }
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &RecordEditorDialog::jsonChanged);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { Q_EMIT submitted(value()); });
    revalidate();
}

Json RecordEditorDialog::value() const
{
    Json v = Json::parse(m_editor->toPlainText().toStdString(), nullptr, false);
    if (!m_form || !v.is_object())
        return v;
    // The secrets the JSON tab shows as a placeholder go back in (unless the placeholder was replaced).
    for (const RecordForm::Secret &s : m_form->secrets()) {
        const Json::json_pointer at(s.pointer);
        try {
            if (v.contains(at) && v.at(at) == RecordForm::SecretPlaceholder)
                v[at] = s.value.toStdString();
        } catch (const std::exception &) {
            // a pointer through something that is not an object: the JSON stays as typed
        }
    }
    return v;
}

void RecordEditorDialog::formChanged()
{
    if (m_syncing)
        return;
    Json shown = m_form->value();
    for (const RecordForm::Secret &s : m_form->secrets())
        RecordForm::slot(shown, s.pointer) = RecordForm::SecretPlaceholder; // never in an editor's clear text
    m_syncing = true; // the JSON follows the form
    m_editor->setPlainText(QString::fromStdString(shown.dump(2)));
    m_syncing = false;
    revalidate();
}

void RecordEditorDialog::showFormState()
{
    const QStringList unshowable = m_form->unshowable();
    m_form->setEnabled(unshowable.isEmpty() && !m_busy);
    m_formNote->setVisible(!unshowable.isEmpty());
    m_formNote->setText(tr("The form cannot show %1 as it is; edit this record on the Advanced (JSON) tab.")
                            .arg(unshowable.join(QStringLiteral(", "))));
    m_formNote->setStyleSheet(QStringLiteral("color: #c62828;"));
}

void RecordEditorDialog::jsonChanged()
{
    if (m_form && !m_syncing) {
        // The form follows the JSON whenever it is an object; the fields it does not show are kept.
        const Json v = value();
        if (v.is_object()) {
            m_syncing = true;
            m_form->load(v);
            m_syncing = false;
            showFormState();
        }
    }
    revalidate();
}

void RecordEditorDialog::showProblem(const QString &message, const QString &field)
{
    m_message->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_message->setText(message.isEmpty() ? tr("Looks valid.") : message);
    if (m_form)
        m_form->markField(field, message);
}

void RecordEditorDialog::revalidate()
{
    const Json v = value();
    Problem problem;
    if (v.is_discarded())
        problem.message = tr("This is not valid JSON yet.");
    else if (m_validate)
        problem = m_validate(v);
    showProblem(problem.message, problem.field);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.message.isEmpty());
}

void RecordEditorDialog::showServerError(const QString &message, const QString &field)
{
    showProblem(field.isEmpty() ? tr("The server refused: %1").arg(message) : tr("The server refused %1: %2").arg(field, message), field);
    QWidget *target = m_form && !field.isEmpty() ? m_form->widgetFor(field) : nullptr;
    if (target && m_tabs) {
        m_tabs->setCurrentIndex(0); // where the field is
        target->setFocus(Qt::OtherFocusReason);
    }
}

QString RecordEditorDialog::formNote() const
{
    return m_formNote && !m_formNote->isHidden() ? m_formNote->text() : QString();
}

QString RecordEditorDialog::messageText() const
{
    return m_message->text();
}

void RecordEditorDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void RecordEditorDialog::closeEvent(QCloseEvent *event)
{
    if (m_busy)
        return event->ignore();
    QDialog::closeEvent(event);
}

void RecordEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->setEnabled(!busy);
    m_editor->setReadOnly(busy);
    if (m_form)
        showFormState();
}

} // namespace lw::ui
