#include "LogRecords.h"

namespace lw::server {

std::string canonicalLabels(const Labels &labels)
{
    std::string out = "{";
    bool first = true;
    for (const auto &[name, value] : labels) {
        if (!first)
            out += ", ";
        first = false;
        out += name + "=\"";
        for (char c : value) {
            if (c == '"' || c == '\\')
                out += '\\';
            if (c == '\n') {
                out += "\\n";
                continue;
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

} // namespace lw::server
