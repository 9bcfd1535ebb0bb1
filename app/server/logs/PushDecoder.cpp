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

namespace {

// Builds StreamBatches straight from nlohmann's SAX events: no DOM for a 1,000-line push.
// Shape: {"streams": [{"stream": {name: value}, "values": [["<ns>", "<line>", {metadata}?], …]}, …]}
class PushSax {
public:
    std::vector<StreamBatch> batches;
    std::string error; // set when the shape is wrong (parse errors come from nlohmann)

    bool null() { return scalar("null"); }
    bool boolean(bool) { return scalar("a boolean"); }
    bool number_integer(int64_t) { return scalar("a number"); }
    bool number_unsigned(uint64_t) { return scalar("a number"); }
    bool number_float(double, const std::string &) { return scalar("a number"); }
    bool binary(std::vector<std::uint8_t> &) { return scalar("binary"); }

    bool string(std::string &value)
    {
        if (m_skip)
            return true;
        switch (top()) {
        case Ctx::Labels:
            current().labels[m_key] = std::move(value);
            return true;
        case Ctx::Entry:
            if (m_entryField == 0) {
                size_t used = 0;
                try {
                    m_entry.timestampNs = std::stoll(value, &used);
                } catch (const std::exception &) {
                    used = 0;
                }
                if (used == 0 || used != value.size())
                    return fail(where() + ": timestamp \"" + value.substr(0, 32) + "\" is not a number of nanoseconds");
            } else if (m_entryField == 1) {
                m_entry.line = std::move(value);
            } else {
                return fail(where() + ": expected [\"<unix epoch in nanoseconds>\", \"<line>\", {metadata}?]");
            }
            ++m_entryField;
            return true;
        case Ctx::Metadata:
            m_entry.metadata[m_key] = std::move(value);
            return true;
        default:
            return scalar("a string");
        }
    }

    bool start_object(std::size_t)
    {
        if (m_skip) {
            ++m_skip;
            return true;
        }
        if (m_stack.empty())
            return push(Ctx::Root);
        if (top() == Ctx::Streams) {
            batches.emplace_back();
            return push(Ctx::Stream);
        }
        if (top() == Ctx::Stream && m_key == "stream")
            return push(Ctx::Labels);
        if (top() == Ctx::Entry && m_entryField == 2) {
            ++m_entryField;
            return push(Ctx::Metadata);
        }
        if ((top() == Ctx::Root && m_key == "streams") || (top() == Ctx::Stream && m_key == "values"))
            return fail(where() + ": \"" + m_key + "\" must be an array, not an object");
        if (top() == Ctx::Root || top() == Ctx::Stream) { // unknown fields are ignored, as Loki does
            m_skip = 1;
            return true;
        }
        return fail(where() + ": unexpected object");
    }
    bool end_object()
    {
        if (m_skip) {
            --m_skip;
            return true;
        }
        if (top() == Ctx::Stream && !m_sawLabels)
            return fail(where() + ": expected an object with a \"stream\" object of labels");
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        if (m_skip) {
            ++m_skip;
            return true;
        }
        if (m_stack.empty())
            return fail("loghttp.PushRequest: expected an object with a \"streams\" array");
        if (top() == Ctx::Root && m_key == "streams") {
            m_sawStreams = true;
            return push(Ctx::Streams);
        }
        if (top() == Ctx::Stream && m_key == "values")
            return push(Ctx::Values);
        if (top() == Ctx::Stream && m_key == "stream")
            return fail(where() + ": \"stream\" must be an object of labels, not an array");
        if (top() == Ctx::Values) {
            m_entry = LogEntry{};
            m_entryField = 0;
            return push(Ctx::Entry);
        }
        if (top() == Ctx::Root || top() == Ctx::Stream) {
            m_skip = 1;
            return true;
        }
        return fail(where() + ": unexpected array");
    }
    bool end_array()
    {
        if (m_skip) {
            --m_skip;
            return true;
        }
        if (top() == Ctx::Entry) {
            if (m_entryField < 2)
                return fail(where() + ": expected [\"<unix epoch in nanoseconds>\", \"<line>\", {metadata}?]");
            current().entries.push_back(std::move(m_entry));
        }
        m_stack.pop_back();
        return true;
    }
    bool key(std::string &k)
    {
        if (m_skip)
            return true;
        m_key = std::move(k);
        if (top() == Ctx::Stream && m_key == "stream")
            m_sawLabels = true;
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &)
    {
        if (error.empty())
            error = "loghttp.PushRequest: the body is not valid JSON (at byte " + std::to_string(position) + ")";
        return false;
    }
    bool finishedWell() const { return error.empty() && m_sawStreams; }

private:
    enum class Ctx { Root, Streams, Stream, Labels, Values, Entry, Metadata };

    Ctx top() const { return m_stack.back(); }
    StreamBatch &current() { return batches.back(); }
    bool push(Ctx c)
    {
        if (c == Ctx::Stream)
            m_sawLabels = false;
        m_stack.push_back(c);
        return true;
    }
    bool fail(std::string why)
    {
        if (error.empty())
            error = std::move(why);
        return false;
    }
    bool scalar(const char *kind)
    {
        if (!m_skip && ((top() == Ctx::Root && m_key == "streams") || (top() == Ctx::Stream && (m_key == "values" || m_key == "stream"))))
            return fail(where() + ": \"" + m_key + "\" cannot be " + kind);
        if (m_skip || top() == Ctx::Root || top() == Ctx::Stream)
            return true; // a value of an ignored field
        if (top() == Ctx::Labels)
            return fail(where() + ".stream." + m_key + ": label values must be strings, not " + kind);
        if (top() == Ctx::Entry && m_entryField == 0)
            return fail(where() + ": the timestamp must be a string of nanoseconds since the epoch, not " + kind);
        if (top() == Ctx::Metadata)
            return fail(where() + ": structured metadata values must be strings");
        return fail(where() + ": unexpected " + std::string(kind));
    }
    std::string where() const
    {
        std::string w = "streams[" + std::to_string(batches.empty() ? 0 : batches.size() - 1) + "]";
        if (!m_stack.empty() && (top() == Ctx::Entry || top() == Ctx::Metadata || top() == Ctx::Values))
            w += ".values[" + std::to_string(batches.empty() ? 0 : batches.back().entries.size()) + "]";
        return w;
    }

    std::vector<Ctx> m_stack;
    std::string m_key;
    LogEntry m_entry;
    int m_entryField = 0;
    int m_skip = 0;
    bool m_sawStreams = false;
    bool m_sawLabels = false;
};

} // namespace

std::vector<StreamBatch> PushDecoder::decodeJson(const QByteArray &body, int64_t nowNs) const
{
    PushSax sax;
    const bool ok = nlohmann::json::sax_parse(body.constData(), body.constData() + body.size(), &sax);
    if (!ok || !sax.finishedWell()) {
        throw PushRejected(!sax.error.empty() ? sax.error
                                              : std::string("loghttp.PushRequest: expected an object with a \"streams\" array"));
    }
    for (const StreamBatch &batch : sax.batches)
        validate(batch, nowNs);
    return std::move(sax.batches);
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
