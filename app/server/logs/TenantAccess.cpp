#include "TenantAccess.h"
#include "auth/Authorization.h"
#include "auth/Principal.h"
#include "store/ConfigStore.h"

namespace lw::server {

TenantAccess::TenantAccess(ConfigStore &store, std::string clusterName) : m_store(store), m_cluster(std::move(clusterName)) {}

std::string TenantAccess::resolve(const HttpRequest &req) const
{
    const Principal &p = *req.principal;
    std::string tenant;
    // The same parser the authenticator used: the Basic user name is the tenant.
    auto parsed = parseAuthorization(req.header("authorization"));
    if (auto *a = std::get_if<Authorization>(&parsed); a && a->scheme == Authorization::Scheme::Basic)
        tenant = a->basicUser.toStdString();
    if (tenant.empty())
        tenant = req.header("x-scope-orgid").trimmed().toStdString();
    if (!p.ingestTenant.empty()) {
        if (!tenant.empty() && tenant != p.ingestTenant)
            throw ApiError(403, "forbidden", "this ingest token writes to tenant \"" + p.ingestTenant + "\" only");
        tenant = p.ingestTenant;
    }
    if (tenant.empty()) {
        auto sole = p.soleTenant();
        if (!sole)
            throw ApiError(400, "no_tenant",
                           "no tenant: name it with X-Scope-OrgID or as the basic-auth user name (the credential reaches "
                           "more than one tenant)");
        tenant = *sole;
    }
    auto record = m_store.get(Tenant::kind, tenant);
    if (!record)
        throw ApiError(400, "unknown_tenant", "tenant \"" + tenant.substr(0, 64) + "\" does not exist");
    const Tenant t = Tenant::fromJson(Json::parse(record->value));
    if (t.status != "active")
        throw ApiError(401, "unauthenticated", "tenant \"" + tenant + "\" is inactive");
    if (!p.reachesTenant(tenant, m_cluster))
        throw ApiError(403, "forbidden", "\"" + p.subject + "\" has no access to tenant \"" + tenant + "\"");
    return tenant;
}

} // namespace lw::server
