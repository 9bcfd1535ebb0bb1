// Route matching (percent-decoded segments, {name} captures) and query decoding, on the real
// routers of the API and remotecfg listeners. Input: method byte, a path line, then the query.
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::ensureApplication();
    static lw::fuzz::ApiWorld *world = new lw::fuzz::ApiWorld();
    lw::fuzz::Input in(data, size);
    static const char *const Methods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
    const std::string method = Methods[in.byte() % std::size(Methods)];
    const std::string path = in.line();
    const std::string query = in.rest();
    for (lw::server::Router *router : {&world->api, &world->remotecfg}) {
        const auto match = router->match(method, path);
        if (match.route && match.route->method != method)
            lw::fuzz::finding("a route matched another method");
        for (const auto &[name, value] : match.params) {
            if (name.empty())
                lw::fuzz::finding("an unnamed capture");
        }
    }
    const lw::server::QueryParams params(query);
    for (const auto &[k, v] : params.items()) {
        if (!params.has(k) || !params.values(k).contains(v))
            lw::fuzz::finding("a decoded parameter cannot be looked up");
    }
    return 0;
}
