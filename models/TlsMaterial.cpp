#include "TlsMaterial.h"
#include "ValidationError.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>
#include <memory>

namespace lw::tls {

namespace {

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

BioPtr memoryBio(const std::string &text)
{
    return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), BIO_free);
}

std::string nameToString(X509_NAME *name)
{
    BioPtr out(BIO_new(BIO_s_mem()), BIO_free);
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    long len = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<size_t>(len));
}

std::string timeToRfc3339(const ASN1_TIME *t)
{
    struct tm tm {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string publicKeyFingerprint(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    int len = i2d_PUBKEY(key, &der);
    if (len <= 0)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLen = 0;
    EVP_Digest(der, static_cast<size_t>(len), digest, &digestLen, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < digestLen; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

bool looksLikePem(const std::string &pem, const char *label)
{
    return pem.find(std::string("-----BEGIN ") + label) != std::string::npos;
}

} // namespace

CertificateInfo inspectCertificates(const std::string &field, const std::string &pem)
{
    if (pem.size() > MaxCertificatesPemBytes)
        throw ValidationError(field, "\"" + field + "\" is larger than 256 KiB", "invalid_pem");
    if (!looksLikePem(pem, "CERTIFICATE"))
        throw ValidationError(field, "\"" + field + "\" holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                              "invalid_pem");
    CertificateInfo info;
    BioPtr bio = memoryBio(pem);
    for (;;) {
        X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
        if (!cert)
            break;
        if (info.certificateCount++ == 0) {
            info.subject = nameToString(X509_get_subject_name(cert.get()));
            info.issuer = nameToString(X509_get_issuer_name(cert.get()));
            info.notBefore = timeToRfc3339(X509_get0_notBefore(cert.get()));
            info.notAfter = timeToRfc3339(X509_get0_notAfter(cert.get()));
            info.publicKeySha256 = publicKeyFingerprint(X509_get0_pubkey(cert.get()));
        }
    }
    unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    // Reaching the end of the text is the normal way out; anything else is a broken block.
    bool cleanEnd = err == 0 || ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
    if (info.certificateCount == 0 || !cleanEnd)
        throw ValidationError(field, "\"" + field + "\" contains a certificate OpenSSL cannot parse", "invalid_pem");
    return info;
}

void requireKeyMatchesCertificate(const std::string &keyField, const std::string &keyPem, const std::string &certPem)
{
    if (keyPem.size() > MaxPrivateKeyPemBytes || !looksLikePem(keyPem, ""))
        throw ValidationError(keyField, "\"" + keyField + "\" holds no PEM private key", "invalid_pem");
    if (keyPem.find("ENCRYPTED") != std::string::npos)
        throw ValidationError(keyField, "\"" + keyField + "\" is encrypted; provide the key without a passphrase",
                              "invalid_pem");
    BioPtr keyBio = memoryBio(keyPem);
    // A null password callback that refuses keeps OpenSSL from prompting on a terminal.
    PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr),
                EVP_PKEY_free);
    ERR_clear_error();
    if (!key)
        throw ValidationError(keyField, "\"" + keyField + "\" is not a private key OpenSSL can parse", "invalid_pem");
    BioPtr certBio = memoryBio(certPem);
    X509Ptr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr), X509_free);
    ERR_clear_error();
    if (!cert || X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        throw ValidationError(keyField, "\"" + keyField + "\" does not belong to the certificate in \"certPem\"",
                              "key_mismatch");
    }
}

} // namespace lw::tls
