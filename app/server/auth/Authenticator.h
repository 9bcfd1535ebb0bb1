#pragma once

#include "auth/Principal.h"

#include <QByteArray>

#include <string>
#include <variant>

namespace lw::server {

class CredentialResolver;
class JwtAuthority;

// Turns the Authorization header into a principal, whatever the credential kind:
//   Bearer <JWT>   RS256 server JWTs, or HS256/384/512 self-signed user JWTs (iss "self-signed")
//   Bearer <token> / Basic with the token as password (curl -u :$TOKEN)   admin API tokens
//   Bearer <token> / Splunk <token>                                       ingest tokens
class Authenticator {
public:
    Authenticator(JwtAuthority &serverJwts, CredentialResolver &credentials);

    // The principal, or why the request is unauthenticated (a sentence for the 401 body).
    std::variant<Principal, std::string> authenticate(const QByteArray &authorizationHeader);

private:
    std::variant<Principal, std::string> bearer(const QByteArray &credential);
    std::variant<Principal, std::string> opaqueToken(const QByteArray &credential);

    JwtAuthority &m_serverJwts;
    CredentialResolver &m_credentials;
};

} // namespace lw::server
