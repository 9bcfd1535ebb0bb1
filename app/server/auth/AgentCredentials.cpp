#include "AgentCredentials.h"
#include "Log.h"
#include "Authorization.h"
#include "CredentialResolver.h"
#include "store/ConfigStore.h"
#include "AccessModels.h"

#include <openssl/crypto.h>

#include <QDateTime>

#include <cstdio>

namespace lw::server {

AgentCredentials::AgentCredentials(ConfigStore &store, std::string nodeToken, int nodeMaxCollectors)
    : m_store(store), m_nodeToken(std::move(nodeToken)), m_nodeMaxCollectors(nodeMaxCollectors)
{
    reload();
    m_changes = QObject::connect(&store, &ConfigStore::changed, [this](const QString &kind) {
        if (kind.isEmpty() || kind == QLatin1String(AgentToken::kind))
            reload();
    });
}

AgentCredentials::~AgentCredentials()
{
    QObject::disconnect(m_changes);
}

void AgentCredentials::reload()
{
    auto table = std::make_shared<Table>();
    for (const StoredRecord &r : m_store.list(AgentToken::kind)) {
        AgentToken t;
        try {
            t = AgentToken::fromStorageJson(Json::parse(r.value));
        } catch (const std::exception &e) { // a damaged record grants nothing
            log::error("agent token record \"%s\" cannot be read: %s", r.name.c_str(), e.what());
            continue;
        }
        if (t.status != "active" || t.secretHash.empty())
            continue;
        Entry e{t.name, 0, t.maxCollectors};
        if (!t.expiration.empty())
            e.expiresAtMs = parseRfc3339Millis(t.expiration).value_or(1);
        table->emplace(t.secretHash, std::move(e));
    }
    std::lock_guard lock(m_mutex);
    m_tokens = std::move(table);
}

std::variant<AgentIdentity, std::string> AgentCredentials::authenticate(const QByteArray &header) const
{
    if (header.isEmpty())
        return std::string("this remotecfg server needs an agent credential: the node's agent_token or an enrollment "
                           "token, as the remotecfg block's bearer_token or basic_auth password");
    auto parsed = parseAuthorization(header);
    if (auto *why = std::get_if<std::string>(&parsed))
        return *why;
    const Authorization &auth = std::get<Authorization>(parsed);
    if (auth.scheme == Authorization::Scheme::Splunk)
        return std::string("agents authenticate with Bearer or Basic, not Splunk");
    const std::string presented = auth.token.toStdString();
    if (presented.size() == m_nodeToken.size() && CRYPTO_memcmp(presented.data(), m_nodeToken.data(), presented.size()) == 0)
        return AgentIdentity{NodeCredential, m_nodeMaxCollectors};
    std::shared_ptr<const Table> tokens;
    {
        std::lock_guard lock(m_mutex);
        tokens = m_tokens;
    }
    // The table is keyed by a hash of a 256-bit random secret: the lookup leaks nothing useful.
    auto it = tokens->find(CredentialResolver::hashSecret(presented));
    if (it == tokens->end())
        return std::string("the agent credential is not valid (unknown, rotated or deactivated)");
    if (it->second.expiresAtMs != 0 && it->second.expiresAtMs <= QDateTime::currentMSecsSinceEpoch())
        return "the agent token \"" + it->second.name + "\" has expired";
    return AgentIdentity{"agent-token:" + it->second.name, it->second.maxCollectors};
}

std::string AgentCredentials::mint()
{
    return TokenPrefix + CredentialResolver::randomSecret(32);
}

} // namespace lw::server
