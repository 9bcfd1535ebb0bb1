#include "ConsoleCommandLine.h"
#include "JwtGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cstdio>

namespace lw::console {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "logwarden: %s\n", qPrintable(message));
    return 2;
}

int generate(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("cli", "Generate a client-self-signed JWT (seed 001)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("token"), {});
    p.addPositionalArgument(QStringLiteral("generate"), {});
    const QCommandLineOption sub(QStringLiteral("sub"), QCoreApplication::translate("cli", "The user name (sub claim)."), QStringLiteral("name"));
    const QCommandLineOption scope(QStringLiteral("scope"), QCoreApplication::translate("cli", "Space-separated scopes."), QStringLiteral("scopes"));
    const QCommandLineOption secretEnv(QStringLiteral("secret-env"),
                                       QCoreApplication::translate("cli", "Environment variable holding the API access key (never a command-line argument)."),
                                       QStringLiteral("var"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QCoreApplication::translate("cli", "PEM private key for RS256/ES256."),
                                     QStringLiteral("file"));
    const QCommandLineOption alg(QStringLiteral("alg"), QCoreApplication::translate("cli", "HS256 (default), HS384, HS512, RS256 or ES256."),
                                 QStringLiteral("alg"), QStringLiteral("HS256"));
    const QCommandLineOption ttl(QStringLiteral("ttl"), QCoreApplication::translate("cli", "Lifetime in seconds (default 3600)."),
                                 QStringLiteral("seconds"), QStringLiteral("3600"));
    p.addOptions({sub, scope, secretEnv, keyFile, alg, ttl});
    p.process(args);

    TokenRequest request;
    request.subject = p.value(sub).toStdString();
    request.scope = p.value(scope).toStdString();
    request.algorithm = p.value(alg).toUpper().toStdString();
    bool ok = false;
    request.lifetimeSeconds = p.value(ttl).toLongLong(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("cli", "--ttl must be a number of seconds"));
    if (p.isSet(keyFile)) {
        QFile f(p.value(keyFile));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("cli", "cannot read %1: %2").arg(f.fileName(), f.errorString()));
        request.secret = f.readAll().toStdString();
    } else if (p.isSet(secretEnv)) {
        request.secret = qgetenv(p.value(secretEnv).toLocal8Bit().constData()).toStdString();
        if (request.secret.empty())
            return fail(QCoreApplication::translate("cli", "the environment variable %1 is empty or unset").arg(p.value(secretEnv)));
    } else {
        return fail(QCoreApplication::translate("cli", "give the key with --secret-env VAR (or --key-file for RS256/ES256)"));
    }
    try {
        std::printf("%s\n", JwtGenerator::generate(request).c_str());
        return 0;
    } catch (const std::invalid_argument &e) {
        return fail(QString::fromUtf8(e.what()));
    }
}

int inspect(const QStringList &args)
{
    if (args.size() < 4)
        return fail(QCoreApplication::translate("cli", "usage: logwarden token inspect TOKEN"));
    auto decoded = JwtGenerator::decode(args.at(3));
    if (!decoded)
        return fail(QCoreApplication::translate("cli", "this is not a JWT"));
    std::printf("header:\n%s\nclaims:\n%s\n", qPrintable(decoded->headerJson), qPrintable(decoded->claimsJson));
    if (decoded->expiresAt > 0) {
        const QDateTime exp = QDateTime::fromSecsSinceEpoch(decoded->expiresAt, Qt::UTC);
        std::printf("%s\n", qPrintable(exp < QDateTime::currentDateTimeUtc()
                                           ? QCoreApplication::translate("cli", "expired at %1").arg(exp.toString(Qt::ISODate))
                                           : QCoreApplication::translate("cli", "expires at %1").arg(exp.toString(Qt::ISODate))));
    }
    return 0;
}

} // namespace

void addConsoleOptions(QCommandLineParser &p, ConsoleOptions &o)
{
    p.setApplicationDescription(QCoreApplication::translate("cli", "Logwarden console. Token commands: logwarden token generate|inspect --help"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({o.server, o.tokenFile, o.profile, o.tab});
}

int runHeadlessCommand(int argc, char **argv)
{
    bool wanted = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        wanted = wanted || a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v";
    }
    if (!wanted)
        return -1;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("logwarden"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LW_VERSION));
    QCommandLineParser p;
    ConsoleOptions options;
    addConsoleOptions(p, options);
    p.process(app); // prints and exits for --help and --version
    return 0;
}

int runTokenCommand(int argc, char **argv)
{
    if (argc < 2 || QByteArray(argv[1]) != "token")
        return -1;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("logwarden"));
    const QStringList args = QCoreApplication::arguments();
    const QString usage = QCoreApplication::translate("cli", "usage: logwarden token generate|inspect [--help]");
    if (args.size() < 3)
        return fail(usage);
    if (args.at(2) == QLatin1String("--help") || args.at(2) == QLatin1String("-h")) {
        std::printf("%s\n", qPrintable(usage));
        return 0;
    }
    if (args.at(2) == QLatin1String("generate"))
        return generate(args);
    if (args.at(2) == QLatin1String("inspect"))
        return inspect(args);
    return fail(QCoreApplication::translate("cli", "unknown token command \"%1\" (generate, inspect)").arg(args.at(2)));
}

} // namespace lw::console
