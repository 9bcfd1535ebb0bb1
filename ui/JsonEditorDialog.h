#pragma once

#include "Json.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace lw::ui {

// Edits one record as JSON, validating as you type with the same rules as the server; the
// server's refusal is shown in the dialog, next to the field it names, and the dialog stays open.
class JsonEditorDialog : public QDialog {
    Q_OBJECT
public:
    JsonEditorDialog(const QString &title, const Json &initial, std::function<QString(const Json &)> validate,
                     QWidget *parent = nullptr);

    Json value() const;
    void showServerError(const QString &message, const QString &field);
    QString messageText() const; // what the dialog says under the editor (validation, refusal)
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

    QPlainTextEdit *m_editor;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    std::function<QString(const Json &)> m_validate;
    bool m_busy = false;
};

} // namespace lw::ui
