#include "HttpTypes.h"
#include "auth/Principal.h"

namespace lw::server {

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Form decoding: '+' is a space, %XX a byte; a malformed escape stays as written.
QString formDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return QString::fromUtf8(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace

QueryParams::QueryParams(std::string_view raw)
{
    size_t start = 0;
    while (start <= raw.size()) {
        size_t end = raw.find('&', start);
        if (end == std::string_view::npos)
            end = raw.size();
        const std::string_view pair = raw.substr(start, end - start);
        if (!pair.empty()) {
            const size_t eq = pair.find('=');
            m_items.emplace_back(formDecode(pair.substr(0, eq)),
                                 eq == std::string_view::npos ? QString() : formDecode(pair.substr(eq + 1)));
        }
        start = end + 1;
    }
}

QString QueryParams::value(const QString &name) const
{
    for (const auto &[k, v] : m_items) {
        if (k == name)
            return v;
    }
    return {};
}

QStringList QueryParams::values(const QString &name) const
{
    QStringList out;
    for (const auto &[k, v] : m_items) {
        if (k == name)
            out << v;
    }
    return out;
}

bool QueryParams::has(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.first == name)
            return true;
    }
    return false;
}

std::string actorOf(const HttpRequest &req)
{
    return req.principal ? req.principal->subject : std::string("system");
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
