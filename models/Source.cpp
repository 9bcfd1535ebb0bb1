#include "Source.h"
#include "JsonReader.h"
#include "Validation.h"

namespace lw {

using json = lw::Json;

Source Source::fromJson(const json &document)
{
    JsonReader r(document);
    Source s;
    s.name = r.requiredString("name");
    validation::requireName("name", s.name);
    s.enabled = r.optionalBool("enabled", true);
    s.logFormat = r.optionalString("logFormat");
    if (s.logFormat)
        validation::requireOneOf("logFormat", *s.logFormat, {"ZAP_JSON", "JSON", "LOGFMT", "PLAIN"});
    s.minLevel = r.optionalString("minLevel");
    if (s.minLevel)
        validation::requireOneOf("minLevel", *s.minLevel, {"DEBUG", "INFO", "WARN", "ERROR"});

    if (auto j = r.optionalObject("journald")) {
        Journald jd;
        jd.syslogIdentifier = j->requiredString("syslogIdentifier");
        validation::requireJournalMatchValue(j->fieldPath("syslogIdentifier"), jd.syslogIdentifier);
        j->finish();
        s.journald = jd;
    }
    if (auto f = r.optionalObject("file")) {
        File fi;
        fi.paths = f->stringArray("paths", true);
        if (fi.paths.empty())
            throw ValidationError("file.paths", "\"file.paths\" needs at least one path", "invalid_value");
        if (fi.paths.size() > 256)
            throw ValidationError("file.paths", "\"file.paths\" has more than 256 paths", "invalid_value");
        for (size_t i = 0; i < fi.paths.size(); ++i) {
            std::string field = "file.paths[" + std::to_string(i) + "]";
            validation::requirePlainText(field, fi.paths[i], 4096);
            if (fi.paths[i][0] != '/')
                throw ValidationError(field, "\"" + field + "\" must be an absolute path", "invalid_value");
        }
        fi.labels = f->stringMap("labels");
        for (const auto &[k, v] : fi.labels) {
            validation::requireLabelName("file.labels." + k, k);
            validation::requirePlainText("file.labels." + k, v, 1024);
        }
        f->finish();
        s.file = fi;
    }
    r.finish();

    if (s.journald && s.file)
        throw ValidationError("file", "a source has exactly one of \"journald\" or \"file\", not both", "conflicting_fields");
    if (!s.journald && !s.file)
        throw ValidationError("journald", "a source needs one of \"journald\" or \"file\"", "missing_field");
    return s;
}

json Source::toJson() const
{
    json j = json::object();
    j["name"] = name;
    j["enabled"] = enabled;
    if (logFormat)
        j["logFormat"] = *logFormat;
    if (minLevel)
        j["minLevel"] = *minLevel;
    if (journald)
        j["journald"] = {{"syslogIdentifier", journald->syslogIdentifier}};
    if (file) {
        json f = {{"paths", file->paths}};
        if (!file->labels.empty())
            f["labels"] = file->labels;
        j["file"] = f;
    }
    return j;
}

} // namespace lw
