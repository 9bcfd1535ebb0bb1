#pragma once

#include "Json.h"
#include "RecordForm.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace lw::ui {

// Edits one record: as a form where the resource has one, with the JSON beside it on an
// "Advanced (JSON)" tab (the two always agree), else as JSON. Checked as you type with the
// server's rules, the offending field framed; the server's refusal lands on the field it names
// and the dialog stays open.
class RecordEditorDialog : public QDialog {
    Q_OBJECT
public:
    RecordEditorDialog(const QString &title, const Json &initial, std::function<Problem(const Json &)> validate,
                       RecordForm *form = nullptr, QWidget *parent = nullptr);

    Json value() const;
    RecordForm *form() const { return m_form; }
    QTabWidget *tabs() const { return m_tabs; }
    void showServerError(const QString &message, const QString &field);
    QString messageText() const; // what the dialog says under the editor (validation, refusal)
    QString formNote() const;    // why the form is off, or empty
    // While busy (a request about this record is in flight) Save is off and the dialog does not
    // close (Esc, Cancel, the window's close button): the answer always finds it.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    void submitted(const Json &value);

private:
    void revalidate();
    void formChanged();
    void jsonChanged();
    void showProblem(const QString &message, const QString &field);
    void showFormState(); // off, with a note, while the form cannot show the record

    QPlainTextEdit *m_editor;
    RecordForm *m_form;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_message;
    QLabel *m_formNote = nullptr;
    QDialogButtonBox *m_buttons;
    std::function<Problem(const Json &)> m_validate;
    bool m_busy = false;
    bool m_syncing = false;
};

} // namespace lw::ui
