#include "JwtGenerator.h"

#include <jwt/jwt.hpp>

#include <QJsonDocument>
#include <QJsonObject>

#include <ctime>
#include <stdexcept>

namespace lw::console {

bool JwtGenerator::isSupportedAlgorithm(const std::string &alg)
{
    return alg == "HS256" || alg == "HS384" || alg == "HS512" || alg == "RS256" || alg == "ES256";
}

std::string JwtGenerator::generate(const TokenRequest &r)
{
    if (r.subject.empty())
        throw std::invalid_argument(QObject::tr("The subject (sub) is required.").toStdString());
    if (!isSupportedAlgorithm(r.algorithm))
        throw std::invalid_argument(QObject::tr("Unsupported algorithm %1: use HS256, HS384, HS512, RS256 or ES256.")
                                        .arg(QString::fromStdString(r.algorithm)).toStdString());
    if (r.secret.empty())
        throw std::invalid_argument(QObject::tr("The signing key is empty.").toStdString());
    const bool asymmetric = r.algorithm[0] != 'H';
    if (asymmetric && r.secret.find("PRIVATE KEY-----") == std::string::npos)
        throw std::invalid_argument(QObject::tr("%1 needs a PEM private key.").arg(QString::fromStdString(r.algorithm)).toStdString());
    if (r.lifetimeSeconds <= 0 || r.lifetimeSeconds > 366LL * 86400)
        throw std::invalid_argument(QObject::tr("The lifetime must be between one second and one year.").toStdString());
    const int64_t now = std::time(nullptr);
    try {
        jwt::jwt_object token{jwt::params::algorithm(r.algorithm), jwt::params::secret(r.secret)};
        token.add_claim("iss", "self-signed")
            .add_claim("sub", r.subject)
            .add_claim("scope", r.scope)
            .add_claim("iat", now)
            .add_claim("exp", now + r.lifetimeSeconds);
        return token.signature();
    } catch (const std::exception &e) {
        throw std::invalid_argument(QObject::tr("The token could not be signed: %1").arg(QString::fromUtf8(e.what())).toStdString());
    }
}

std::optional<DecodedToken> JwtGenerator::decode(const QString &token)
{
    const QStringList parts = token.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    auto part = [](const QString &p) {
        return QJsonDocument::fromJson(QByteArray::fromBase64(p.toLatin1(), QByteArray::Base64UrlEncoding));
    };
    const QJsonDocument header = part(parts[0]), claims = part(parts[1]);
    if (!header.isObject() || !claims.isObject())
        return std::nullopt;
    DecodedToken d;
    d.headerJson = QString::fromUtf8(header.toJson(QJsonDocument::Indented));
    d.claimsJson = QString::fromUtf8(claims.toJson(QJsonDocument::Indented));
    d.algorithm = header.object().value(QLatin1String("alg")).toString();
    d.expiresAt = static_cast<qint64>(claims.object().value(QLatin1String("exp")).toDouble());
    return d;
}

} // namespace lw::console
