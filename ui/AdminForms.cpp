#include "AdminForms.h"

#include "FormWidgets.h"

#include "AccessModels.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace lw::ui {

namespace {

// The strings of an array field; `complete` false when the field holds anything else.
std::vector<std::string> stringList(const Json &record, const char *key, bool &complete)
{
    std::vector<std::string> out;
    complete = !record.contains(key) || record[key].is_array();
    for (const Json &v : lw::tolerant::array(record, key)) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else
            complete = false;
    }
    return out;
}

} // namespace

AdminForm::AdminForm(const FormContext &context, QWidget *parent, bool withDisplayName)
    : RecordForm(parent), m_context(context), m_name(nameField(context))
{
    addRow(tr("&Name"), m_name, QStringLiteral("name"));
    if (!withDisplayName)
        return;
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("display_name"));
    m_displayName->setPlaceholderText(tr("optional; the name when empty"));
    addRow(tr("&Display name"), m_displayName, QStringLiteral("display_name"));
}

void AdminForm::loadFields(const Json &record)
{
    expect(record, "/name", Kind::String);
    expect(record, "/display_name", Kind::String);
    m_name->setText(text(record, "/name"));
    if (m_displayName)
        m_displayName->setText(text(record, "/display_name"));
}

void AdminForm::writeFields(Json &record) const
{
    put(record, "/name", m_name->text().trimmed());
    if (!m_displayName)
        return;
    // Empty means "the name" (the placeholder says so): sent as such, since on an edit an absent
    // display_name would keep the old one.
    const QString shown = m_displayName->text().trimmed();
    put(record, "/display_name", shown.isEmpty() ? m_name->text().trimmed() : shown);
}

// ---- tenants ----

TenantForm::TenantForm(const FormContext &context, QWidget *parent) : AdminForm(context, parent), m_cluster(new QComboBox(this))
{
    m_cluster->setEditable(true);
    loadNames(context.client, QStringLiteral("/admin/api/v3/clusters"), "items", m_cluster);
    addRow(tr("&Cluster"), m_cluster, QStringLiteral("cluster"));
    watchChanges();
}

void TenantForm::loadFields(const Json &record)
{
    AdminForm::loadFields(record);
    expect(record, "/cluster", Kind::String);
    m_cluster->setCurrentText(text(record, "/cluster"));
}

void TenantForm::writeFields(Json &record) const
{
    AdminForm::writeFields(record);
    put(record, "/cluster", m_cluster->currentText().trimmed());
}

// ---- access policies ----

AccessPolicyForm::AccessPolicyForm(const FormContext &context, QWidget *parent)
    : AdminForm(context, parent), m_realms(new RealmsEditor(context.client, this)), m_scopes(new ScopeChecklist(false, this))
{
    addRow(tr("&Realms"), m_realms, QStringLiteral("realms"));
    addRow(tr("&Scopes"), m_scopes, QStringLiteral("scopes"));
    watchChanges();
}

void AccessPolicyForm::loadFields(const Json &record)
{
    AdminForm::loadFields(record);
    for (const QString &field : m_realms->setRealms(record.value("realms", Json())))
        cannotShow(field);
    bool complete = true;
    if (!m_scopes->setScopes(stringList(record, "scopes", complete)) || !complete)
        cannotShow(QStringLiteral("scopes"));
}

void AccessPolicyForm::writeFields(Json &record) const
{
    AdminForm::writeFields(record);
    record["realms"] = m_realms->realms();
    record["scopes"] = m_scopes->scopes();
}

// ---- tokens ----

TokenForm::TokenForm(const FormContext &context, QWidget *parent)
    : AdminForm(context, parent), m_policy(new QComboBox(this)), m_expiry(new ExpiryEditor(this))
{
    m_policy->setEditable(true);
    loadNames(context.client, QStringLiteral("/admin/api/v3/accesspolicies"), "items", m_policy);
    if (context.editing) {
        m_policy->setEnabled(false);
        m_policy->setToolTip(tr("A token's access policy cannot change; create a new token instead."));
    }
    addRow(tr("&Access policy"), m_policy, QStringLiteral("access_policy"));
    addRow(tr("&Expires"), m_expiry, QStringLiteral("expiration"));
    watchChanges();
}

