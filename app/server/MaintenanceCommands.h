#pragma once

#include <QCommandLineOption>
#include <QStringList>

#include <optional>

namespace lw::server {

// Commands that change a data directory while logwardend is stopped (they take its lock):
//   revoke-jwt      --jti ID | --token-file F     add a server JWT to the revocation list
//   rotate-jwt-key                                 a new signing key and a new system_jwt; every
//                                                  server JWT signed before stops working
//   rotate-agent-token                             a new node agent credential (agent_token)
// Each returns the process exit code (0, or 2 with a sentence on stderr).
// Shared by every subcommand: a sentence on stderr and exit code 2; the --data-dir option; and why
// a path is not the data directory of a server that has started (nullopt when it is).
int commandFailed(const QString &message);
QCommandLineOption dataDirOption();
std::optional<QString> notAServerDataDir(const QString &path);

int revokeJwtCommand(const QStringList &arguments);
int rotateJwtKeyCommand(const QStringList &arguments);
int rotateAgentTokenCommand(const QStringList &arguments); // a new <data-dir>/agent_token

} // namespace lw::server
