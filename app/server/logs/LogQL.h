#pragma once

#include "logs/LogRecords.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace lw::server {

// Regular expressions from users (LogQL, label policies) run on RE2: linear time, no backtracking,
// as Loki's Go regexp. Patterns longer than this are refused.
inline constexpr size_t MaxRegexBytes = 4096;

class LogQLError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One label matcher of a stream selector or label filter: name op "value".
struct LabelMatcher {
    enum class Op { Equal, NotEqual, Regex, NotRegex };
    std::string name;
    Op op = Op::Equal;
    std::string value;
    std::shared_ptr<const re2::RE2> regex; // for Regex/NotRegex; matched against the whole value

    bool matches(const Labels &labels) const;
    bool matchesValue(std::string_view actual) const; // the label's value ("" when absent)
};

// The LogQL subset logwardend runs: a stream selector, then any of
//   |= "x"   != "x"   |~ "re"   !~ "re"      line filters
//   | json   | logfmt                         parsers (extracted labels join the stream's; a name the
//                                             stream already has gets the suffix "_extracted", as in
//                                             Loki, so log content cannot pass for a stream label)
//   | name="v" (=, !=, =~, !~)                label filters
struct LogQLQuery {
    struct Stage {
        enum class Kind { LineContains, LineNotContains, LineRegex, LineNotRegex, Json, Logfmt, LabelFilter };
        Kind kind;
        std::string text;
        std::shared_ptr<const re2::RE2> regex; // searched for anywhere in the line
        LabelMatcher matcher;
    };
    std::vector<LabelMatcher> selector;
    std::vector<Stage> stages;
    // Label filters `| name="v"` (non-empty v) that only logfmt can have fed: a line can pass only
    // if it holds v verbatim, unless it has a backslash (an escaped value) or the stream itself has
    // the label. Checked before any parsing; the result is the same, without the parse.
    std::vector<std::pair<std::string, std::string>> logfmtNeedles;

    bool matchesStream(const Labels &labels) const;
    bool hasStages() const { return !stages.empty(); }
    // Runs the pipeline on one line of a stream; `extracted` receives what the parsers extract.
    // Thread-safe (a query may run on several threads).
    bool process(std::string_view line, const Labels &stream, Labels &extracted) const;
};

LogQLQuery parseLogQL(const std::string &text);
std::vector<LabelMatcher> parseSelector(const std::string &text); // "{…}" only
// Parses {a="b", …} with '=' only, as push payloads carry them.
Labels parseLabelSet(const std::string &text);

} // namespace lw::server
