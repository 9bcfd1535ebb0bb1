#pragma once

#include "ResourceSpec.h"

#include <vector>

namespace lw::ui {

// The console's tabs, in order: log streaming (sources, targets, TLS bundles, collectors) and
// multi-tenant access (tenants, access policies, tokens, users).
std::vector<ResourceSpec> standardResources();

// A collector's status values in words (in the language of now), toned: ALLOY_ONLINE → "Online"
// (good), REMOTECFG_PENDING → "Pending" (warning), ERROR → "Error" (bad); anything else as it is.
std::function<lw::JsonTableModel::Presented(const QString &)> collectorStatusWords();

} // namespace lw::ui
