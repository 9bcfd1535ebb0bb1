#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lw::server {

// Prometheus text exposition format 0.0.4, written through one place that owns names and quoting:
// a family's HELP and TYPE, then its samples; label values escaped (\\, \", \n), values as
// integers where they are whole, +Inf/-Inf/NaN spelled as Prometheus reads them.
class PrometheusWriter {
public:
    using Labels = std::vector<std::pair<std::string, std::string>>;

    void family(std::string_view name, std::string_view type, std::string_view help);
    void sample(std::string_view name, const Labels &labels, double value);
    const std::string &text() const { return m_out; }
    void append(const PrometheusWriter &other) { m_out += other.m_out; }

    static bool isValidName(std::string_view name); // [a-zA-Z_:][a-zA-Z0-9_:]*
    static std::string escapeLabelValue(std::string_view value);
    static std::string formatValue(double value);

private:
    std::string m_out;
};

} // namespace lw::server
