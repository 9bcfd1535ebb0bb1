#pragma once

#include "http/HttpTypes.h"

namespace lw::server {

class CollectorRegistry;
class PipelineCache;
class Router;

// /api/v2/logs/collectors: the health of every Alloy agent (seed 000 step 5) and the pipeline
// each one is served. Lists are sorted by id, filterable by any status value and paginated.
class CollectorsController {
public:
    CollectorsController(CollectorRegistry &registry, PipelineCache &pipeline);
    void registerRoutes(Router &router);

private:
    HttpResponse list(HttpRequest &req);
    HttpResponse get(HttpRequest &req);
    HttpResponse config(HttpRequest &req);

    CollectorRegistry &m_registry;
    PipelineCache &m_pipeline;
};

} // namespace lw::server
