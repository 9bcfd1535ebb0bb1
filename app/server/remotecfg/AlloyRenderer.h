#pragma once

#include "Source.h"
#include "Target.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lw::server {

// Decrypted material of one TLS bundle, as the renderer needs it.
struct TlsMaterial {
    std::string caPem;
    std::optional<std::string> certPem;
    std::optional<std::string> keyPem;
};

struct PipelineInput {
    std::vector<Source> sources;
    std::vector<Target> targets;
    std::map<std::string, TlsMaterial> tlsBundles;
};

// Turns the log-streaming configuration into an Alloy module (the content remotecfg serves):
// every enabled source is read once, parsed, filtered by level and forwarded to every enabled
// target. Output is deterministic (same input, same bytes), never empty, and every name is
// escaped into a valid identifier. With redactSecrets, private keys are replaced by a marker
// (for showing the config to people; agents get the real one).
class AlloyRenderer {
public:
    static std::string render(const PipelineInput &input, bool redactSecrets = false);

    // Component labels: "s_"/"t_" + name with '-' as "__" and '_' as "_u", so every resource
    // name maps to exactly one identifier and back.
    static std::string sourceLabel(const std::string &name) { return "s_" + escapeName(name); }
    static std::string targetLabel(const std::string &name) { return "t_" + escapeName(name); }
    static std::optional<std::string> targetNameFromLabel(const std::string &label);

    static std::string escapeName(const std::string &name);
    static std::optional<std::string> unescapeName(const std::string &escaped);
    // An Alloy string literal with ", \ and control characters escaped.
    static std::string quote(const std::string &text);
};

} // namespace lw::server
