#include "MainWindow.h"

#include <QIcon>
#include <QUrl>
#include "ResourceSpecs.h"
#include "LogsTab.h"
#include "OverviewTab.h"
#include "ResourceTab.h"
#include "SecretClipboard.h"
#include "SettingsDialog.h"
#include "ConnectionManager.h"
#include "ProfilesDialog.h"
#include "Appearance.h"
#include "TokenGeneratorDialog.h"

#include "ApiClient.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace lw::ui {

MainWindow::MainWindow(console::ApiClient &client, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_tabWidget(new QTabWidget(this)), m_serverLabel(new QLabel(this)),
      m_busy(new QProgressBar(this))
{
    setWindowTitle(tr("Logwarden"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/logwarden.svg")));
    m_overview = new OverviewTab(client, m_tabWidget);
    m_tabWidget->addTab(m_overview, tr("Overview"));
    connect(m_overview, &OverviewTab::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_overview, &OverviewTab::openTab, this, [this](const QString &key, const QString &filter) {
        if (!showTab(key))
            return;
        if (auto *resource = qobject_cast<ResourceTab *>(m_tabWidget->currentWidget())) {
            resource->filter()->setText(filter);
            resource->refresh();
        }
    });
    for (ResourceSpec &spec : standardResources()) {
        auto *tab = new ResourceTab(client, spec, m_tabWidget);
        m_tabWidget->addTab(tab, spec.title);
        m_tabs.push_back(tab);
        connect(tab, &ResourceTab::failed, this, [this](const QString &message) {
            if (!message.isEmpty())
                statusBar()->showMessage(message, 10000);
        });
        connect(tab, &ResourceTab::secretIssued, this, &MainWindow::showSecretOnce);
    }
    m_logs = new LogsTab(client, m_tabWidget);
    m_tabWidget->addTab(m_logs, tr("Logs"));
    setCentralWidget(m_tabWidget);
    connect(m_tabWidget, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto *resource = qobject_cast<ResourceTab *>(m_tabWidget->widget(index)); resource && resource->model()->rowCount() == 0)
            resource->refresh();
        if (m_tabWidget->widget(index) == m_overview)
            m_overview->refresh();
        if (m_tabWidget->widget(index) == m_logs && m_logs->tenants()->count() == 0)
            m_logs->loadTenants();
    });

    m_serverLabel->setText(tr("Server: %1").arg(client.server().toString()));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_serverLabel);
    connect(&client, &console::ApiClient::busyChanged, m_busy, &QWidget::setVisible);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_connectAction = file->addAction(tr("&Connect to…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::openProfiles);
    m_connectAction->setEnabled(false); // until there are profiles to manage
    file->addAction(tr("Refresh &all"), QKeySequence(tr("Ctrl+Shift+R")), this, &MainWindow::refreshAll);
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Generate a self-signed token…"), QKeySequence(tr("Ctrl+G")), this, [this] {
        auto *dialog = new TokenGeneratorDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &TokenGeneratorDialog::useAsCredential, this, &MainWindow::credentialChosen);
        dialog->show();
    });
    tools->addAction(tr("&Inspect a JWT…"), QKeySequence(tr("Ctrl+I")), this, [this] {
        auto *dialog = new JwtInspectorDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Logwarden"), this, &MainWindow::showAbout)->setObjectName(QStringLiteral("about"));

    m_settings = console::ConsoleSettings::load(console::ConsoleSettingsFile());
    for (ResourceTab *t : m_tabs)
        t->setAutoRefreshSeconds(m_settings.refreshSeconds);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::saveWindowState() const
{
    console::ConsoleSettingsFile settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    // The tab by its key, which no new tab or translation moves (an index did, once the Overview came first).
    settings.setValue(QStringLiteral("window/tab"), tabKey(m_tabWidget->currentIndex()));
    for (const ResourceTab *t : m_tabs)
        settings.setValue(QStringLiteral("window/tables/") + t->stateKey(), t->saveViewState());
}

void MainWindow::restoreWindowState()
{
    const console::ConsoleSettingsFile settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 720);
    for (ResourceTab *t : m_tabs)
        t->restoreViewState(settings.value(QStringLiteral("window/tables/") + t->stateKey()).toByteArray());
    const QString tab = settings.value(QStringLiteral("window/tab")).toString();
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        if (tabKey(i) == tab) // (an index saved by an older version matches no key: the Overview stays)
            m_tabWidget->setCurrentIndex(i);
    }
}

QString MainWindow::tabKey(int index) const
{
    QWidget *widget = m_tabWidget->widget(index);
    if (const auto *resource = qobject_cast<const ResourceTab *>(widget))
        return resource->stateKey();
    return widget == m_overview ? QStringLiteral("overview") : QStringLiteral("logs");
}

