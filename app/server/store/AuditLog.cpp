#include "AuditLog.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"

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
    const std::string key = sequenceName(m_next++);
    return Mutation{Mutation::Op::Create, Kind, key, entry.dump(), ConfigStore::AnyRevision};
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
