#pragma once

#include "FleetSummary.h"
#include "JsonTableModel.h"
#include "Json.h"

#include <QWidget>

#include <map>

class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace lw::console {
class ApiClient;
}

namespace lw::ui {

// The first tab: the fleet by health, failing exporters and where they fail, tokens expired or
// expiring within a week, how many tenants, policies and users, and the latest changes. Every
// figure is a button that opens its tab, filtered to what it counts.
class OverviewTab : public QWidget {
    Q_OBJECT
public:
    explicit OverviewTab(console::ApiClient &client, QWidget *parent = nullptr);

    void refresh();
    // Shows the collectors of a GET /api/v2/logs/collectors body (the benchmark calls it directly).
    bool showFleet(const QByteArray &collectorsBody);
    // The figure with this key ("online", "failed", "expired", "tenants"…), for tests.
    QPushButton *figure(const QString &key) const;
    QListWidget *exporters() const { return m_exporters; }
    QListWidget *changes() const { return m_changes; }
    QString errorText() const;

Q_SIGNALS:
    void refreshed();
    void failed(const QString &message);
    // Open the tab with this key ("collectors", "tokens", "audit"…) with this filter text.
    void openTab(const QString &key, const QString &filter);

private:
    QPushButton *addFigure(QGridLayout *grid, int row, int column, const QString &key, const QString &words,
                           const QString &tab, const QString &filter);
    void setFigure(const QString &key, int value, lw::JsonTableModel::Tone tone);
    void showTokens(const Json &tokens);
    void showCounts(const QString &key, const Json &list);
    void showChanges(const Json &audit);
    void requestDone(const QString &error);

    console::ApiClient &m_client;
    std::map<QString, QPushButton *> m_figures;
    std::map<QString, QString> m_words;
    QListWidget *m_exporters, *m_changes;
    QLabel *m_fleetEmpty, *m_error;
    QProgressBar *m_busy;
    QPushButton *m_refresh;
    int m_pending = 0;
    bool m_refreshQueued = false;
    QStringList m_errors;
};

} // namespace lw::ui
