// The ingest endpoints' parsers (raw, json, hec, hec/raw, humio-structured, humio-unstructured)
// with each ingest-token parser (none, json, kv, zap_json). Input: format byte, parser byte, body.
#include "FuzzSupport.h"
#include "logs/IngestController.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::Input in(data, size);
    using F = lw::server::IngestController::Format;
    static const F Formats[] = {F::Raw, F::Json, F::Hec, F::HecRaw, F::HumioStructured, F::HumioUnstructured};
    static const char *const Parsers[] = {"none", "json", "kv", "zap_json"};
    const F format = Formats[in.byte() % std::size(Formats)];
    const std::string parser = Parsers[in.byte() % std::size(Parsers)];
    try {
        const auto decoded = lw::server::IngestController::decode(format, QByteArray::fromStdString(in.rest()), parser, "fuzz-token");
        for (const auto &batch : decoded.batches) {
            if (batch.labels.at("ingest_token") != "fuzz-token")
                lw::fuzz::finding("a body set the server's own ingest_token label");
        }
    } catch (const lw::server::ApiError &e) {
        if (e.status >= 500)
            lw::fuzz::finding(std::string("ingest answered ") + std::to_string(e.status));
    }
    return 0;
}
