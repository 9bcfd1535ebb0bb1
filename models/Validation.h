#pragma once

#include <initializer_list>
#include <string>

namespace lw::validation {

// Resource names: 3–64 of [a-z0-9-_] (GEL's rule, used for every named resource).
void requireName(const std::string &field, const std::string &name);
bool isValidName(const std::string &name);

void requireOneOf(const std::string &field, const std::string &value, std::initializer_list<const char *> allowed);
void requireHttpUrl(const std::string &field, const std::string &url);
void requireHost(const std::string &field, const std::string &host);
void requireGoDuration(const std::string &field, const std::string &duration);
void requireLabelName(const std::string &field, const std::string &label);
// Non-empty, bounded, and free of control characters (they would break rendered configs).
// A value that goes into a journald match ("FIELD=value" terms split on Unicode white space, as
// Alloy's loki.source.journal does): plain text without white space of any kind, '=' or '+'.
void requireJournalMatchValue(const std::string &field, const std::string &text);
void requirePlainText(const std::string &field, const std::string &text, size_t maxLength);
// The shape of a LogQL stream selector as access policies hold it ("{…}", at most 1 KiB). The
// server parses it fully (RE2) on top; the console checks this much as the admin types.
void requireStreamSelector(const std::string &field, const std::string &selector);

} // namespace lw::validation
