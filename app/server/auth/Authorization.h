#pragma once

#include <QByteArray>

#include <string>
#include <variant>

namespace lw::server {

// The Authorization header, read one way for every path that reads it (the API's authenticator,
// the tenant of a data-path request, the agents' credential on remotecfg):
//   Bearer <token>              token
//   Basic base64(user:password) password as the token, user apart (Loki and GEL put the tenant there)
//   Splunk <token>              token (HEC clients)
// Scheme names are case-insensitive; base64 must be strict; the user:password pair needs its colon.
struct Authorization {
    enum class Scheme { Bearer, Basic, Splunk };
    Scheme scheme = Scheme::Bearer;
    QByteArray token;     // Bearer/Splunk token, or the Basic password
    QByteArray basicUser; // Basic only; may be empty
};

inline constexpr int MaxCredentialLength = 16384;

// The parsed header, or why it cannot be used (a sentence for a 401).
std::variant<Authorization, std::string> parseAuthorization(const QByteArray &header);

} // namespace lw::server
