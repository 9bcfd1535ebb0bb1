#include "AuditLog.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"

#include <QRandomGenerator>

#include <cstdio>

namespace lw::server {

namespace {
std::string sequenceName(int64_t n)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "%020lld", static_cast<long long>(n));
    return buf;
}
} // namespace

AuditLog::AuditLog(ConfigStore &store) : m_store(store)
{
    char origin[16];
    std::snprintf(origin, sizeof origin, "%08x", QRandomGenerator::system()->generate());
    m_origin = origin;
    const auto entries = m_store.list(Kind);
    if (!entries.empty())
        m_next = std::stoll(entries.back().name) + 1;
}

Mutation AuditLog::entry(const std::string &actor, const std::string &action, const std::string &kind, const std::string &name,
                         const Json &before, const Json &after)
{
    Json entry = {{"id", m_next},
                  {"time", nowRfc3339()},
                  {"actor", actor.empty() ? std::string("system") : actor},
                  {"action", action},
                  {"kind", kind},
                  {"name", name},
                  {"before", before},
                  {"after", after}};
    // <sequence>-<origin>: ordered as the sequence, unique across replicas (stoll reads the sequence).
    const std::string key = sequenceName(m_next++) + "-" + m_origin;
    return Mutation{Mutation::Op::Create, Kind, key, entry.dump(), ConfigStore::AnyRevision};
}

std::vector<WriteResult> AuditLog::commit(const std::vector<Mutation> &changeWithEntry)
{
    std::vector<WriteResult> results = m_store.commit(changeWithEntry);
    bool changePasses = true, entryRefused = false;
    for (size_t i = 0; i < changeWithEntry.size() && i < results.size(); ++i) {
        if (changeWithEntry[i].kind == Kind)
            entryRefused = entryRefused || results[i].status != WriteStatus::Ok;
        else
            changePasses = changePasses && results[i].status == WriteStatus::Ok;
    }
    if (changePasses && entryRefused) {
        ++m_next;
        throw StoreError("the audit entry for this change could not be written (its name is taken); nothing was "
                         "changed, try again");
    }
    return results;
}

Json AuditLog::page(int limit, int offset, const std::string &kindFilter) const
{
    const auto entries = m_store.list(Kind);
    Json items = Json::array();
    int matched = 0;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        Json e = Json::parse(it->value);
        if (!kindFilter.empty() && e.value("kind", "") != kindFilter)
            continue;
        if (matched++ < offset)
            continue;
        if (static_cast<int>(items.size()) < limit)
            items.push_back(std::move(e));
    }
    return {{"items", items}, {"type", "audit_entry"}, {"total", matched}};
}

} // namespace lw::server
