#include "Principal.h"

#include <map>

namespace lw::server {

namespace {
const std::map<std::string, std::set<std::string>, std::less<>> &roleTable()
{
    static const std::map<std::string, std::set<std::string>, std::less<>> table = {
        {"cluster-admin",
         {std::string(scopes::Admin), std::string(scopes::ConfigRead), std::string(scopes::ConfigWrite),
          std::string(scopes::LogsRead), std::string(scopes::LogsWrite), std::string(scopes::LogsDelete)}},
        {"config-editor", {std::string(scopes::ConfigRead), std::string(scopes::ConfigWrite)}},
        {"viewer", {std::string(scopes::ConfigRead), std::string(scopes::LogsRead)}},
    };
    return table;
}
} // namespace

std::optional<std::set<std::string>> scopes::forRole(std::string_view role)
{
    auto it = roleTable().find(role);
    if (it == roleTable().end())
        return std::nullopt;
    return it->second;
}

bool Principal::allows(std::string_view scope) const
{
    if (scope == scopes::AnyPrincipal)
        return true;
    if (scopes.count(std::string(scope)))
        return true;
    const bool impliedByAdmin = scope == scopes::ConfigRead || scope == scopes::ConfigWrite || scope == scopes::AdminRead;
    return impliedByAdmin && scopes.count(std::string(scopes::Admin));
}

} // namespace lw::server

namespace lw::server {

bool Principal::reachesTenant(const std::string &tenant, const std::string &cluster) const
{
    if (allTenants)
        return true;
    for (const Realm &r : realms) {
        if ((r.tenant == "*" || r.tenant == tenant) && (cluster.empty() || r.cluster == cluster))
            return true;
    }
    return false;
}

std::vector<std::string> Principal::labelSelectorsFor(const std::string &tenant) const
{
    std::vector<std::string> out;
    for (const Realm &r : realms) {
        if (r.tenant == "*" || r.tenant == tenant) {
            if (r.labelSelectors.empty())
                return {}; // one unrestricted realm for this tenant wins
            out.insert(out.end(), r.labelSelectors.begin(), r.labelSelectors.end());
        }
    }
    return out;
}

std::optional<std::string> Principal::soleTenant() const
{
    if (!ingestTenant.empty())
        return ingestTenant;
    std::optional<std::string> only;
    for (const Realm &r : realms) {
        if (r.tenant == "*")
            return std::nullopt;
        if (only && *only != r.tenant)
            return std::nullopt;
        only = r.tenant;
    }
    return only;
}

} // namespace lw::server
