#include "TestCertificates.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>

namespace lw::test {

bool makeTestCertificates(const QString &dir)
{
    QDir().mkpath(dir);
    const QString script = QStringLiteral(
        "set -e\n"
        "openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/CN=Test CA' -keyout ca.key -out ca.crt 2>/dev/null\n"
        "openssl req -newkey rsa:2048 -nodes -subj '/CN=rsyslog.example.com' -keyout rsyslog-server.key "
        "  -out server.csr 2>/dev/null\n"
        "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 "
        "  -out rsyslog-server.crt 2>/dev/null\n"
        "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other.key 2>/dev/null\n"
        // The server's request signed again, valid only from 2099 (openssl ca sets the start).
        "mkdir -p future-ca && : > future-ca/index.txt && echo 01 > future-ca/serial\n"
        "printf '[ca]\\ndefault_ca=d\\n[d]\\ndatabase=future-ca/index.txt\\nserial=future-ca/serial\\n"
        "new_certs_dir=future-ca\\ndefault_md=sha256\\npolicy=p\\n[p]\\ncommonName=supplied\\n' > future-ca/ca.cnf\n"
        "openssl ca -batch -config future-ca/ca.cnf -cert ca.crt -keyfile ca.key -in server.csr "
        "  -startdate 20990101000000Z -enddate 21000101000000Z -notext -out not-yet-valid.crt 2>/dev/null\n");
    auto [code, out] = runCommand(QStringLiteral("bash"), {QStringLiteral("-c"), script}, dir);
    if (code != 0)
        qWarning("openssl failed: %s", out.constData());
    return code == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace lw::test
