#include "JsonReader.h"
#include "JsonDepth.h"

namespace lw {

using json = lw::Json;

JsonReader::JsonReader(const json &value, std::string path) : m_value(value), m_path(std::move(path))
{
    if (!m_value.is_object()) {
        throw ValidationError(m_path, (m_path.empty() ? std::string("the body") : "\"" + m_path + "\"")
                                          + " must be a JSON object, not " + jsonTypeName(m_value),
                              "invalid_type");
    }
}

std::string JsonReader::fieldPath(const std::string &key) const
{
    return m_path.empty() ? key : m_path + "." + key;
}

bool JsonReader::has(const std::string &key) const
{
    auto it = m_value.find(key);
    return it != m_value.end() && !it->is_null();
}

const json *JsonReader::find(const std::string &key)
{
    m_seen.insert(key);
    auto it = m_value.find(key);
    if (it == m_value.end() || it->is_null())
        return nullptr;
    return &*it;
}

void JsonReader::typeError(const std::string &key, const char *expected) const
{
    throw ValidationError(fieldPath(key),
                          "\"" + fieldPath(key) + "\" must be " + expected + ", not "
                              + jsonTypeName(m_value.at(key)),
                          "invalid_type");
}

std::string JsonReader::requiredString(const std::string &key)
{
    auto value = optionalString(key);
    if (!value)
        throw ValidationError(fieldPath(key), "\"" + fieldPath(key) + "\" is required", "missing_field");
    return *value;
}

std::optional<std::string> JsonReader::optionalString(const std::string &key)
{
    const json *v = find(key);
    if (!v)
        return std::nullopt;
    if (!v->is_string())
        typeError(key, "a string");
    return v->get<std::string>();
}

bool JsonReader::optionalBool(const std::string &key, bool fallback)
{
    return optionalBool(key).value_or(fallback);
}

std::optional<bool> JsonReader::optionalBool(const std::string &key)
{
    const json *v = find(key);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean())
        typeError(key, "true or false");
    return v->get<bool>();
}

long long JsonReader::requiredInteger(const std::string &key, long long min, long long max)
{
    auto value = optionalInteger(key, min, max);
    if (!value)
        throw ValidationError(fieldPath(key), "\"" + fieldPath(key) + "\" is required", "missing_field");
    return *value;
}

std::optional<long long> JsonReader::optionalInteger(const std::string &key, long long min, long long max)
{
    const json *v = find(key);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer())
        typeError(key, "an integer");
    long long n = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)
                      ? max + 1
                      : v->get<long long>();
    if (n < min || n > max) {
        throw ValidationError(fieldPath(key), "\"" + fieldPath(key) + "\" must be between " + std::to_string(min)
                                                  + " and " + std::to_string(max),
                              "out_of_range");
    }
    return n;
}

std::vector<std::string> JsonReader::stringArray(const std::string &key, bool required)
{
    const json *v = find(key);
    if (!v) {
        if (required)
            throw ValidationError(fieldPath(key), "\"" + fieldPath(key) + "\" is required", "missing_field");
        return {};
    }
    if (!v->is_array())
        typeError(key, "an array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < v->size(); ++i) {
        const json &item = (*v)[i];
        if (!item.is_string()) {
            std::string p = fieldPath(key) + "[" + std::to_string(i) + "]";
            throw ValidationError(p, "\"" + p + "\" must be a string, not " + jsonTypeName(item), "invalid_type");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::map<std::string, std::string> JsonReader::stringMap(const std::string &key)
{
    const json *v = find(key);
    if (!v)
        return {};
    if (!v->is_object())
        typeError(key, "an object of strings");
    std::map<std::string, std::string> out;
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (!it.value().is_string()) {
            std::string p = fieldPath(key) + "." + it.key();
            throw ValidationError(p, "\"" + p + "\" must be a string, not " + jsonTypeName(it.value()),
                                  "invalid_type");
        }
        out.emplace(it.key(), it.value().get<std::string>());
    }
    return out;
}

std::optional<JsonReader> JsonReader::optionalObject(const std::string &key)
{
    const json *v = find(key);
    if (!v)
        return std::nullopt;
    if (!v->is_object())
        typeError(key, "an object");
    return JsonReader(*v, fieldPath(key));
}

const json *JsonReader::optionalArray(const std::string &key)
{
    const json *v = find(key);
    if (v && !v->is_array())
        typeError(key, "an array");
    return v;
}

void JsonReader::ignore(const std::string &key)
{
    m_seen.insert(key);
}

void JsonReader::finish()
{
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        if (!m_seen.count(it.key())) {
            std::string p = fieldPath(it.key());
            throw ValidationError(p, "unknown field \"" + p + "\"", "unknown_field");
        }
    }
}

json parseJsonDocument(const std::string &text)
{
    if (auto at = jsonTooDeepAt(text))
        throw ValidationError({}, jsonTooDeepMessage(*at), "too_deep");
    try {
        return json::parse(text);
    } catch (const json::parse_error &e) {
        std::string why = text.empty() ? "the body is empty; a JSON object is expected"
                                       : "the body is not valid JSON (at byte " + std::to_string(e.byte) + ")";
        throw ValidationError({}, why, "invalid_json");
    } catch (const json::out_of_range &) {
        // 1e999 and the like: valid JSON syntax, but no number a field could hold.
        throw ValidationError({}, "the body holds a number too large for any field", "invalid_json");
    }
}

std::string jsonTypeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "an unsupported value";
    }
}

} // namespace lw
