#include "PipelinePreviewController.h"

#include "LogsV2Controller.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/PipelineCache.h"
#include "store/ConfigStore.h"
#include "JsonReader.h"
#include "Source.h"
#include "Target.h"
#include "Validation.h"
#include "ValidationError.h"

namespace lw::server {

PipelinePreviewController::PipelinePreviewController(ConfigStore &store, LogsV2Controller &logs, PipelineCache &pipeline,
                                                     CollectorRegistry &registry)
    : m_store(store), m_logs(logs), m_pipeline(pipeline), m_registry(registry)
{
}

void PipelinePreviewController::registerRoutes(Router &router)
{
    // A preview is asked for by someone about to write: it needs the scope the write needs.
    router.add("POST", "/api/v2/logs/pipeline/preview", scopes::ConfigWrite, [this](HttpRequest &r) { return preview(r); });
}

HttpResponse PipelinePreviewController::preview(HttpRequest &req)
{
    // {"kind": "source"|"target", "name"?: the record replaced or deleted, "record"?: the new
    // record (as POST or PUT would send it), "delete"?: true}
    const Json body = parseJsonDocument(req.body.toStdString());
    JsonReader r(body);
    const std::string kindWord = r.requiredString("kind");
    validation::requireOneOf("kind", kindWord, {"source", "target"});
    const char *kind = kindWord == "source" ? Source::kind : Target::kind;
    const std::optional<std::string> name = r.optionalString("name");
    const bool remove = r.optionalBool("delete", false);
    const Json *record = r.has("record") ? &body.at("record") : nullptr;
    r.ignore("record");
    r.finish();
    if (name)
        validation::requireName("name", *name);
    std::optional<StoredRecord> existing = name ? m_store.get(kind, *name) : std::nullopt;
    if (name && !existing)
        throw ApiError(404, "not_found", kindWord + " \"" + *name + "\" does not exist");

    PipelineChange change{kind, name.value_or(""), std::nullopt};
    if (remove) {
        if (!name)
            throw ValidationError("name", "a preview of a delete needs \"name\"", "missing_field");
        if (record)
            throw ValidationError("record", "a preview of a delete takes no \"record\"", "invalid_value");
    } else {
        if (!record)
            throw ValidationError("record", "\"record\" is required: the " + kindWord + " as it would be written",
                                  "missing_field");
        // The same decoder as POST and PUT: the same refusals, naming fields under "record".
        // As PUT does: a record without a name takes the one it replaces.
        Json named = *record;
        if (name && named.is_object() && !named.contains("name"))
            named["name"] = *name;
        Json stored;
        try {
            stored = m_logs.decode(kind, named);
        } catch (const ValidationError &e) {
            throw ValidationError(e.field().empty() ? "record" : "record." + e.field(), e.what(), e.code());
        }
        const std::string recordName = stored.value("name", "");
        if (name && recordName != *name)
            throw ValidationError("record.name", "\"record.name\" cannot change: the preview replaces \"" + *name + "\"",
                                  "immutable_field");
        if (!name && m_store.get(kind, recordName))
            throw ApiError(409, "already_exists", "a " + kindWord + " named \"" + recordName + "\" already exists", "record.name");
        change.name = recordName;
        change.stored = std::move(stored);
    }
    const Pipeline &current = m_pipeline.current();
    const PipelinePreview proposed = m_pipeline.preview(change);
    return HttpResponse::json(200, {{"current", {{"hash", current.hash}, {"content", current.redacted}}},
                                    {"proposed", {{"hash", proposed.hash}, {"content", proposed.redacted}}},
                                    {"changed", proposed.hash != current.hash},
                                    {"collectors", m_registry.size()}});
}

} // namespace lw::server
