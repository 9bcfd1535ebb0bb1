#pragma once

#include "ProfileStore.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace lw::console {
class ApiClient;
class SecretStore;
}

namespace lw::ui {

// Connects the console to one profile at a time: the server and its pinned certificate go to
// the ApiClient, the credential comes from the keychain (or is asked for once and stored there),
// an unknown certificate is shown for the user to pin, and the profile becomes the last used.
class ConnectionManager : public QObject {
    Q_OBJECT
public:
    ConnectionManager(console::ProfileStore &profiles, console::SecretStore &secrets, console::ApiClient &client,
                      QObject *parent = nullptr);

    // Where dialogs (certificate, credential) are shown.
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    // Saves `profile` and connects to it; a given credential replaces the one in the keychain.
    void connectTo(const console::Profile &profile, std::optional<QString> credential = std::nullopt);
    // Makes `token` the current profile's credential (kept in the keychain).
    void useCredential(const QString &token);
    // Deletes a profile and its credential; the current profile cannot be removed.
    bool removeProfile(const QString &name);

    const console::Profile &current() const { return m_current; }
    console::ProfileStore &profiles() { return m_profiles; }

Q_SIGNALS:
    // The client now talks to `profile` with its credential: reload everything.
    void connected(const lw::console::Profile &profile);
    // The user declined to give a credential for a profile.
    void abandoned(const QString &profileName);
    // Something the user should read (a credential not stored…).
    void notice(const QString &message);
    // No keychain: credentials live in memory until the console quits.
    void keychainUnavailable(const QString &reason);

private:
    void askToPin(const QString &sha256, const QString &subject);
    void authorize(const QString &credential);

    console::ProfileStore &m_profiles;
    console::SecretStore &m_secrets;
    console::ApiClient &m_client;
    QPointer<QWidget> m_dialogParent;
    console::Profile m_current;
    bool m_asking = false;
};

} // namespace lw::ui
