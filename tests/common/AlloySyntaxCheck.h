#pragma once
// A conservative, in-process check of Alloy's lexical rules for rendered configurations, for
// places that run too often for Alloy's own parser (alloycheck, the oracle): valid UTF-8, no NUL,
// no byte-order mark past offset 0, string literals that end on their line and use only Alloy's
// escapes, raw strings and comments that end, braces that balance.

#include <optional>
#include <string>
#include <string_view>

namespace lw::test {

inline std::optional<std::string> alloyLexError(std::string_view t)
{
    auto at = [](size_t i, const char *what) { return std::string(what) + " at byte " + std::to_string(i); };
    // UTF-8 as Go decodes it: no overlong forms, no surrogates, nothing past U+10FFFF.
    for (size_t i = 0; i < t.size();) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > t.size())
            return at(i, "invalid UTF-8");
        uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
        for (size_t k = 1; k < n; ++k) {
            const unsigned char d = static_cast<unsigned char>(t[i + k]);
            if ((d >> 6) != 2)
                return at(i, "invalid UTF-8");
            cp = (cp << 6) | (d & 0x3f);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))
            || (cp >= 0xd800 && cp <= 0xdfff))
            return at(i, "invalid UTF-8");
        if (cp == 0)
            return at(i, "NUL");
        if (cp == 0xfeff && i > 0)
            return at(i, "byte-order mark");
        i += n;
    }
    auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    int depth = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            while (i < t.size() && t[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const size_t end = t.find("*/", i + 2);
            if (end == std::string_view::npos)
                return at(i, "unterminated comment");
            i = end + 1;
        } else if (c == '`') {
            const size_t end = t.find('`', i + 1);
            if (end == std::string_view::npos)
                return at(i, "unterminated raw string");
            i = end;
        } else if (c == '"') {
            const size_t start = i;
            for (++i;; ++i) {
                if (i >= t.size() || t[i] == '\n')
                    return at(start, "string literal not terminated");
                if (t[i] == '"')
                    break;
                if (t[i] != '\\')
                    continue;
                const char e = i + 1 < t.size() ? t[i + 1] : '\0';
                size_t digits = 0;
                if (std::string_view("abfnrtv\\\"").find(e) != std::string_view::npos && e != '\0') {
                    i += 1;
                    continue;
                }
                if (e == 'x')
                    digits = 2;
                else if (e == 'u')
                    digits = 4;
                else if (e == 'U')
                    digits = 8;
                else if (e >= '0' && e <= '7') {
                    for (size_t k = 1; k <= 3; ++k) {
                        if (i + k >= t.size() || t[i + k] < '0' || t[i + k] > '7')
                            return at(i, "bad octal escape");
                    }
                    i += 3;
                    continue;
                } else {
                    return at(i, "unknown escape");
                }
                for (size_t k = 2; k < 2 + digits; ++k) {
                    if (i + k >= t.size() || !isHex(t[i + k]))
                        return at(i, "bad hex escape");
                }
                if (e != 'x') {
                    const uint32_t cp = static_cast<uint32_t>(std::stoul(std::string(t.substr(i + 2, digits)), nullptr, 16));
                    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                        return at(i, "escape of an invalid code point");
                }
                i += 1 + digits;
            }
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (--depth < 0)
                return at(i, "unbalanced '}'");
        }
    }
    if (depth != 0)
        return std::string("unbalanced braces at the end");
    return std::nullopt;
}

} // namespace lw::test
