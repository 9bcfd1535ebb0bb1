#include "metrics/PrometheusWriter.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace lw::server {

bool PrometheusWriter::isValidName(std::string_view name)
{
    if (name.empty())
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

std::string PrometheusWriter::escapeLabelValue(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string PrometheusWriter::formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

void PrometheusWriter::family(std::string_view name, std::string_view type, std::string_view help)
{
    if (!isValidName(name))
        throw std::invalid_argument("not a Prometheus metric name: " + std::string(name));
    std::string escapedHelp;
    for (const char c : help)
        escapedHelp += c == '\\' ? std::string("\\\\") : c == '\n' ? std::string("\\n") : std::string(1, c);
    m_out.append("# HELP ").append(name).append(" ").append(escapedHelp).append("\n");
    m_out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void PrometheusWriter::sample(std::string_view name, const Labels &labels, double value)
{
    if (!isValidName(name))
        throw std::invalid_argument("not a Prometheus metric name: " + std::string(name));
    m_out.append(name);
    if (!labels.empty()) {
        m_out += '{';
        for (size_t i = 0; i < labels.size(); ++i) {
            if (!isValidName(labels[i].first) || labels[i].first.find(':') != std::string::npos)
                throw std::invalid_argument("not a Prometheus label name: " + labels[i].first);
            m_out.append(i ? "," : "").append(labels[i].first).append("=\"").append(escapeLabelValue(labels[i].second)).append("\"");
        }
        m_out += '}';
    }
    m_out.append(" ").append(formatValue(value)).append("\n");
}

} // namespace lw::server
