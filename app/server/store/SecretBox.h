#pragma once

#include <QByteArray>

#include <string>

namespace lw::server {

// Authenticated encryption of secrets at rest: AES-256-GCM with a random 96-bit nonce per value.
// The associated data binds a ciphertext to its place ("tls-bundle/<name>"), so ciphertexts
// cannot be swapped between records.
class SecretBox {
public:
    static constexpr int KeySize = 32;

    explicit SecretBox(QByteArray key); // throws std::invalid_argument unless 32 bytes
    static QByteArray generateKey();

    // "v1:" + base64(nonce | ciphertext | tag)
    std::string seal(const std::string &plaintext, const std::string &associatedData) const;
    // Throws std::runtime_error when the ciphertext was tampered with or the key is wrong.
    std::string open(const std::string &sealed, const std::string &associatedData) const;

private:
    QByteArray m_key;
};

} // namespace lw::server
