#pragma once

#include "ConsoleSettings.h"

#include <QMainWindow>
#include <QPointer>

#include <vector>

class QLabel;
class QProgressBar;
class QTabWidget;

namespace lw::console {
class ApiClient;
}

namespace lw::ui {

class ConnectionManager;
class LogsTab;
class OverviewTab;
class ResourceTab;

// The console: one tab per resource of the API, the server and the activity in the status bar,
// and secrets the server issues shown once.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(console::ApiClient &client, QWidget *parent = nullptr);
    ~MainWindow() override;

    ResourceTab *tab(const QString &title) const;
    const std::vector<ResourceTab *> &tabs() const { return m_tabs; }
    LogsTab *logs() const { return m_logs; }
    OverviewTab *overview() const { return m_overview; }
    void refreshAll();
    // Help → About: the console's version, the server it talks to, the libraries and their licences.
    QString aboutText() const;
    void showAbout();
    bool showTab(const QString &title);
    // Shows a secret once; Copy puts it on the clipboard (marked secret) and clears it after 30 s.
    void showSecretOnce(const QString &name, const QString &secret);

    const console::ConsoleSettings &settings() const { return m_settings; }
    // Applies and saves new settings (refresh interval and theme at once; language at next start).
    void applySettings(const console::ConsoleSettings &settings);
    void openSettings();
    // Profiles: File → Connect to… switches servers through `connections`, and the window
    // reloads everything whenever it connects.
    void setConnections(ConnectionManager *connections);
    void openProfiles();
    // Window geometry, the current tab and each table's columns, sort and split.
    void saveWindowState() const;
    void restoreWindowState();

Q_SIGNALS:
    // A token generated in the window, to become the profile's credential.
    void credentialChosen(const QString &token);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QString tabKey(int index) const; // "overview", "sources", …, "logs": the same in every language
    console::ApiClient &m_client;
    QTabWidget *m_tabWidget;
    QLabel *m_serverLabel;
    QProgressBar *m_busy;
    std::vector<ResourceTab *> m_tabs;
    LogsTab *m_logs = nullptr;
    OverviewTab *m_overview = nullptr;
    console::ConsoleSettings m_settings;
    QString m_serverVersion; // "logwardend 0.1.0", from GET /api/version; empty while not known
    QPointer<ConnectionManager> m_connections; // owned by the application; may go first
    class QAction *m_connectAction = nullptr;
};

} // namespace lw::ui
