#pragma once

#include "Json.h"

#include <optional>
#include <string>

namespace lw {

// A log destination of seed 000: a Loki push URL or an rsyslog endpoint (mTLS via a TLS bundle).
struct Target {
    struct Loki {
        std::string url;
        std::optional<std::string> tenantId;
        std::optional<std::string> tlsBundle;
    };
    struct Rsyslog {
        std::string endpoint;
        int port = 6514;
        std::optional<std::string> timeout;
        std::optional<std::string> tlsBundle;
    };

    std::string name;
    std::string type; // LOKI | RSYSLOG
    bool enabled = true;
    std::optional<Loki> loki;
    std::optional<Rsyslog> rsyslog;

    static constexpr const char *kind = "target";
    static constexpr const char *collection = "targets";

    static Target fromJson(const lw::Json &json);
    lw::Json toJson() const;

    // The TLS bundle this target uses, with the field path that names it.
    std::optional<std::pair<std::string, std::string>> tlsBundleReference() const;
};

} // namespace lw
