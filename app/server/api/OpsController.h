#pragma once

#include "http/HttpTypes.h"

#include <cstddef>
#include <functional>
#include <string>

namespace lw::server {

class CollectorRegistry;
class ConfigStore;
class PipelineCache;
class Router;

// What operators and their tools ask: GET /metrics (Prometheus text: requests, latencies,
// refusals, remotecfg polls, pushes and lines per tenant, store commits, collectors by status,
// open connections), GET /healthz (the event loop answers) and GET /readyz (the store reads and a
// pipeline is rendered), GET /api/openapi.json (the API reference) and GET /api/version (name and
// version). /metrics needs admin:read, the reference and the version any credential; the probes none.
class OpsController {
public:
    struct Options {
        std::string version;
        std::function<size_t()> openConnections;
    };
    OpsController(ConfigStore &store, CollectorRegistry &collectors, PipelineCache &pipeline, Options options);
    ~OpsController();
    OpsController(const OpsController &) = delete;
    OpsController &operator=(const OpsController &) = delete;

    void registerRoutes(Router &router);

private:
    HttpResponse metrics(HttpRequest &req);
    HttpResponse ready(HttpRequest &req);
    static HttpResponse apiDocument(HttpRequest &req);

    ConfigStore &m_store;
    CollectorRegistry &m_collectors;
    PipelineCache &m_pipeline;
    Options m_options;
    int m_gauges = 0;
    double m_startedAt;
};

} // namespace lw::server
