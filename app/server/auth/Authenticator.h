#pragma once

#include "auth/Principal.h"

#include <QByteArray>

#include <string>
#include <variant>

namespace lw::server {

class JwtAuthority;

// Turns the Authorization header into a principal, whatever the credential kind.
class Authenticator {
public:
    explicit Authenticator(JwtAuthority &serverJwts);

    // The principal, or why the request is unauthenticated (a sentence for the 401 body).
    std::variant<Principal, std::string> authenticate(const QByteArray &authorizationHeader);

private:
    JwtAuthority &m_serverJwts;
};

} // namespace lw::server
