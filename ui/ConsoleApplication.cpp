#include "ConsoleApplication.h"
#include "ConsoleCommandLine.h"
#include "MainWindow.h"
#include "ConnectionManager.h"

#include "Appearance.h"

#include "ApiClient.h"
#include "ConsoleSettings.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QApplication>
#include <QIcon>
#include <QCommandLineParser>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QTranslator>

#include <optional>

namespace lw::console {

int runConsole(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("logwarden"));
    QApplication::setOrganizationName(QStringLiteral("logwarden"));
    QApplication::setApplicationVersion(QStringLiteral(LW_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/logwarden.svg"))); // every window and dialog
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.logwarden.Logwarden")); // Wayland: the .desktop entry, its icon
    const ConsoleSettings settings = ConsoleSettings::load(ConsoleSettingsFile());
    QTranslator qtTranslator, ownTranslator;
    lw::ui::installTranslations(app, settings.language, qtTranslator, ownTranslator);
    lw::ui::applyTheme(app, settings.theme);

    QCommandLineParser p;
    ConsoleOptions opts;
    addConsoleOptions(p, opts);
    const QCommandLineOption &server = opts.server, &tokenFile = opts.tokenFile, &profileName = opts.profile, &tab = opts.tab;
    p.process(app);

    ProfileStore profiles;
    SecretStore secrets;
    ApiClient client;
    const QString name = p.isSet(profileName) ? p.value(profileName)
                                              : (profiles.lastUsed().isEmpty() ? QStringLiteral("default") : profiles.lastUsed());
    Profile profile = profiles.load(name).value_or(Profile{name, {}, QStringLiteral("jwt"), {}});
    if (p.isSet(server) && p.value(server) != profile.serverUrl) {
        profile.serverUrl = p.value(server);
        profile.pinnedSha256.clear(); // another server: its certificate is accepted anew
    }
    if (profile.serverUrl.isEmpty()) {
        bool ok = false;
        profile.serverUrl = QInputDialog::getText(nullptr, QApplication::translate("console", "Connect"),
                                                  QApplication::translate("console", "Server URL:"), QLineEdit::Normal,
                                                  QStringLiteral("https://127.0.0.1:8443"), &ok);
        if (!ok || profile.serverUrl.isEmpty())
            return 0;
    }
    std::optional<QString> credential;
    if (p.isSet(tokenFile)) {
        QFile f(p.value(tokenFile));
        if (!f.open(QIODevice::ReadOnly)) {
            QMessageBox::critical(nullptr, QApplication::translate("console", "Credential"),
                                  QApplication::translate("console", "Cannot read %1: %2").arg(f.fileName(), f.errorString()));
            return 2;
        }
        credential = QString::fromUtf8(f.readAll()).trimmed();
    }

    lw::ui::MainWindow window(client);
    lw::ui::ConnectionManager connections(profiles, secrets, client);
    connections.setDialogParent(&window);
    window.setConnections(&connections);
    bool shown = false;
    QObject::connect(&connections, &lw::ui::ConnectionManager::connected, &window, [&] {
        if (shown)
            return;
        shown = true;
        if (p.isSet(tab))
            window.showTab(p.value(tab));
        window.show();
    });
    QObject::connect(&connections, &lw::ui::ConnectionManager::abandoned, &window, [&] {
        if (!shown)
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection); // no credential: nothing to show
    });
    connections.connectTo(profile, credential);
    return app.exec();
}

} // namespace lw::console
