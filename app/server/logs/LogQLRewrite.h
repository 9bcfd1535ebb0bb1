#pragma once

#include "logs/LogQL.h"

#include <string>
#include <string_view>
#include <vector>

namespace lw::server {

// Label-based access control for queries that another engine (Loki) runs: every stream selector of
// a LogQL expression gets a policy's matchers added, as GEL's label-based access control does, so
// the engine itself only ever reads streams the policy allows. The expression is otherwise passed
// on as written (metric queries, parsers, formatters: whatever the engine supports).
//
// Loki's lexer is followed where it matters for finding selectors: "strings" with backslash
// escapes, `raw strings`, # and // line comments, /* block comments */, [durations] read raw up to
// "]". Anything this cannot read with certainty (an unterminated string or comment, a character
// literal, a brace inside a selector, a selector that is not a list of label matchers, text in a
// range that is not a duration, no selector at all) is refused with LogQLError naming the
// position, never passed on unrewritten.
std::string restrictQuery(std::string_view query, const std::vector<LabelMatcher> &policy);

// The matchers as LogQL text, values quoted (\\, \", \n, \t escaped; other control characters
// cannot be written and throw LogQLError): `name="v", other=~"re"`. Read back by parseSelector.
std::string writeMatchers(const std::vector<LabelMatcher> &matchers);
std::string writeSelector(const std::vector<LabelMatcher> &matchers); // "{" + writeMatchers + "}"

} // namespace lw::server
