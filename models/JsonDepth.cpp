#include "JsonDepth.h"

namespace lw {

std::optional<size_t> jsonTooDeepAt(std::string_view text, size_t maxDepth)
{
    size_t depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

std::string jsonTooDeepMessage(size_t offset)
{
    return "the JSON nests deeper than " + std::to_string(MaxJsonDepth) + " levels (at byte " + std::to_string(offset) + ")";
}

} // namespace lw
