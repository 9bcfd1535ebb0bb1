#pragma once

#include <QByteArray>
#include <QString>

namespace lw::server {

struct CertificateAndKey {
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// A fresh ECDSA P-256 certificate for first start, valid for ten years, with
// SAN DNS:<hostname>, DNS:localhost, IP:127.0.0.1 and IP:::1, usable for TLS server auth.
CertificateAndKey generateSelfSignedCertificate(const QString &hostname);

} // namespace lw::server
