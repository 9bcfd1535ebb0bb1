#pragma once

#include "ResourceSpec.h"

#include <vector>

namespace lw::ui {

// The console's tabs, in order: log streaming (sources, targets, TLS bundles, collectors) and
// multi-tenant access (tenants, access policies, tokens, users).
std::vector<ResourceSpec> standardResources();

} // namespace lw::ui
