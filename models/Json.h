#pragma once

#include <nlohmann/json.hpp>

namespace lw {
// Insertion-ordered JSON: records serialise with "name" first, as people read them.
using Json = nlohmann::ordered_json;
} // namespace lw

namespace lw::tolerant {
// Reads that never throw, for JSON of unknown shape (a server's answer, text a user typed): the
// value when `j` is an object holding one of the expected type there, else the fallback.
inline std::string string(const Json &j, const char *key, const std::string &fallback = {})
{
    if (!j.is_object())
        return fallback;
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}
inline bool boolean(const Json &j, const char *key, bool fallback)
{
    if (!j.is_object())
        return fallback;
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}
inline const Json &array(const Json &j, const char *key)
{
    static const Json empty = Json::array();
    if (!j.is_object())
        return empty;
    const auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}
inline const Json &object(const Json &j, const char *key)
{
    static const Json empty = Json::object();
    if (!j.is_object())
        return empty;
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}
} // namespace lw::tolerant
