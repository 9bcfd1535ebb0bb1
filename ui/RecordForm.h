#pragma once

#include "Json.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <utility>
#include <vector>

class QFormLayout;
class QLineEdit;

namespace lw::console {
class ApiClient;
}

namespace lw::ui {

// What a check found wrong with a record: the sentence, and the field it names ("" for the whole).
struct Problem {
    QString message;
    QString field;
};

// What a form may use: the server (to fill its pickers) and whether it edits a stored record
// (then the name, and what the server keeps immutable, cannot change).
struct FormContext {
    console::ApiClient *client = nullptr;
    bool editing = false;
};

// A part of a form that edits several values at once (a list, a table, realm rows). It says when
// it changed, and finds the widget for the rest of a server field path ("[2].tenant").
class FieldEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QWidget *widgetFor(const QString &rest) { Q_UNUSED(rest); return this; }

Q_SIGNALS:
    void changed();
};

// One record as a form. The widgets are bound to fields of the JSON record the dialog holds;
// fields the form does not show are kept as they were. A field path as the server names it
// ("rsyslog.port", "realms[0].label_policies[1].selector") finds the widget to highlight.
class RecordForm : public QWidget {
    Q_OBJECT
public:
    explicit RecordForm(QWidget *parent = nullptr);

    void load(const Json &record);   // fills the widgets, without changed()
    // Fields of the loaded record the form cannot show as they are (a number where it shows text,
    // a type it does not offer): the dialog then leaves the record to the JSON tab, so that no
    // edit in the form rewrites them behind the admin's back. Empty when the form shows it all.
    QStringList unshowable() const { return m_unshowable; }
    // Secrets the form holds (a private key, a chosen token value): the JSON tab shows
    // SecretPlaceholder in their place and they are put back when the record is sent.
    struct Secret {
        const char *pointer;
        QString value;
    };
    virtual std::vector<Secret> secrets() const { return {}; }
    static const char *const SecretPlaceholder;
    // The value at a pointer, made (with objects on the way, replacing what is not one) if absent.
    static Json &slot(Json &record, const char *pointer);
    Json value() const;              // the loaded record with the widgets' values written in
    QWidget *widgetFor(const QString &field) const;
    // Highlights the widget of `field` with `message` as its tooltip (empty: clears); returns it.
    QWidget *markField(const QString &field, const QString &message = {});
    QString markedField() const { return m_markedField; }

Q_SIGNALS:
    void changed();

protected:
    virtual void loadFields(const Json &record) = 0;
    virtual void writeFields(Json &record) const = 0;

    QFormLayout *rows() const { return m_rows; }
    // Adds a labelled row and names the server field it edits (for highlighting).
    template <typename W> W *addRow(const QString &label, W *widget, const QString &field)
    {
        addFieldRow(label, widget, field);
        return widget;
    }
    void addFieldRow(const QString &label, QWidget *widget, const QString &field);
    void registerField(const QString &field, QWidget *widget);
    // The record's name: the server's rule in the placeholder; read-only once the record exists.
    QLineEdit *nameField(const FormContext &context);
    // Load-time checks: the value at `pointer`, when present, must be of this kind, else the
    // field ("rsyslog.port" for "/rsyslog/port") is one the form cannot show.
    enum class Kind { String, Boolean, Object, Array, Port };
    void expect(const Json &record, const char *pointer, Kind kind);
    void cannotShow(const QString &field);
    // Every input widget under this form (and every FieldEditor) reports changes; call once built.
    void watchChanges();
    void notifyChanged();
    bool isLoading() const { return m_loading; }

    // JSON helpers: a string at a pointer ("" when absent), and writing one (removed when empty).
    static QString text(const Json &record, const char *pointer);
    static void put(Json &record, const char *pointer, const QString &value);
    static void erase(Json &record, const char *pointer);

private:
    static std::vector<std::string> split(const char *pointer);

    QFormLayout *m_rows;
    std::vector<std::pair<QString, QWidget *>> m_fields;
    Json m_base = Json::object();
    bool m_loading = false;
    QPointer<QWidget> m_marked;
    QString m_markedField;
    QStringList m_unshowable;
};

} // namespace lw::ui
