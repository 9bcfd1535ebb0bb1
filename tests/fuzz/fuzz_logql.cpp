// The LogQL parser, selectors, push label sets, and pipelines run over a fixed set of lines and
// one from the input. Input: the query line, then a log line.
#include "FuzzSupport.h"
#include "logs/LogQL.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::Input in(data, size);
    const std::string query = in.line();
    const std::string line = in.rest();
    static const std::vector<std::string> Lines = {
        "level=info msg=\"served\" id=500000 path=/api", R"({"level":"error","msg":"disk full","n":{"a":[1,2]}})", "plain text line",
        "", "a=\"b\\\"c\" d= e", std::string(1000, 'a') + "b"};
    static const std::vector<lw::server::Labels> Streams = {{{"job", "api"}, {"env", "prod"}}, {{"job", "x"}}, {{"level", "warn"}}};
    try {
        (void)lw::server::parseLabelSet(query);
    } catch (const lw::server::LogQLError &) {
    }
    try {
        (void)lw::server::parseSelector(query);
    } catch (const lw::server::LogQLError &) {
    }
    try {
        const auto q = lw::server::parseLogQL(query);
        for (const auto &stream : Streams) {
            (void)q.matchesStream(stream);
            for (const std::string &l : Lines) {
                lw::server::Labels extracted;
                (void)q.process(l, stream, extracted);
            }
            lw::server::Labels extracted;
            (void)q.process(line, stream, extracted);
        }
    } catch (const lw::server::LogQLError &) {
    }
    return 0;
}
