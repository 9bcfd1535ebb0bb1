#pragma once

#include "logs/LogRecords.h"

#include <QByteArray>

#include <stdexcept>
#include <string>
#include <vector>

namespace lw::server {

// Loki's ingestion limits (its defaults).
struct PushLimits {
    size_t maxLineBytes = 256 * 1024;
    size_t maxLabelNames = 30;
    size_t maxLabelNameLength = 1024;
    size_t maxLabelValueLength = 2048;
    int64_t maxAgeNs = 7LL * 24 * 3600 * 1000000000LL; // reject_old_samples_max_age 168h
    int64_t gracePeriodNs = 10LL * 60 * 1000000000LL;  // creation_grace_period 10m
    size_t maxMetadataBytes = 64 * 1024;               // structured metadata per entry (max_structured_metadata_size)
    size_t maxEntries = 500000;                        // entries in one push
    size_t maxStreams = 10000;                         // streams in one push
};

// A push Loki would refuse with 400; the message says what and where.
class PushRejected : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Decodes and validates a push body: JSON (`streams[].stream`, `values[[ns, line, {metadata}?]]`)
// or protobuf (logproto.PushRequest), the latter snappy-compressed as Loki clients send it.
class PushDecoder {
public:
    explicit PushDecoder(PushLimits limits = {}) : m_limits(limits) {}

    std::vector<StreamBatch> decodeJson(const QByteArray &body, int64_t nowNs) const;
    std::vector<StreamBatch> decodeProtobuf(const QByteArray &snappyBody, int64_t nowNs) const;
    const PushLimits &limits() const { return m_limits; }

    // Checks one stream's labels and entries against the limits; throws PushRejected.
    void validate(const StreamBatch &batch, int64_t nowNs) const;
    static bool isValidLabelName(const std::string &name);

private:
    PushLimits m_limits;
};

} // namespace lw::server
