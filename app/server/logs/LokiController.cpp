#include "LokiController.h"
#include "auth/Principal.h"
#include "http/Compression.h"
#include "http/Router.h"
#include "logs/LogStore.h"
#include "logs/TailService.h"

#include <chrono>

namespace lw::server {

int64_t nowNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

LokiController::LokiController(ConfigStore &config, LogStore &logs, DataPathOptions options)
    : m_logs(logs), m_options(options), m_tenants(config, options.clusterName),
      m_limiter(options.ingestionRateBytes, options.ingestionBurstBytes), m_queries(logs, m_tenants),
      m_ingest(*this, m_tenants)
{
}

void LokiController::registerRoutes(Router &router)
{
    router.add("POST", "/loki/api/v1/push", scopes::LogsWrite, [this](HttpRequest &r) { return push(r); },
               Router::ErrorStyle::PlainText);
    m_queries.registerRoutes(router);
    m_ingest.registerRoutes(router);
}

void LokiController::store(const std::string &tenant, const std::vector<StreamBatch> &batches)
{
    double bytes = 0;
    size_t lines = 0;
    for (const StreamBatch &b : batches) {
        for (const LogEntry &e : b.entries)
            bytes += static_cast<double>(e.line.size());
        lines += b.entries.size();
    }
    if (!m_limiter.allow(tenant, bytes, nowNanos() / 1000000)) {
        throw ApiError(429, "rate_limited",
                       "Ingestion rate limit exceeded for user " + tenant + " (limit: "
                           + std::to_string(static_cast<int64_t>(m_limiter.rate())) + " bytes/sec) while attempting to ingest '"
                           + std::to_string(lines) + "' lines totaling '" + std::to_string(static_cast<int64_t>(bytes))
                           + "' bytes, reduce log volume or ask an administrator to raise --ingestion-rate-mb");
    }
    m_logs.append(tenant, batches);
    if (m_tail)
        m_tail->publish(tenant, batches);
}

void LokiController::enableTail(Authenticator &auth, const std::vector<QAbstractHttpServer *> &servers)
{
    m_tail = std::make_unique<TailService>(auth, m_tenants, m_queries);
    for (QAbstractHttpServer *server : servers) {
        if (server)
            m_tail->attach(*server);
    }
}

LokiController::~LokiController() = default;

HttpResponse LokiController::push(HttpRequest &req)
{
    const std::string tenant = m_tenants.resolve(req);
    std::string why;
    bool unsupported = false;
    auto body = decodeContentEncoding(req.header("content-encoding"), req.body, m_options.maxPushBytes, &why, &unsupported);
    if (!body)
        throw ApiError(unsupported ? 415 : 400, "bad_encoding", why);
    const QByteArray type = req.header("content-type").split(';').first().trimmed().toLower();
    std::vector<StreamBatch> batches;
    try {
        batches = type == "application/json" ? m_decoder.decodeJson(*body, nowNanos())
                                             : m_decoder.decodeProtobuf(*body, nowNanos());
    } catch (const PushRejected &e) {
        throw ApiError(400, "bad_request", e.what());
    }
    store(tenant, batches);
    return HttpResponse::raw(204, {}, "text/plain; charset=utf-8");
}

} // namespace lw::server
