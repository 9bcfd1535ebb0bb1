#pragma once

#include "http/HttpTypes.h"
#include "logs/LogRecords.h"

#include <vector>

namespace lw::server {

// What decoding a push or ingest request gives: the lines by stream, and the answer to send once
// they are durable.
struct DecodedPush {
    std::vector<StreamBatch> batches;
    HttpResponse accepted;
};

// Loki's paths answer errors as text, the ingest API as JSON.
enum class IngestErrorStyle { PlainText, Json };

} // namespace lw::server
