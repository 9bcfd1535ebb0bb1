// Baseline for the API and remotecfg benchmarks: a bare QHttpServer answering every request on
// one path with fixed bytes, over TLS (same certificate as logwardend) or plain HTTP.
//   bare_http_server --path P --body FILE [--content-type T] [--tls CERT KEY]
#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslKey>

#include <cstdio>

static QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString path, bodyFile, cert, key;
    QByteArray contentType = "application/json";
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--path" && i + 1 < args.size())
            path = args[++i];
        else if (args[i] == "--body" && i + 1 < args.size())
            bodyFile = args[++i];
        else if (args[i] == "--content-type" && i + 1 < args.size())
            contentType = args[++i].toLatin1();
        else if (args[i] == "--tls" && i + 2 < args.size()) {
            cert = args[++i];
            key = args[++i];
        }
    }
    if (path.isEmpty() || bodyFile.isEmpty()) {
        std::fprintf(stderr, "usage: bare_http_server --path P --body FILE [--content-type T] [--tls CERT KEY]\n");
        return 64;
    }
    const QByteArray body = readFile(bodyFile);
    QHttpServer server;
    server.route(path, [&] { return QHttpServerResponse(contentType, body); });
    if (!cert.isEmpty()) {
        const QByteArray keyPem = readFile(key);
        QSslKey sslKey(keyPem, QSsl::Ec);
        if (sslKey.isNull())
            sslKey = QSslKey(keyPem, QSsl::Rsa);
        server.sslSetup(QSslCertificate::fromData(readFile(cert)).first(), sslKey);
    }
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    std::printf("PORT %u\n", port);
    std::fflush(stdout);
    return app.exec();
}
