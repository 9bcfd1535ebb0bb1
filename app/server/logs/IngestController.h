#pragma once

#include "http/HttpTypes.h"
#include "logs/LogRecords.h"
#include "logs/DecodedPush.h"

namespace lw::server {

class LokiController;
class Router;
class TenantAccess;

// LogScale-style ingest endpoints (seed 004), for ingest tokens only:
//   /api/v1/ingest/raw                  text, one event per line
//   /api/v1/ingest/json                 a JSON object or an array of them, one event each
//   /api/v1/ingest/hec, /hec/raw        Splunk HEC events ({"event", "time", "host", "fields", …}) / raw lines
//   /api/v1/ingest/humio-structured     [{"tags": {…}, "events": [{"timestamp", "attributes", "rawstring"}]}]
//   /api/v1/ingest/humio-unstructured   [{"fields": {…}, "messages": ["…"]}]
// The token's parser (json, kv, zap_json, none) turns each line into fields (structured metadata),
// its level into a label and, for zap_json, its ts into the timestamp.
class IngestController {
public:
    IngestController(LokiController &sink, TenantAccess &tenants);
    void registerRoutes(Router &router, qint64 maxBodyBytes);

    // Applies an ingest token's parser to one entry (exposed for tests).
    static void applyParser(const std::string &parser, LogEntry &entry, Labels &labels);

    enum class Format { Raw, Json, Hec, HecRaw, HumioStructured, HumioUnstructured };
    // On a worker: the body into streams, each labelled with the token that sent it (the server's
    // own label: a tag or parsed level of the same name never replaces it); throws ApiError.
    static DecodedPush decode(Format format, const QByteArray &body, const std::string &parser, const std::string &tokenName);

private:
    HttpResponse ingest(HttpRequest &req, Format format);

    LokiController &m_sink;
    TenantAccess &m_tenants;
};

} // namespace lw::server
