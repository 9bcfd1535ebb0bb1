#include "JsonEditorDialog.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lw::ui {

JsonEditorDialog::JsonEditorDialog(const QString &title, const Json &initial, std::function<QString(const Json &)> validate,
                                   QWidget *parent)
    : QDialog(parent), m_editor(new QPlainTextEdit(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)), m_validate(std::move(validate))
{
    setWindowTitle(title);
    resize(640, 520);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(QString::fromStdString(initial.dump(2)));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // the server's words are text, never markup
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonEditorDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { Q_EMIT submitted(value()); });
    revalidate();
}

Json JsonEditorDialog::value() const
{
    return Json::parse(m_editor->toPlainText().toStdString(), nullptr, false);
}

void JsonEditorDialog::revalidate()
{
    const Json v = value();
    QString problem;
    if (v.is_discarded())
        problem = tr("This is not valid JSON yet.");
    else if (m_validate)
        problem = m_validate(v);
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_message->setText(problem.isEmpty() ? tr("Looks valid.") : problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

void JsonEditorDialog::showServerError(const QString &message, const QString &field)
{
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setText(field.isEmpty() ? tr("The server refused: %1").arg(message)
                                       : tr("The server refused %1: %2").arg(field, message));
}

QString JsonEditorDialog::messageText() const
{
    return m_message->text();
}

void JsonEditorDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void JsonEditorDialog::closeEvent(QCloseEvent *event)
{
    if (m_busy)
        return event->ignore();
    QDialog::closeEvent(event);
}

void JsonEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->setEnabled(!busy);
    m_editor->setReadOnly(busy);
}

} // namespace lw::ui
