#include "AlloyRenderer.h"
#include "AlloyWriter.h"


namespace lw::server {

namespace {

const char *const Header = "Rendered by logwardend from the log-streaming configuration; changes made here are overwritten.";

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

using V = AlloyValue;

void writeTls(AlloyWriter &w, const char *block, const TlsMaterial &tls, const std::string &bundle, bool redact)
{
    w.open(block);
    w.attr("ca_pem", V::string(tls.caPem));
    if (tls.certPem)
        w.attr("cert_pem", V::string(*tls.certPem));
    if (tls.keyPem)
        w.attr("key_pem", V::string(redact ? "<private key of TLS bundle " + bundle + ", redacted>" : *tls.keyPem));
    w.close();
}

void relabelRule(AlloyWriter &w, const char *from, const char *to)
{
    w.open("rule");
    w.attr("source_labels", V::list({V::string(from)}));
    w.attr("target_label", V::string(to));
    w.close();
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
    return AlloyWriter::quote(text);
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

    AlloyWriter w;
    w.comment(Header);
    w.blank();
    if (sources.empty() || targets.empty()) {
        // Alloy ignores empty content, so "nothing to run" must still be a non-empty module.
        w.comment("Nothing to collect: " + std::string(sources.empty() ? "no source is enabled" : "no target is enabled")
                  + ". This module intentionally defines no components.");
        return w.finish();
    }

    std::vector<AlloyValue> receivers;
    for (const Target *t : targets) {
        const std::string label = targetLabel(t->name);
        receivers.push_back(V::reference(t->type == "LOKI" ? "loki.write." + label + ".receiver"
                                                           : "otelcol.receiver.loki." + label + ".receiver"));
    }

    for (const Source *s : sources) {
        const std::string label = sourceLabel(s->name);
        w.comment("source " + s->name);
        if (s->journald) {
            // Journal fields arrive as __journal_* labels and are dropped unless relabelled.
            w.open("loki.relabel", label);
            w.attr("forward_to", V::list({}));
            relabelRule(w, "__journal__systemd_unit", "unit");
            relabelRule(w, "__journal_priority_keyword", "level");
            relabelRule(w, "__journal__hostname", "host");
            w.close();
            w.blank();
            w.open("loki.source.journal", label);
            w.attr("matches", V::string("SYSLOG_IDENTIFIER=" + s->journald->syslogIdentifier));
            w.attr("forward_to", V::list({V::reference("loki.process." + label + ".receiver")}));
            w.attr("relabel_rules", V::reference("loki.relabel." + label + ".rules"));
            w.attr("labels", V::object({{"source", V::string(s->name)}, {"job", V::string(s->journald->syslogIdentifier)}}));
            w.close();
        } else {
            std::vector<AlloyValue> paths;
            for (const std::string &path : s->file->paths) {
                std::vector<std::pair<std::string, AlloyValue>> target{{"__path__", V::string(path)}};
                if (!s->file->labels.count("source")) // the user's own "source" label wins
                    target.emplace_back("source", V::string(s->name));
                for (const auto &[k, v] : s->file->labels)
                    target.emplace_back(k, V::string(v));
                paths.push_back(V::object(std::move(target)));
            }
            w.open("local.file_match", label);
            w.attr("path_targets", V::list(std::move(paths), true));
            w.close();
            w.blank();
            w.open("loki.source.file", label);
            w.attr("targets", V::reference("local.file_match." + label + ".targets"));
            w.attr("forward_to", V::list({V::reference("loki.process." + label + ".receiver")}));
            w.close();
        }
        w.blank();
        w.open("loki.process", label);
        w.attr("forward_to", V::list(receivers));
        const std::string format = s->logFormat.value_or("PLAIN");
        auto fields = [](std::initializer_list<const char *> names) {
            std::vector<std::pair<std::string, AlloyValue>> out;
            for (const char *n : names)
                out.emplace_back(n, V::string(""));
            return V::object(std::move(out));
        };
        if (format == "ZAP_JSON" || format == "JSON") {
            w.blank();
            w.open("stage.json");
            w.attr("expressions", format == "ZAP_JSON" ? fields({"level", "ts", "msg", "caller"}) : fields({"level"}));
            w.close();
        } else if (format == "LOGFMT") {
            w.blank();
            w.open("stage.logfmt");
            w.attr("mapping", fields({"level"}));
            w.close();
        }
        if (auto drop = dropExpression(s->minLevel)) {
            w.blank();
            w.open("stage.drop");
            w.attr("source", V::string("level"));
            w.attr("expression", V::string(*drop));
            w.attr("drop_counter_reason", V::string("below_min_level"));
            w.close();
        }
        if (format == "ZAP_JSON") {
            w.blank();
            w.open("stage.timestamp");
            w.attr("source", V::string("ts"));
            w.attr("format", V::string("Unix"));
            w.close();
        }
        w.blank();
        w.open("stage.labels");
        w.attr("values", fields({"level"}));
        w.close();
        w.close();
        w.blank();
    }

    for (size_t i = 0; i < targets.size(); ++i) {
        const Target *t = targets[i];
        const std::string label = targetLabel(t->name);
        w.comment("target " + t->name);
        std::optional<std::string> bundle = t->tlsBundleReference() ? std::optional(t->tlsBundleReference()->first) : std::nullopt;
        const TlsMaterial *tls = nullptr;
        if (bundle) {
            auto it = input.tlsBundles.find(*bundle);
            if (it != input.tlsBundles.end())
                tls = &it->second;
        }
        if (t->type == "LOKI") {
            w.open("loki.write", label);
            w.open("endpoint");
            w.attr("url", V::string(t->loki->url));
            if (t->loki->tenantId)
                w.attr("tenant_id", V::string(*t->loki->tenantId));
            if (tls)
                writeTls(w, "tls_config", *tls, *bundle, redact);
            w.close();
            w.close();
        } else {
            const auto &rs = *t->rsyslog;
            w.open("otelcol.receiver.loki", label);
            w.open("output");
            w.attr("logs", V::list({V::reference("otelcol.processor.transform." + label + ".input")}));
            w.close();
            w.close();
            w.blank();
            // The syslog exporter formats from attributes, not from the body.
            w.open("otelcol.processor.transform", label);
            w.attr("error_mode", V::string("ignore"));
            w.open("log_statements");
            w.attr("context", V::string("log"));
            w.attr("statements", V::list({V::string("set(attributes[\"message\"], body)")}, true));
            w.close();
            w.open("output");
            w.attr("logs", V::list({V::reference("otelcol.exporter.syslog." + label + ".input")}));
            w.close();
            w.close();
            w.blank();
            w.open("otelcol.exporter.syslog", label);
            w.attr("endpoint", V::string(rs.endpoint));
            w.attr("port", V::number(rs.port));
            w.attr("network", V::string("tcp"));
            w.attr("protocol", V::string("rfc5424"));
            if (rs.timeout)
                w.attr("timeout", V::string(*rs.timeout));
            if (tls) {
                writeTls(w, "tls", *tls, *bundle, redact);
            } else {
                w.open("tls");
                w.attr("insecure", V::boolean(true));
                w.close();
            }
            w.close();
        }
        if (i + 1 < targets.size())
            w.blank();
    }
    return w.finish();
}

} // namespace lw::server
