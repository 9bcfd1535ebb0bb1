#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace lw::ui {

// Seed 001 in the window: a client-self-signed JWT from sub, scopes (the server's vocabulary as
// checkboxes, plus free text), the user's API access key (typed) or a PEM key, algorithm and
// lifetime; shows the token once with its decoded header and claims.
class TokenGeneratorDialog : public QDialog {
    Q_OBJECT
public:
    explicit TokenGeneratorDialog(QWidget *parent = nullptr);

    QString token() const { return m_token; }
    QString scopeText() const;
    void generate();

Q_SIGNALS:
    // The user wants the token as the current profile's credential.
    void useAsCredential(const QString &token);

private:
    QLineEdit *m_subject;
    QList<QCheckBox *> m_scopeBoxes;
    QLineEdit *m_extraScopes;
    QLineEdit *m_secret;
    QComboBox *m_algorithm;
    QPushButton *m_pemButton;
    QSpinBox *m_minutes;
    QLabel *m_message;
    QPlainTextEdit *m_output;
    QPushButton *m_copy;
    QPushButton *m_use;
    QString m_pem;
    QString m_token;
};

// Decodes any pasted JWT (without verifying) and tells when it expires.
class JwtInspectorDialog : public QDialog {
    Q_OBJECT
public:
    explicit JwtInspectorDialog(QWidget *parent = nullptr);
    void inspect(const QString &token);
    QString report() const;

private:
    QPlainTextEdit *m_input;
    QPlainTextEdit *m_output;
};

} // namespace lw::ui
