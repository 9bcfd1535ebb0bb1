#pragma once

#include "TlsMaterial.h"

#include "Json.h"

#include <optional>
#include <string>

namespace lw {

// A TLS bundle as the API receives it: the private key arrives in clear, exactly once.
struct TlsBundleInput {
    std::string name;
    std::string caPem;
    std::optional<std::string> certPem;
    std::optional<std::string> keyPem;

    // Parses and validates the PEM material (key must match the certificate). The key may be
    // omitted on update when the certificate is unchanged: the stored key is kept.
    static TlsBundleInput fromJson(const lw::Json &json);
};

// A TLS bundle as stored: the private key only as ciphertext, plus what the certificate says.
struct TlsBundle {
    std::string name;
    std::string caPem;
    std::optional<std::string> certPem;
    std::optional<std::string> keyCiphertext; // SecretBox output, never leaves the server
    CertificateInfo ca;
    std::optional<CertificateInfo> cert;

    static constexpr const char *kind = "tls-bundle";
    static constexpr const char *collection = "tlsBundles";

    lw::Json toStorageJson() const;
    static TlsBundle fromStorageJson(const lw::Json &json);
    // What clients see: certificates and their facts, never the key.
    lw::Json toPublicJson() const;
};

} // namespace lw
