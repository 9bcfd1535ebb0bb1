#pragma once

#include "ValidationError.h"

#include "Json.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lw {

// Reads one JSON object strictly: each accessor names the field in its error, and finish()
// rejects every field nobody asked for, so a typo in a request never passes silently.
class JsonReader {
public:
    JsonReader(const lw::Json &value, std::string path = {});
    JsonReader(lw::Json &&, std::string = {}) = delete; // it keeps a reference: no temporaries

    std::string requiredString(const std::string &key);
    std::optional<std::string> optionalString(const std::string &key);
    bool optionalBool(const std::string &key, bool fallback);
    std::optional<bool> optionalBool(const std::string &key);
    long long requiredInteger(const std::string &key, long long min, long long max);
    std::optional<long long> optionalInteger(const std::string &key, long long min, long long max);
    std::vector<std::string> stringArray(const std::string &key, bool required);
    std::map<std::string, std::string> stringMap(const std::string &key);
    std::optional<JsonReader> optionalObject(const std::string &key);
    const lw::Json *optionalArray(const std::string &key);
    bool has(const std::string &key) const;

    // Marks a field as known without reading it (output-only fields tolerated on input).
    void ignore(const std::string &key);
    void finish();

    std::string fieldPath(const std::string &key) const;
    const std::string &path() const { return m_path; }

private:
    const lw::Json *find(const std::string &key);
    [[noreturn]] void typeError(const std::string &key, const char *expected) const;

    const lw::Json &m_value;
    std::string m_path;
    std::set<std::string> m_seen;
};

// Parses a request body; a syntax error becomes a ValidationError with code "invalid_json".
lw::Json parseJsonDocument(const std::string &text);

std::string jsonTypeName(const lw::Json &value);

} // namespace lw
