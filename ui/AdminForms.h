#pragma once

#include "RecordForm.h"

class QComboBox;
class QLineEdit;

namespace lw::ui {

class ExpiryEditor;
class RealmsEditor;
class ScopeChecklist;

// The GEL admin records (tenants, access policies, tokens, users, ingest tokens) as forms. Each
// has an immutable name and a changeable display name.
class AdminForm : public RecordForm {
    Q_OBJECT
public:
    // Ingest tokens have no display name (withDisplayName false).
    AdminForm(const FormContext &context, QWidget *parent = nullptr, bool withDisplayName = true);
    QLineEdit *name() const { return m_name; }
    QLineEdit *displayName() const { return m_displayName; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;
    FormContext m_context;

private:
    QLineEdit *m_name, *m_displayName = nullptr;
};

class TenantForm : public AdminForm {
    Q_OBJECT
public:
    TenantForm(const FormContext &context, QWidget *parent = nullptr);
    QComboBox *cluster() const { return m_cluster; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    QComboBox *m_cluster;
};

// Realms as rows with a tenant picker; scopes as checkboxes with what each grants.
class AccessPolicyForm : public AdminForm {
    Q_OBJECT
public:
    AccessPolicyForm(const FormContext &context, QWidget *parent = nullptr);
    RealmsEditor *realms() const { return m_realms; }
    ScopeChecklist *scopes() const { return m_scopes; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    RealmsEditor *m_realms;
    ScopeChecklist *m_scopes;
};

// A token: the access policy it carries (picked; fixed once created) and when it expires.
class TokenForm : public AdminForm {
    Q_OBJECT
public:
    TokenForm(const FormContext &context, QWidget *parent = nullptr);
    QComboBox *policy() const { return m_policy; }
    ExpiryEditor *expiry() const { return m_expiry; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    QComboBox *m_policy;
    ExpiryEditor *m_expiry;
};

// A user: the scopes its self-signed tokens may carry, and the realms they reach (none: every tenant).
class UserForm : public AdminForm {
    Q_OBJECT
public:
    UserForm(const FormContext &context, QWidget *parent = nullptr);
    ScopeChecklist *scopes() const { return m_scopes; }
    RealmsEditor *realms() const { return m_realms; }

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    ScopeChecklist *m_scopes;
    RealmsEditor *m_realms;
    bool m_hadRealms = false;
};

// An ingest token of a tenant: how its lines are parsed, and (if the server allows it) a value
// chosen by the admin rather than generated.
class IngestTokenForm : public AdminForm {
    Q_OBJECT
public:
    IngestTokenForm(const FormContext &context, QWidget *parent = nullptr);
    QComboBox *parser() const { return m_parser; }
    QLineEdit *customValue() const { return m_custom; }
    std::vector<Secret> secrets() const override;

protected:
    void loadFields(const Json &record) override;
    void writeFields(Json &record) const override;

private:
    QComboBox *m_parser;
    QLineEdit *m_custom = nullptr;
};

} // namespace lw::ui
