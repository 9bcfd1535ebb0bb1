#pragma once

#include <string>

namespace lw {

// What a PEM certificate says about itself, read with OpenSSL.
struct CertificateInfo {
    std::string subject;
    std::string issuer;
    std::string notBefore;           // RFC 3339, UTC
    std::string notAfter;            // RFC 3339, UTC
    std::string publicKeySha256;     // hex SHA-256 of the DER SubjectPublicKeyInfo
    int certificateCount = 0;        // certificates found in the PEM text
};

namespace tls {

// The largest PEM texts a bundle holds: certificates (a CA chain) and an unencrypted private key.
inline constexpr size_t MaxCertificatesPemBytes = 256 * 1024;
inline constexpr size_t MaxPrivateKeyPemBytes = 64 * 1024;

// Parses every certificate in `pem`; throws ValidationError naming `field` if there is none or one is broken.
CertificateInfo inspectCertificates(const std::string &field, const std::string &pem);
// Parses an unencrypted PEM private key and checks it belongs to the first certificate of certPem.
void requireKeyMatchesCertificate(const std::string &keyField, const std::string &keyPem, const std::string &certPem);

} // namespace tls
} // namespace lw
