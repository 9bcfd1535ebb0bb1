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

const std::set<std::string> &scopes::knownRoles()
{
    static const std::set<std::string> names = [] {
        std::set<std::string> out;
        for (const auto &[name, _] : roleTable())
            out.insert(name);
        return out;
    }();
    return names;
}

bool Principal::allows(std::string_view scope) const
{
    if (scopes.count(std::string(scope)))
        return true;
    const bool isConfig = scope == scopes::ConfigRead || scope == scopes::ConfigWrite;
    return isConfig && scopes.count(std::string(scopes::Admin));
}

} // namespace lw::server
