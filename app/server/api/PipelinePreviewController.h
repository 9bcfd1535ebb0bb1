#pragma once

#include "http/HttpTypes.h"

namespace lw::server {

class CollectorRegistry;
class ConfigStore;
class LogsV2Controller;
class PipelineCache;
class Router;

// POST /api/v2/logs/pipeline/preview: the pipeline agents would receive if a source or target
// were created, replaced or deleted, rendered without storing anything: the same validation as
// the write itself (the same decoders, 400/404/409 alike), the same redaction as every pipeline
// people see, the current and proposed texts and hashes, and how many collectors would pick it up.
class PipelinePreviewController {
public:
    PipelinePreviewController(ConfigStore &store, LogsV2Controller &logs, PipelineCache &pipeline, CollectorRegistry &registry);
    void registerRoutes(Router &router);

private:
    HttpResponse preview(HttpRequest &req);

    ConfigStore &m_store;
    LogsV2Controller &m_logs;
    PipelineCache &m_pipeline;
    CollectorRegistry &m_registry;
};

} // namespace lw::server
