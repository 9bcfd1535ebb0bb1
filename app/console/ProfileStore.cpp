#include "ProfileStore.h"
#include "ConsoleSettings.h"

#include <optional>

namespace lw::console {

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings ? settings : new ConsoleSettingsFile), m_owned(!settings)
{
}

ProfileStore::~ProfileStore()
{
    if (m_owned)
        delete m_settings;
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(QStringLiteral("profiles"));
    const QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    return groups;
}

std::optional<Profile> ProfileStore::load(const QString &name) const
{
    if (!names().contains(name))
        return std::nullopt;
    m_settings->beginGroup(QStringLiteral("profiles/") + name);
    Profile p{name, m_settings->value(QStringLiteral("serverUrl")).toString(),
              m_settings->value(QStringLiteral("credentialKind"), QStringLiteral("jwt")).toString(),
              m_settings->value(QStringLiteral("pinnedSha256")).toString()};
    m_settings->endGroup();
    return p;
}

void ProfileStore::save(const Profile &p)
{
    m_settings->beginGroup(QStringLiteral("profiles/") + p.name);
    m_settings->setValue(QStringLiteral("serverUrl"), p.serverUrl);
    m_settings->setValue(QStringLiteral("credentialKind"), p.credentialKind);
    m_settings->setValue(QStringLiteral("pinnedSha256"), p.pinnedSha256);
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(QStringLiteral("profiles/") + name);
    m_settings->sync();
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(QStringLiteral("lastProfile"), name);
}

} // namespace lw::console
