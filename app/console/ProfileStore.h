#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw::console {

// A server the console talks to. Secrets are not here (SecretStore holds them); this is what
// may sit in a settings file.
struct Profile {
    QString name;
    QString serverUrl;       // https://host:8443
    QString credentialKind;  // "jwt" (server or self-signed JWT) or "admin-token"
    QString pinnedSha256;    // the server certificate accepted on first connection (hex)
};

class ProfileStore {
public:
    explicit ProfileStore(QSettings *settings = nullptr); // default: the console's QSettings
    ~ProfileStore();

    QStringList names() const;
    std::optional<Profile> load(const QString &name) const;
    void save(const Profile &profile);
    void remove(const QString &name);
    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings *m_settings;
    bool m_owned;
};

} // namespace lw::console
