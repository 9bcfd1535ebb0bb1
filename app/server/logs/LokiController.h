#pragma once

#include "http/HttpTypes.h"
#include "logs/DecodedPush.h"
#include "logs/PushDecoder.h"
#include "logs/RateLimiter.h"
#include "logs/IngestController.h"
#include "logs/LokiForwarder.h"
#include "logs/LokiGateway.h"
#include "logs/LokiQueryApi.h"
#include "logs/TenantAccess.h"

#include <QUrl>

#include <QObject>

#include <atomic>
#include <memory>

namespace lw::server {

class Authenticator;
class LogStore;
class LogWriter;
class QueryPool;
class Router;
class TailService;

struct DataPathOptions {
    std::string clusterName;
    double ingestionRateBytes = 4.0 * 1024 * 1024;  // per tenant and second
    double ingestionBurstBytes = 6.0 * 1024 * 1024;
    int64_t maxPushBytes = 64LL * 1024 * 1024;       // decompressed
    int64_t maxPushBodyBytes = 16LL * 1024 * 1024;   // as received
    size_t maxStreamsPerTenant = 5000;               // Loki's max_global_streams_per_user; 0: no cap
    QUrl lokiUrl;           // set: forward pushes there instead of storing them, and read from it
    QByteArray lokiToken;   // Bearer token for it
    QByteArray lokiCaPem;   // CA certificates to trust for it (besides the system's)
};

// Loki's HTTP API on the embedded LogStore: push (JSON, gzip JSON, protobuf+snappy) and queries;
// with a Loki URL, pushes are forwarded to that Loki and reads go to it through the gateway.
class LokiController {
public:
    LokiController(ConfigStore &config, LogStore &logs, DataPathOptions options);
    ~LokiController();
    void registerRoutes(Router &router);

    using ErrorStyle = IngestErrorStyle;
    using Decoded = DecodedPush;
    // Shared with the ingest endpoints: `decode` runs on a worker (throwing ApiError to refuse),
    // then the lines are rate-limited, appended (or forwarded to Loki) and fed to live tails; the
    // answer comes once they are durable.
    HttpResponse ingestLater(std::string tenant, std::function<Decoded()> decode, ErrorStyle style);
    // Live tail over WebSocket: the service that takes the upgrades.
    TailService &enableTail(Authenticator &auth);
    // Retention, on the writer thread after the pushes queued before it.
    void applyRetention(int64_t maxAgeNs, int64_t maxBytes);

private:
    HttpResponse push(HttpRequest &req);
    // Thread-safe; throws ApiError.
    std::vector<StreamBatch> decodePush(const QByteArray &body, const QByteArray &encoding, const QByteArray &type) const;
    // Rate limit, then writer (or forwarder); from any thread.
    static void countPush(const std::string &tenant, size_t lines); // /metrics: pushes and lines per tenant
    void accept(const std::string &tenant, std::vector<StreamBatch> batches, HttpResponse accepted, ErrorStyle style,
                const std::function<void(HttpResponse)> &reply);
    static HttpResponse errorResponse(ErrorStyle style, int status, const std::string &code, const std::string &message);

    void stored(const std::string &tenant, const std::shared_ptr<const std::vector<StreamBatch>> &batches, int64_t firstSeq);

    LogStore &m_logs;
    DataPathOptions m_options;
    // Destroyed in reverse: the forwarder, the writer and the query workers go before the tail
    // service and the event-loop context their callbacks post to.
    std::unique_ptr<TailService> m_tail;
    std::unique_ptr<QObject> m_context; // for posting back to the event loop
    TenantAccess m_tenants;
    PushDecoder m_decoder;
    RateLimiter m_limiter;
    std::unique_ptr<QueryPool> m_pool;
    std::unique_ptr<LogWriter> m_writer;
    std::atomic<bool> m_storeFailing{false};
    LokiQueryApi m_queries;
    IngestController m_ingest;
    std::unique_ptr<LokiForwarder> m_forwarder;
    std::unique_ptr<LokiGateway> m_gateway; // with lokiUrl: the read API and tails are Loki's
};

int64_t nowNanos();

} // namespace lw::server
