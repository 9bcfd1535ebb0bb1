#include "TlsBundle.h"
#include "JsonReader.h"
#include "Validation.h"

namespace lw {

using json = lw::Json;

TlsBundleInput TlsBundleInput::fromJson(const json &document)
{
    JsonReader r(document);
    TlsBundleInput b;
    b.name = r.requiredString("name");
    validation::requireName("name", b.name);
    b.caPem = r.requiredString("caPem");
    b.certPem = r.optionalString("certPem");
    b.keyPem = r.optionalString("keyPem");
    // Read-only facts a client may echo back from a GET; they are recomputed, never trusted.
    for (const char *readOnly : {"ca", "cert", "hasKey"})
        r.ignore(readOnly);
    r.finish();

    tls::inspectCertificates("caPem", b.caPem);
    if (b.keyPem && !b.certPem)
        throw ValidationError("certPem", "\"keyPem\" needs the matching \"certPem\"", "missing_field");
    if (b.certPem) {
        tls::inspectCertificates("certPem", *b.certPem);
        if (b.keyPem)
            tls::requireKeyMatchesCertificate("keyPem", *b.keyPem, *b.certPem);
    }
    return b;
}

static json infoToJson(const CertificateInfo &info)
{
    return {{"subject", info.subject},
            {"issuer", info.issuer},
            {"notBefore", info.notBefore},
            {"notAfter", info.notAfter},
            {"publicKeySha256", info.publicKeySha256},
            {"certificates", info.certificateCount}};
}

static CertificateInfo infoFromJson(const json &j)
{
    CertificateInfo info;
    info.subject = j.value("subject", "");
    info.issuer = j.value("issuer", "");
    info.notBefore = j.value("notBefore", ""); // absent in records stored before it was kept
    info.notAfter = j.value("notAfter", "");
    info.publicKeySha256 = j.value("publicKeySha256", "");
    info.certificateCount = j.value("certificates", 0);
    return info;
}

json TlsBundle::toStorageJson() const
{
    json j = toPublicJson();
    if (keyCiphertext)
        j["keyCiphertext"] = *keyCiphertext;
    return j;
}

TlsBundle TlsBundle::fromStorageJson(const json &j)
{
    TlsBundle b;
    b.name = j.at("name").get<std::string>();
    b.caPem = j.at("caPem").get<std::string>();
    if (j.contains("certPem"))
        b.certPem = j.at("certPem").get<std::string>();
    if (j.contains("keyCiphertext"))
        b.keyCiphertext = j.at("keyCiphertext").get<std::string>();
    b.ca = infoFromJson(j.value("ca", json::object()));
    if (j.contains("cert"))
        b.cert = infoFromJson(j.at("cert"));
    return b;
}

json TlsBundle::toPublicJson() const
{
    json j = {{"name", name}, {"caPem", caPem}, {"ca", infoToJson(ca)}, {"hasKey", keyCiphertext.has_value()}};
    if (certPem)
        j["certPem"] = *certPem;
    if (cert)
        j["cert"] = infoToJson(*cert);
    return j;
}

} // namespace lw
