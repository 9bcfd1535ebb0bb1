#pragma once

#include <QString>

namespace lw::test {

// Real X.509 material made with the openssl CLI in `dir`: a CA (ca.crt/ca.key), a server
// certificate it signed (rsyslog-server.crt/.key) and an unrelated key (other.key), as the
// seed's ./scripts/certs expects. Returns false if openssl failed.
bool makeTestCertificates(const QString &dir);
QByteArray readFile(const QString &path);

} // namespace lw::test
