#pragma once

#include "Json.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QWebSocket;

namespace lw {
class JsonTableModel;
}
namespace lw::console {
class ApiClient;
}

namespace lw::ui {

// Query a tenant's logs (LogQL, time range, limit) and follow them live (Loki's tail over
// WebSocket, with the profile's credential and certificate pin).
class LogsTab : public QWidget {
    Q_OBJECT
public:
    explicit LogsTab(console::ApiClient &client, QWidget *parent = nullptr);
    ~LogsTab() override;

    void loadTenants();
    void runQuery();
    void setTailing(bool on);

    QComboBox *tenants() const { return m_tenants; }
    QLineEdit *query() const { return m_query; }
    lw::JsonTableModel *model() const { return m_model; }
    QString errorText() const;
    bool isTailing() const;

Q_SIGNALS:
    void resultsChanged();
    void tenantsLoaded();

private:
    void showError(const QString &message);
    void appendStreams(const lw::Json &streams, bool replace);

    console::ApiClient &m_client;
    QComboBox *m_tenants;
    QLineEdit *m_query;
    QComboBox *m_range;
    QSpinBox *m_limit;
    QCheckBox *m_tail;
    QLineEdit *m_filter;
    QTableView *m_view;
    lw::JsonTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QProgressBar *m_busy;
    QLabel *m_error;
    std::unique_ptr<QWebSocket> m_socket;
};

} // namespace lw::ui
