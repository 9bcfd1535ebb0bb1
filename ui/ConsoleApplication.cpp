#include "ConsoleApplication.h"
#include "MainWindow.h"

#include "Appearance.h"

#include "ApiClient.h"
#include "ConsoleSettings.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTranslator>

namespace lw::console {

int runConsole(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("logwarden"));
    QApplication::setOrganizationName(QStringLiteral("logwarden"));
    QApplication::setApplicationVersion(QStringLiteral(LW_VERSION));
    const ConsoleSettings settings = ConsoleSettings::load(ConsoleSettingsFile());
    QTranslator qtTranslator, ownTranslator;
    lw::ui::installTranslations(app, settings.language, qtTranslator, ownTranslator);
    lw::ui::applyTheme(app, settings.theme);

    QCommandLineParser p;
    p.setApplicationDescription(QApplication::translate("cli", "Logwarden console. Token commands: logwarden token generate|inspect --help"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"), QApplication::translate("cli", "Server URL, e.g. https://host:8443."),
                                    QStringLiteral("url"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
                                       QApplication::translate("cli", "Read the credential (JWT or admin token) from this file; it is kept in the keychain."),
                                       QStringLiteral("file"));
    const QCommandLineOption profileName(QStringLiteral("profile"), QApplication::translate("cli", "Connection profile (default: the last used)."),
                                         QStringLiteral("name"));
    const QCommandLineOption tab(QStringLiteral("tab"), QApplication::translate("cli", "Open on this tab (e.g. Collectors)."),
                                 QStringLiteral("title"));
    p.addOptions({server, tokenFile, profileName, tab});
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
    profiles.save(profile);
    profiles.setLastUsed(profile.name);
    client.setServer(QUrl(profile.serverUrl), profile.pinnedSha256);

    lw::ui::MainWindow window(client);
    QObject::connect(&secrets, &SecretStore::backendUnavailable, &window, [&window](const QString &reason) {
        window.statusBar()->showMessage(reason);
        QMessageBox::warning(&window, QApplication::translate("console", "No keychain"), reason);
    });
    QObject::connect(&client, &ApiClient::unknownCertificate, &window,
                     [&](const QString &sha256, const QString &subject) {
                         static bool asking = false;
                         if (asking)
                             return;
                         asking = true;
                         const auto answer = QMessageBox::question(
                             &window, QApplication::translate("console", "Unknown certificate"),
                             QApplication::translate("console", "The server presents a certificate nobody has accepted yet.\n\n"
                                                                "Subject: %1\nSHA-256: %2\n\nCompare the fingerprint with the "
                                                                "server's (logwardend prints it in <data-dir>/tls/server.crt). "
                                                                "Trust and pin it for this profile?")
                                 .arg(subject, sha256));
                         asking = false;
                         if (answer != QMessageBox::Yes)
                             return;
                         profile.pinnedSha256 = sha256;
                         profiles.save(profile);
                         client.setServer(QUrl(profile.serverUrl), sha256);
                         window.refreshAll();
                     });

    QObject::connect(&window, &lw::ui::MainWindow::credentialChosen, &window, [&](const QString &token) {
        secrets.write(profile.name, QStringLiteral("credential"), token, [&window](bool ok, const QString &error) {
            window.statusBar()->showMessage(ok ? QApplication::translate("console", "The new token is this profile's credential.")
                                               : error, 10000);
        });
        client.setAuthorization("Bearer " + token.toUtf8());
        window.refreshAll();
    });
    auto start = [&](const QString &credential) {
        client.setAuthorization("Bearer " + credential.trimmed().toUtf8());
        if (p.isSet(tab))
            window.showTab(p.value(tab));
        window.show();
        window.refreshAll();
    };
    if (p.isSet(tokenFile)) {
        QFile f(p.value(tokenFile));
        if (!f.open(QIODevice::ReadOnly)) {
            QMessageBox::critical(nullptr, QApplication::translate("console", "Credential"),
                                  QApplication::translate("console", "Cannot read %1: %2").arg(f.fileName(), f.errorString()));
            return 2;
        }
        const QString credential = QString::fromUtf8(f.readAll()).trimmed();
        secrets.write(profile.name, QStringLiteral("credential"), credential, [](bool, const QString &) {});
        start(credential);
    } else {
        secrets.read(profile.name, QStringLiteral("credential"), [&](bool ok, const QString &value) {
            if (ok)
                return start(value);
            bool entered = false;
            const QString credential = QInputDialog::getText(
                nullptr, QApplication::translate("console", "Credential"),
                QApplication::translate("console", "JWT or admin token for %1 (kept in the keychain):").arg(profile.serverUrl),
                QLineEdit::Password, {}, &entered);
            if (!entered || credential.isEmpty())
                return QApplication::quit();
            secrets.write(profile.name, QStringLiteral("credential"), credential, [](bool, const QString &) {});
            start(credential);
        });
    }
    return app.exec();
}

} // namespace lw::console
