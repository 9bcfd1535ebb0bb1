#pragma once

#include <QStringList>

namespace lw::server {

// logwardend migrate --from STORE --to STORE: copies a whole configuration between stores
// (sqlite:PATH and etcd://…, either way), every record of every kind in creation order, values
// as stored (secrets stay sealed by the data directory's secret.key, which must go with them).
// The destination must be empty; the copy is compared with the source afterwards. Returns the
// exit code (0, or 2 with a sentence on stderr).
int migrateCommand(const QStringList &arguments);

} // namespace lw::server
