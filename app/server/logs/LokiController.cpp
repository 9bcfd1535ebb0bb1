#include "LokiController.h"
#include "auth/Principal.h"
#include "http/Compression.h"
#include "http/Router.h"
#include "logs/LogStore.h"
#include "logs/QueryPool.h"
#include "logs/TailService.h"

#include <chrono>

namespace lw::server {

int64_t nowNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

LokiController::LokiController(ConfigStore &config, LogStore &logs, DataPathOptions options)
    : m_logs(logs), m_options(options), m_tenants(config, options.clusterName),
      m_limiter(options.ingestionRateBytes, options.ingestionBurstBytes), m_pool(std::make_unique<QueryPool>(logs)),
      m_queries(logs, m_tenants, *m_pool),
      m_ingest(*this, m_tenants)
{
    if (!options.lokiUrl.isEmpty())
        m_forwarder = std::make_unique<LokiForwarder>(options.lokiUrl, options.lokiToken, options.lokiCaPem);
}

void LokiController::registerRoutes(Router &router)
{
    router.add("POST", "/loki/api/v1/push", scopes::LogsWrite, [this](HttpRequest &r) { return push(r); },
               Router::ErrorStyle::PlainText, m_options.maxPushBodyBytes);
    m_queries.registerRoutes(router);
    m_ingest.registerRoutes(router, m_options.maxPushBodyBytes);
}

HttpResponse LokiController::store(const std::string &tenant, std::vector<StreamBatch> batches, HttpResponse accepted)
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
    if (m_forwarder) {
        HttpResponse later;
        later.deferred = [this, tenant, batches = std::move(batches), accepted](std::function<void(HttpResponse)> reply) {
            m_forwarder->push(tenant, batches, [this, tenant, batches, accepted, reply](LokiForwarder::Outcome outcome) {
                if (outcome.status != 204)
                    return reply(HttpResponse::plainError(outcome.status, "upstream", outcome.message));
                if (m_tail)
                    m_tail->publish(tenant, batches);
                reply(accepted);
            });
        };
        return later;
    }
    m_logs.append(tenant, batches);
    if (m_tail)
        m_tail->publish(tenant, batches);
    return accepted;
}

TailService &LokiController::enableTail(Authenticator &auth)
{
    m_tail = std::make_unique<TailService>(auth, m_tenants, m_queries);
    return *m_tail;
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
    return store(tenant, std::move(batches), HttpResponse::raw(204, {}, "text/plain; charset=utf-8"));
}

} // namespace lw::server
