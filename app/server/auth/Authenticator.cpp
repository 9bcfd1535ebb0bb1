#include "Authenticator.h"
#include "JwtAuthority.h"

namespace lw::server {

Authenticator::Authenticator(JwtAuthority &serverJwts) : m_serverJwts(serverJwts) {}

std::variant<Principal, std::string> Authenticator::authenticate(const QByteArray &header)
{
    if (header.isEmpty())
        return std::string("missing credentials: send \"Authorization: Bearer <token>\"");
    const int space = header.indexOf(' ');
    const QByteArray scheme = header.left(space).toLower();
    const QByteArray credential = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    if (credential.isEmpty())
        return std::string("the Authorization header carries no credential");
    if (scheme == "bearer") {
        if (credential.size() > 16384)
            return std::string("the bearer token is too long");
        return m_serverJwts.verify(credential.toStdString());
    }
    return "unsupported authorization scheme \"" + scheme.left(16).toStdString() + "\"; use Bearer";
}

} // namespace lw::server
