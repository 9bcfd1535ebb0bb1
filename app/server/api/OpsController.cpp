#include "OpsController.h"

#include "auth/Principal.h"
#include "http/ApiDocument.h"
#include "http/Router.h"
#include "metrics/Metrics.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/PipelineCache.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"

#include <QDateTime>

#include <map>

namespace lw::server {

OpsController::OpsController(ConfigStore &store, CollectorRegistry &collectors, PipelineCache &pipeline, Options options)
    : m_store(store), m_collectors(collectors), m_pipeline(pipeline), m_options(std::move(options)),
      m_startedAt(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0)
{
    // Read when scraped, on the event loop (the /metrics handler runs there, as the registry needs).
    m_gauges = Metrics::global().addGauges([this](PrometheusWriter &out) {
        std::map<std::tuple<std::string, std::string>, int> counts;
        for (const auto &[dimension, values] : CollectorRegistry::statusValues())
            for (const std::string &status : values)
                counts[{dimension, status}] = 0;
        // The pipeline as last rendered: a scrape never renders (nor fails on a pending change).
        const auto pipeline = m_pipeline.snapshot();
        for (const auto &[key, n] : m_collectors.countByStatus(pipeline ? pipeline->hash : std::string(),
                                                               QDateTime::currentMSecsSinceEpoch()))
            counts[key] += n;
        out.family("logwardend_collectors", "gauge",
                   "Collectors by status: alloy (online, offline), remotecfg (up to date, pending, failed, down), pipeline health.");
        for (const auto &[key, n] : counts)
            out.sample("logwardend_collectors", {{"dimension", std::get<0>(key)}, {"status", std::get<1>(key)}}, n);
        out.family("logwardend_open_connections", "gauge", "Open HTTP connections on all listeners.");
        out.sample("logwardend_open_connections", {}, m_options.openConnections ? double(m_options.openConnections()) : 0);
        out.family("logwardend_build_info", "gauge", "The running version.");
        out.sample("logwardend_build_info", {{"version", m_options.version}}, 1);
        out.family("logwardend_start_time_seconds", "gauge", "When the server started, in seconds since the epoch.");
        out.sample("logwardend_start_time_seconds", {}, m_startedAt);
    });
}

OpsController::~OpsController()
{
    Metrics::global().removeGauges(m_gauges);
}

void OpsController::registerRoutes(Router &router)
{
    // Tenant names and traffic: admin:read, on every listener (other users of this host may be hostile).
    router.add("GET", "/metrics", scopes::AdminRead, [this](HttpRequest &r) { return metrics(r); });
    // Liveness: answered on the event loop, so a loop that hangs fails the probe.
    router.addPublic("GET", "/healthz", [](HttpRequest &) { return HttpResponse::json(200, {{"status", "ok"}}); });
    router.addPublic("GET", "/readyz", [this](HttpRequest &r) { return ready(r); });
    // The API reference: for any authenticated caller (it names the version and every route; an
    // anonymous scanner learns neither).
    router.add("GET", "/api/openapi.json", scopes::AnyPrincipal, [](HttpRequest &r) { return apiDocument(r); });
    // Which server answers (the console's Help → About): for any authenticated caller, as the reference.
    router.add("GET", "/api/version", scopes::AnyPrincipal, [this](HttpRequest &) {
        return HttpResponse::json(200, {{"name", "logwardend"}, {"version", m_options.version}});
    });
}

HttpResponse OpsController::apiDocument(HttpRequest &req)
{
    const ApiDocument &document = ApiDocument::embedded();
    const QByteArray etag = QByteArray::fromStdString(document.etag());
    if (req.header("if-none-match") == etag)
        return HttpResponse::raw(304, {}, {}).header("etag", etag).header("cache-control", "no-cache");
    return HttpResponse::raw(200, document.bytes(), "application/json").header("etag", etag).header("cache-control", "no-cache");
}

HttpResponse OpsController::metrics(HttpRequest &)
{
    return HttpResponse::raw(200, QByteArray::fromStdString(Metrics::global().render()), "text/plain; version=0.0.4; charset=utf-8");
}

HttpResponse OpsController::ready(HttpRequest &)
{
    try {
        m_store.get(Tenant::kind, "readyz-probe"); // a read through the store; its answer does not matter
    } catch (const std::exception &) {
        return HttpResponse::json(503, {{"status", "not ready"}, {"reason", "the configuration store cannot be read"}});
    }
    try {
        m_pipeline.current(); // rendered now if a change is pending: what agents would be served
    } catch (const std::exception &) {
        return HttpResponse::json(503, {{"status", "not ready"}, {"reason", "the pipeline cannot be rendered"}});
    }
    return HttpResponse::json(200, {{"status", "ready"}});
}

} // namespace lw::server
