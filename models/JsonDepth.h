#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lw {

// How deep JSON from the network may nest ({"a":[…]} is two levels). One rule for every path
// that reads JSON from outside: API bodies, pushes, ingest and HEC bodies, Connect messages, JWT
// segments, and log lines under `| json`. Checked by a linear scan before any parser runs, so
// nothing downstream ever recurses deeper than this.
inline constexpr size_t MaxJsonDepth = 64;

// The byte offset where `text` first opens a level beyond `maxDepth` (strings are skipped; the
// text need not be valid JSON, and may hold several documents); nullopt when it never does.
std::optional<size_t> jsonTooDeepAt(std::string_view text, size_t maxDepth = MaxJsonDepth);
// The sentence for it: "the JSON nests deeper than 64 levels (at byte N)".
std::string jsonTooDeepMessage(size_t offset);

} // namespace lw
