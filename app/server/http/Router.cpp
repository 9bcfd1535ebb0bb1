#include "Router.h"

#include <QByteArray>

namespace lw::server {

std::vector<std::string> Router::split(const std::string &path)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        if (slash > start)
            out.push_back(QByteArray::fromPercentEncoding(QByteArray::fromStdString(path.substr(start, slash - start)))
                              .toStdString());
        start = slash + 1;
    }
    return out;
}

Route &Router::add(const std::string &method, const std::string &pattern, std::string_view scope, Handler handler,
                   ErrorStyle errorStyle, qint64 maxBodyBytes)
{
    return m_routes.emplace_back(
        Route{method, split(pattern), std::string(scope), false, std::move(handler), errorStyle, maxBodyBytes, {}, {}});
}

Route &Router::addPublic(const std::string &method, const std::string &pattern, Handler handler)
{
    return m_routes.emplace_back(Route{method, split(pattern), {}, true, std::move(handler), ErrorStyle::Json, 0, {}, {}});
}

Router::Match Router::match(const std::string &method, const std::string &path) const
{
    Match result;
    const std::vector<std::string> parts = split(path);
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (size_t i = 0; ok && i < parts.size(); ++i) {
            const std::string &seg = route.segments[i];
            if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}')
                params[seg.substr(1, seg.size() - 2)] = parts[i];
            else
                ok = seg == parts[i];
        }
        if (!ok)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.allowedMethods.push_back(route.method);
    }
    return result;
}

} // namespace lw::server
