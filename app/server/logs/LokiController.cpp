#include "LokiController.h"
#include "Log.h"
#include "metrics/Metrics.h"
#include "Guarded.h"
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
    if (!options.lokiUrl.isEmpty()) {
        m_forwarder = std::make_unique<LokiForwarder>(options.lokiUrl, options.lokiToken, options.lokiCaPem);
        // The API's root: the push URL without Loki's push path.
        QUrl base = options.lokiUrl;
        const QString push = QStringLiteral("/loki/api/v1/push");
        if (base.path().endsWith(push))
            base.setPath(base.path().chopped(push.size()));
        m_gateway = std::make_unique<LokiGateway>(m_tenants, base, options.lokiToken, options.lokiCaPem);
    }
}

void LokiController::registerRoutes(Router &router)
{
    router.add("POST", "/loki/api/v1/push", scopes::LogsWrite, [this](HttpRequest &r) { return push(r); },
               Router::ErrorStyle::PlainText, m_options.maxPushBodyBytes);
    if (m_gateway)
        m_gateway->registerRoutes(router);
    else
        m_queries.registerRoutes(router);
    m_ingest.registerRoutes(router, m_options.maxPushBodyBytes);
}

HttpResponse LokiController::ingestLater(std::string tenant, std::function<Decoded()> decode, ErrorStyle style)
{
    // The event loop has resolved the tenant; decoding (decompression, parsing, validation) runs on
    // a worker, never on the event loop or an HTTP I/O thread, then the lines go to the writer.
    HttpResponse later;
    later.deferred = [this, tenant = std::move(tenant), decode = std::move(decode), style](std::function<void(HttpResponse)> reply) {
        const bool queued = m_pool->post([this, tenant, decode, style, reply](LogReader *) {
            try {
                Decoded d = decode();
                accept(tenant, std::move(d.batches), std::move(d.accepted), style, reply);
            } catch (const ApiError &e) {
                reply(errorResponse(style, e.status, e.code, e.what()));
            } catch (const std::exception &e) {
                log::error("decoding a push failed: %s", e.what());
                reply(errorResponse(style, 400, "bad_request", "the request body could not be decoded"));
            }
        });
        if (!queued)
            reply(errorResponse(style, 503, "busy", "the server is busy decoding other pushes; try again shortly"));
    };
    return later;
}

HttpResponse LokiController::errorResponse(ErrorStyle style, int status, const std::string &code, const std::string &message)
{
    return style == ErrorStyle::PlainText ? HttpResponse::plainError(status, code, message)
                                          : HttpResponse::error(status, code, message);
}

void LokiController::countPush(const std::string &tenant, size_t lines)
{
    Metrics &m = Metrics::global();
    const std::string label = m.bounded("logwardend_pushes_total", "tenant", tenant); // tenants are many; series are not
    m.add("logwardend_pushes_total", {{"tenant", label}});
    m.add("logwardend_push_lines_total", {{"tenant", label}}, double(lines));
}

