#include "ConnectService.h"
#include "metrics/Metrics.h"
#include "CollectorRegistry.h"
#include "PipelineCache.h"
#include "remotecfg/collector.pb.h"
#include "http/Compression.h"
#include "http/Router.h"
#include "JsonDepth.h"

#include <google/protobuf/util/json_util.h>

#include <QCryptographicHash>

namespace lw::server {

namespace {

const char *const Service = "/collector.v1.CollectorService/";
constexpr size_t MaxIdLength = 256;
constexpr qint64 MaxMessageBytes = 4 << 20;

QByteArray mediaType(const QByteArray &contentType)
{
    const int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

std::string statusName(collector::v1::RemoteConfigStatuses s)
{
    switch (s) {
    case collector::v1::RemoteConfigStatuses_APPLIED: return "APPLIED";
    case collector::v1::RemoteConfigStatuses_APPLYING: return "APPLYING";
    case collector::v1::RemoteConfigStatuses_FAILED: return "FAILED";
    default: return "UNSET";
    }
}

std::map<std::string, std::string> toMap(const google::protobuf::Map<std::string, std::string> &m)
{
    return {m.begin(), m.end()};
}

HttpResponse refusal(const RegistryRefusal &r)
{
    return ConnectService::connectError(r.httpStatus, r.code, r.message);
}

std::optional<HttpResponse> checkAttributes(const google::protobuf::Map<std::string, std::string> &attributes)
{
    if (attributes.size() > ConnectService::MaxAttributes)
        return ConnectService::connectError(400, "invalid_argument",
                                            "a collector may report at most " + std::to_string(ConnectService::MaxAttributes)
                                                + " attributes");
    for (const auto &[key, value] : attributes) {
        if (key.size() > ConnectService::MaxAttributeKeyBytes || value.size() > ConnectService::MaxAttributeValueBytes)
            return ConnectService::connectError(
                400, "invalid_argument",
                "attribute \"" + key.substr(0, 64) + "\" is too long (keys at most "
                    + std::to_string(ConnectService::MaxAttributeKeyBytes) + " bytes, values at most "
                    + std::to_string(ConnectService::MaxAttributeValueBytes) + ")");
    }
    return std::nullopt;
}

} // namespace

HttpResponse ConnectService::connectError(int httpStatus, const std::string &code, const std::string &message)
{
    return HttpResponse::json(httpStatus, {{"code", code}, {"message", message}});
}

HttpResponse ConnectService::formatError(int httpStatus, const std::string &, const std::string &message,
                                         const std::string &)
{
    // Errors raised outside this service (unknown path, body limit) in Connect's vocabulary.
    const char *code = httpStatus == 404   ? "unimplemented"
                       : httpStatus == 405 ? "unimplemented"
                       : httpStatus == 413 ? "resource_exhausted"
                       : httpStatus == 401 ? "unauthenticated"
                       : httpStatus == 403 ? "permission_denied"
                       : httpStatus < 500  ? "invalid_argument"
                                           : "internal";
    return connectError(httpStatus, code, message);
}

ConnectService::ConnectService(PipelineCache &pipeline, CollectorRegistry &registry, std::string prefix,
                               const AgentCredentials &agents)
    : m_pipeline(pipeline), m_registry(registry), m_prefix(std::move(prefix)), m_agents(agents)
{
    while (!m_prefix.empty() && m_prefix.back() == '/')
        m_prefix.pop_back();
}

void ConnectService::registerRoutes(Router &router)
{
    using Method = HttpResponse (ConnectService::*)(const HttpRequest &, const Call &, const AgentIdentity &);
    auto unary = [this](Method method, bool allowGet) {
        return [this, method, allowGet](HttpRequest &req) -> HttpResponse {
            auto agent = authenticateAgent(req);
            if (auto *refused = std::get_if<HttpResponse>(&agent))
                return *refused;
            auto call = req.method == "GET" ? (allowGet ? readGet(req) : std::variant<Call, HttpResponse>(
                                                              connectError(405, "unimplemented", "only POST is allowed")))
                                            : readPost(req);
            if (auto *error = std::get_if<HttpResponse>(&call))
                return *error;
            return (this->*method)(req, std::get<Call>(call), std::get<AgentIdentity>(agent));
        };
    };
    const std::string base = m_prefix + Service;
    // The agents' credential is checked as soon as the head is read, before any body.
    const Route::Gate gate = [this](const HttpRequest &req) { return refuseUnauthorised(req); };
    Route &poll = router.addPublic("POST", base + "GetConfig", unary(&ConnectService::getConfig, false));
    poll.fast = [this](const HttpRequest &req) { return routineGetConfig(req); };
    poll.gate = gate;
    router.addPublic("GET", base + "GetConfig", unary(&ConnectService::getConfig, true)).gate = gate;
    router.addPublic("POST", base + "RegisterCollector", unary(&ConnectService::registerCollector, false)).gate = gate;
    router.addPublic("POST", base + "UnregisterCollector", unary(&ConnectService::unregisterCollector, false)).gate = gate;
    const Route::Gate inspectionGate = [this](const HttpRequest &req) { return refuseInspection(req); };
    router.addPublic("GET", "/api/v1/remote/config", [this](HttpRequest &req) { return inspect(req); }).gate = inspectionGate;
    router.addPublic("POST", "/api/v1/remote/config", [this](HttpRequest &req) { return inspect(req); }).gate = inspectionGate;
}

std::variant<AgentIdentity, HttpResponse> ConnectService::authenticateAgent(const HttpRequest &req) const
{
    auto agent = m_agents.authenticate(req.header("authorization"));
    if (auto *why = std::get_if<std::string>(&agent)) {
        HttpResponse r = connectError(401, "unauthenticated", *why);
        r.header("WWW-Authenticate", "Bearer realm=\"logwarden remotecfg\"");
        return r;
    }
    return std::get<AgentIdentity>(agent);
}

std::optional<HttpResponse> ConnectService::refuseUnauthorised(const HttpRequest &req) const
{
    auto agent = authenticateAgent(req);
    if (auto *refused = std::get_if<HttpResponse>(&agent))
        return *refused;
    return std::nullopt;
}

std::optional<HttpResponse> ConnectService::refuseInspection(const HttpRequest &req) const
{
    // Seed 000's "no auth required — node-local only": open to this host, an agent credential from elsewhere.
    if (req.remote.isLoopback())
        return std::nullopt;
    return refuseUnauthorised(req);
}

std::variant<ConnectService::Call, HttpResponse> ConnectService::readPost(const HttpRequest &req) const
{
    const QByteArray type = mediaType(req.header("content-type"));
    if (type == "application/proto" || type == "application/json") {
        std::string why;
        bool unsupported = false;
        auto body = decodeContentEncoding(req.header("content-encoding"), req.body, MaxMessageBytes, &why, &unsupported);
        if (!body)
            return connectError(unsupported ? 415 : 400, unsupported ? "unimplemented" : "invalid_argument", why);
        return Call{type == "application/proto" ? Codec::Proto : Codec::Json, *body};
    }
    HttpResponse r = connectError(415, "unimplemented",
                                  "content type \"" + type.left(64).toStdString()
                                      + "\" is not supported; use application/proto or application/json");
    r.header("Accept-Post", "application/proto, application/json");
    return r;
}

std::variant<ConnectService::Call, HttpResponse> ConnectService::readGet(const HttpRequest &req) const
{
    const QString encoding = req.query.value(QStringLiteral("encoding"));
    Codec codec;
    if (encoding == QLatin1String("proto"))
        codec = Codec::Proto;
    else if (encoding == QLatin1String("json"))
        codec = Codec::Json;
    else
        return connectError(415, "unimplemented", "the GET form needs encoding=proto or encoding=json");
    const QString compression = req.query.value(QStringLiteral("compression"));
    if (!compression.isEmpty() && compression != QLatin1String("identity"))
        return connectError(415, "unimplemented", "the GET form supports no compression");
    QByteArray message = req.query.value(QStringLiteral("message")).toLatin1();
    if (req.query.value(QStringLiteral("base64")) == QLatin1String("1")) {
        auto decoded = QByteArray::fromBase64Encoding(message, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return connectError(400, "invalid_argument", "the message parameter is not URL-safe base64");
        message = *decoded;
    } else if (codec == Codec::Json) {
        message = req.query.value(QStringLiteral("message")).toUtf8();
    }
    return Call{codec, message};
}

namespace {

template <typename Message>
std::optional<HttpResponse> decode(const QByteArray &bytes, bool json, Message &out)
{
    if (json) {
        if (auto at = lw::jsonTooDeepAt(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()))))
            return ConnectService::connectError(400, "invalid_argument", lw::jsonTooDeepMessage(*at));
        google::protobuf::util::JsonParseOptions options;
        options.ignore_unknown_fields = true;
        auto status = google::protobuf::util::JsonStringToMessage(
            bytes.isEmpty() ? std::string("{}") : bytes.toStdString(), &out, options);
        if (!status.ok())
            return ConnectService::connectError(400, "invalid_argument", "malformed JSON message: " + std::string(status.message()));
        return std::nullopt;
    }
    if (!out.ParseFromArray(bytes.constData(), bytes.size()))
        return ConnectService::connectError(400, "invalid_argument", "malformed protobuf message");
    return std::nullopt;
}

HttpResponse encode(const google::protobuf::Message &message, bool json)
{
    if (json) {
        std::string text;
        google::protobuf::util::MessageToJsonString(message, &text);
        return HttpResponse::raw(200, QByteArray::fromStdString(text), "application/json");
    }
    return HttpResponse::raw(200, QByteArray::fromStdString(message.SerializeAsString()), "application/proto");
}

std::optional<HttpResponse> requireId(const std::string &id)
{
    if (id.empty())
        return ConnectService::connectError(400, "invalid_argument", "the collector id is required");
    if (id.size() > MaxIdLength)
        return ConnectService::connectError(400, "invalid_argument", "the collector id is longer than 256 bytes");
    for (unsigned char c : id) {
        if (c < 0x20 || c == 0x7f)
            return ConnectService::connectError(400, "invalid_argument", "the collector id contains control characters");
    }
    return std::nullopt;
}


PollReport pollReport(const HttpRequest &req, const collector::v1::GetConfigRequest &request, const Pipeline &pipeline,
                      const AgentIdentity &agent)
{
    PollReport report;
    report.agent = agent;
    report.id = request.id();
    // Alloy >= 1.7 fills local_attributes (4); older ones only attributes (2).
    report.attributes = toMap(request.local_attributes().empty() ? request.attributes() : request.local_attributes());
    report.agentHash = request.hash().substr(0, ConnectService::MaxHashBytes);
    if (request.has_remote_config_status()) {
        report.status = statusName(request.remote_config_status().status());
        report.errorMessage = request.remote_config_status().error_message().substr(0, ConnectService::MaxErrorMessageBytes);
    }
    if (request.has_effective_config()) {
        std::string canonical;
        request.effective_config().SerializeToString(&canonical);
        report.effectiveConfigHash =
            QCryptographicHash::hash(QByteArray::fromStdString(canonical), QCryptographicHash::Sha256).toHex().toStdString();
    }
    report.servedHash = pipeline.hash;
    report.userAgent = req.header("user-agent").left(256).toStdString();
    report.remoteAddress = req.remote.toString().toStdString();
    return report;
}

} // namespace

void ConnectService::countPoll(bool notModified)
{
    Metrics::global().add("logwardend_remotecfg_polls_total", {});
    if (notModified)
        Metrics::global().add("logwardend_remotecfg_polls_not_modified_total", {});
}

std::optional<HttpResponse> ConnectService::routineGetConfig(const HttpRequest &req)
{
    if (mediaType(req.header("content-type")) != "application/proto" || !req.header("content-encoding").isEmpty())
        return std::nullopt;
    auto agent = authenticateAgent(req);
    if (!std::holds_alternative<AgentIdentity>(agent))
        return std::nullopt;
    collector::v1::GetConfigRequest request;
    if (!request.ParseFromArray(req.body.constData(), static_cast<int>(req.body.size())) || requireId(request.id())
        || checkAttributes(request.local_attributes()) || checkAttributes(request.attributes()))
        return std::nullopt;
    const std::shared_ptr<const Pipeline> pipeline = m_pipeline.snapshot();
    if (!pipeline || !m_registry.recordRoutinePoll(pollReport(req, request, *pipeline, std::get<AgentIdentity>(agent))))
        return std::nullopt;
    countPoll(request.hash() == pipeline->hash);
    return HttpResponse::raw(200, request.hash() == pipeline->hash ? pipeline->notModifiedProto : pipeline->fullResponseProto,
                             "application/proto");
}

HttpResponse ConnectService::getConfig(const HttpRequest &req, const Call &call, const AgentIdentity &agent)
{
    collector::v1::GetConfigRequest request;
    if (auto error = decode(call.message, call.codec == Codec::Json, request))
        return *error;
    if (auto error = requireId(request.id()))
        return *error;
    if (auto error = checkAttributes(request.local_attributes()))
        return *error;
    if (auto error = checkAttributes(request.attributes()))
        return *error;
    const Pipeline &pipeline = m_pipeline.current();
    if (auto refused = m_registry.recordPoll(pollReport(req, request, pipeline, agent)))
        return refusal(*refused);

    const bool notModified = request.hash() == pipeline.hash;
    countPoll(notModified);
    if (call.codec == Codec::Proto) {
        // The two possible answers are serialized once per pipeline, not per poll.
        return HttpResponse::raw(200, notModified ? pipeline.notModifiedProto : pipeline.fullResponseProto,
                                 "application/proto");
    }
    collector::v1::GetConfigResponse response;
    response.set_hash(pipeline.hash);
    if (notModified)
        response.set_not_modified(true);
    else
        response.set_content(pipeline.content);
    return encode(response, true);
}

HttpResponse ConnectService::registerCollector(const HttpRequest &req, const Call &call, const AgentIdentity &agent)
{
    collector::v1::RegisterCollectorRequest request;
    if (auto error = decode(call.message, call.codec == Codec::Json, request))
        return *error;
    if (auto error = requireId(request.id()))
        return *error;
    if (auto error = checkAttributes(request.local_attributes()))
        return *error;
    if (auto error = checkAttributes(request.attributes()))
        return *error;
    if (auto refused = m_registry.recordRegister(
            request.id(), request.name().substr(0, 256),
            toMap(request.local_attributes().empty() ? request.attributes() : request.local_attributes()),
            req.header("user-agent").left(256).toStdString(), req.remote.toString().toStdString(), agent))
        return refusal(*refused);
    return encode(collector::v1::RegisterCollectorResponse(), call.codec == Codec::Json);
}

HttpResponse ConnectService::unregisterCollector(const HttpRequest &, const Call &call, const AgentIdentity &agent)
{
    collector::v1::UnregisterCollectorRequest request;
    if (auto error = decode(call.message, call.codec == Codec::Json, request))
        return *error;
    if (auto error = requireId(request.id()))
        return *error;
    if (auto refused = m_registry.recordUnregister(request.id(), agent))
        return refusal(*refused);
    return encode(collector::v1::UnregisterCollectorResponse(), call.codec == Codec::Json);
}

HttpResponse ConnectService::inspect(const HttpRequest &req)
{
    if (auto refused = refuseInspection(req))
        return *refused;
    // For people, not agents: the private keys are redacted; the hash is that of what agents get.
    const Pipeline &pipeline = m_pipeline.current();
    return HttpResponse::json(200, {{"content", QByteArray::fromStdString(pipeline.redacted).toBase64().toStdString()},
                                    {"hash", pipeline.hash}});
}

} // namespace lw::server
