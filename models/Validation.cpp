#include "Validation.h"

#include <cstdio>
#include "ValidationError.h"

#include <QUrl>


namespace lw::validation {

bool isValidName(const std::string &name)
{
    if (name.size() < 3 || name.size() > 64)
        return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

void requireName(const std::string &field, const std::string &name)
{
    if (!isValidName(name)) {
        throw ValidationError(field, "\"" + field + "\" must be 3 to 64 characters of a-z, 0-9, '-' and '_' (got \""
                                         + name.substr(0, 80) + "\")",
                              "invalid_name");
    }
}

void requireOneOf(const std::string &field, const std::string &value, std::initializer_list<const char *> allowed)
{
    std::string list;
    for (const char *a : allowed) {
        if (value == a)
            return;
        list += list.empty() ? a : std::string(", ") + a;
    }
    throw ValidationError(field, "\"" + field + "\" must be one of " + list + " (got \"" + value.substr(0, 80) + "\")",
                          "invalid_value");
}

void requireHttpUrl(const std::string &field, const std::string &url)
{
    QUrl u(QString::fromStdString(url), QUrl::StrictMode);
    bool ok = u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
              && !u.host().isEmpty() && url.size() <= 2048;
    for (char c : url)
        ok = ok && static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '\\';
    if (!ok)
        throw ValidationError(field, "\"" + field + "\" must be an http:// or https:// URL with a host", "invalid_url");
}

namespace {
bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
} // namespace

void requireHost(const std::string &field, const std::string &host)
{
    // [A-Za-z0-9]([A-Za-z0-9.:-]*[A-Za-z0-9])?
    bool ok = !host.empty() && host.size() <= 253 && isAsciiAlnum(host.front()) && isAsciiAlnum(host.back());
    for (char c : host)
        ok = ok && (isAsciiAlnum(c) || c == '.' || c == ':' || c == '-');
    if (!ok)
        throw ValidationError(field, "\"" + field + "\" must be a host name or IP address", "invalid_host");
}

static bool isGoDuration(const std::string &text)
{
    // ([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+
    size_t i = 0;
    auto digits = [&] {
        const size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i > start;
    };
    if (text.empty())
        return false;
    while (i < text.size()) {
        if (!digits())
            return false;
        if (i < text.size() && text[i] == '.') {
            ++i;
            if (!digits())
                return false;
        }
        bool unit = false;
        for (const char *u : {"ns", "us", "ms", "s", "m", "h"}) {
            const size_t n = std::char_traits<char>::length(u);
            if (text.compare(i, n, u) == 0) {
                i += n;
                unit = true;
                break;
            }
        }
        if (!unit)
            return false;
    }
    return true;
}

void requireGoDuration(const std::string &field, const std::string &duration)
{
    if (duration.size() > 32 || !isGoDuration(duration))
        throw ValidationError(field, "\"" + field + "\" must be a duration such as \"5s\" or \"1m30s\"",
                              "invalid_duration");
}

void requireLabelName(const std::string &field, const std::string &label)
{
    // [A-Za-z_][A-Za-z0-9_]*
    bool ok = !label.empty() && label.size() <= 128 && !(label.front() >= '0' && label.front() <= '9');
    for (char c : label)
        ok = ok && (isAsciiAlnum(c) || c == '_');
    if (!ok || label.rfind("__", 0) == 0)
        throw ValidationError(field, "\"" + field + "\" is not a valid label name ([A-Za-z_][A-Za-z0-9_]*, not starting with __)",
                              "invalid_label");
}

void requirePlainText(const std::string &field, const std::string &text, size_t maxLength)
{
    if (text.empty())
        throw ValidationError(field, "\"" + field + "\" must not be empty", "invalid_value");
    if (text.size() > maxLength)
        throw ValidationError(field, "\"" + field + "\" is longer than " + std::to_string(maxLength) + " characters",
                              "invalid_value");
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw ValidationError(field, "\"" + field + "\" must not contain control characters", "invalid_value");
    }
}

void requireJournalMatchValue(const std::string &field, const std::string &text)
{
    requirePlainText(field, text, 255);
    auto refuse = [&](const std::string &what) {
        throw ValidationError(field, "\"" + field + "\" must be one identifier: it contains " + what
                                         + ", which would make the journal match more than that identifier",
                              "invalid_value");
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ')
            refuse("a space");
        if (c == '=' || c == '+')
            refuse(std::string("'") + static_cast<char>(c) + "'");
        if (c < 0x80)
            continue;
        // Decode the code point (the text is valid UTF-8: JSON strings are) and refuse Unicode white space.
        uint32_t cp = 0;
        size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        cp = c & (0x3F >> extra);
        for (size_t k = 1; k <= extra && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += extra;
        const bool space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
                           || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
        if (space || (cp >= 0x80 && cp <= 0x9F))
            refuse("white space or a control character (U+" + [cp] {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%04X", cp);
                return std::string(hex);
            }() + ")");
        if (cp == 0xFEFF)
            refuse("a byte-order mark (U+FEFF)");
    }
}

void requireStreamSelector(const std::string &field, const std::string &selector)
{
    if (selector.size() < 2 || selector.front() != '{' || selector.back() != '}' || selector.size() > 1024)
        throw ValidationError(field, "\"" + field + "\" must be a LogQL stream selector such as {job=\"api\"}",
                              "invalid_selector");
}

} // namespace lw::validation
