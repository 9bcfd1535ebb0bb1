#include "PushDecoder.h"

#include "Json.h"

namespace lw::server {

bool PushDecoder::isValidLabelName(const std::string &name)
{
    if (name.empty())
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

void PushDecoder::validate(const StreamBatch &batch, int64_t nowNs) const
{
    const std::string stream = canonicalLabels(batch.labels);
    if (batch.labels.empty())
        throw PushRejected("error at least one label pair is required per stream");
    if (batch.labels.size() > m_limits.maxLabelNames)
        throw PushRejected("stream '" + stream + "' has " + std::to_string(batch.labels.size())
                           + " label names; limit: " + std::to_string(m_limits.maxLabelNames));
    for (const auto &[name, value] : batch.labels) {
        if (!isValidLabelName(name) || name.rfind("__", 0) == 0)
            throw PushRejected("error parsing labels " + stream + ": invalid label name \"" + name.substr(0, 64) + "\"");
        if (name.size() > m_limits.maxLabelNameLength)
            throw PushRejected("stream '" + stream.substr(0, 200) + "' has a label name longer than "
                               + std::to_string(m_limits.maxLabelNameLength));
        if (value.size() > m_limits.maxLabelValueLength)
            throw PushRejected("stream '" + stream.substr(0, 200) + "' has a label value longer than "
                               + std::to_string(m_limits.maxLabelValueLength));
    }
    for (const LogEntry &e : batch.entries) {
        if (e.line.size() > m_limits.maxLineBytes)
            throw PushRejected("max entry size '" + std::to_string(m_limits.maxLineBytes) + "' bytes exceeded for stream '"
                               + stream + "' while adding an entry with length '" + std::to_string(e.line.size()) + "' bytes");
        if (e.timestampNs < nowNs - m_limits.maxAgeNs)
            throw PushRejected("entry for stream '" + stream + "' has timestamp too old: " + std::to_string(e.timestampNs)
                               + " (older than 168h)");
        if (e.timestampNs > nowNs + m_limits.gracePeriodNs)
            throw PushRejected("entry for stream '" + stream + "' has timestamp too new: " + std::to_string(e.timestampNs));
    }
}

std::vector<StreamBatch> PushDecoder::decodeJson(const QByteArray &body, int64_t nowNs) const
{
    const Json doc = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (doc.is_discarded())
        throw PushRejected("loghttp.PushRequest: the body is not valid JSON");
    if (!doc.is_object() || !doc.contains("streams") || !doc["streams"].is_array())
        throw PushRejected("loghttp.PushRequest: expected an object with a \"streams\" array");
    std::vector<StreamBatch> out;
    const Json &streams = doc["streams"];
    for (size_t i = 0; i < streams.size(); ++i) {
        const Json &s = streams[i];
        const std::string where = "streams[" + std::to_string(i) + "]";
        if (!s.is_object() || !s.contains("stream") || !s["stream"].is_object())
            throw PushRejected(where + ": expected an object with a \"stream\" object of labels");
        StreamBatch batch;
        for (auto it = s["stream"].begin(); it != s["stream"].end(); ++it) {
            if (!it.value().is_string())
                throw PushRejected(where + ".stream." + it.key() + ": label values must be strings");
            batch.labels[it.key()] = it.value().get<std::string>();
        }
        const Json values = s.value("values", Json::array());
        if (!values.is_array())
            throw PushRejected(where + ".values: expected an array of [timestamp, line] pairs");
        for (size_t k = 0; k < values.size(); ++k) {
            const Json &v = values[k];
            const std::string at = where + ".values[" + std::to_string(k) + "]";
            if (!v.is_array() || v.size() < 2 || v.size() > 3 || !v[1].is_string())
                throw PushRejected(at + ": expected [\"<unix epoch in nanoseconds>\", \"<line>\", {metadata}?]");
            LogEntry e;
            if (v[0].is_string()) {
                const std::string ts = v[0].get<std::string>();
                size_t used = 0;
                try {
                    e.timestampNs = std::stoll(ts, &used);
                } catch (const std::exception &) {
                    used = 0;
                }
                if (used == 0 || used != ts.size())
                    throw PushRejected(at + ": timestamp \"" + ts.substr(0, 32) + "\" is not a number of nanoseconds");
            } else {
                throw PushRejected(at + ": the timestamp must be a string of nanoseconds since the epoch");
            }
            e.line = v[1].get<std::string>();
            if (v.size() == 3) {
                if (!v[2].is_object())
                    throw PushRejected(at + ": structured metadata must be an object of strings");
                for (auto it = v[2].begin(); it != v[2].end(); ++it) {
                    if (!it.value().is_string())
                        throw PushRejected(at + ": structured metadata values must be strings");
                    e.metadata[it.key()] = it.value().get<std::string>();
                }
            }
            batch.entries.push_back(std::move(e));
        }
        validate(batch, nowNs);
        out.push_back(std::move(batch));
    }
    return out;
}

} // namespace lw::server

#include "logs/LogQL.h"
#include "logs/logproto.pb.h"

#include <snappy.h>

namespace lw::server {

std::vector<StreamBatch> PushDecoder::decodeProtobuf(const QByteArray &snappyBody, int64_t nowNs) const
{
    size_t length = 0;
    if (!snappy::GetUncompressedLength(snappyBody.constData(), static_cast<size_t>(snappyBody.size()), &length))
        throw PushRejected("logproto.PushRequest: the body is not snappy-compressed");
    if (length > 64u * 1024 * 1024)
        throw PushRejected("logproto.PushRequest: more than 64 MiB once decompressed");
    std::string raw;
    if (!snappy::Uncompress(snappyBody.constData(), static_cast<size_t>(snappyBody.size()), &raw))
        throw PushRejected("logproto.PushRequest: corrupt snappy data");
    logproto::PushRequest request;
    if (!request.ParseFromString(raw))
        throw PushRejected("logproto.PushRequest: malformed protobuf");
    std::vector<StreamBatch> out;
    for (int i = 0; i < request.streams_size(); ++i) {
        const auto &s = request.streams(i);
        StreamBatch batch;
        try {
            batch.labels = parseLabelSet(s.labels());
        } catch (const LogQLError &e) {
            throw PushRejected("error parsing labels '" + s.labels().substr(0, 200) + "': " + e.what());
        }
        for (const auto &e : s.entries()) {
            LogEntry entry;
            entry.timestampNs = e.timestamp().seconds() * 1000000000LL + e.timestamp().nanos();
            entry.line = e.line();
            for (const auto &m : e.structuredmetadata())
                entry.metadata[m.name()] = m.value();
            batch.entries.push_back(std::move(entry));
        }
        validate(batch, nowNs);
        out.push_back(std::move(batch));
    }
    return out;
}

} // namespace lw::server
