#include "PushDecoder.h"

#include "JsonDepth.h"

#include <simdjson.h>

#include <charconv>
#include <memory>

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
        size_t metadata = 0;
        for (const auto &[k, v] : e.metadata)
            metadata += k.size() + v.size();
        if (metadata > m_limits.maxMetadataBytes)
            throw PushRejected("an entry for stream '" + stream.substr(0, 200) + "' has " + std::to_string(metadata)
                               + " bytes of structured metadata; the limit is " + std::to_string(m_limits.maxMetadataBytes));
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

namespace {

// Decodes {"streams": [{"stream": {name: value}, "values": [["<ns>", "<line>", {metadata}?], …]}, …]}
// with simdjson into StreamBatches. nlohmann's lexer took about a third of the server's CPU on a
// stream of 1,000-line pushes; simdjson's DOM parser validates at GB/s and picks its SIMD kernel at
// run time (its On Demand API would be fixed to the kernel of our compile flags: the scalar one).
class JsonPushReader {
public:
    explicit JsonPushReader(const PushLimits &limits) : m_limits(limits) {}
    std::vector<StreamBatch> read(const QByteArray &body)
    {
        // The parser keeps its buffers (about 5x the body) between pushes; one for a rare large
        // push is not kept, so a 16 MiB body does not pin 80 MiB for the server's lifetime.
        thread_local simdjson::dom::parser reused;
        std::unique_ptr<simdjson::dom::parser> oneOff;
        if (body.size() > ReusedParserLimit)
            oneOff = std::make_unique<simdjson::dom::parser>();
        simdjson::dom::parser &parser = oneOff ? *oneOff : reused;
        if (auto at = lw::jsonTooDeepAt(std::string_view(body.constData(), static_cast<size_t>(body.size()))))
            throw PushRejected("loghttp.PushRequest: " + lw::jsonTooDeepMessage(*at));
        simdjson::dom::element doc;
        if (const auto error = parser.parse(body.constData(), static_cast<size_t>(body.size())).get(doc))
            throw PushRejected(std::string("loghttp.PushRequest: the body is not valid JSON: ") + simdjson::error_message(error));
        simdjson::dom::object root;
        simdjson::dom::element streams;
        if (doc.get_object().get(root) != simdjson::SUCCESS || root["streams"].get(streams) != simdjson::SUCCESS)
            throw PushRejected("loghttp.PushRequest: expected an object with a \"streams\" array"); // other fields are ignored, as Loki does
        if (!streams.is_array())
            throw PushRejected("loghttp.PushRequest: \"streams\" " + mustBe("an array", streams));
        for (simdjson::dom::element stream : simdjson::dom::array(streams)) {
            if (m_batches.size() >= m_limits.maxStreams)
                throw PushRejected("loghttp.PushRequest: more than " + std::to_string(m_limits.maxStreams) + " streams in one push");
            m_batches.emplace_back();
            simdjson::dom::element labels;
            if (!stream.is_object() || stream["stream"].get(labels) != simdjson::SUCCESS)
                throw PushRejected(where() + ": expected an object with a \"stream\" object of labels");
            readLabels(labels);
            if (simdjson::dom::element values; stream["values"].get(values) == simdjson::SUCCESS)
                readValues(values);
        }
        return std::move(m_batches);
    }

private:
    using Element = simdjson::dom::element;
    static constexpr qsizetype ReusedParserLimit = 4 * 1024 * 1024;

    void readLabels(Element labels)
    {
        if (!labels.is_object())
            throw PushRejected(where() + ": \"stream\" " + mustBe("an object of labels", labels));
        for (const auto [name, value] : simdjson::dom::object(labels)) {
            if (!value.is_string())
                throw PushRejected(where() + ".stream." + std::string(name) + ": label values must be strings, not " + kindOf(value));
            m_batches.back().labels[std::string(name)] = std::string(std::string_view(value));
        }
    }

