#pragma once

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace lw::server {

// A value in Alloy syntax. Strings are always quoted by quote(); references are checked to be
// dotted identifiers; there is no way to put unchecked text into the output.
class AlloyValue {
public:
    static AlloyValue string(const std::string &text);
    static AlloyValue number(int64_t n);
    static AlloyValue boolean(bool b);
    // A component export such as loki.write.t_x.receiver: identifiers joined by dots, or throws.
    static AlloyValue reference(const std::string &dotted);
    // [a, b], on one line, or one item per line when multiline.
    static AlloyValue list(std::vector<AlloyValue> items, bool multiline = false);
    // {"k" = v, …}: keys are quoted strings, so no key can be taken for a keyword.
    static AlloyValue object(std::vector<std::pair<std::string, AlloyValue>> fields);

    // The text at an indentation (used for multiline lists).
    std::string text(int indent) const;

private:
    enum class Kind { Atom, List, Object };
    Kind m_kind = Kind::Atom;
    std::string m_atom;
    bool m_multiline = false;
    std::vector<AlloyValue> m_items;
    std::vector<std::pair<std::string, AlloyValue>> m_fields;
};

// Writes an Alloy module: blocks, attributes (their "=" aligned within a run, as `alloy fmt`
// does), comments and blank lines. Block names, labels and attribute names must be identifiers
// (checked: Alloy refuses any other label), every string is quoted here, comments are reduced to printable ASCII: whatever the
// configuration holds, the output scans and parses as Alloy.
class AlloyWriter {
public:
    void comment(const std::string &text);
    void blank();
    void open(const std::string &name, const std::string &label = {}); // name "label" {
    void close();                                                    // }
    void attr(const std::string &name, const AlloyValue &value);
    std::string finish(); // the module; throws if a block is left open

    // An Alloy string literal: ", \ and control characters escaped, a byte-order mark as \ufeff.
    static std::string quote(const std::string &text);
    static bool isIdentifier(const std::string &name, bool dotted);

private:
    void flush();
    void put(const std::string &text);

    std::ostringstream m_out;
    int m_depth = 0;
    std::vector<std::pair<std::string, std::string>> m_run; // attributes awaiting alignment
};

} // namespace lw::server
