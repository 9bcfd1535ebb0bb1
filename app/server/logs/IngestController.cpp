#include "IngestController.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "logs/LokiController.h"
#include "logs/PushDecoder.h"
#include "logs/TenantAccess.h"

#include "AccessModels.h"
#include "Json.h"
#include "JsonDepth.h"

#include <cctype>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace lw::server {

namespace {

constexpr size_t MaxEventsPerRequest = 100000;

std::string sanitizeName(std::string key)
{
    for (char &c : key) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            c = '_';
    }
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0])))
        key.insert(key.begin(), '_');
    return key;
}

std::string scalarText(const Json &v)
{
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void fieldsFromObject(const Json &object, Labels &metadata)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().is_object() && !it.value().is_array())
            metadata[sanitizeName(it.key())] = scalarText(it.value());
    }
}

// key=value and key="quoted value" pairs
void fieldsFromKv(const std::string &line, Labels &metadata)
{
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        const size_t keyStart = i;
        while (i < line.size() && line[i] != '=' && !std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        if (i >= line.size() || line[i] != '=')
            continue;
        const std::string key = line.substr(keyStart, i - keyStart);
        ++i;
        std::string value;
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size() && line[i] != '"')
                value += line[i++];
            ++i;
        } else {
            while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
                value += line[i++];
        }
        if (!key.empty())
            metadata[sanitizeName(key)] = value;
    }
}

// Seconds or milliseconds (by magnitude), or RFC 3339. A time no int64 of nanoseconds holds
// saturates, so the push limits refuse it as too old or too new instead of overflowing.
int64_t timestampFrom(const Json &v, int64_t fallbackNs)
{
    auto saturate = [](std::optional<int64_t> ns, bool negative) {
        return ns ? *ns : negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    };
    if (v.is_number()) {
        const double x = v.get<double>();
        return saturate(secondsToNanos(x > 1e14 ? x / 1e3 /* ms */ : x /* s */), x < 0);
    }
    if (v.is_string()) {
        const std::string text = v.get<std::string>();
        if (auto ms = parseRfc3339Millis(text))
            return saturate(toNanos(*ms, 1000000), *ms < 0);
        char *end = nullptr;
        const double x = std::strtod(text.c_str(), &end);
        if (!text.empty() && end == text.c_str() + text.size())
            return saturate(secondsToNanos(x), x < 0);
    }
    return fallbackNs;
}

void refuseDeepJson(const QByteArray &body)
{
    if (auto at = lw::jsonTooDeepAt(std::string_view(body.constData(), static_cast<size_t>(body.size()))))
        throw ApiError(400, "too_deep", lw::jsonTooDeepMessage(*at));
}

Json parseBody(const QByteArray &body)
{
    refuseDeepJson(body);
    Json doc = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (doc.is_discarded())
        throw ApiError(400, "invalid_json", "the body is not valid JSON");
    return doc;
}

std::vector<std::string> lines(const QByteArray &body)
{
    std::vector<std::string> out;
    for (const QByteArray &line : body.split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.left(line.size() - 1) : line;
        if (!trimmed.trimmed().isEmpty())
            out.push_back(trimmed.toStdString());
    }
    return out;
}

} // namespace

IngestController::IngestController(LokiController &sink, TenantAccess &tenants) : m_sink(sink), m_tenants(tenants) {}

void IngestController::registerRoutes(Router &router, qint64 maxBodyBytes)
{
    const auto add = [&](const char *path, Format format) {
        router.add("POST", path, scopes::Ingest, [this, format](HttpRequest &r) { return ingest(r, format); },
                   Router::ErrorStyle::Json, maxBodyBytes);
    };
    add("/api/v1/ingest/raw", Format::Raw);
    add("/api/v1/ingest/json", Format::Json);
    add("/api/v1/ingest/hec", Format::Hec);
    add("/api/v1/ingest/hec/raw", Format::HecRaw);
    add("/api/v1/ingest/humio-structured", Format::HumioStructured);
    add("/api/v1/ingest/humio-unstructured", Format::HumioUnstructured);
}

void IngestController::applyParser(const std::string &parser, LogEntry &entry, Labels &labels)
{
    if (parser == "json" || parser == "zap_json") {
        const Json doc = lw::jsonTooDeepAt(entry.line) ? Json() : Json::parse(entry.line, nullptr, false);
        if (!doc.is_object()) {
            entry.metadata["parse_error"] = "not a JSON object";
            return;
        }
        fieldsFromObject(doc, entry.metadata);
        if (parser == "zap_json" && doc.contains("ts"))
            entry.timestampNs = timestampFrom(doc["ts"], entry.timestampNs);
    } else if (parser == "kv") {
        fieldsFromKv(entry.line, entry.metadata);
    }
    auto level = entry.metadata.find("level");
    if (level != entry.metadata.end() && parser != "none")
        labels["level"] = level->second;
}

HttpResponse IngestController::ingest(HttpRequest &req, Format format)
{
    std::string tenant = m_tenants.resolve(req);
    return m_sink.ingestLater(
        std::move(tenant),
        [format, body = req.body, parser = req.principal->ingestParser, token = req.principal->credentialName] {
            return decode(format, body, parser, token);
        },
        IngestErrorStyle::Json);
}

