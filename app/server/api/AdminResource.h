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
// and their DELETE deactivates. A collection inside a parent (a tenant's ingest tokens) names its
// records "<parent>/<name>" in the store through keyPrefix; the rules stay the same.
class AdminResource {
public:
    struct Hooks {
        // Validates a create body; returns the record to store (name, fields; status/created_at are set here)
        // and may add fields to the response only (a token's secret, shown once).
        std::function<Json(HttpRequest &req, const Json &body, Json &responseExtras)> create;
        // Applies a PUT body to the stored record and returns the new one.
        std::function<Json(const Json &stored, const Json &body)> update;
        // The public view of a stored record (defaults to the record).
        std::function<Json(const Json &stored)> present;
        // The store-key prefix of the collection the request names ("alpha/" for a tenant's ingest
        // tokens; it throws 404 when the parent does not exist); none: a top-level collection.
        std::function<std::string(HttpRequest &req)> keyPrefix;
    };

    AdminResource(ConfigStore &store, AuditLog &audit, std::string kind, std::string type, std::string noun, Hooks hooks);

    // v3Path: "/admin/api/v3/tenants"; deprecatedPaths: the v1/v2 equivalents.
    void registerRoutes(Router &router, const std::string &v3Path, const std::vector<std::string> &deprecatedPaths);
    // DELETE on the v3 path: a soft delete that, like PUT, needs If-Match (428 without, 412 stale).
    void registerSoftDelete(Router &router, const std::string &v3Path);

    Json present(const StoredRecord &record) const;

private:
    HttpResponse list(HttpRequest &req);
    HttpResponse create(HttpRequest &req);
    HttpResponse get(HttpRequest &req);
    HttpResponse update(HttpRequest &req, bool requireIfMatch);
    HttpResponse deactivate(HttpRequest &req, bool requireIfMatch);
    std::string keyOf(HttpRequest &req, const std::string &name) const;
    StoredRecord mustGet(HttpRequest &req) const;
    void checkIfMatch(HttpRequest &req, const StoredRecord &existing, bool required, const char *verb) const;
    HttpResponse write(HttpRequest &req, const StoredRecord &existing, Json next, const char *action);

    ConfigStore &m_store;
    AuditLog &m_audit;
    std::string m_kind, m_type, m_noun;
    Hooks m_hooks;
};

// Field readers every admin collection shares (one rule for names, display names, expirations).
std::string readRecordName(JsonReader &r);
std::string readDisplayName(JsonReader &r, const std::string &fallback);
// "expiration": an RFC 3339 time ("" for never), or nullopt when absent. A time in the past is
// accepted, on create too (GEL's own example creates a token that expired in 2021): the
// credential is refused until a PUT moves its expiration.
std::optional<std::string> readExpiration(JsonReader &r);
// Fields a client may send back from a read; they are the server's to set.
void ignoreReadOnly(JsonReader &r);

// Marks a response of a deprecated path.
HttpResponse deprecated(HttpResponse response, const std::string &successor);

} // namespace lw::server
