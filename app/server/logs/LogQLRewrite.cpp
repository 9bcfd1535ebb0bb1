#include "LogQLRewrite.h"

#include <cctype>

namespace lw::server {

namespace {

const char *opText(LabelMatcher::Op op)
{
    switch (op) {
    case LabelMatcher::Op::Equal:
        return "=";
    case LabelMatcher::Op::NotEqual:
        return "!=";
    case LabelMatcher::Op::Regex:
        return "=~";
    case LabelMatcher::Op::NotRegex:
        return "!~";
    }
    return "=";
}

void writeQuoted(std::string &out, const std::string &value)
{
    out += '"';
    for (const char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                throw LogQLError("a label policy value holds a control character and cannot be written as LogQL");
            out += c;
        }
    }
    out += '"';
}

[[noreturn]] void refuse(size_t pos, const std::string &what)
{
    throw LogQLError("cannot apply the label policy to the query at position " + std::to_string(pos + 1) + ": " + what);
}

// Where the token starting at `i` (a string, comment or range) ends, one past it; `i` itself when
// it starts none of those.
size_t skipOpaque(std::string_view q, size_t i)
{
    const char c = q[i];
    const char next = i + 1 < q.size() ? q[i + 1] : '\0';
    if (c == '"') {
        for (size_t j = i + 1; j < q.size(); ++j) {
            if (q[j] == '\n')
                break; // Go strings end at a line break: Loki refuses it, and so does this
            if (q[j] == '\\')
                ++j;
            else if (q[j] == '"')
                return j + 1;
        }
        refuse(i, "unterminated string");
    }
    if (c == '`') {
        const size_t end = q.find('`', i + 1);
        if (end == std::string_view::npos)
            refuse(i, "unterminated raw string");
        return end + 1;
    }
    if (c == '\'')
        refuse(i, "character literals are not LogQL");
    if (c == '#' || (c == '/' && next == '/')) {
        const size_t end = q.find('\n', i);
        return end == std::string_view::npos ? q.size() : end + 1;
    }
    if (c == '/' && next == '*') {
        const size_t end = q.find("*/", i + 2);
        if (end == std::string_view::npos)
            refuse(i, "unterminated comment");
        return end + 2;
    }
    if (c == '[') {
        // Loki reads a range raw up to "]" and parses it as a duration: digits, units, dots.
        for (size_t j = i + 1; j < q.size(); ++j) {
            const auto b = static_cast<unsigned char>(q[j]);
            if (b == ']')
                return j + 1;
            if (!std::isalnum(b) && b != '.' && b != 0xC2 && b != 0xB5) // µ is C2 B5
                refuse(j, "a range holds something other than a duration");
        }
        refuse(i, "missing closing ']' in a range");
    }
    return i;
}

} // namespace

std::string writeMatchers(const std::vector<LabelMatcher> &matchers)
{
    std::string out;
    for (const LabelMatcher &m : matchers) {
        if (!out.empty())
            out += ", ";
        out += m.name;
        out += opText(m.op);
        writeQuoted(out, m.value);
    }
    return out;
}

std::string writeSelector(const std::vector<LabelMatcher> &matchers)
{
    return "{" + writeMatchers(matchers) + "}";
}

std::string restrictQuery(std::string_view q, const std::vector<LabelMatcher> &policy)
{
    const std::string extra = writeMatchers(policy);
    std::string out;
    out.reserve(q.size() + 4 * extra.size());
    size_t copied = 0, selectors = 0;
    size_t openAt = std::string_view::npos; // the "{" of the selector being read
    size_t i = 0;
    while (i < q.size()) {
        if (const size_t end = skipOpaque(q, i); end != i) {
            if (openAt != std::string_view::npos && (q[i] == '#' || q[i] == '/' || q[i] == '['))
                refuse(i, "a comment or range inside a stream selector");
            i = end;
            continue;
        }
        if (q[i] == '{') {
            if (openAt != std::string_view::npos)
                refuse(i, "a brace inside a stream selector");
            openAt = i;
        } else if (q[i] == '}') {
            if (openAt == std::string_view::npos)
                refuse(i, "a closing brace outside a stream selector");
            std::string_view inner = q.substr(openAt + 1, i - openAt - 1);
            const bool empty = inner.find_first_not_of(" \t\r\n") == std::string_view::npos;
            std::string selector = "{";
            selector += empty ? std::string_view() : inner;
            selector += !empty && !extra.empty() ? ", " : "";
            selector += extra;
            selector += "}";
            try {
                parseSelector(selector); // the selector Loki gets is one this server can read: matchers only
            } catch (const LogQLError &e) {
                refuse(openAt, std::string("the stream selector is not a list of label matchers (") + e.what() + ")");
            }
            out.append(q.substr(copied, openAt - copied));
            out += selector;
            copied = i + 1;
            openAt = std::string_view::npos;
            ++selectors;
        }
        ++i;
    }
    if (openAt != std::string_view::npos)
        refuse(openAt, "unterminated stream selector");
    if (selectors == 0)
        refuse(0, "the query has no stream selector");
    out.append(q.substr(copied));
    return out;
}

} // namespace lw::server
