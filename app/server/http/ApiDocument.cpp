#include "http/ApiDocument.h"

#include "http/Router.h"
#include "Log.h"
#include "Json.h"

#include <QCryptographicHash>
#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace lw::server {

const ApiDocument &ApiDocument::embedded()
{
    // Never destroyed: answers may still be checked while the process exits.
    static const ApiDocument *const document = new ApiDocument;
    return *document;
}

ApiDocument::ApiDocument()
{
    QFile file(QStringLiteral(":/lw/openapi.json"));
    if (file.open(QIODevice::ReadOnly))
        m_bytes = file.readAll();
    m_etag = "\"" + QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex().left(32).toStdString() + "\"";
    const lw::Json doc = lw::Json::parse(m_bytes.toStdString(), nullptr, false);
    if (doc.is_object() && doc.contains("paths") && doc["paths"].is_object()) {
        for (const auto &[path, item] : doc["paths"].items()) {
            if (!item.is_object())
                continue;
            for (const auto &[method, operation] : item.items()) {
                if (!operation.is_object() || !operation.contains("responses") || !operation["responses"].is_object())
                    continue;
                std::string upper = method;
                for (char &c : upper)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                std::set<int> &codes = m_operations[{upper, path}];
                for (const auto &[code, response] : operation["responses"].items())
                    codes.insert(std::atoi(code.c_str()));
            }
        }
    }
    if (const char *log = std::getenv("LOGWARDEND_UNDOCUMENTED_LOG"))
        m_undocumentedLog = log;
}

const std::set<int> *ApiDocument::statuses(const std::string &method, const std::string &pattern) const
{
    const auto it = m_operations.find({method == "HEAD" ? std::string("GET") : method, pattern});
    return it == m_operations.end() ? nullptr : &it->second;
}

std::string ApiDocument::pattern(const Route &route)
{
    std::string out;
    for (const std::string &segment : route.segments)
        out += "/" + segment;
    return out.empty() ? "/" : out;
}

void ApiDocument::check(const Route &route, const std::string &method, int status) const
{
    if (m_undocumentedLog.empty())
        return;
    std::string path = pattern(route);
    // remotecfg's Connect paths may carry --remotecfg-prefix; the document lists them without it.
    static const std::string Connect = "/collector.v1.CollectorService/";
    if (const size_t at = path.find(Connect); at != std::string::npos && at > 0)
        path.erase(0, at);
    const std::set<int> *codes = statuses(method, path);
    if (codes && codes->count(status))
        return;
    const std::string line = method + " " + path + " " + std::to_string(status);
    const std::lock_guard lock(m_mutex);
    if (!m_reported.insert(line).second)
        return;
    FILE *out = std::fopen(m_undocumentedLog.c_str(), "a");
    if (!out) {
        // Said on stderr (the harness shows the server's log with the failure) rather than lost.
        log::error("LOGWARDEND_UNDOCUMENTED_LOG %s cannot be opened; undocumented answer: %s", m_undocumentedLog.c_str(),
                   line.c_str());
        return;
    }
    std::fprintf(out, "%s\n", line.c_str());
    std::fclose(out);
}

} // namespace lw::server
