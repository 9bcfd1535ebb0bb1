#include "LokiController.h"
#include "auth/Principal.h"
#include "http/Compression.h"
#include "http/Router.h"
#include "logs/LogStore.h"
#include "logs/QueryPool.h"
#include "logs/LogWriter.h"
#include "logs/TailService.h"

#include <chrono>
#include <cstdio>
#include <limits>

namespace lw::server {

int64_t nowNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

LokiController::LokiController(ConfigStore &config, LogStore &logs, DataPathOptions options)
    : m_logs(logs), m_options(options), m_context(std::make_unique<QObject>()), m_tenants(config, options.clusterName),
      m_limiter(options.ingestionRateBytes, options.ingestionBurstBytes), m_pool(std::make_unique<QueryPool>(logs)),
      m_writer(std::make_unique<LogWriter>(logs)), m_queries(logs, m_tenants, *m_pool, *m_writer),
      m_ingest(*this, m_tenants)
{
    if (!options.lokiUrl.isEmpty())
        m_forwarder = std::make_unique<LokiForwarder>(options.lokiUrl, options.lokiToken, options.lokiCaPem);
}

void LokiController::registerRoutes(Router &router)
{
    // Decoding (decompression, parsing, validation) happens on the I/O thread that read the body;
    // the event loop only resolves the tenant, rate-limits and appends.
    router.add("POST", "/loki/api/v1/push", scopes::LogsWrite, [this](HttpRequest &r) { return push(r); },
               Router::ErrorStyle::PlainText, m_options.maxPushBodyBytes)
        .prepare = [this](HttpRequest &r) {
            r.prepared = std::make_shared<std::vector<StreamBatch>>(decodePush(r));
            r.body.clear(); // only the decoded lines travel on
        };
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
    auto shared = std::make_shared<const std::vector<StreamBatch>>(std::move(batches));
    HttpResponse later;
    if (m_forwarder) {
        later.deferred = [this, tenant, shared, accepted](std::function<void(HttpResponse)> reply) {
            m_forwarder->push(tenant, *shared, [this, tenant, shared, accepted, reply](LokiForwarder::Outcome outcome) {
                if (outcome.status != 204)
                    return reply(HttpResponse::plainError(outcome.status, "upstream", outcome.message));
                stored(tenant, shared, std::numeric_limits<int64_t>::max());
                reply(accepted);
            });
        };
        return later;
    }
    later.deferred = [this, tenant, shared, accepted, bytes](std::function<void(HttpResponse)> reply) {
        const bool queued = m_writer->append(
            PushToStore{tenant, shared, 0}, static_cast<size_t>(bytes),
            [this, tenant, shared, accepted, reply](const std::optional<std::string> &error, int64_t firstSeq) {
                // On the writer thread, once durable (or not written at all).
                if (error) {
                    if (!m_storeFailing.exchange(true))
                        std::fprintf(stderr, "logwardend: storing pushed lines fails (answered 503 until it works again): %s\n",
                                     error->c_str());
                    return reply(HttpResponse::plainError(503, "store_unavailable",
                                                          "the log store cannot write right now (is its disk full?); nothing of "
                                                          "this push was stored, try again"));
                }
                if (m_storeFailing.exchange(false))
                    std::fprintf(stderr, "logwardend: storing pushed lines works again\n");
                reply(accepted);
                QMetaObject::invokeMethod(m_context.get(), [this, tenant, shared, firstSeq] { stored(tenant, shared, firstSeq); },
                                          Qt::QueuedConnection);
            });
        if (!queued)
            reply(HttpResponse::plainError(503, "busy", "the log store is behind on writes; try again shortly"));
    };
    return later;
}

void LokiController::stored(const std::string &tenant, const std::shared_ptr<const std::vector<StreamBatch>> &batches,
                            int64_t firstSeq)
{
    if (m_tail)
        m_tail->publish(tenant, *batches, firstSeq);
}

void LokiController::applyRetention(int64_t maxAgeNs, int64_t maxBytes)
{
    m_writer->run([maxAgeNs, maxBytes](LogStore &store) {
        const int64_t removed = store.applyRetention(maxAgeNs, maxBytes);
        if (removed > 0)
            std::fprintf(stderr, "logwardend: retention removed %lld log entries\n", static_cast<long long>(removed));
    });
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
    std::vector<StreamBatch> batches = req.prepared ? std::move(*std::static_pointer_cast<std::vector<StreamBatch>>(req.prepared))
                                                    : decodePush(req);
    return store(tenant, std::move(batches), HttpResponse::raw(204, {}, "text/plain; charset=utf-8"));
}

std::vector<StreamBatch> LokiController::decodePush(const HttpRequest &req) const
{
    std::string why;
    bool unsupported = false;
    auto body = decodeContentEncoding(req.header("content-encoding"), req.body, m_options.maxPushBytes, &why, &unsupported);
    if (!body)
        throw ApiError(unsupported ? 415 : 400, "bad_encoding", why);
    const QByteArray type = req.header("content-type").split(';').first().trimmed().toLower();
    try {
        return type == "application/json" ? m_decoder.decodeJson(*body, nowNanos()) : m_decoder.decodeProtobuf(*body, nowNanos());
    } catch (const PushRejected &e) {
        throw ApiError(400, "bad_request", e.what());
    }
}

} // namespace lw::server