void LokiController::accept(const std::string &tenant, std::vector<StreamBatch> batches, HttpResponse accepted, ErrorStyle style,
                            const std::function<void(HttpResponse)> &reply)
{
    // Loki's rate limit counts line and structured-metadata bytes; the writer's queue counts what
    // the lines take in memory, so that even empty lines have a price.
    double bytes = 0;
    size_t lines = 0, memory = 0;
    for (const StreamBatch &b : batches) {
        for (const LogEntry &e : b.entries) {
            size_t metadata = 0;
            for (const auto &[k, v] : e.metadata)
                metadata += k.size() + v.size();
            bytes += static_cast<double>(e.line.size() + metadata);
            memory += e.line.size() + metadata + sizeof(LogEntry) + 32;
        }
        lines += b.entries.size();
    }
    if (!m_limiter.allow(tenant, bytes, nowNanos() / 1000000)) {
        return reply(errorResponse(style, 429, "rate_limited",
                                   "Ingestion rate limit exceeded for user " + tenant + " (limit: "
                                       + std::to_string(static_cast<int64_t>(m_limiter.rate()))
                                       + " bytes/sec) while attempting to ingest '" + std::to_string(lines)
                                       + "' lines totaling '" + std::to_string(static_cast<int64_t>(bytes))
                                       + "' bytes, reduce log volume or ask an administrator to raise --ingestion-rate-mb"));
    }
    if (!m_forwarder && m_options.maxStreamsPerTenant > 0 && m_logs.streamCountAfter(tenant, batches) > m_options.maxStreamsPerTenant) {
        return reply(errorResponse(style, 429, "stream_limit",
                                   "Maximum active stream limit exceeded, reduce the number of active streams (reduce labels or "
                                   "reduce label values), or contact your administrator to see if the limit can be increased "
                                   "(--max-streams-per-tenant " + std::to_string(m_options.maxStreamsPerTenant) + "), user: '"
                                       + tenant + "'"));
    }
    auto shared = std::make_shared<const std::vector<StreamBatch>>(std::move(batches));
    if (m_forwarder) {
        // The forwarder speaks through the event loop's network stack.
        QMetaObject::invokeMethod(m_context.get(), guarded("forwarding a push", [this, tenant, shared, accepted, reply, lines] {
            m_forwarder->push(tenant, *shared, [this, tenant, shared, accepted, reply, lines](LokiForwarder::Outcome outcome) {
                if (outcome.status != 204)
                    return reply(HttpResponse::plainError(outcome.status, "upstream", outcome.message));
                stored(tenant, shared, std::numeric_limits<int64_t>::max());
                countPush(tenant, lines);
                reply(accepted);
            });
        }), Qt::QueuedConnection);
        return;
    }
    const bool queued = m_writer->append(
        PushToStore{tenant, shared, 0}, memory,
        [this, tenant, shared, accepted, reply, style, lines](const std::optional<std::string> &error, int64_t firstSeq) {
            // On the writer thread, once durable (or not written at all).
            if (error) {
                if (!m_storeFailing.exchange(true))
                    log::error("storing pushed lines fails (answered 503 until it works again): %s",
                                 error->c_str());
                return reply(errorResponse(style, 503, "store_unavailable",
                                           "the log store cannot write right now (is its disk full?); nothing of this push "
                                           "was stored, try again"));
            }
            if (m_storeFailing.exchange(false))
                log::info("storing pushed lines works again");
            countPush(tenant, lines);
            reply(accepted);
            QMetaObject::invokeMethod(m_context.get(),
                                      guarded("feeding live tails", [this, tenant, shared, firstSeq] { stored(tenant, shared, firstSeq); }),
                                      Qt::QueuedConnection);
        });
    if (!queued)
        reply(errorResponse(style, 503, "busy", "the log store is behind on writes; try again shortly"));
}

void LokiController::stored(const std::string &tenant, const std::shared_ptr<const std::vector<StreamBatch>> &batches,
                            int64_t firstSeq)
{
    if (m_tail && !m_gateway) // behind the gateway, tails read Loki, which has these lines too
        m_tail->publish(tenant, *batches, firstSeq);
}

void LokiController::applyRetention(int64_t maxAgeNs, int64_t maxBytes)
{
    m_writer->run([maxAgeNs, maxBytes](LogStore &store) {
        const int64_t removed = store.applyRetention(maxAgeNs, maxBytes);
        if (removed > 0)
            log::info("retention removed %lld log entries", static_cast<long long>(removed));
    });
}

TailService &LokiController::enableTail(Authenticator &auth)
{
    m_tail = std::make_unique<TailService>(auth, m_tenants, m_queries);
    if (m_gateway)
        m_tail->useGateway(*m_gateway);
    return *m_tail;
}

LokiController::~LokiController() = default;

HttpResponse LokiController::push(HttpRequest &req)
{
    std::string tenant = m_tenants.resolve(req);
    return ingestLater(std::move(tenant),
                       [this, body = req.body, encoding = req.header("content-encoding"), type = req.header("content-type")] {
                           return Decoded{decodePush(body, encoding, type), HttpResponse::raw(204, {}, "text/plain; charset=utf-8")};
                       },
                       ErrorStyle::PlainText);
}

std::vector<StreamBatch> LokiController::decodePush(const QByteArray &raw, const QByteArray &encoding, const QByteArray &contentType) const
{
    std::string why;
    bool unsupported = false;
    auto body = decodeContentEncoding(encoding, raw, m_options.maxPushBytes, &why, &unsupported);
    if (!body)
        throw ApiError(unsupported ? 415 : 400, "bad_encoding", why);
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    try {
        return type == "application/json" ? m_decoder.decodeJson(*body, nowNanos()) : m_decoder.decodeProtobuf(*body, nowNanos());
    } catch (const PushRejected &e) {
        throw ApiError(400, "bad_request", e.what());
    }
}

} // namespace lw::server
