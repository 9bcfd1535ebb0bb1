// collector.v1.CollectorService over Connect: binary proto and JSON POSTs (plain, gzip), the GET
// form of GetConfig, and the inspection endpoint, through the real routes.
// Input: call byte, encoding byte (bits 4-5: the credential), a query line, then the message.
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::ensureApplication();
    static std::unique_ptr<lw::fuzz::ApiWorld> world;
    static int runs = 0;
    if (!world || ++runs % 5000 == 0)
        world = std::make_unique<lw::fuzz::ApiWorld>();
    lw::fuzz::Input in(data, size);
    static const char *const Calls[] = {"GetConfig", "RegisterCollector", "UnregisterCollector"};
    const uint8_t call = in.byte();
    const uint8_t encoding = in.byte();
    const std::string query = in.line();
    const std::string body = in.rest();
    QList<std::pair<QByteArray, QByteArray>> headers = {
        {"content-type", encoding % 3 == 0 ? "application/proto" : encoding % 3 == 1 ? "application/json" : "text/plain"}};
    if (encoding & 4)
        headers.append(std::make_pair(QByteArray("content-encoding"), QByteArray((encoding & 8) ? "gzip" : "snappy")));
    // Mostly the node's credential (so the services run), sometimes none or a wrong one.
    if ((encoding & 0x30) != 0x30)
        headers.append(std::make_pair(QByteArray("authorization"),
                                      (encoding & 0x10) ? QByteArray("Basic ") + QByteArray("alloy:x").toBase64()
                                                        : QByteArray("Bearer ") + lw::fuzz::FuzzAgentToken));
    switch (call % 5) {
    case 0:
    case 1:
    case 2:
        world->dispatch(world->remotecfg, "POST", std::string("/collector.v1.CollectorService/") + Calls[call % 3], query, body, headers);
        break;
    case 3:
        world->dispatch(world->remotecfg, "GET", "/collector.v1.CollectorService/GetConfig", query + body, {}, headers);
        break;
    default:
        world->dispatch(world->remotecfg, "GET", "/api/v1/remote/config", query, body, headers);
    }
    return 0;
}
