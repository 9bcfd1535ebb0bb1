#include "ConfigForms.h"

#include "FormWidgets.h"
#include "TlsMaterial.h"
#include "ValidationError.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>

namespace lw::ui {

namespace {

// A combo of fixed API values with a first "not set" entry whose data is empty.
QComboBox *choiceField(const QStringList &values, const QString &unset, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    if (!unset.isEmpty())
        combo->addItem(unset, QString());
    for (const QString &v : values)
        combo->addItem(v, v);
    return combo;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        return combo->setCurrentIndex(i);
    combo->addItem(value, value); // what the record holds, even if the form does not know it
    combo->setCurrentIndex(combo->count() - 1);
}

// An editable picker of the server's TLS bundles, empty meaning none.
QComboBox *bundlePicker(const FormContext &context, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->addItem(QString());
    combo->lineEdit()->setPlaceholderText(QCoreApplication::translate("lw::ui", "none"));
    loadNames(context.client, QStringLiteral("/api/v2/logs/tls-bundles"), "tlsBundles", combo, {QString()});
    return combo;
}

} // namespace

// ---- SourceForm ----

SourceForm::SourceForm(const FormContext &context, QWidget *parent)
    : RecordForm(parent), m_name(nameField(context)), m_identifier(new QLineEdit(this)),
      m_enabled(new QCheckBox(tr("Collect from this source"), this)), m_journald(new QRadioButton(tr("journald"), this)),
      m_files(new QRadioButton(tr("Files"), this)), m_paths(new StringListEditor(tr("/var/log/app/*.log"), this)),
      m_labels(new KeyValueEditor(this)),
      m_format(choiceField({QStringLiteral("ZAP_JSON"), QStringLiteral("JSON"), QStringLiteral("LOGFMT"), QStringLiteral("PLAIN")},
                           tr("(not set)"), this)),
      m_level(choiceField({QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARN"), QStringLiteral("ERROR")},
                          tr("(not set)"), this))
{
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_journald);
    kinds->addButton(m_files);
    auto *kind = new QWidget(this);
    auto *kindRow = new QHBoxLayout(kind);
    kindRow->setContentsMargins(0, 0, 0, 0);
    kindRow->addWidget(m_journald);
    kindRow->addWidget(m_files);
    kindRow->addStretch(1);
    m_identifier->setPlaceholderText(tr("the unit's SYSLOG_IDENTIFIER, e.g. node-manager"));
    addRow(tr("&Name"), m_name, QStringLiteral("name"));
    addRow(QString(), m_enabled, QStringLiteral("enabled"));
    addRow(tr("Reads"), kind, {});
    addRow(tr("Syslog &identifier"), m_identifier, QStringLiteral("journald"));
    registerField(QStringLiteral("journald.syslogIdentifier"), m_identifier);
    addRow(tr("&Paths"), m_paths, QStringLiteral("file.paths"));
    registerField(QStringLiteral("file"), m_paths);
    addRow(tr("&Labels"), m_labels, QStringLiteral("file.labels"));
    addRow(tr("Log &format"), m_format, QStringLiteral("logFormat"));
    addRow(tr("&Minimum level"), m_level, QStringLiteral("minLevel"));
    connect(m_journald, &QRadioButton::toggled, this, &SourceForm::showKind);
    watchChanges();
}

void SourceForm::showKind()
{
    const bool journald = m_journald->isChecked();
    m_identifier->setEnabled(journald);
    m_paths->setEnabled(!journald);
    m_labels->setEnabled(!journald);
}

void SourceForm::loadFields(const Json &record)
{
    for (const char *p : {"/name", "/logFormat", "/minLevel", "/journald/syslogIdentifier"})
        expect(record, p, Kind::String);
    expect(record, "/enabled", Kind::Boolean);
    for (const char *p : {"/journald", "/file", "/file/labels"})
        expect(record, p, Kind::Object);
    expect(record, "/file/paths", Kind::Array);
    m_name->setText(text(record, "/name"));
    m_enabled->setChecked(lw::tolerant::boolean(record, "enabled", true));
    const bool files = record.contains("file") && !record.contains("journald");
    (files ? m_files : m_journald)->setChecked(true);
    m_identifier->setText(text(record, "/journald/syslogIdentifier"));
    QStringList paths;
    std::vector<std::pair<QString, QString>> labels;
    if (const auto file = record.find("file"); file != record.end() && file->is_object()) {
        for (const Json &p : lw::tolerant::array(*file, "paths")) {
            if (!p.is_string())
                cannotShow(QStringLiteral("file.paths"));
            else
                paths << QString::fromStdString(p.get<std::string>());
        }
        for (const auto &[k, v] : lw::tolerant::object(*file, "labels").items()) {
            if (!v.is_string())
                cannotShow(QStringLiteral("file.labels"));
            labels.emplace_back(QString::fromStdString(k), v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString());
        }
    }
    m_paths->setValues(paths);
    m_labels->setValues(labels);
    selectData(m_format, text(record, "/logFormat"));
    selectData(m_level, text(record, "/minLevel"));
    showKind();
}

void SourceForm::writeFields(Json &record) const
{
    put(record, "/name", m_name->text().trimmed());
    record["enabled"] = m_enabled->isChecked();
    put(record, "/logFormat", m_format->currentData().toString());
    put(record, "/minLevel", m_level->currentData().toString());
    if (m_journald->isChecked()) {
        record.erase("file");
        slot(record, "/journald/syslogIdentifier") = m_identifier->text().trimmed().toStdString();
        return;
    }
    record.erase("journald");
    Json paths = Json::array();
    for (const QString &p : m_paths->values())
        paths.push_back(p.toStdString());
    slot(record, "/file/paths") = paths;
    Json labels = Json::object();
    for (const auto &[k, v] : m_labels->values())
        labels[k.toStdString()] = v.toStdString();
    if (labels.empty())
        erase(record, "/file/labels");
    else
        slot(record, "/file/labels") = labels;
}

// ---- TargetForm ----

TargetForm::TargetForm(const FormContext &context, QWidget *parent)
    : RecordForm(parent), m_name(nameField(context)), m_lokiUrl(new QLineEdit(this)), m_lokiTenant(new QLineEdit(this)),
      m_endpoint(new QLineEdit(this)), m_timeout(new QLineEdit(this)), m_enabled(new QCheckBox(tr("Send to this target"), this)),
      m_type(choiceField({QStringLiteral("LOKI"), QStringLiteral("RSYSLOG")}, {}, this)), m_lokiBundle(bundlePicker(context, this)),
      m_rsyslogBundle(bundlePicker(context, this)), m_port(new QSpinBox(this)), m_pages(new QStackedWidget(this))
{
    m_type->setItemText(0, tr("Loki"));
    m_type->setItemText(1, tr("rsyslog (TLS)"));
    m_lokiUrl->setPlaceholderText(QStringLiteral("https://loki.example.com:3100/loki/api/v1/push"));
    m_lokiTenant->setPlaceholderText(tr("X-Scope-OrgID (optional)"));
    m_endpoint->setPlaceholderText(QStringLiteral("rsyslog.example.com"));
    m_port->setRange(1, 65535);
    m_port->setValue(6514);
    m_timeout->setPlaceholderText(tr("e.g. 10s (optional)"));
    auto *loki = new QWidget(m_pages);
    auto *lokiRows = new QFormLayout(loki);
    lokiRows->addRow(tr("Push &URL"), m_lokiUrl);
    lokiRows->addRow(tr("&Tenant"), m_lokiTenant);
    lokiRows->addRow(tr("TLS &bundle"), m_lokiBundle);
    auto *rsyslog = new QWidget(m_pages);
    auto *rsyslogRows = new QFormLayout(rsyslog);
    rsyslogRows->addRow(tr("&Endpoint"), m_endpoint);
    rsyslogRows->addRow(tr("P&ort"), m_port);
    rsyslogRows->addRow(tr("T&imeout"), m_timeout);
    rsyslogRows->addRow(tr("TLS &bundle"), m_rsyslogBundle);
    m_pages->addWidget(loki);
    m_pages->addWidget(rsyslog);
    addRow(tr("&Name"), m_name, QStringLiteral("name"));
    addRow(QString(), m_enabled, QStringLiteral("enabled"));
    addRow(tr("T&ype"), m_type, QStringLiteral("type"));
    rows()->addRow(m_pages);
    registerField(QStringLiteral("loki"), m_lokiUrl);
    registerField(QStringLiteral("loki.url"), m_lokiUrl);
    registerField(QStringLiteral("loki.tenantId"), m_lokiTenant);
    registerField(QStringLiteral("loki.tlsBundle"), m_lokiBundle);
    registerField(QStringLiteral("rsyslog"), m_endpoint);
    registerField(QStringLiteral("rsyslog.endpoint"), m_endpoint);
    registerField(QStringLiteral("rsyslog.port"), m_port);
    registerField(QStringLiteral("rsyslog.timeout"), m_timeout);
    registerField(QStringLiteral("rsyslog.tlsBundle"), m_rsyslogBundle);
    connect(m_type, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    watchChanges();
}

void TargetForm::loadFields(const Json &record)
{
    for (const char *p : {"/name", "/type", "/loki/url", "/loki/tenantId", "/loki/tlsBundle", "/rsyslog/endpoint", "/rsyslog/timeout",
                          "/rsyslog/tlsBundle"})
        expect(record, p, Kind::String);
    expect(record, "/enabled", Kind::Boolean);
    expect(record, "/loki", Kind::Object);
    expect(record, "/rsyslog", Kind::Object);
    expect(record, "/rsyslog/port", Kind::Port);
    const QString type = text(record, "/type");
    if (record.contains("type") && type != QLatin1String("LOKI") && type != QLatin1String("RSYSLOG"))
        cannotShow(QStringLiteral("type")); // the form offers these two; the check says what is wrong
    m_name->setText(text(record, "/name"));
    m_enabled->setChecked(lw::tolerant::boolean(record, "enabled", true));
    m_type->setCurrentIndex(type == QLatin1String("RSYSLOG") ? 1 : 0);
    m_pages->setCurrentIndex(m_type->currentIndex());
    m_lokiUrl->setText(text(record, "/loki/url"));
    m_lokiTenant->setText(text(record, "/loki/tenantId"));
    m_lokiBundle->setCurrentText(text(record, "/loki/tlsBundle"));
    m_endpoint->setText(text(record, "/rsyslog/endpoint"));
    const QString port = text(record, "/rsyslog/port");
    m_port->setValue(port.isEmpty() ? 6514 : port.toInt());
    m_timeout->setText(text(record, "/rsyslog/timeout"));
    m_rsyslogBundle->setCurrentText(text(record, "/rsyslog/tlsBundle"));
}

void TargetForm::writeFields(Json &record) const
{
    put(record, "/name", m_name->text().trimmed());
    record["enabled"] = m_enabled->isChecked();
    const bool loki = m_type->currentIndex() == 0;
    record["type"] = loki ? "LOKI" : "RSYSLOG";
    record.erase(loki ? "rsyslog" : "loki");
    if (loki) {
        slot(record, "/loki/url") = m_lokiUrl->text().trimmed().toStdString();
        put(record, "/loki/tenantId", m_lokiTenant->text().trimmed());
        put(record, "/loki/tlsBundle", m_lokiBundle->currentText().trimmed());
        return;
    }
    slot(record, "/rsyslog/endpoint") = m_endpoint->text().trimmed().toStdString();
    slot(record, "/rsyslog/port") = m_port->value();
    put(record, "/rsyslog/timeout", m_timeout->text().trimmed());
    put(record, "/rsyslog/tlsBundle", m_rsyslogBundle->currentText().trimmed());
}

// ---- TlsBundleForm ----

TlsBundleForm::TlsBundleForm(const FormContext &context, QWidget *parent)
    : RecordForm(parent), m_name(nameField(context)), m_ca(new PemField(PemField::Kind::Certificates, this)),
      m_cert(new PemField(PemField::Kind::Certificates, this)), m_key(new PemField(PemField::Kind::PrivateKey, this)),
      m_editing(context.editing)
{
    m_ca->setObjectName(QStringLiteral("caPem"));
    m_cert->setObjectName(QStringLiteral("certPem"));
    m_key->setObjectName(QStringLiteral("keyPem"));
    m_cert->setEmptyText(tr("none (server authentication only)"));
    addRow(tr("&Name"), m_name, QStringLiteral("name"));
    addRow(tr("CA certificate(s)"), m_ca, QStringLiteral("caPem"));
    addRow(tr("Client certificate"), m_cert, QStringLiteral("certPem"));
    addRow(tr("Private key"), m_key, QStringLiteral("keyPem"));
    connect(m_cert, &FieldEditor::changed, this, &TlsBundleForm::describeKey);
    connect(m_key, &FieldEditor::changed, this, &TlsBundleForm::describeKey);
    watchChanges();
}

void TlsBundleForm::loadFields(const Json &record)
{
    for (const char *p : {"/name", "/caPem", "/certPem", "/keyPem"})
        expect(record, p, Kind::String);
    expect(record, "/hasKey", Kind::Boolean);
    m_name->setText(text(record, "/name"));
    m_storedKey = m_editing && lw::tolerant::boolean(record, "hasKey", false);
    const QString ca = text(record, "/caPem"), cert = text(record, "/certPem"), key = text(record, "/keyPem");
    if (ca != m_ca->pem()) // the same text keeps its file name
        m_ca->setPem(ca, tr("as stored"));
    if (cert != m_cert->pem())
        m_cert->setPem(cert, tr("as stored"));
    if (m_loadedCert.isNull())
        m_loadedCert = cert.isNull() ? QStringLiteral("") : cert; // what the server holds, for describeKey
    m_key->setEmptyText(m_storedKey ? tr("the stored key (unchanged)") : tr("none"));
    if (key != QLatin1String(SecretPlaceholder) && key != m_key->pem()) // the placeholder stands for the key the form holds
        m_key->setPem(key, tr("from the JSON view"));
    describeKey();
}

std::vector<RecordForm::Secret> TlsBundleForm::secrets() const
{
    if (m_key->pem().isEmpty())
        return {};
    return {{"/keyPem", m_key->pem()}};
}

void TlsBundleForm::describeKey()
{
    if (m_key->pem().isEmpty()) {
        const bool certChosen = !m_cert->pem().isEmpty();
        if (m_storedKey && !certChosen)
            return m_key->setSummary(tr("Without a client certificate the server drops the stored key."), true);
        if (m_storedKey && m_cert->pem() != m_loadedCert)
            return m_key->setSummary(tr("A new client certificate needs its private key: choose it."), true);
        if (m_storedKey)
            return m_key->setSummary(tr("The server keeps the stored key; choose a file to replace it."), false);
        return m_key->setSummary(certChosen ? tr("A client certificate needs its private key.") : QString(), certChosen);
    }
    if (m_cert->pem().isEmpty())
        return m_key->setSummary(tr("A private key needs its client certificate."), true);
    try {
        lw::tls::requireKeyMatchesCertificate("keyPem", m_key->pem().toStdString(), m_cert->pem().toStdString());
        m_key->setSummary(tr("Matches the client certificate. It is sent once and stored encrypted; the server never shows it again."),
                          false);
    } catch (const lw::ValidationError &e) {
        m_key->setSummary(e.field() == "keyPem" && e.code() == "key_mismatch" ? tr("This key does not belong to the client certificate.")
                                                                              : QString::fromUtf8(e.what()),
                          true);
    }
}

void TlsBundleForm::writeFields(Json &record) const
{
    put(record, "/name", m_name->text().trimmed());
    record["caPem"] = m_ca->pem().toStdString();
    put(record, "/certPem", m_cert->pem());
    put(record, "/keyPem", m_key->pem());
}

} // namespace lw::ui
