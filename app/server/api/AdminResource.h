#pragma once

#include "http/HttpTypes.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lw {
class JsonReader;
}

namespace lw::server {

class AuditLog;
class ConfigStore;
class Router;
struct StoredRecord;

// One GEL admin-API collection (tenants, access policies, tokens, users): names are immutable
// and unique even among inactive records; create forces status active and sets created_at; PUT
// needs If-Match (428 without, 412 when stale) and changes only the fields it names; delete is
// soft (status inactive). Lists hide inactive records unless include-non-active=true and have the
// shape {"items": [...], "type": "<type>"}. v1/v2 paths answer the same with a Deprecation header,
// and their DELETE deactivates.
class AdminResource {
public:
    struct Hooks {
        // Validates a create body; returns the record to store (name, fields; status/created_at are set here)
        // and may add fields to the response only (a token's secret, shown once).
        std::function<Json(const Json &body, Json &responseExtras)> create;
        // Applies a PUT body to the stored record and returns the new one.
        std::function<Json(const Json &stored, const Json &body)> update;
        // The public view of a stored record (defaults to the record).
        std::function<Json(const Json &stored)> present;
    };

    AdminResource(ConfigStore &store, AuditLog &audit, std::string kind, std::string type, std::string noun, Hooks hooks);

    // v3Path: "/admin/api/v3/tenants"; deprecatedPaths: the v1/v2 equivalents.
    void registerRoutes(Router &router, const std::string &v3Path, const std::vector<std::string> &deprecatedPaths);

    Json present(const StoredRecord &record) const;

private:
    HttpResponse list(HttpRequest &req);
    HttpResponse create(HttpRequest &req);
    HttpResponse get(HttpRequest &req);
    HttpResponse update(HttpRequest &req, bool requireIfMatch);
    HttpResponse deactivate(HttpRequest &req);
    HttpResponse write(HttpRequest &req, const StoredRecord &existing, Json next, const char *action);

    ConfigStore &m_store;
    AuditLog &m_audit;
    std::string m_kind, m_type, m_noun;
    Hooks m_hooks;
};

// Field readers every admin collection shares (one rule for names, display names, expirations).
std::string readRecordName(JsonReader &r);
std::string readDisplayName(JsonReader &r, const std::string &fallback);
// "expiration": an RFC 3339 time, or nullopt when absent.
std::optional<std::string> readExpiration(JsonReader &r);
// Fields a client may send back from a read; they are the server's to set.
void ignoreReadOnly(JsonReader &r);

// Marks a response of a deprecated path.
HttpResponse deprecated(HttpResponse response, const std::string &successor);

} // namespace lw::server
