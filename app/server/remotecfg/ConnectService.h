#pragma once

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
    // prefix: optional path before "/collector.v1.CollectorService" ("" or "/remotecfg");
    // authToken: when set, every call must carry it as Bearer or as the basic-auth password.
    ConnectService(PipelineCache &pipeline, CollectorRegistry &registry, std::string prefix,
                   std::optional<std::string> authToken);

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

    std::optional<HttpResponse> refuseUnauthorised(const HttpRequest &req) const;
    std::variant<Call, HttpResponse> readPost(const HttpRequest &req) const;
    std::variant<Call, HttpResponse> readGet(const HttpRequest &req) const;

    HttpResponse getConfig(const HttpRequest &req, const Call &call);
    // The poll of a known agent that already has, or is being served, the current pipeline,
    // answered on the I/O thread; nullopt for everything else.
    std::optional<HttpResponse> routineGetConfig(const HttpRequest &req);
    HttpResponse registerCollector(const HttpRequest &req, const Call &call);
    HttpResponse unregisterCollector(const HttpRequest &req, const Call &call);
    HttpResponse inspect(const HttpRequest &req);

    PipelineCache &m_pipeline;
    CollectorRegistry &m_registry;
    std::string m_prefix;
    std::optional<std::string> m_authToken;
};

} // namespace lw::server