void MainWindow::applySettings(const console::ConsoleSettings &settings)
{
    const bool newLanguage = settings.language != m_settings.language;
    m_settings = settings;
    console::ConsoleSettingsFile stored;
    m_settings.save(stored);
    for (ResourceTab *t : m_tabs)
        t->setAutoRefreshSeconds(m_settings.refreshSeconds);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyTheme(*app, m_settings.theme);
    if (newLanguage)
        statusBar()->showMessage(tr("The new language is used from the next start."), 10000);
}

void MainWindow::setConnections(ConnectionManager *connections)
{
    m_connections = connections;
    m_connectAction->setEnabled(connections != nullptr);
    connect(connections, &ConnectionManager::connected, this, [this](const console::Profile &profile) {
        m_serverLabel->setText(tr("Server: %1 (%2)").arg(profile.serverUrl, profile.name));
        setWindowTitle(tr("Logwarden — %1 (%2)").arg(profile.name, QUrl(profile.serverUrl).adjusted(QUrl::RemoveUserInfo).authority()));
        for (ResourceTab *t : m_tabs) {
            if (t->tenantPicker())
                t->loadTenants(); // another server has other tenants
        }
        m_logs->loadTenants();
        refreshAll();
    });
    connect(connections, &ConnectionManager::notice, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(connections, &ConnectionManager::keychainUnavailable, this, [this](const QString &reason) {
        statusBar()->showMessage(reason);
        // Said once, without stopping the window: the console goes on with the secret in memory.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("No keychain"), reason, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("noKeychain"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(this, &MainWindow::credentialChosen, connections, &ConnectionManager::useCredential);
}

void MainWindow::openProfiles()
{
    if (!m_connections)
        return;
    auto *dialog = new ProfilesDialog(*m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->settings()); });
    dialog->open();
}

ResourceTab *MainWindow::tab(const QString &title) const
{
    for (ResourceTab *t : m_tabs) {
        if (t->spec().title == title)
            return t;
    }
    return nullptr;
}

bool MainWindow::showTab(const QString &title)
{
    for (int i = 0; i < m_tabWidget->count(); ++i) {
        // The shown (translated) title, or the resource's key ("collectors"), which works in any language.
        const QString key = tabKey(i);
        if (m_tabWidget->tabText(i).remove(QLatin1Char('&')).compare(title, Qt::CaseInsensitive) == 0
            || key.compare(title, Qt::CaseInsensitive) == 0) {
            m_tabWidget->setCurrentIndex(i);
            return true;
        }
    }
    statusBar()->showMessage(tr("There is no tab \"%1\".").arg(title), 10000);
    return false;
}

QString MainWindow::aboutText() const
{
    return tr("<h3>Logwarden %1</h3>"
              "<p>The console of a Logwarden log platform: log-streaming configuration, collectors, "
              "tenants, access policies, tokens and users, and the logs themselves.</p>"
              "<p>Connected to %2: %3.</p>"
              "<p>Built with Qt %4 (LGPL-3.0), QtKeychain (BSD-3-Clause), simdjson (Apache-2.0), "
              "nlohmann/json (MIT), cpp-jwt (MIT) and OpenSSL (Apache-2.0).</p>")
        .arg(QStringLiteral(LW_VERSION), m_client.server().toString().toHtmlEscaped(),
             m_serverVersion.isEmpty() ? tr("its version is not known (it has not answered GET /api/version)")
                                       : m_serverVersion.toHtmlEscaped(),
             QString::fromLatin1(qVersion()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Logwarden"), aboutText());
}

void MainWindow::refreshAll()
{
    // Which server answers, for Help → About (a server older than /api/version leaves it unknown).
    m_client.get(QStringLiteral("/api/version"), console::ApiClient::bound(this, [this](const console::ApiResult &r) {
        const std::string name = r.ok() ? lw::tolerant::string(r.json, "name") : std::string();
        const std::string version = r.ok() ? lw::tolerant::string(r.json, "version") : std::string();
        m_serverVersion = name.empty() || version.empty() ? QString()
                                                          : QString::fromStdString(name + ' ' + version).left(80);
    }));
    m_overview->refresh();
    for (ResourceTab *t : m_tabs)
        t->refresh();
}

void MainWindow::showSecretOnce(const QString &name, const QString &secret)
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Shown once"));
    box.setText(tr("The secret of \"%1\" is shown now and never again. Copy it to where it is needed.").arg(name));
    box.setInformativeText(secret);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *copy = box.addButton(tr("Copy (cleared in 30 s)"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Close);
    box.exec();
    if (box.clickedButton() == copy)
        copySecret(secret);
}

} // namespace lw::ui
