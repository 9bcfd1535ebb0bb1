#pragma once

#include "RecordForm.h"
#include "TlsMaterial.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>
#include <set>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace lw::ui {

// A list of strings (a source's file paths): type one and Add (or Enter), select and Remove;
// items are edited in place.
class StringListEditor : public FieldEditor {
    Q_OBJECT
public:
    explicit StringListEditor(const QString &placeholder, QWidget *parent = nullptr);
    QStringList values() const;
    void setValues(const QStringList &values);
    QLineEdit *input() const { return m_input; }
    QPushButton *addButton() const { return m_add; }
    QListWidget *list() const { return m_list; }
    QWidget *widgetFor(const QString &rest) override; // "[2]": that item, selected

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addTyped();
    QListWidget *m_list;
    QLineEdit *m_input;
    QPushButton *m_add, *m_remove;
};

// Labels as a two-column table (name, value) with Add and Remove.
class KeyValueEditor : public FieldEditor {
    Q_OBJECT
public:
    explicit KeyValueEditor(QWidget *parent = nullptr);
    std::vector<std::pair<QString, QString>> values() const; // rows with an empty name are left out
    void setValues(const std::vector<std::pair<QString, QString>> &values);
    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }

private:
    QTableWidget *m_table;
    QPushButton *m_add, *m_remove;
};

// The scope vocabulary as checkboxes, each with one line on what it grants. Words the record
// holds in another spelling (seed 001's "search:read" for logs:read) stay as they are while
// their scope stays checked.
class ScopeChecklist : public FieldEditor {
    Q_OBJECT
public:
    // Access policies take our names only (aliasesAllowed false: a checked box sends its canonical
    // name); users take seed 001's spellings too.
    explicit ScopeChecklist(bool aliasesAllowed, QWidget *parent = nullptr);
    bool setScopes(const std::vector<std::string> &words); // false: a word the boxes cannot show
    std::vector<std::string> scopes() const;
    QCheckBox *box(const QString &scope) const; // by canonical name, or nullptr
    static QString describe(const QString &scope);

private:
    std::vector<QCheckBox *> m_boxes;
    std::vector<std::string> m_words; // as loaded, to keep their spelling
    bool m_aliasesAllowed;
};

// Realms as rows: a tenant picker (with "*" for every tenant), the cluster, and the label
// selectors that narrow what the realm reaches (several: one after the other, "{a="1"} {b="2"}").
class RealmsEditor : public FieldEditor {
    Q_OBJECT
public:
    explicit RealmsEditor(console::ApiClient *client, QWidget *parent = nullptr);
    QStringList setRealms(const Json &realms); // the fields it cannot show as they are (then: the JSON tab)
    Json realms() const;
    int rowCount() const { return int(m_rows.size()); }
    QComboBox *tenant(int row) const { return m_rows.at(size_t(row)).tenant; }
    QLineEdit *cluster(int row) const { return m_rows.at(size_t(row)).cluster; }
    QLineEdit *selectors(int row) const { return m_rows.at(size_t(row)).selectors; }
    QPushButton *addButton() const { return m_add; }
    QWidget *widgetFor(const QString &rest) override;
    // "{a="x, y"} {b=~"z"}" → each selector; braces inside quotes do not end one.
    static QStringList splitSelectors(const QString &text);

private:
    struct Row {
        QWidget *box;
        QComboBox *tenant;
        QLineEdit *cluster;
        QLineEdit *selectors;
    };
    void addRow(const QString &tenant, const QString &cluster, const QString &selectors);
    void removeRow(QWidget *box);
    QVBoxLayout *m_layout;
    QPushButton *m_add;
    std::vector<Row> m_rows;
    QStringList m_tenants;
    QString m_defaultCluster = QStringLiteral("logwarden"); // the server's, once /clusters answers
};

// One PEM value of a TLS bundle: "Choose file…" (or a file dropped on it), what it holds shown
// at once (certificates: subject, issuer, validity; keys: whether they match), and Clear.
class PemField : public FieldEditor {
    Q_OBJECT
public:
    enum class Kind { Certificates, PrivateKey };
    PemField(Kind kind, QWidget *parent = nullptr);
    void setPem(const QString &pem, const QString &origin);
    QString pem() const { return m_pem; }
    bool loadFile(const QString &path); // false (and says why) when unreadable or too large
    QPushButton *chooseButton() const { return m_choose; }
    QLabel *summary() const { return m_summary; }
    std::optional<CertificateInfo> certificate() const; // what the PEM says, when it parses
    void setSummary(const QString &text, bool problem);
    void setEmptyText(const QString &text);

protected:
    void dragEnterEvent(class QDragEnterEvent *event) override;
    void dropEvent(class QDropEvent *event) override;

private:
    void describe();
    Kind m_kind;
    QString m_pem;
    QLabel *m_origin, *m_summary;
    QPushButton *m_choose, *m_clear;
    QString m_emptyText;
};

// A token's expiry: a date and time with a calendar, presets (7 days, 30 days, 1 year), or never.
class ExpiryEditor : public FieldEditor {
    Q_OBJECT
public:
    explicit ExpiryEditor(QWidget *parent = nullptr);
    void setExpiration(const QString &rfc3339); // "" = never
    QString expiration() const;                 // RFC 3339 UTC, "" = never
    QCheckBox *never() const { return m_never; }
    QDateTimeEdit *edit() const { return m_edit; }
    QPushButton *preset(int index) const { return m_presets.at(size_t(index)); } // 7 d, 30 d, 1 y

private:
    QDateTimeEdit *m_edit;
    QCheckBox *m_never;
    std::vector<QPushButton *> m_presets;
};

// Fills an editable picker with the names the server lists at `path` (items under `listKey`),
// keeping what it shows; `first` entries (e.g. "*", "") come before them.
void loadNames(console::ApiClient *client, const QString &path, const char *listKey, QComboBox *picker,
               const QStringList &first = {});

} // namespace lw::ui
