#include "AlloyWriter.h"

#include <algorithm>
#include <stdexcept>

namespace lw::server {

std::string AlloyWriter::quote(const std::string &text)
{
    std::string out = "\"";
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // Alloy's scanner refuses a byte-order mark anywhere but at offset 0, even in a string.
        if (c == 0xef && text.compare(i, 3, "\xef\xbb\xbf") == 0) {
            out += "\\ufeff";
            i += 2;
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                static const char *hex = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

bool AlloyWriter::isIdentifier(const std::string &name, bool dotted)
{
    if (name.empty())
        return false;
    bool start = true;
    for (char c : name) {
        if (dotted && c == '.' && !start) {
            start = true;
            continue;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && (start || !(c >= '0' && c <= '9')))
            return false;
        start = false;
    }
    return !start;
}

AlloyValue AlloyValue::string(const std::string &text)
{
    AlloyValue v;
    v.m_atom = AlloyWriter::quote(text);
    return v;
}

AlloyValue AlloyValue::number(int64_t n)
{
    AlloyValue v;
    v.m_atom = std::to_string(n);
    return v;
}

AlloyValue AlloyValue::boolean(bool b)
{
    AlloyValue v;
    v.m_atom = b ? "true" : "false";
    return v;
}

AlloyValue AlloyValue::reference(const std::string &dotted)
{
    if (!AlloyWriter::isIdentifier(dotted, true))
        throw std::logic_error("not an Alloy reference: " + dotted);
    AlloyValue v;
    v.m_atom = dotted;
    return v;
}

AlloyValue AlloyValue::list(std::vector<AlloyValue> items, bool multiline)
{
    AlloyValue v;
    v.m_kind = Kind::List;
    v.m_items = std::move(items);
    v.m_multiline = multiline;
    return v;
}

AlloyValue AlloyValue::object(std::vector<std::pair<std::string, AlloyValue>> fields)
{
    AlloyValue v;
    v.m_kind = Kind::Object;
    v.m_fields = std::move(fields);
    return v;
}

std::string AlloyValue::text(int indent) const
{
    switch (m_kind) {
    case Kind::Atom:
        return m_atom;
    case Kind::Object: {
        std::string out = "{";
        for (size_t i = 0; i < m_fields.size(); ++i)
            out += (i ? ", " : "") + AlloyWriter::quote(m_fields[i].first) + " = " + m_fields[i].second.text(indent);
        return out + "}";
    }
    case Kind::List:
        break;
    }
    if (!m_multiline) {
        std::string out = "[";
        for (size_t i = 0; i < m_items.size(); ++i)
            out += (i ? ", " : "") + m_items[i].text(indent);
        return out + "]";
    }
    const std::string pad(static_cast<size_t>(indent + 1) * 2, ' ');
    std::string out = "[\n";
    for (const AlloyValue &item : m_items)
        out += pad + item.text(indent + 1) + ",\n";
    return out + std::string(static_cast<size_t>(indent) * 2, ' ') + "]";
}

void AlloyWriter::put(const std::string &text)
{
    m_out << std::string(static_cast<size_t>(m_depth) * 2, ' ') << text << '\n';
}

void AlloyWriter::flush()
{
    size_t width = 0;
    for (const auto &[name, value] : m_run)
        width = std::max(width, name.size());
    for (const auto &[name, value] : m_run)
        put(name + std::string(width - name.size(), ' ') + " = " + value);
    m_run.clear();
}

void AlloyWriter::comment(const std::string &text)
{
    flush();
    std::string safe;
    for (unsigned char c : text)
        safe += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    put("// " + safe);
}

void AlloyWriter::blank()
{
    flush();
    m_out << '\n';
}

void AlloyWriter::open(const std::string &name, const std::string &label)
{
    if (!isIdentifier(name, true))
        throw std::logic_error("not an Alloy block name: " + name);
    // Alloy wants block labels to be identifiers, even though they are written as strings.
    if (!label.empty() && !isIdentifier(label, false))
        throw std::logic_error("not an Alloy block label: " + label);
    flush();
    put(label.empty() ? name + " {" : name + " " + quote(label) + " {");
    ++m_depth;
}

void AlloyWriter::close()
{
    if (m_depth == 0)
        throw std::logic_error("AlloyWriter: close() without open()");
    flush();
    --m_depth;
    put("}");
}

void AlloyWriter::attr(const std::string &name, const AlloyValue &value)
{
    if (!isIdentifier(name, false))
        throw std::logic_error("not an Alloy attribute name: " + name);
    m_run.emplace_back(name, value.text(m_depth));
}

std::string AlloyWriter::finish()
{
    flush();
    if (m_depth != 0)
        throw std::logic_error("AlloyWriter: a block is left open");
    return m_out.str();
}

} // namespace lw::server
