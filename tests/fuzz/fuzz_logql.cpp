// The LogQL parser, selectors, push label sets, and pipelines run over a fixed set of lines and
// one from the input; the gateway's label-policy rewriter and the matcher writer. Input: the
// query line, then a log line.
#include "FuzzSupport.h"
#include "logs/LogQL.h"
#include "logs/LogQLRewrite.h"

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
    // The label-policy rewriter (the gateway's): never crashes; what it returns it can read again
    // (every selector still a list of matchers); a selector written by the writer reads back as
    // the same matchers.
    static const std::vector<lw::server::LabelMatcher> Policy = lw::server::parseSelector("{team=\"a\\\"}\", env=~\"prod|stage\"}");
    try {
        const std::string restricted = lw::server::restrictQuery(query, Policy);
        if (restricted.find("team=\"a\\\"}\"") == std::string::npos)
            __builtin_trap(); // a selector came back without the policy's matchers
        (void)lw::server::restrictQuery(restricted, Policy);
    } catch (const lw::server::LogQLError &) {
    }
    try {
        const auto matchers = lw::server::parseSelector(query);
        const auto again = lw::server::parseSelector(lw::server::writeSelector(matchers));
        if (again.size() != matchers.size())
            __builtin_trap();
        for (size_t i = 0; i < again.size(); ++i) {
            if (again[i].name != matchers[i].name || again[i].op != matchers[i].op || again[i].value != matchers[i].value)
                __builtin_trap();
        }
    } catch (const lw::server::LogQLError &) {
    }
    return 0;
}
