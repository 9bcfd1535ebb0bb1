// The Alloy renderer on arbitrary accepted records: sources and targets that pass the API's own
// codecs, with any TLS material, rendered for agents and redacted for people; the output must
// keep to Alloy's lexical rules (AlloySyntaxCheck), whatever the strings held.
// Input: {"sources": [...], "targets": [...], "tls": {"name": {"ca": "", "cert": "", "key": ""}}}
#include "AlloySyntaxCheck.h"
#include "FuzzSupport.h"
#include "JsonDepth.h"
#include "remotecfg/AlloyRenderer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (lw::jsonTooDeepAt(text))
        return 0;
    const lw::Json doc = lw::Json::parse(text, nullptr, false);
    if (!doc.is_object())
        return 0;
    lw::server::PipelineInput input;
    auto each = [&doc](const char *key, auto &&take) {
        if (doc.contains(key) && doc[key].is_array()) {
            for (const lw::Json &item : doc[key]) {
                try {
                    take(item);
                } catch (const lw::ValidationError &) {
                } catch (const lw::Json::exception &) {
                }
            }
        }
    };
    each("sources", [&](const lw::Json &j) { input.sources.push_back(lw::Source::fromJson(j)); });
    each("targets", [&](const lw::Json &j) { input.targets.push_back(lw::Target::fromJson(j)); });
    if (doc.contains("tls") && doc["tls"].is_object()) {
        for (auto it = doc["tls"].begin(); it != doc["tls"].end(); ++it) {
            const lw::Json &m = it.value();
            if (!m.is_object())
                continue;
            lw::server::TlsMaterial material{m.value("ca", std::string()), std::nullopt, std::nullopt};
            if (m.contains("cert") && m["cert"].is_string())
                material.certPem = m["cert"].get<std::string>();
            if (m.contains("key") && m["key"].is_string())
                material.keyPem = m["key"].get<std::string>();
            input.tlsBundles.emplace(it.key(), material);
        }
    }
    for (bool redact : {false, true}) {
        const std::string out = lw::server::AlloyRenderer::render(input, redact);
        if (auto error = lw::test::alloyLexError(out))
            lw::fuzz::finding("rendered Alloy does not tokenize: " + *error + "\n" + out.substr(0, 4000));
    }
    return 0;
}