DecodedPush IngestController::decode(Format format, const QByteArray &body, const std::string &parser,
                                                 const std::string &tokenName)
{
    const int64_t now = nowNanos();
    const Labels base = {{"ingest_token", tokenName}};
    // Group events into streams: base labels + per-event labels (level, tags).
    std::map<Labels, StreamBatch> streams;
    size_t events = 0;
    auto add = [&](LogEntry entry, Labels labels) {
        if (++events > MaxEventsPerRequest)
            throw ApiError(413, "too_many_events", "more than " + std::to_string(MaxEventsPerRequest) + " events in one request");
        applyParser(parser, entry, labels);
        for (const auto &[k, v] : base)
            labels.insert_or_assign(k, v); // the server's labels win over tags from the body
        StreamBatch &batch = streams[labels];
        batch.labels = labels;
        batch.entries.push_back(std::move(entry));
    };

    switch (format) {
    case Format::Raw:
    case Format::HecRaw:
        for (std::string &line : lines(body))
            add(LogEntry{now, std::move(line), {}}, {});
        break;
    case Format::Json: {
        const Json doc = parseBody(body);
        auto one = [&](const Json &item) { add(LogEntry{now, item.is_string() ? item.get<std::string>() : item.dump(), {}}, {}); };
        if (doc.is_array()) {
            for (const Json &item : doc)
                one(item);
        } else {
            one(doc);
        }
        break;
    }
    case Format::Hec: {
        // HEC bodies are JSON objects one after another, not an array: read them one by one.
        refuseDeepJson(body);
        std::istringstream in(body.toStdString());
        for (;;) {
            in >> std::ws;
            if (in.peek() == std::char_traits<char>::eof())
                break;
            const auto at = in.tellg();
            Json event;
            try {
                in >> event;
            } catch (const std::exception &) {
                throw ApiError(400, "invalid_json", "the HEC event at byte " + std::to_string(static_cast<long long>(at))
                                                        + " is not valid JSON");
            }
            if (!event.is_object() || !event.contains("event"))
                throw ApiError(400, "invalid_event", "a HEC event is an object with an \"event\" field");
            LogEntry entry{timestampFrom(event.value("time", Json()), now), scalarText(event["event"]), {}};
            for (const char *k : {"host", "source", "sourcetype", "index"}) {
                if (event.contains(k) && !event[k].is_null())
                    entry.metadata[k] = scalarText(event[k]);
            }
            if (event.contains("fields") && event["fields"].is_object())
                fieldsFromObject(event["fields"], entry.metadata);
            add(std::move(entry), {});
        }
        break;
    }
    case Format::HumioStructured: {
        const Json doc = parseBody(body);
        if (!doc.is_array())
            throw ApiError(400, "invalid_body", "humio-structured expects an array of {\"tags\", \"events\"}");
        for (const Json &group : doc) {
            if (!group.is_object() || !group.contains("events") || !group["events"].is_array())
                throw ApiError(400, "invalid_body", "each element needs an \"events\" array");
            Labels tags;
            const Json tagObject = group.value("tags", Json::object());
            if (!tagObject.is_object())
                throw ApiError(400, "invalid_body", "\"tags\" must be an object of strings");
            for (auto it = tagObject.begin(); it != tagObject.end(); ++it) {
                if (!PushDecoder::isValidLabelName(it.key()))
                    throw ApiError(400, "invalid_tag", "tag \"" + it.key().substr(0, 64) + "\" is not a valid label name");
                tags[it.key()] = scalarText(it.value());
            }
            for (const Json &e : group["events"]) {
                if (!e.is_object())
                    throw ApiError(400, "invalid_body", "events must be objects");
                LogEntry entry{timestampFrom(e.value("timestamp", Json()), now), {}, {}};
                const Json attributes = e.value("attributes", Json::object());
                entry.line = e.contains("rawstring") ? scalarText(e["rawstring"]) : attributes.dump();
                if (attributes.is_object())
                    fieldsFromObject(attributes, entry.metadata);
                add(std::move(entry), tags);
            }
        }
        break;
    }
    case Format::HumioUnstructured: {
        const Json doc = parseBody(body);
        if (!doc.is_array())
            throw ApiError(400, "invalid_body", "humio-unstructured expects an array of {\"fields\", \"messages\"}");
        for (const Json &group : doc) {
            if (!group.is_object() || !group.contains("messages") || !group["messages"].is_array())
                throw ApiError(400, "invalid_body", "each element needs a \"messages\" array");
            Labels fields;
            if (group.contains("fields") && group["fields"].is_object())
                fieldsFromObject(group["fields"], fields);
            for (const Json &m : group["messages"]) {
                LogEntry entry{now, scalarText(m), fields};
                add(std::move(entry), {});
            }
        }
        break;
    }
    }

    std::vector<StreamBatch> batches;
    PushDecoder limits;
    for (auto &[labels, batch] : streams) {
        try {
            limits.validate(batch, now);
        } catch (const PushRejected &e) {
            throw ApiError(400, "invalid_event", e.what());
        }
        batches.push_back(std::move(batch));
    }
    HttpResponse accepted = format == Format::Hec || format == Format::HecRaw
                                ? HttpResponse::json(200, {{"text", "Success"}, {"code", 0}})
                                : HttpResponse::json(200, {{"events", events}});
    return {std::move(batches), std::move(accepted)};
}

} // namespace lw::server
