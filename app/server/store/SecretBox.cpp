#include "SecretBox.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace lw::server {

namespace {
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
const std::string Prefix = "v1:";
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

SecretBox::SecretBox(QByteArray key) : m_key(std::move(key))
{
    if (m_key.size() != KeySize)
        throw std::invalid_argument("the secret key must be 32 bytes");
}

QByteArray SecretBox::generateKey()
{
    QByteArray key(KeySize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), KeySize) != 1)
        throw std::runtime_error("no randomness available for a key");
    return key;
}

std::string SecretBox::seal(const std::string &plaintext, const std::string &aad) const
{
    QByteArray out(NonceSize + static_cast<int>(plaintext.size()) + TagSize, '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    if (RAND_bytes(nonce, NonceSize) != 1)
        throw std::runtime_error("no randomness available for a nonce");
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                                        reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) == 1
              && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()),
                                   static_cast<int>(aad.size())) == 1
              && EVP_EncryptUpdate(ctx.get(), nonce + NonceSize, &len,
                                   reinterpret_cast<const unsigned char *>(plaintext.data()),
                                   static_cast<int>(plaintext.size())) == 1
              && EVP_EncryptFinal_ex(ctx.get(), nonce + NonceSize + len, &len) == 1
              && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize,
                                     nonce + NonceSize + plaintext.size()) == 1;
    if (!ok)
        throw std::runtime_error("encryption failed");
    return Prefix + out.toBase64().toStdString();
}

std::string SecretBox::open(const std::string &sealed, const std::string &aad) const
{
    if (sealed.rfind(Prefix, 0) != 0)
        throw std::runtime_error("unknown secret format");
    QByteArray raw = QByteArray::fromBase64(QByteArray::fromStdString(sealed.substr(Prefix.size())));
    if (raw.size() < NonceSize + TagSize)
        throw std::runtime_error("secret is truncated");
    auto *nonce = reinterpret_cast<unsigned char *>(raw.data());
    const int cipherLen = raw.size() - NonceSize - TagSize;
    std::string plain(static_cast<size_t>(cipherLen), '\0');
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                                        reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) == 1
              && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()),
                                   static_cast<int>(aad.size())) == 1
              && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len,
                                   nonce + NonceSize, cipherLen) == 1
              && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, nonce + NonceSize + cipherLen) == 1
              && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + len, &len) == 1;
    if (!ok)
        throw std::runtime_error("secret failed authentication (wrong key or tampered data)");
    return plain;
}

} // namespace lw::server
