#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

class QCoreApplication;

namespace lw::console {

// `logwarden token generate|inspect …` runs without a display; returns -1 when the arguments
// are not a token command (the caller then starts the window).
int runTokenCommand(int argc, char **argv);

// The console's own options (translated when built after the translators are installed), one definition for the window and for --help without a display.
struct ConsoleOptions {
    QCommandLineOption server{QStringLiteral("server"), QCoreApplication::translate("cli", "Server URL, e.g. https://host:8443."), QStringLiteral("url")};
    QCommandLineOption tokenFile{QStringLiteral("token-file"),
                                 QCoreApplication::translate("cli", "Read the credential (JWT or admin token) from this file; it is kept in the keychain."),
                                 QStringLiteral("file")};
    QCommandLineOption profile{QStringLiteral("profile"), QCoreApplication::translate("cli", "Connection profile (default: the last used)."),
                               QStringLiteral("name")};
    QCommandLineOption tab{QStringLiteral("tab"), QCoreApplication::translate("cli", "Open on this tab (e.g. Collectors)."), QStringLiteral("title")};
};
void addConsoleOptions(QCommandLineParser &parser, ConsoleOptions &options);

// `--help` and `--version` answered without a display (and without touching settings); returns -1
// when the arguments ask for neither.
int runHeadlessCommand(int argc, char **argv);

} // namespace lw::console
