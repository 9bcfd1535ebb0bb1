#pragma once

#include "JsonTableFilterProxy.h"
#include "ResourceSpec.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QSplitter;
class QTimer;

namespace lw::console {
class ApiClient;
struct ApiResult;
} // namespace lw::console

namespace lw::ui {

// One resource of the API as a tab: a filterable, sortable table, the selected record as JSON,
// New / Edit / Delete / Refresh (with shortcuts), a busy bar while requests run, and every
// failure written in the window.
class ResourceTab : public QWidget {
    Q_OBJECT
public:
    ResourceTab(console::ApiClient &client, ResourceSpec spec, QWidget *parent = nullptr);

    void refresh();
    void createRecord();
    void editSelected();
    void deleteSelected();

    const ResourceSpec &spec() const { return m_spec; }
    lw::JsonTableModel *model() const { return m_model; }
    lw::JsonTableFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }
    QComboBox *tenantPicker() const { return m_tenant; }
    void loadTenants();
    QString errorText() const;
    QString detailsText() const;
    QString emptyText() const; // "Sources: none yet — New source… (Ctrl+N) creates the first one.", or empty // the selected record as JSON, and its pipeline where the tab has one
    bool isBusy() const { return m_pending > 0; }
    std::string selectedName() const;
    int selectedRow() const; // the model's row, or -1
    bool selectName(const std::string &name); // false when no shown row has that name
    // Soft-deleted (GEL admin) records: Deactivate turns into Re-activate on an inactive row.
    bool selectedIsInactive() const;
    QAction *deleteAction() const { return m_delete; }
    QAction *newAction() const { return m_new; }

    // Live tabs (the spec has an auto-refresh) reload every `seconds`; 0 stops them.
    bool isLive() const { return m_spec.autoRefreshSeconds > 0; }
    void setAutoRefreshSeconds(int seconds);
    int autoRefreshSeconds() const;
    // Column widths and order, the sort, and the table/JSON split, to remember between runs.
    QByteArray saveViewState() const;
    // The resource's last path segment ("sources", "ingest-tokens"): a key that no translation changes.
    QString stateKey() const
    {
        return m_spec.itemPath.isEmpty() ? m_spec.listPath.section(QLatin1Char('?'), 0, 0).section(QLatin1Char('/'), -1)
                                         : m_spec.itemPath.section(QLatin1Char('/'), -2, -2);
    }
    bool restoreViewState(const QByteArray &state);

Q_SIGNALS:
    void refreshed();
    void tenantsLoaded();
    void failed(const QString &message);
    // A secret the server returns once (a token's value, a user's access key).
    void secretIssued(const QString &name, const QString &secret);

private:
    void showError(const QString &message);
    void clearError();
    void setPending(int delta);
    void showSelection();
    void showEmptyState();
    void showChanges(const Json &before, const Json &after);
    void showCollector(const std::string &name, const Json &listed);
    void saveEdit(class RecordEditorDialog *dialog, const std::string &name, Json value, QByteArray etag);
    void submitCreate(RecordEditorDialog *dialog, const Json &value);
    // Sources and targets: the server's dry run shown first; `write` runs once the user applies it.
    void previewThen(RecordEditorDialog *dialog, const std::string &name, const Json &value, std::function<void()> write);
    Json editable(Json record) const;
    QString listPath() const;
    QString itemPath() const;
    QString itemUrl(const std::string &name) const; // itemPath and the name, percent-encoded
    std::string nameOf(const Json &record) const;
    bool isInactive(const Json &record) const;

    console::ApiClient &m_client;
    ResourceSpec m_spec;
    lw::JsonTableModel *m_model;
    lw::JsonTableFilterProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QPlainTextEdit *m_details;
    QProgressBar *m_busy;
    QLabel *m_error;
    QLabel *m_empty;
    QAction *m_new, *m_edit, *m_delete, *m_refresh;
    QTimer *m_timer;
    QSplitter *m_split;
    QComboBox *m_tenant = nullptr;
    class CollectorDetails *m_collector = nullptr;
    int m_pending = 0;
    bool m_refreshQueued = false;
};

} // namespace lw::ui
