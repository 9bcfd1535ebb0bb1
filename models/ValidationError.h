#pragma once

#include <stdexcept>
#include <string>

namespace lw {

// Thrown by codecs and validators; `field` is the dotted path of the offending field
// (e.g. "rsyslog.port"), empty when the problem is the document as a whole.
class ValidationError : public std::runtime_error {
public:
    ValidationError(std::string field, const std::string &message, std::string code = "invalid_field")
        : std::runtime_error(message), m_field(std::move(field)), m_code(std::move(code)) {}

    const std::string &field() const { return m_field; }
    const std::string &code() const { return m_code; }

private:
    std::string m_field;
    std::string m_code;
};

} // namespace lw
