#pragma once

#include "http/HttpTypes.h"

#include "Json.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace lw::server {

class AuditLog;
class ConfigStore;
class Router;
struct StoredRecord;

// One REST collection over the ConfigStore (list, create, get, replace, delete by name) with the
// behaviour every such collection shares: ETag = record revision, optional If-Match (412 on
// mismatch), 404/409 with the resource named, and list bodies cached per store revision.
class ConfigResource {
public:
    struct Hooks {
        // Validates a request body into what is stored; `existing` is set on replace.
        std::function<lw::Json(const lw::Json &body, const StoredRecord *existing)> decode;
        // What clients see of a stored value (defaults to the stored value).
        std::function<lw::Json(const lw::Json &stored)> present;
        // Throws ApiError when the record may not be deleted (e.g. still referenced).
        std::function<void(const std::string &name)> beforeDelete;
    };

    // kind: store kind; singular/plural: JSON keys ("source"/"sources"); noun: for messages.
    ConfigResource(ConfigStore &store, AuditLog &audit, std::string kind, std::string singular, std::string plural,
                   std::string noun, Hooks hooks);
    ~ConfigResource();
    ConfigResource(const ConfigResource &) = delete;
    ConfigResource &operator=(const ConfigResource &) = delete;

    void registerRoutes(Router &router, const std::string &basePath, std::string_view readScope,
                        std::string_view writeScope);

    HttpResponse list(HttpRequest &req);
    // The list from the cache, from any thread; nullopt when it must be built (by list()).
    std::optional<HttpResponse> cachedList() const;
    HttpResponse create(HttpRequest &req);
    HttpResponse get(HttpRequest &req);
    HttpResponse replace(HttpRequest &req);
    HttpResponse remove(HttpRequest &req);

private:
    lw::Json present(const StoredRecord &record) const;
    HttpResponse single(int status, const StoredRecord &record) const;
    StoredRecord mustGet(const std::string &name) const;
    [[noreturn]] void preconditionFailed(const std::string &name, int64_t current) const;

    ConfigStore &m_store;
    AuditLog &m_audit;
    std::string m_kind, m_singular, m_plural, m_noun;
    Hooks m_hooks;
    std::string m_basePath;
    // The list body, valid until a record of this kind changes; published to other threads only
    // when it holds no write that is not yet durable.
    bool m_listValid = false;
    QByteArray m_cachedList;
    mutable std::mutex m_publishedMutex;
    std::optional<QByteArray> m_publishedList;
    QMetaObject::Connection m_storeChanges;
};

// "<n>" for a revision; parses If-Match ("<n>", W/"<n>", *). nullopt: header absent.
QByteArray etagFor(int64_t revision);
std::optional<int64_t> parseIfMatch(const QByteArray &header, bool *malformed);

} // namespace lw::server
