// Baseline for the API benchmark: a bare QHttpServer over the same TLS certificate, answering
// every request with fixed bytes. logwardend's list endpoint is measured against this.
#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslKey>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: bare_https_server CERT KEY BODYFILE\n");
        return 64;
    }
    auto read = [](const char *path) {
        QFile f(QString::fromLocal8Bit(path));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    };
    const QByteArray cert = read(argv[1]), key = read(argv[2]), body = read(argv[3]);
    QHttpServer server;
    server.route("/api/v2/logs/sources", [&body] { return QHttpServerResponse("application/json", body); });
    QSslKey sslKey(key, QSsl::Ec);
    if (sslKey.isNull())
        sslKey = QSslKey(key, QSsl::Rsa);
    server.sslSetup(QSslCertificate::fromData(cert).first(), sslKey);
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    std::printf("PORT %u\n", port);
    std::fflush(stdout);
    return app.exec();
}
