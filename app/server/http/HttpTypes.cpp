#include "HttpTypes.h"

namespace lw::server {

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

QUrlQuery formQuery(const QUrl &url)
{
    QString query = url.query(QUrl::FullyEncoded);
    query.replace(QLatin1Char('+'), QLatin1String("%20"));
    return QUrlQuery(query);
}

QByteArray toJsonBytes(const lw::Json &value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, lw::Json::error_handler_t::replace));
}

HttpResponse HttpResponse::json(int status, const lw::Json &body)
{
    HttpResponse r;
    r.status = status;
    r.body = toJsonBytes(body);
    return r;
}

HttpResponse HttpResponse::raw(int status, QByteArray body, QByteArray contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

HttpResponse HttpResponse::error(int status, const std::string &code, const std::string &message,
                                 const std::string &field)
{
    lw::Json body = {{"error", message}, {"code", code}};
    if (!field.empty())
        body["field"] = field;
    return json(status, body);
}

HttpResponse HttpResponse::plainError(int status, const std::string &, const std::string &message, const std::string &)
{
    return raw(status, QByteArray::fromStdString(message + "\n"), "text/plain; charset=utf-8");
}

} // namespace lw::server