void TokenForm::loadFields(const Json &record)
{
    AdminForm::loadFields(record);
    expect(record, "/access_policy", Kind::String);
    expect(record, "/expiration", Kind::String);
    if (const QString e = text(record, "/expiration"); !e.isEmpty() && !lw::parseRfc3339Millis(e.toStdString()))
        cannotShow(QStringLiteral("expiration"));
    m_policy->setCurrentText(text(record, "/access_policy"));
    m_expiry->setExpiration(text(record, "/expiration"));
}

void TokenForm::writeFields(Json &record) const
{
    AdminForm::writeFields(record);
    put(record, "/access_policy", m_policy->currentText().trimmed());
    record["expiration"] = m_expiry->expiration().toStdString(); // "" is "never"
}

// ---- users ----

UserForm::UserForm(const FormContext &context, QWidget *parent)
    : AdminForm(context, parent), m_scopes(new ScopeChecklist(true, this)), m_realms(new RealmsEditor(context.client, this))
{
    // The server's default applies to a new user only: on an edit, no realm means no tenant.
    m_realms->setToolTip(context.editing ? tr("No realm: the user's tokens reach no tenant.")
                                         : tr("No realm: the user's tokens reach every tenant."));
    addRow(tr("&Scopes"), m_scopes, QStringLiteral("scopes"));
    addRow(tr("&Realms"), m_realms, QStringLiteral("realms"));
    watchChanges();
}

void UserForm::loadFields(const Json &record)
{
    AdminForm::loadFields(record);
    bool complete = true;
    if (!m_scopes->setScopes(stringList(record, "scopes", complete)) || !complete)
        cannotShow(QStringLiteral("scopes"));
    m_hadRealms = record.contains("realms");
    for (const QString &field : m_realms->setRealms(record.value("realms", Json())))
        cannotShow(field);
}

void UserForm::writeFields(Json &record) const
{
    AdminForm::writeFields(record);
    record["scopes"] = m_scopes->scopes();
    if (m_realms->rowCount() > 0 || m_hadRealms)
        record["realms"] = m_realms->realms();
}

// ---- ingest tokens ----

IngestTokenForm::IngestTokenForm(const FormContext &context, QWidget *parent)
    : AdminForm(context, parent, false), m_parser(new QComboBox(this))
{
    const std::pair<const char *, QString> parsers[] = {{"json", tr("JSON — fields become structured metadata")},
                                                        {"kv", tr("key=value pairs")},
                                                        {"zap_json", tr("zap JSON (Go services)")},
                                                        {"none", tr("none — lines as they come")}};
    for (const auto &[value, words] : parsers)
        m_parser->addItem(QStringLiteral("%1 (%2)").arg(QLatin1String(value), words), QLatin1String(value));
    addRow(tr("&Parser"), m_parser, QStringLiteral("parser"));
    if (!context.editing) {
        m_custom = new QLineEdit(this);
        m_custom->setEchoMode(QLineEdit::Password);
        m_custom->setPlaceholderText(tr("empty: the server generates one (recommended)"));
        m_custom->setToolTip(tr("32 to 512 characters; only when the server runs with --allow-custom-ingest-tokens"));
        addRow(tr("Custom &value"), m_custom, QStringLiteral("token"));
    }
    watchChanges();
}

void IngestTokenForm::loadFields(const Json &record)
{
    AdminForm::loadFields(record);
    expect(record, "/parser", Kind::String);
    expect(record, "/token", Kind::String);
    const int i = m_parser->findData(text(record, "/parser"));
    if (record.contains("parser") && i < 0)
        cannotShow(QStringLiteral("parser"));
    m_parser->setCurrentIndex(i >= 0 ? i : m_parser->findData(QStringLiteral("none")));
    if (const QString token = text(record, "/token"); m_custom && token != QLatin1String(SecretPlaceholder))
        m_custom->setText(token); // the placeholder stands for what the field holds
}

std::vector<RecordForm::Secret> IngestTokenForm::secrets() const
{
    if (!m_custom || m_custom->text().isEmpty())
        return {};
    return {{"/token", m_custom->text()}};
}

void IngestTokenForm::writeFields(Json &record) const
{
    AdminForm::writeFields(record);
    record["parser"] = m_parser->currentData().toString().toStdString();
    if (m_custom)
        put(record, "/token", m_custom->text());
}

} // namespace lw::ui
