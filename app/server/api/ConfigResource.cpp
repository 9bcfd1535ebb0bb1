#include "ConfigResource.h"
#include "store/AuditLog.h"
#include "http/Router.h"
#include "store/ConfigStore.h"
#include "JsonReader.h"
#include "Validation.h"

namespace lw::server {

using json = lw::Json;

QByteArray etagFor(int64_t revision)
{
    return '"' + QByteArray::number(static_cast<qlonglong>(revision)) + '"';
}

std::optional<int64_t> parseIfMatch(const QByteArray &header, bool *malformed)
{
    *malformed = false;
    QByteArray v = header.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (v == "*")
        return ConfigStore::AnyRevision;
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    bool ok = false;
    qlonglong n = v.toLongLong(&ok);
    if (!ok || n <= 0) {
        *malformed = true;
        return -1;
    }
    return n;
}

ConfigResource::ConfigResource(ConfigStore &store, AuditLog &audit, std::string kind, std::string singular,
                               std::string plural, std::string noun, Hooks hooks)
    : m_store(store), m_audit(audit), m_kind(std::move(kind)), m_singular(std::move(singular)), m_plural(std::move(plural)),
      m_noun(std::move(noun)), m_hooks(std::move(hooks))
{
    m_storeChanges = QObject::connect(&store, &ConfigStore::changed, [this](const QString &kind) {
        if (kind.toStdString() == m_kind) {
            m_listValid = false;
            std::lock_guard lock(m_publishedMutex);
            m_publishedList.reset();
        }
    });
}

ConfigResource::~ConfigResource()
{
    QObject::disconnect(m_storeChanges);
}

void ConfigResource::registerRoutes(Router &router, const std::string &basePath, std::string_view readScope,
                                    std::string_view writeScope)
{
    m_basePath = basePath;
    const std::string item = basePath + "/{name}";
    router.add("GET", basePath, readScope, [this](HttpRequest &r) { return list(r); }).fast =
        [this](const HttpRequest &) { return cachedList(); };
    router.add("POST", basePath, writeScope, [this](HttpRequest &r) { return create(r); });
    router.add("GET", item, readScope, [this](HttpRequest &r) { return get(r); });
    router.add("PUT", item, writeScope, [this](HttpRequest &r) { return replace(r); });
    router.add("DELETE", item, writeScope, [this](HttpRequest &r) { return remove(r); });
}

json ConfigResource::present(const StoredRecord &record) const
{
    json stored = json::parse(record.value);
    return m_hooks.present ? m_hooks.present(stored) : stored;
}

HttpResponse ConfigResource::single(int status, const StoredRecord &record) const
{
    return HttpResponse::json(status, {{m_singular, present(record)}}).header("ETag", etagFor(record.modRevision));
}

StoredRecord ConfigResource::mustGet(const std::string &name) const
{
    auto record = m_store.get(m_kind, name);
    if (!record)
        throw ApiError(404, "not_found", m_noun + " \"" + name.substr(0, 80) + "\" does not exist");
    return *record;
}

void ConfigResource::preconditionFailed(const std::string &name, int64_t current) const
{
    throw ApiError(412, "precondition_failed",
                   m_noun + " \"" + name + "\" was changed by someone else (its ETag is now \"" + std::to_string(current)
                       + "\"); reload it and apply your change again");
}

HttpResponse ConfigResource::list(HttpRequest &)
{
    // Lists are read far more often than written: serve the same bytes until this kind changes.
    if (!m_listValid) {
        json items = json::array();
        for (const StoredRecord &r : m_store.list(m_kind))
            items.push_back(present(r));
        m_cachedList = toJsonBytes({{m_plural, items}});
        m_listValid = true;
        if (!m_store.hasPendingWrites()) {
            std::lock_guard lock(m_publishedMutex);
            m_publishedList = m_cachedList;
        }
    }
    return HttpResponse::raw(200, m_cachedList, "application/json");
}

std::optional<HttpResponse> ConfigResource::cachedList() const
{
    std::lock_guard lock(m_publishedMutex);
    if (!m_publishedList)
        return std::nullopt;
    return HttpResponse::raw(200, *m_publishedList, "application/json");
}

HttpResponse ConfigResource::get(HttpRequest &req)
{
    return single(200, mustGet(req.param("name")));
}

HttpResponse ConfigResource::create(HttpRequest &req)
{
    json body = parseJsonDocument(req.body.toStdString());
    json stored = m_hooks.decode(body, nullptr);
    const std::string name = stored.at("name").get<std::string>();
    const std::string value = stored.dump();
    const StoredRecord draft{m_kind, name, value, 0, 0};
    const auto results = m_audit.commit({Mutation{Mutation::Op::Create, m_kind, name, value, ConfigStore::AnyRevision},
                                         m_audit.entry(actorOf(req), "create", m_kind, name, nullptr, present(draft))});
    if (results[0].status == WriteStatus::AlreadyExists)
        throw ApiError(409, "already_exists", "a " + m_noun + " named \"" + name + "\" already exists", "name");
    const StoredRecord created{m_kind, name, value, results[0].revision, results[0].revision};
    HttpResponse response = single(201, created);
    response.header("Location", QByteArray::fromStdString(m_basePath + "/" + name));
    return response;
}

HttpResponse ConfigResource::replace(HttpRequest &req)
{
    const std::string &name = req.param("name");
    bool malformed = false;
    std::optional<int64_t> ifMatch = parseIfMatch(req.header("if-match"), &malformed);
    StoredRecord existing = mustGet(name);
    if (malformed || (ifMatch && *ifMatch != ConfigStore::AnyRevision && *ifMatch != existing.modRevision))
        preconditionFailed(name, existing.modRevision);

    json body = parseJsonDocument(req.body.toStdString());
    if (body.is_object()) {
        auto it = body.find("name");
        if (it == body.end())
            body["name"] = name; // the URL names the record; the body may leave it out
        else if (!it->is_string() || it->get<std::string>() != name)
            throw ValidationError("name", "\"name\" cannot change: the URL names \"" + name + "\"", "immutable_field");
    }
    const std::string value = m_hooks.decode(body, &existing).dump();
    const StoredRecord draft{m_kind, name, value, existing.createRevision, 0};
    const auto results = m_audit.commit({Mutation{Mutation::Op::Update, m_kind, name, value, existing.modRevision},
                                         m_audit.entry(actorOf(req), "update", m_kind, name, present(existing), present(draft))});
    if (results[0].status == WriteStatus::NotFound)
        throw ApiError(404, "not_found", m_noun + " \"" + name + "\" does not exist");
    if (results[0].status == WriteStatus::RevisionMismatch)
        preconditionFailed(name, results[0].revision);
    return single(200, StoredRecord{m_kind, name, value, existing.createRevision, results[0].revision});
}

HttpResponse ConfigResource::remove(HttpRequest &req)
{
    const std::string &name = req.param("name");
    bool malformed = false;
    std::optional<int64_t> ifMatch = parseIfMatch(req.header("if-match"), &malformed);
    StoredRecord existing = mustGet(name);
    if (malformed || (ifMatch && *ifMatch != ConfigStore::AnyRevision && *ifMatch != existing.modRevision))
        preconditionFailed(name, existing.modRevision);
    if (m_hooks.beforeDelete)
        m_hooks.beforeDelete(name);
    const auto results = m_audit.commit({Mutation{Mutation::Op::Remove, m_kind, name, {}, existing.modRevision},
                                         m_audit.entry(actorOf(req), "delete", m_kind, name, present(existing), nullptr)});
    if (results[0].status == WriteStatus::NotFound)
        throw ApiError(404, "not_found", m_noun + " \"" + name + "\" does not exist");
    if (results[0].status == WriteStatus::RevisionMismatch)
        preconditionFailed(name, results[0].revision);
    return HttpResponse::json(200, {{m_singular, present(existing)}});
}

} // namespace lw::server
