#pragma once

#include <nlohmann/json.hpp>

namespace lw {
// Insertion-ordered JSON: records serialise with "name" first, as people read them.
using Json = nlohmann::ordered_json;
} // namespace lw
