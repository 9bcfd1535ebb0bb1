#pragma once

#include <QStringList>

namespace lw::server {

// Commands that change a data directory while logwardend is stopped (they take its lock):
//   revoke-jwt      --jti ID | --token-file F     add a server JWT to the revocation list
//   rotate-jwt-key                                 a new signing key and a new system_jwt; every
//                                                  server JWT signed before stops working
// Each returns the process exit code (0, or 2 with a sentence on stderr).
int revokeJwtCommand(const QStringList &arguments);
int rotateJwtKeyCommand(const QStringList &arguments);

} // namespace lw::server
