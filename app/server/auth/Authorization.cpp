#include "Authorization.h"

namespace lw::server {

std::variant<Authorization, std::string> parseAuthorization(const QByteArray &header)
{
    if (header.trimmed().isEmpty())
        return std::string("missing credentials: send \"Authorization: Bearer <token>\" (or curl -u :TOKEN)");
    if (header.size() > MaxCredentialLength + 16)
        return std::string("the credential is too long");
    const int space = header.indexOf(' ');
    const QByteArray scheme = (space < 0 ? header : header.left(space)).toLower();
    const QByteArray value = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    if (value.isEmpty())
        return std::string("the Authorization header carries no credential");
    Authorization a;
    if (scheme == "bearer" || scheme == "splunk") {
        a.scheme = scheme == "bearer" ? Authorization::Scheme::Bearer : Authorization::Scheme::Splunk;
        a.token = value;
    } else if (scheme == "basic") {
        auto decoded = QByteArray::fromBase64Encoding(value, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || !decoded.decoded.contains(':'))
            return std::string("malformed basic credentials (base64 of user:password expected)");
        const qsizetype colon = decoded.decoded.indexOf(':');
        a.scheme = Authorization::Scheme::Basic;
        a.basicUser = decoded.decoded.left(colon);
        a.token = decoded.decoded.mid(colon + 1);
        if (a.token.isEmpty())
            return std::string("basic credentials carry no token as password");
    } else {
        return "unsupported authorization scheme \"" + scheme.left(16).toStdString() + "\"; use Bearer or Basic";
    }
    for (char c : a.token) {
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) == 0x7f)
            return std::string("the credential contains spaces or control characters");
    }
    return a;
}

} // namespace lw::server
