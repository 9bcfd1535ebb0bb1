#pragma once
// Shared by the libFuzzer targets: a byte reader for the inputs' framing, a QCoreApplication,
// and a small world of real controllers on an in-memory store, driven through the real router.
// What a target may see: the errors a handler answers with (ApiError, ValidationError, Connect
// errors). Anything else — a crash, a sanitizer report, an unexpected exception, a 5xx answer to
// input — is a finding, reported by trapping.

#include "logs/LogQL.h"
#include "api/AdminV3Controller.h"
#include "store/AuditLog.h"
#include "api/CollectorsController.h"
#include "api/LogsV2Controller.h"
#include "api/PipelinePreviewController.h"
#include "auth/CredentialResolver.h"
#include "auth/Principal.h"
#include "http/Router.h"
#include "remotecfg/CollectorRegistry.h"
#include "remotecfg/ConnectService.h"
#include "remotecfg/PipelineCache.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"
#include "ValidationError.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace lw::fuzz {

// Reads an input as: single bytes (choices), lines (short strings), then the rest.
class Input {
public:
    Input(const uint8_t *data, size_t size) : m_data(reinterpret_cast<const char *>(data)), m_size(size) {}
    uint8_t byte() { return m_pos < m_size ? static_cast<uint8_t>(m_data[m_pos++]) : 0; }
    std::string line()
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != '\n')
            ++m_pos;
        std::string out(m_data + start, m_pos - start);
        if (m_pos < m_size)
            ++m_pos;
        return out;
    }
    std::string rest()
    {
        std::string out(m_data + m_pos, m_size - m_pos);
        m_pos = m_size;
        return out;
    }

private:
    const char *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
}

[[noreturn]] inline void finding(const std::string &what)
{
    std::fprintf(stderr, "FINDING: %s\n", what.c_str());
    __builtin_trap();
}

// The node credential of the fuzzed remotecfg service.
inline constexpr const char *FuzzAgentToken = "lwa_fuzz-node-credential-0123456789";

// The admin and log-streaming API, collectors and remotecfg, on ":memory:", as the server wires them.
struct ApiWorld {
    server::SqliteConfigStore store{QStringLiteral(":memory:")};
    server::SecretBox secrets{QByteArray(32, 'k')};
    server::CredentialResolver credentials{store, secrets, "logwarden"};
    server::AuditLog audit{store};
    server::AdminV3Controller admin{store, secrets, credentials, audit, server::AdminOptions{"logwarden", true, [](const std::string &s) { server::parseSelector(s); }}};
    server::LogsV2Controller logs{store, secrets, audit};
    server::PipelineCache pipeline{store, secrets};
    server::CollectorRegistry registry{store};
    server::CollectorsController collectors{registry, pipeline};
    server::PipelinePreviewController preview{store, logs, pipeline, registry};
    server::AgentCredentials agents{store, FuzzAgentToken, 10000};
    server::ConnectService connect{pipeline, registry, "", agents};
    server::Router api;
    server::Router remotecfg;
    std::shared_ptr<const server::Principal> root;

    ApiWorld()
    {
        admin.registerRoutes(api);
        logs.registerRoutes(api);
        collectors.registerRoutes(api);
        preview.registerRoutes(api);
        connect.registerRoutes(remotecfg);
        auto p = std::make_shared<server::Principal>();
        p->subject = "system:cluster-admin";
        p->scopes = *server::scopes::forRole("cluster-admin");
        p->allTenants = true;
        root = p;
    }

    // Routes and runs one request as the server would; returns the status it would answer.
    int dispatch(server::Router &router, const std::string &method, const std::string &path, const std::string &query,
                 const std::string &body, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        const server::Router::Match match = router.match(method, path);
        if (!match.route)
            return match.allowedMethods.empty() ? 404 : 405;
        server::HttpRequest req;
        req.method = method;
        req.path = path;
        req.query = server::QueryParams(query);
        req.body = QByteArray::fromStdString(body);
        req.remote = QHostAddress::LocalHost;
        req.params = match.params;
        req.route = match.route;
        for (const auto &h : headers)
            req.headers.emplace_back(h.first, h.second);
        req.principal = root.get();
        try {
            const server::HttpResponse r = match.route->handler(req);
            if (r.status >= 500)
                finding(method + " " + path + " answered " + std::to_string(r.status));
            return r.status;
        } catch (const server::ApiError &e) {
            if (e.status >= 500)
                finding(method + " " + path + " threw ApiError " + std::to_string(e.status) + ": " + e.what());
            return e.status;
        } catch (const ValidationError &) {
            return 400;
        } catch (const std::exception &e) {
            finding(method + " " + path + " threw " + e.what());
        }
    }
};

} // namespace lw::fuzz
