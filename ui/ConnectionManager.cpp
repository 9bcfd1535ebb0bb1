#include "ConnectionManager.h"

#include "ApiClient.h"
#include "SecretStore.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QUrl>

namespace lw::ui {

namespace {
const QString CredentialKind = QStringLiteral("credential");

// A keychain callback that runs only while the manager lives (keychain jobs can outlive it).
template <typename F> console::SecretStore::Done whileAlive(ConnectionManager *manager, F f)
{
    return [guard = QPointer<ConnectionManager>(manager), f](bool ok, const QString &value) {
        if (guard)
            f(ok, value);
    };
}
} // namespace

ConnectionManager::ConnectionManager(console::ProfileStore &profiles, console::SecretStore &secrets, console::ApiClient &client,
                                     QObject *parent)
    : QObject(parent), m_profiles(profiles), m_secrets(secrets), m_client(client)
{
    // Queued: the question waits until the TLS handshake that raised it has failed. Asked from
    // inside the handshake's slot, the dialog held that connection and the requests queued
    // behind it ran into their 15 s timeout while the user read the fingerprint.
    connect(&m_client, &console::ApiClient::unknownCertificate, this, &ConnectionManager::askToPin, Qt::QueuedConnection);
    connect(&m_secrets, &console::SecretStore::backendUnavailable, this, &ConnectionManager::keychainUnavailable);
}

void ConnectionManager::connectTo(const console::Profile &profile, std::optional<QString> credential)
{
    m_current = profile;
    m_profiles.save(profile);
    m_profiles.setLastUsed(profile.name);
    m_client.setAuthorization({}); // nothing of the previous profile's reaches this server
    m_client.setServer(QUrl(profile.serverUrl), profile.pinnedSha256);
    if (credential) {
        m_secrets.write(profile.name, CredentialKind, *credential, whileAlive(this, [this](bool ok, const QString &error) {
            if (!ok)
                Q_EMIT notice(error);
        }));
        return authorize(*credential);
    }
    const QString name = profile.name;
    m_secrets.read(name, CredentialKind, whileAlive(this, [this, name](bool ok, const QString &value) {
        if (m_current.name != name)
            return; // another profile was chosen meanwhile
        if (ok)
            return authorize(value);
        bool entered = false;
        const QString typed = QInputDialog::getText(
            m_dialogParent, tr("Credential"), tr("JWT or admin token for %1 (kept in the keychain):").arg(m_current.serverUrl),
            QLineEdit::Password, {}, &entered);
        if (!entered || typed.trimmed().isEmpty())
            return Q_EMIT abandoned(name);
        m_secrets.write(name, CredentialKind, typed.trimmed(), whileAlive(this, [this](bool stored, const QString &error) {
            if (!stored)
                Q_EMIT notice(error);
        }));
        authorize(typed);
    }));
}

void ConnectionManager::authorize(const QString &credential)
{
    m_client.setAuthorization("Bearer " + credential.trimmed().toUtf8());
    Q_EMIT connected(m_current);
}

void ConnectionManager::useCredential(const QString &token)
{
    m_secrets.write(m_current.name, CredentialKind, token, whileAlive(this, [this](bool ok, const QString &error) {
        Q_EMIT notice(ok ? tr("The new token is this profile's credential.") : error);
    }));
    authorize(token);
}

bool ConnectionManager::removeProfile(const QString &name)
{
    if (name == m_current.name || !m_profiles.load(name))
        return false;
    m_profiles.remove(name);
    m_secrets.remove(name, CredentialKind, [](bool, const QString &) {}); // absent is fine
    return true;
}

void ConnectionManager::askToPin(const QString &sha256, const QString &subject)
{
    if (m_asking)
        return; // every request in flight reports the same certificate
    m_asking = true;
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Unknown certificate"),
        tr("The server presents a certificate nobody has accepted yet.\n\nSubject: %1\nSHA-256: %2\n\nCompare the fingerprint "
           "with the server's (logwardend prints it when it starts). Trust and pin it for the profile \"%3\"?")
            .arg(subject, sha256, m_current.name));
    m_asking = false;
    if (answer != QMessageBox::Yes)
        return;
    m_current.pinnedSha256 = sha256;
    m_profiles.save(m_current);
    m_client.setServer(QUrl(m_current.serverUrl), sha256);
    Q_EMIT connected(m_current);
}

} // namespace lw::ui
