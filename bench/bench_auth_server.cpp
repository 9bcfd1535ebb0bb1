// Server for the authentication benchmark: logwardend's real HTTP front, authenticator and
// credential store, with one handler registered twice, at /bench/open (no credential asked) and
// /bench/guarded (config:read). Prints the port and the credentials wrk should send.
#include "api/AdminV3Controller.h"
#include "auth/Authenticator.h"
#include "auth/CredentialResolver.h"
#include "auth/JwtAuthority.h"
#include "http/AccessLog.h"
#include "http/ApiEndpoint.h"
#include "http/EventLoopPost.h"
#include "http/HttpFront.h"
#include "http/Router.h"
#include "store/DataDirectory.h"
#include "store/SecretBox.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <jwt/jwt.hpp>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace lw::server;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    DataDirectory data(dir.path());
    SqliteConfigStore store(data.filePath("config.db"));
    SecretBox secrets(SecretBox::generateKey());
    JwtAuthority jwts(data);
    CredentialResolver credentials(store, secrets, "bench");
    Authenticator auth(jwts, credentials, store);
    AccessLog log(QStringLiteral("off"));

    const std::string gelToken = AdminV3Controller::createAdminToken(store, "bench", "bench-admin");
    const std::string key = "bench-access-key-0123456789abcdefghijklmnop";
    lw::User user;
    user.name = "bench-user";
    user.createdAt = lw::nowRfc3339();
    user.scopes = {"config:read"};
    user.realms = {lw::Realm{"*", "bench", {}}};
    user.accessKeyCiphertext = secrets.seal(key, "user/bench-user");
    store.create(lw::User::kind, user.name, user.toStorageJson().dump());
    jwt::jwt_object self{jwt::params::algorithm("HS256"), jwt::params::secret(key)};
    self.add_claim("iss", "self-signed").add_claim("sub", "bench-user").add_claim("scope", "config:read")
        .add_claim("iat", std::time(nullptr)).add_claim("exp", std::time(nullptr) + 3600);

    const QByteArray body = R"({"items":[{"name":"bench","display_name":"bench","status":"active"}],"type":"cluster"})";
    Router router;
    auto handler = [&body](HttpRequest &) { return HttpResponse::raw(200, body, "application/json"); };
    router.addPublic("GET", "/bench/open", handler);
    router.add("GET", "/bench/guarded", scopes::ConfigRead, handler);
    EventLoopPost post;
    ApiEndpoint endpoint(router, auth, log, 1 << 20, post);
    HttpFront front;
    const quint16 port = front.listen(QHostAddress::LocalHost, 0, endpoint);
    front.start();
    std::printf("PORT %u\nGEL %s\nSELF %s\n", port, QByteArray::fromStdString(":" + gelToken).toBase64().constData(),
                self.signature().c_str());
    std::fflush(stdout);
    const int rc = app.exec();
    front.stop();
    return rc;
}
