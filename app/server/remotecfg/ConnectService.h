#pragma once

#include "auth/AgentCredentials.h"
#include "http/HttpTypes.h"

#include <memory>
#include <optional>
#include <string>

namespace lw::server {

class CollectorRegistry;
class PipelineCache;
class Router;

// collector.v1.CollectorService over the Connect unary protocol (binary proto or JSON, POST, and
// the GET form for GetConfig), plus seed 000's inspection endpoint /api/v1/remote/config.
class ConnectService {
public:
    // prefix: optional path before "/collector.v1.CollectorService" ("" or "/remotecfg").
    // Every service call needs an agent credential (`agents`), on loopback too; the inspection
    // endpoint (keys redacted) is open to clients on this host and needs one from elsewhere.
    ConnectService(PipelineCache &pipeline, CollectorRegistry &registry, std::string prefix,
                   const AgentCredentials &agents);

    // Limits on what a collector reports about itself.
    static constexpr size_t MaxAttributes = 64;
    static constexpr size_t MaxAttributeKeyBytes = 128;
    static constexpr size_t MaxAttributeValueBytes = 1024;
    static constexpr size_t MaxHashBytes = 128;          // a SHA-256 in hex is 64
    static constexpr size_t MaxErrorMessageBytes = 4096; // an agent's apply error, kept cut to this

    void registerRoutes(Router &router);

    // Connect's error body and status.
    static HttpResponse connectError(int httpStatus, const std::string &code, const std::string &message);
    static HttpResponse formatError(int httpStatus, const std::string &code, const std::string &message,
                                    const std::string &field);

private:
    enum class Codec { Proto, Json };
    struct Call {
        Codec codec;
        QByteArray message;
    };

    std::variant<AgentIdentity, HttpResponse> authenticateAgent(const HttpRequest &req) const;
    std::optional<HttpResponse> refuseUnauthorised(const HttpRequest &req) const;
    std::optional<HttpResponse> refuseInspection(const HttpRequest &req) const;
    std::variant<Call, HttpResponse> readPost(const HttpRequest &req) const;
    std::variant<Call, HttpResponse> readGet(const HttpRequest &req) const;

    HttpResponse getConfig(const HttpRequest &req, const Call &call, const AgentIdentity &agent);
    // The poll of a known agent that already has, or is being served, the current pipeline,
    // answered on the I/O thread; nullopt for everything else.
    std::optional<HttpResponse> routineGetConfig(const HttpRequest &req);
    static void countPoll(bool notModified); // /metrics: polls, and how many found nothing new
    HttpResponse registerCollector(const HttpRequest &req, const Call &call, const AgentIdentity &agent);
    HttpResponse unregisterCollector(const HttpRequest &req, const Call &call, const AgentIdentity &agent);
    HttpResponse inspect(const HttpRequest &req);

    PipelineCache &m_pipeline;
    CollectorRegistry &m_registry;
    std::string m_prefix;
    const AgentCredentials &m_agents;
};

} // namespace lw::server
