#pragma once

#include "RecordForm.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace lw::ui {

class KeyValueEditor;
class PemField;
class StringListEditor;

// A log source: journald by syslog identifier, or files by path with labels.
class SourceForm : public RecordForm {
    Q_OBJECT
public:
    SourceForm(const FormContext &context, QWidget *parent = nullptr);
    QLineEdit *name() const { return m_name; }
    QCheckBox *enabled() const { return m_enabled; }
    QRadioButton *journald() const { return m_journald; }
    QRadioButton *files() const { return m_files; }
    QLineEdit *identifier() const { return m_identifier; }
    StringListEditor *paths() const { return m_paths; }
    KeyValueEditor *labels() const { return m_labels; }
    QComboBox *format() const { return m_format; }
    QComboBox *minLevel() const { return m_level; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    void showKind();
    QLineEdit *m_name, *m_identifier;
    QCheckBox *m_enabled;
    QRadioButton *m_journald, *m_files;
    StringListEditor *m_paths;
    KeyValueEditor *m_labels;
    QComboBox *m_format, *m_level;
};

// A log target: Loki (push URL, tenant, TLS bundle) or rsyslog (endpoint, port, timeout, bundle).
class TargetForm : public RecordForm {
    Q_OBJECT
public:
    TargetForm(const FormContext &context, QWidget *parent = nullptr);
    QLineEdit *name() const { return m_name; }
    QComboBox *type() const { return m_type; }
    QLineEdit *lokiUrl() const { return m_lokiUrl; }
    QLineEdit *lokiTenant() const { return m_lokiTenant; }
    QComboBox *lokiBundle() const { return m_lokiBundle; }
    QLineEdit *endpoint() const { return m_endpoint; }
    QSpinBox *port() const { return m_port; }
    QLineEdit *timeout() const { return m_timeout; }
    QComboBox *rsyslogBundle() const { return m_rsyslogBundle; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    QLineEdit *m_name, *m_lokiUrl, *m_lokiTenant, *m_endpoint, *m_timeout;
    QCheckBox *m_enabled;
    QComboBox *m_type, *m_lokiBundle, *m_rsyslogBundle;
    QSpinBox *m_port;
    QStackedWidget *m_pages;
};

// A TLS bundle from PEM files: CA, certificate and key, each read and described before upload.
// On edit the stored key stays unless another is chosen (the server never sends it back).
class TlsBundleForm : public RecordForm {
    Q_OBJECT
public:
    TlsBundleForm(const FormContext &context, QWidget *parent = nullptr);
    QLineEdit *name() const { return m_name; }
    PemField *ca() const { return m_ca; }
    PemField *cert() const { return m_cert; }
    PemField *key() const { return m_key; }
    std::vector<Secret> secrets() const override;

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    void describeKey();
    QLineEdit *m_name;
    PemField *m_ca, *m_cert, *m_key;
    bool m_editing;
    bool m_storedKey = false;
    QString m_loadedCert; // the certificate as first loaded (null until then)
};

} // namespace lw::ui
