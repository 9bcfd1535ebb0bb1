// Credentials as the Authenticator sees them: Bearer JWTs (server RS256, self-signed HS256/384/512
// of a known user), opaque admin and ingest tokens, Basic and Splunk schemes, and the JWT shape
// check every JWT passes first. Input: scheme byte, then the credential.
#include "FuzzSupport.h"
#include "auth/Authenticator.h"
#include "auth/JwtAuthority.h"
#include "auth/JwtClaims.h"
#include "store/DataDirectory.h"

#include <QTemporaryDir>

namespace {
struct JwtWorld {
    QTemporaryDir dir;
    lw::server::DataDirectory data{dir.path(), false};
    lw::server::SqliteConfigStore store{QStringLiteral(":memory:")};
    lw::server::SecretBox secrets{QByteArray(32, 'k')};
    lw::server::JwtAuthority jwts{data};
    lw::server::CredentialResolver credentials{store, secrets, "logwarden"};
    lw::server::Authenticator auth{jwts, credentials, store};

    JwtWorld()
    {
        lw::User user;
        user.name = "fuzz-user";
        user.createdAt = lw::nowRfc3339();
        user.scopes = {"logs:read", "config:read"};
        user.realms = {lw::Realm{"*", "logwarden", {}}};
        user.accessKeyCiphertext = secrets.seal("fuzz-access-key-0123456789abcdef", "user/fuzz-user");
        store.create(lw::User::kind, user.name, user.toStorageJson().dump());
        lw::server::AdminV3Controller::createAdminToken(store, "logwarden", "fuzz-admin");
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lw::fuzz::ensureApplication();
    static JwtWorld *world = new JwtWorld();
    lw::fuzz::Input in(data, size);
    static const char *const Schemes[] = {"Bearer ", "Basic ", "Splunk ", "", "bearer  "};
    const std::string scheme = Schemes[in.byte() % std::size(Schemes)];
    const std::string credential = in.rest();
    (void)lw::server::decodeJwt(credential);
    try {
        auto result = world->auth.authenticate(QByteArray::fromStdString(scheme + credential));
        if (auto *p = std::get_if<lw::server::Authenticator::PrincipalPtr>(&result)) {
            if (!*p || (*p)->subject.empty())
                lw::fuzz::finding("a principal without a subject");
        }
    } catch (const std::exception &e) {
        lw::fuzz::finding(std::string("authenticate threw ") + e.what());
    }
    return 0;
}
