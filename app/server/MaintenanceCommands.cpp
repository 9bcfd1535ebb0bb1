#include "MaintenanceCommands.h"
#include "ServeSettings.h"
#include "ServerOptions.h"
#include "api/JwtRevocations.h"
#include "auth/AgentCredentials.h"
#include "auth/JwtAuthority.h"
#include "store/AuditLog.h"
#include "store/DataDirectory.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>
#include <sys/stat.h>

namespace lw::server {

int commandFailed(const QString &message)
{
    std::fprintf(stderr, "logwardend: %s\n", qPrintable(message));
    return 2;
}

QCommandLineOption dataDirOption()
{
    // The server's own: the configuration file's data-dir when it names one.
    QString dir = ServerOptions::defaultDataDir();
    auto configured = ServeSettings().load({QStringLiteral("logwardend")});
    if (auto *c = std::get_if<ServeConfiguration>(&configured))
        dir = c->options.dataDir;
    else // said, not hidden: a command would otherwise act on another directory than the server's
        std::fprintf(stderr, "logwardend: %s; --data-dir defaults to %s\n", qPrintable(std::get<QString>(configured)), qPrintable(dir));
    return {QStringLiteral("data-dir"), QStringLiteral("Data directory (default: %1).").arg(dir), QStringLiteral("dir"), dir};
}

std::optional<QString> notAServerDataDir(const QString &path)
{
    if (!QFile::exists(path + QStringLiteral("/jwt-signing.pem")))
        return QStringLiteral("%1 holds no server key: it is not the data directory of a logwardend that has started "
                              "(give --data-dir)").arg(path);
    return std::nullopt;
}

int revokeJwtCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Revoke a server JWT (by its jti, or the token itself). Run it while "
                                               "logwardend is stopped, or use POST /admin/api/v3/revoked-jwts."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("revoke-jwt"), QStringLiteral("The subcommand."));
    const QCommandLineOption dataDir = dataDirOption();
    const QCommandLineOption jti(QStringLiteral("jti"), QStringLiteral("The token's id (its jti claim)."), QStringLiteral("id"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"), QStringLiteral("A file holding the token."), QStringLiteral("file"));
    p.addOptions({dataDir, jti, tokenFile});
    p.process(arguments);
    if (p.isSet(jti) == p.isSet(tokenFile))
        return commandFailed(QStringLiteral("revoke-jwt needs exactly one of --jti and --token-file"));
    if (auto why = notAServerDataDir(p.value(dataDir)))
        return commandFailed(*why);
    try {
        std::string id = p.value(jti).toStdString();
        int64_t exp = 0;
        if (p.isSet(tokenFile)) {
            QFile f(p.value(tokenFile));
            if (!f.open(QIODevice::ReadOnly))
                return commandFailed(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
            std::tie(id, exp) = JwtRevocations::idOf(f.readAll().trimmed().toStdString());
        }
        ::umask(0077);
        DataDirectory dir(p.value(dataDir));
        SqliteConfigStore store(dir.filePath(QStringLiteral("config.db")));
        AuditLog audit(store);
        if (!JwtRevocations::revoke(store, audit, "logwardend revoke-jwt", id, exp))
            return commandFailed(QStringLiteral("the JWT %1 is revoked already").arg(QString::fromStdString(id)));
        std::fprintf(stderr, "logwardend: JWT %s revoked\n", id.c_str());
        return 0;
    } catch (const DataDirectoryError &e) {
        return commandFailed(QString::fromStdString(e.what()) + QStringLiteral("; stop logwardend first, or use the admin API"));
    } catch (const std::exception &e) {
        return commandFailed(QString::fromStdString(e.what()));
    }
}

int rotateJwtKeyCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Replace the server's JWT signing key and write a new system_jwt; every "
                                               "server JWT signed before stops working. Run it while logwardend is stopped."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("rotate-jwt-key"), QStringLiteral("The subcommand."));
    const QCommandLineOption dataDir = dataDirOption();
    p.addOption(dataDir);
    p.process(arguments);
    if (auto why = notAServerDataDir(p.value(dataDir)))
        return commandFailed(*why);
    try {
        ::umask(0077);
        DataDirectory dir(p.value(dataDir));
        JwtAuthority::rotateKey(dir);
        const JwtAuthority jwt(dir);
        dir.writeSecret(QStringLiteral("system_jwt"), QByteArray::fromStdString(jwt.issueSystemJwt()));
        std::fprintf(stderr, "logwardend: new signing key (id %s); new system JWT in %s\n", jwt.keyId().c_str(),
                     qPrintable(dir.filePath(QStringLiteral("system_jwt"))));
        return 0;
    } catch (const DataDirectoryError &e) {
        return commandFailed(QString::fromStdString(e.what()) + QStringLiteral("; stop logwardend first"));
    } catch (const std::exception &e) {
        return commandFailed(QString::fromStdString(e.what()));
    }
}

int rotateAgentTokenCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Replace the node's agent credential (<data-dir>/agent_token); agents that "
                                               "use the old one are refused. Run it while logwardend is stopped. A server "
                                               "started with --remotecfg-token-file reads that file instead: replace it "
                                               "yourself."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("rotate-agent-token"), QStringLiteral("The subcommand."));
    const QCommandLineOption dataDir = dataDirOption();
    p.addOption(dataDir);
    p.process(arguments);
    if (auto why = notAServerDataDir(p.value(dataDir)))
        return commandFailed(*why);
    try {
        ::umask(0077);
        DataDirectory dir(p.value(dataDir));
        dir.writeSecret(QStringLiteral("agent_token"), QByteArray::fromStdString(AgentCredentials::mint()));
        std::fprintf(stderr, "logwardend: new agent credential in %s\n", qPrintable(dir.filePath(QStringLiteral("agent_token"))));
        return 0;
    } catch (const DataDirectoryError &e) {
        return commandFailed(QString::fromStdString(e.what()) + QStringLiteral("; stop logwardend first"));
    } catch (const std::exception &e) {
        return commandFailed(QString::fromStdString(e.what()));
    }
}

} // namespace lw::server
