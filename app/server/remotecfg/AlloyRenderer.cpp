#include "AlloyRenderer.h"

#include <sstream>

namespace lw::server {

namespace {

const char *const Header = "// Rendered by logwardend from the log-streaming configuration; changes made here are overwritten.\n";

// Levels below minLevel, as they appear in zap JSON ("debug", "info", "warn", "error") and in
// journald's priority keywords ("debug", "info", "notice", "warning", ...).
std::optional<std::string> dropExpression(const std::optional<std::string> &minLevel)
{
    if (!minLevel || *minLevel == "DEBUG")
        return std::nullopt;
    if (*minLevel == "INFO")
        return "(?i)^(debug|trace)$";
    if (*minLevel == "WARN")
        return "(?i)^(debug|trace|info|notice)$";
    return "(?i)^(debug|trace|info|notice|warn|warning)$"; // ERROR
}

class Writer {
public:
    void line(int indent, const std::string &text) { m_out << std::string(static_cast<size_t>(indent) * 2, ' ') << text << '\n'; }
    void blank() { m_out << '\n'; }
    std::string str() const { return m_out.str(); }

private:
    std::ostringstream m_out;
};

std::string list(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + "]";
}

void writeTls(Writer &w, int indent, const char *block, const TlsMaterial &tls, const std::string &bundle, bool redact)
{
    w.line(indent, std::string(block) + " {");
    w.line(indent + 1, "ca_pem   = " + AlloyRenderer::quote(tls.caPem));
    if (tls.certPem)
        w.line(indent + 1, "cert_pem = " + AlloyRenderer::quote(*tls.certPem));
    if (tls.keyPem) {
        w.line(indent + 1, "key_pem  = " + (redact ? AlloyRenderer::quote("<private key of TLS bundle " + bundle + ", redacted>")
                                                  : AlloyRenderer::quote(*tls.keyPem)));
    }
    w.line(indent, "}");
}

} // namespace

std::string AlloyRenderer::escapeName(const std::string &name)
{
    std::string out;
    for (char c : name) {
        if (c == '-')
            out += "__";
        else if (c == '_')
            out += "_u";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> AlloyRenderer::unescapeName(const std::string &escaped)
{
    std::string out;
    for (size_t i = 0; i < escaped.size(); ++i) {
        if (escaped[i] != '_') {
            out += escaped[i];
            continue;
        }
        if (i + 1 >= escaped.size())
            return std::nullopt;
        const char next = escaped[++i];
        if (next == '_')
            out += '-';
        else if (next == 'u')
            out += '_';
        else
            return std::nullopt;
    }
    return out;
}

std::optional<std::string> AlloyRenderer::targetNameFromLabel(const std::string &label)
{
    if (label.rfind("t_", 0) != 0)
        return std::nullopt;
    return unescapeName(label.substr(2));
}

std::string AlloyRenderer::quote(const std::string &text)
{
    std::string out = "\"";
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // Alloy's scanner refuses a byte-order mark anywhere but at offset 0, even in a string.
        if (c == 0xef && text.compare(i, 3, "\xef\xbb\xbf") == 0) {
            out += "\\ufeff";
            i += 2;
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                static const char *hex = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string AlloyRenderer::render(const PipelineInput &input, bool redact)
{
    std::vector<const Source *> sources;
    std::vector<const Target *> targets;
    for (const Source &s : input.sources) {
        if (s.enabled)
            sources.push_back(&s);
    }
    for (const Target &t : input.targets) {
        if (t.enabled)
            targets.push_back(&t);
    }

    Writer w;
    w.line(0, Header);
    if (sources.empty() || targets.empty()) {
        // Alloy ignores empty content, so "nothing to run" must still be a non-empty module.
        w.line(0, "// Nothing to collect: " + std::string(sources.empty() ? "no source is enabled" : "no target is enabled")
                      + ". This module intentionally defines no components.");
        return w.str();
    }

    std::vector<std::string> receivers;
    for (const Target *t : targets) {
        const std::string label = targetLabel(t->name);
        receivers.push_back(t->type == "LOKI" ? "loki.write." + label + ".receiver"
                                              : "otelcol.receiver.loki." + label + ".receiver");
    }

    for (const Source *s : sources) {
        const std::string label = sourceLabel(s->name);
        w.line(0, "// source " + s->name);
        if (s->journald) {
            // Journal fields arrive as __journal_* labels and are dropped unless relabelled.
            w.line(0, "loki.relabel " + quote(label) + " {");
            w.line(1, "forward_to = []");
            w.line(1, "rule {");
            w.line(2, "source_labels = [\"__journal__systemd_unit\"]");
            w.line(2, "target_label  = \"unit\"");
            w.line(1, "}");
            w.line(1, "rule {");
            w.line(2, "source_labels = [\"__journal_priority_keyword\"]");
            w.line(2, "target_label  = \"level\"");
            w.line(1, "}");
            w.line(1, "rule {");
            w.line(2, "source_labels = [\"__journal__hostname\"]");
            w.line(2, "target_label  = \"host\"");
            w.line(1, "}");
            w.line(0, "}");
            w.blank();
            w.line(0, "loki.source.journal " + quote(label) + " {");
            w.line(1, "matches       = " + quote("SYSLOG_IDENTIFIER=" + s->journald->syslogIdentifier));
            w.line(1, "forward_to    = [loki.process." + label + ".receiver]");
            w.line(1, "relabel_rules = loki.relabel." + label + ".rules");
            w.line(1, "labels        = {source = " + quote(s->name) + ", job = " + quote(s->journald->syslogIdentifier) + "}");
            w.line(0, "}");
        } else {
            w.line(0, "local.file_match " + quote(label) + " {");
            w.line(1, "path_targets = [");
            for (const std::string &path : s->file->paths) {
                std::string target = "{\"__path__\" = " + quote(path);
                if (!s->file->labels.count("source")) // the user's own "source" label wins
                    target += ", \"source\" = " + quote(s->name);
                for (const auto &[k, v] : s->file->labels)
                    target += ", " + quote(k) + " = " + quote(v);
                w.line(2, target + "},");
            }
            w.line(1, "]");
            w.line(0, "}");
            w.blank();
            w.line(0, "loki.source.file " + quote(label) + " {");
            w.line(1, "targets    = local.file_match." + label + ".targets");
            w.line(1, "forward_to = [loki.process." + label + ".receiver]");
            w.line(0, "}");
        }
        w.blank();
        w.line(0, "loki.process " + quote(label) + " {");
        w.line(1, "forward_to = " + list(receivers));
        const std::string format = s->logFormat.value_or("PLAIN");
        if (format == "ZAP_JSON" || format == "JSON") {
            w.blank();
            w.line(1, "stage.json {");
            w.line(2, format == "ZAP_JSON" ? "expressions = {level = \"\", ts = \"\", msg = \"\", caller = \"\"}"
                                           : "expressions = {level = \"\"}");
            w.line(1, "}");
        } else if (format == "LOGFMT") {
            w.blank();
            w.line(1, "stage.logfmt {");
            w.line(2, "mapping = {level = \"\"}");
            w.line(1, "}");
        }
        if (auto drop = dropExpression(s->minLevel)) {
            w.blank();
            w.line(1, "stage.drop {");
            w.line(2, "source              = \"level\"");
            w.line(2, "expression          = " + quote(*drop));
            w.line(2, "drop_counter_reason = \"below_min_level\"");
            w.line(1, "}");
        }
        if (format == "ZAP_JSON") {
            w.blank();
            w.line(1, "stage.timestamp {");
            w.line(2, "source = \"ts\"");
            w.line(2, "format = \"Unix\"");
            w.line(1, "}");
        }
        w.blank();
        w.line(1, "stage.labels {");
        w.line(2, "values = {level = \"\"}");
        w.line(1, "}");
        w.line(0, "}");
        w.blank();
    }

    for (const Target *t : targets) {
        const std::string label = targetLabel(t->name);
        w.line(0, "// target " + t->name);
        std::optional<std::string> bundle = t->tlsBundleReference() ? std::optional(t->tlsBundleReference()->first) : std::nullopt;
        const TlsMaterial *tls = nullptr;
        if (bundle) {
            auto it = input.tlsBundles.find(*bundle);
            if (it != input.tlsBundles.end())
                tls = &it->second;
        }
        if (t->type == "LOKI") {
            w.line(0, "loki.write " + quote(label) + " {");
            w.line(1, "endpoint {");
            w.line(2, "url = " + quote(t->loki->url));
            if (t->loki->tenantId)
                w.line(2, "tenant_id = " + quote(*t->loki->tenantId));
            if (tls)
                writeTls(w, 2, "tls_config", *tls, *bundle, redact);
            w.line(1, "}");
            w.line(0, "}");
        } else {
            const auto &rs = *t->rsyslog;
            w.line(0, "otelcol.receiver.loki " + quote(label) + " {");
            w.line(1, "output {");
            w.line(2, "logs = [otelcol.processor.transform." + label + ".input]");
            w.line(1, "}");
            w.line(0, "}");
            w.blank();
            // The syslog exporter formats from attributes, not from the body.
            w.line(0, "otelcol.processor.transform " + quote(label) + " {");
            w.line(1, "error_mode = \"ignore\"");
            w.line(1, "log_statements {");
            w.line(2, "context    = \"log\"");
            w.line(2, "statements = [");
            w.line(3, quote("set(attributes[\"message\"], body)") + ",");
            w.line(2, "]");
            w.line(1, "}");
            w.line(1, "output {");
            w.line(2, "logs = [otelcol.exporter.syslog." + label + ".input]");
            w.line(1, "}");
            w.line(0, "}");
            w.blank();
            w.line(0, "otelcol.exporter.syslog " + quote(label) + " {");
            w.line(1, "endpoint = " + quote(rs.endpoint));
            w.line(1, "port     = " + std::to_string(rs.port));
            w.line(1, "network  = \"tcp\"");
            w.line(1, "protocol = \"rfc5424\"");
            if (rs.timeout)
                w.line(1, "timeout  = " + quote(*rs.timeout));
            if (tls) {
                writeTls(w, 1, "tls", *tls, *bundle, redact);
            } else {
                w.line(1, "tls {");
                w.line(2, "insecure = true");
                w.line(1, "}");
            }
            w.line(0, "}");
        }
        w.blank();
    }
    std::string out = w.str();
    out.pop_back(); // one trailing newline, not a blank line
    return out;
}

} // namespace lw::server
