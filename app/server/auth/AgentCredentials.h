#pragma once

#include <QByteArray>
#include <QMetaObject>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>

namespace lw::server {

class ConfigStore;

// Who an agent on remotecfg is: the node credential (<data-dir>/agent_token, for the Alloy beside
// the server) or one enrollment token (admin API /admin/api/v3/agent-tokens). Collector ids are
// bound to it, and it caps how many ids it may bind.
struct AgentIdentity {
    std::string credential; // "node" or "agent-token:<name>"
    int maxCollectors = 0;
};

// The credentials agents present on GetConfig, RegisterCollector and UnregisterCollector:
// Alloy's remotecfg bearer_token (or basic_auth password), read by the one Authorization parser.
// Enrollment tokens are kept only as SHA-256 hashes; the table is rebuilt from the store on every
// change, so deactivating a token refuses its next poll. Thread-safe (I/O threads authenticate).
class AgentCredentials {
public:
    static constexpr const char *NodeCredential = "node";
    static constexpr const char *TokenPrefix = "lwa_";

    AgentCredentials(ConfigStore &store, std::string nodeToken, int nodeMaxCollectors);
    ~AgentCredentials();
    AgentCredentials(const AgentCredentials &) = delete;
    AgentCredentials &operator=(const AgentCredentials &) = delete;

    // The identity, or a sentence for the 401.
    std::variant<AgentIdentity, std::string> authenticate(const QByteArray &authorizationHeader) const;

    // A new agent token ("lwa_" + 32 random bytes, base64url).
    static std::string mint();

private:
    struct Entry {
        std::string name;
        int64_t expiresAtMs = 0; // 0: never
        int maxCollectors = 0;
    };
    using Table = std::unordered_map<std::string, Entry>; // by hex SHA-256 of the token

    void reload();

    ConfigStore &m_store;
    const std::string m_nodeToken;
    const int m_nodeMaxCollectors;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Table> m_tokens;
    QMetaObject::Connection m_changes;
};

} // namespace lw::server
