#pragma once

#include "Json.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lw {

// A log source of seed 000: journald by syslog identifier, or files by path.
struct Source {
    struct Journald {
        std::string syslogIdentifier;
    };
    struct File {
        std::vector<std::string> paths;
        std::map<std::string, std::string> labels;
    };

    std::string name;
    bool enabled = true;
    std::optional<std::string> logFormat; // ZAP_JSON | JSON | LOGFMT | PLAIN
    std::optional<std::string> minLevel;  // DEBUG | INFO | WARN | ERROR
    std::optional<Journald> journald;
    std::optional<File> file;

    static constexpr const char *kind = "source";
    static constexpr const char *collection = "sources";

    static Source fromJson(const lw::Json &json);
    lw::Json toJson() const;
};

} // namespace lw