    void readValues(Element values)
    {
        if (!values.is_array())
            throw PushRejected(where() + ": \"values\" " + mustBe("an array", values));
        static constexpr const char *entryShape = ": expected [\"<unix epoch in nanoseconds>\", \"<line>\", {metadata}?]";
        for (Element entry : simdjson::dom::array(values)) {
            if (!entry.is_array())
                throw PushRejected(whereEntry() + entryShape);
            const simdjson::dom::array parts(entry);
            if (parts.size() < 2 || parts.size() > 3)
                throw PushRejected(whereEntry() + entryShape);
            LogEntry e;
            const Element ts = parts.at(0);
            if (!ts.is_string())
                throw PushRejected(whereEntry() + ": the timestamp must be a string of nanoseconds since the epoch, not " + kindOf(ts));
            const std::string_view text = std::string_view(ts);
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), e.timestampNs);
            if (text.empty() || ec != std::errc() || end != text.data() + text.size())
                throw PushRejected(whereEntry() + ": timestamp \"" + std::string(text.substr(0, 32)) + "\" is not a number of nanoseconds");
            const Element line = parts.at(1);
            if (!line.is_string())
                throw PushRejected(whereEntry() + ": the line must be a string, not " + kindOf(line));
            e.line.assign(std::string_view(line));
            if (parts.size() == 3)
                readMetadata(Element(parts.at(2)), e);
            if (++m_entries > m_limits.maxEntries)
                throw PushRejected("loghttp.PushRequest: more than " + std::to_string(m_limits.maxEntries) + " entries in one push");
            m_batches.back().entries.push_back(std::move(e));
        }
    }

    void readMetadata(Element metadata, LogEntry &entry) const
    {
        if (!metadata.is_object())
            throw PushRejected(whereEntry() + ": structured metadata must be an object, not " + kindOf(metadata));
        for (const auto [name, value] : simdjson::dom::object(metadata)) {
            if (!value.is_string())
                throw PushRejected(whereEntry() + ": structured metadata values must be strings");
            entry.metadata[std::string(name)] = std::string(std::string_view(value));
        }
    }

    static std::string kindOf(Element value)
    {
        switch (value.type()) {
        case simdjson::dom::element_type::ARRAY: return "an array";
        case simdjson::dom::element_type::OBJECT: return "an object";
        case simdjson::dom::element_type::STRING: return "a string";
        case simdjson::dom::element_type::BOOL: return "a boolean";
        case simdjson::dom::element_type::NULL_VALUE: return "null";
        default: return "a number";
        }
    }

    // "must be an array, not an object" when a container is of the other kind; "cannot be a string" otherwise.
    static std::string mustBe(const char *expected, Element value)
    {
        if (value.is_array() || value.is_object())
            return std::string("must be ") + expected + ", not " + kindOf(value);
        return "cannot be " + kindOf(value);
    }

    std::string where() const { return "streams[" + std::to_string(m_batches.empty() ? 0 : m_batches.size() - 1) + "]"; }
    std::string whereEntry() const
    {
        return where() + ".values[" + std::to_string(m_batches.empty() ? 0 : m_batches.back().entries.size()) + "]";
    }

    const PushLimits &m_limits;
    std::vector<StreamBatch> m_batches;
    size_t m_entries = 0;
};

} // namespace

std::vector<StreamBatch> PushDecoder::decodeJson(const QByteArray &body, int64_t nowNs) const
{
    std::vector<StreamBatch> batches = JsonPushReader(m_limits).read(body);
    for (const StreamBatch &batch : batches)
        validate(batch, nowNs);
    return batches;
}

} // namespace lw::server

#include "logs/LogQL.h"
#include "logs/logproto.pb.h"

#include <snappy.h>
#include <google/protobuf/arena.h>

namespace lw::server {

std::vector<StreamBatch> PushDecoder::decodeProtobuf(const QByteArray &snappyBody, int64_t nowNs) const
{
    constexpr int64_t MaxSeconds = 9000000000LL; // 9e9 s * 1e9 fits in int64
    size_t length = 0;
    if (!snappy::GetUncompressedLength(snappyBody.constData(), static_cast<size_t>(snappyBody.size()), &length))
        throw PushRejected("logproto.PushRequest: the body is not snappy-compressed");
    if (length > 64u * 1024 * 1024)
        throw PushRejected("logproto.PushRequest: more than 64 MiB once decompressed");
    std::string raw;
    if (!snappy::Uncompress(snappyBody.constData(), static_cast<size_t>(snappyBody.size()), &raw))
        throw PushRejected("logproto.PushRequest: corrupt snappy data");
    // On an arena: a 1,000-entry push is ~3,000 messages, which malloc/free one by one cost
    // more than parsing them.
    google::protobuf::Arena arena;
    auto *request = google::protobuf::Arena::CreateMessage<logproto::PushRequest>(&arena);
    if (!request->ParseFromString(raw))
        throw PushRejected("logproto.PushRequest: malformed protobuf");
    if (static_cast<size_t>(request->streams_size()) > m_limits.maxStreams)
        throw PushRejected("logproto.PushRequest: more than " + std::to_string(m_limits.maxStreams) + " streams in one push");
    size_t entries = 0;
    for (const auto &s : request->streams())
        entries += static_cast<size_t>(s.entries_size());
    if (entries > m_limits.maxEntries)
        throw PushRejected("logproto.PushRequest: more than " + std::to_string(m_limits.maxEntries) + " entries in one push");
    std::vector<StreamBatch> out;
    out.reserve(static_cast<size_t>(request->streams_size()));
    for (const auto &s : request->streams()) {
        StreamBatch batch;
        try {
            batch.labels = parseLabelSet(s.labels());
        } catch (const LogQLError &e) {
            throw PushRejected("error parsing labels '" + s.labels().substr(0, 200) + "': " + e.what());
        }
        batch.entries.reserve(static_cast<size_t>(s.entries_size()));
        for (const auto &e : s.entries()) {
            // Beyond ±292 years the nanoseconds do not fit: refused here rather than overflowing.
            if (e.timestamp().seconds() > MaxSeconds || e.timestamp().seconds() < -MaxSeconds)
                throw PushRejected("entry for stream '" + s.labels().substr(0, 200) + "' has timestamp out of range: "
                                   + std::to_string(e.timestamp().seconds()) + " s");
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
