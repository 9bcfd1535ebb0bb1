// The JSON codecs and validators of every API resource (log streaming v2, admin v3 and its v1/v2
// aliases, ingest tokens, users, the pipeline preview), through the real routes and handlers on an in-memory store.
// Input: route byte, method byte, then lines: name, second name, If-Match, query; then the body.
#include "FuzzSupport.h"

namespace {
const char *const Routes[] = {
    "/api/v2/logs/sources", "/api/v2/logs/sources/{}", "/api/v2/logs/targets", "/api/v2/logs/targets/{}",
    "/api/v2/logs/tls-bundles", "/api/v2/logs/tls-bundles/{}", "/api/v2/logs/collectors", "/api/v2/logs/collectors/{}",
    "/api/v2/logs/collectors/{}/config", "/admin/api/v3/tenants", "/admin/api/v3/tenants/{}", "/admin/api/v3/accesspolicies",
    "/admin/api/v3/accesspolicies/{}", "/admin/api/v3/tokens", "/admin/api/v3/tokens/{}", "/admin/api/v3/users",
    "/admin/api/v3/users/{}", "/admin/api/v3/users/{}/access-key", "/admin/api/v3/tenants/{}/ingest-tokens",
    "/admin/api/v3/tenants/{}/ingest-tokens/{}", "/admin/api/v3/clusters", "/admin/api/v3/clusters/{}", "/admin/api/v3/audit",
    "/admin/api/v1/instances", "/admin/api/v1/instances/{}", "/admin/api/v2/tenants/{}", "/admin/api/v2/accesspolicies",
    "/admin/api/v2/tokens/{}", "/api/v2/logs/pipeline/preview"};
const char *const Methods[] = {"GET", "POST", "PUT", "DELETE"};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::ensureApplication();
    static std::unique_ptr<lw::fuzz::ApiWorld> world;
    static int runs = 0;
    if (!world || ++runs % 2000 == 0)
        world = std::make_unique<lw::fuzz::ApiWorld>(); // bounded state: a fresh store now and then
    lw::fuzz::Input in(data, size);
    std::string path = Routes[in.byte() % std::size(Routes)];
    const std::string method = Methods[in.byte() % std::size(Methods)];
    for (std::string name : {in.line(), in.line()}) {
        const size_t hole = path.find("{}");
        if (hole != std::string::npos)
            path.replace(hole, 2, name);
    }
    const std::string ifMatch = in.line();
    const std::string query = in.line();
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!ifMatch.empty())
        headers.append({"if-match", QByteArray::fromStdString(ifMatch)});
    world->dispatch(world->api, method, path, query, in.rest(), headers);
    return 0;
}
