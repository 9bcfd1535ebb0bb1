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

// The collector list as the Collectors tab and the Overview read it: only the fields they show.
QString collectorListPath();

} // namespace lw::ui
