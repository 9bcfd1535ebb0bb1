#pragma once

#include <map>
#include <tuple>

#include "Json.h"
#include "auth/AgentCredentials.h"

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace lw::server {

class AuditLog;
class ConfigStore;
struct StoredRecord;

// What probing a node's Alloy found (pipelineHealth and exporters of seed 000's step 5).
struct AlloyProbeResult {
    std::string pipelineHealth; // OK | DEGRADED | ERROR
    std::vector<std::string> failingExporters; // target names
    int totalExporters = 0;
    std::string error;
    int64_t probedAtMs = 0;
};

// One agent's state as the remotecfg protocol reports it.
struct CollectorState {
    std::string id;
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string userAgent;
    std::string remoteAddress;
    int64_t firstSeenMs = 0;
    int64_t lastSeenMs = 0;
    int64_t pollIntervalMs = 60000; // estimated from the gaps between polls
    bool unregistered = false;
    std::string lastStatus = "UNSET"; // UNSET | APPLIED | APPLYING | FAILED, as last reported
    std::string lastError;
    std::string agentHash;  // the hash the agent says it has
    std::string servedHash; // the hash we last sent it
    std::string effectiveConfigHash;
    std::optional<AlloyProbeResult> probe;
    std::string credential; // the agent credential the id is bound to (AgentIdentity::credential)
    std::string node;       // the node whose agent serves it (agent role), else empty

    Json toStorageJson() const;
    static CollectorState fromStorageJson(const Json &json);
};

struct PollReport {
    std::string id;
    std::map<std::string, std::string> attributes; // already the field-2 fallback when field 4 was empty
    std::string agentHash;
    std::optional<std::string> status; // only when the agent sent remote_config_status
    std::string errorMessage;
    std::optional<std::string> effectiveConfigHash;
    std::string servedHash;
    std::string userAgent;
    std::string remoteAddress;
    AgentIdentity agent;
};

// Why a call was refused (Connect code and HTTP status).
struct RegistryRefusal {
    int httpStatus;
    std::string code;
    std::string message;
};

// Every collector that talked to this server: updated in memory on each call and persisted to
// the ConfigStore when something meaningful changes, or at most every persistInterval for a
// mere heartbeat, in batched transactions; so polls stay cheap and every server sees the state.
// Thread-safe: routine polls are recorded from the HTTP I/O threads, everything else on the
// event loop (which alone writes the store).
class CollectorRegistry : public QObject {
    Q_OBJECT
public:
    explicit CollectorRegistry(ConfigStore &store, QObject *parent = nullptr);
    ~CollectorRegistry() override;

    static constexpr const char *Kind = "collector";
    static constexpr const char *NodeKind = "node"; // agents' liveness, ephemeral records

    // Agent role: collectors this registry records are the node's (CollectorState::node); those
    // of other nodes (loaded at start) are forgotten, so it never probes or writes them. Call
    // once, on the event loop, before the first call is recorded.
    void setNode(std::string node);
    // API role: records nothing itself; follows the collectors and nodes the agents write (a
    // collector of a node whose lease ended is offline). Call once, on the event loop.
    void followStore();

    // Each call binds a new id to the agent's credential (within its cap and the total cap) and is
    // refused for an id bound to another credential.
    std::optional<RegistryRefusal> recordRegister(const std::string &id, const std::string &name,
                                                  const std::map<std::string, std::string> &attributes,
                                                  const std::string &userAgent, const std::string &remoteAddress,
                                                  const AgentIdentity &agent);
    std::optional<RegistryRefusal> recordUnregister(const std::string &id, const AgentIdentity &agent);
    std::optional<RegistryRefusal> recordPoll(const PollReport &report);
    // Records a poll only if it is routine (a known collector reporting what it reported last
    // time) and returns whether it did; anything else is for recordPoll on the event loop.
    bool recordRoutinePoll(const PollReport &report);
    void recordProbe(const std::string &id, const AlloyProbeResult &result);

    // Collectors whose last call came from this host (the node-local Alloy of the agent role).
    std::vector<std::string> loopbackCollectorIds() const;

    // The API view: statuses derived now, against the hash currently served.
    Json view(const CollectorState &c, const std::string &currentHash, int expectedExporters, int64_t nowMs) const;
    // A collector's three statuses (the rule view() shows), and the fleet counted by them:
    // {"alloy"|"remotecfg"|"pipeline", status} -> collectors, under the lock, without copies.
    struct Status {
        const char *alloy;
        const char *remotecfg;
        std::string health;
        bool probeFresh = false;
    };
    // Every value each status dimension takes ("alloy", "remotecfg", "pipeline"), for filters and gauges.
    static const std::vector<std::pair<std::string, std::vector<std::string>>> &statusValues();
    Status statusOf(const CollectorState &c, const std::string &currentHash, int64_t nowMs) const;
    std::map<std::tuple<std::string, std::string>, int> countByStatus(const std::string &currentHash, int64_t nowMs) const;
    // The fields a view has (for ?fields=), in the order view() writes them.
    static const std::vector<std::string> &viewFields();
    // Only `fields` of a view (all of them when empty): a list for a table that shows a few columns.
    static Json project(Json view, const std::vector<std::string> &fields);
    std::optional<CollectorState> find(const std::string &id) const;
    std::vector<CollectorState> all() const; // copies, sorted by id
    size_t size() const;

    void flush();
    void setProbeFreshnessMs(int64_t ms) { m_probeFreshnessMs = ms; }
    // At most `total` collectors are kept; one not heard from for `expireAfterMs` (unregistered
    // ones included) is deleted with an audit entry by `audit` (0: never).
    void setLimits(size_t total, int64_t expireAfterMs, AuditLog *audit);
    // Deletes the collectors past their age now; returns how many.
    size_t expire(int64_t nowMs);
    // Deletes one collector (store and audit entry first, then memory), freeing its id's binding;
    // with onlyIfLastSeenMs, only if it has not called since. False when nothing was deleted.
    bool remove(const std::string &id, const std::string &action, const std::string &reason,
                const int64_t *onlyIfLastSeenMs = nullptr, const std::string &actor = "system");

private:
    CollectorState &touch(const std::string &id, int64_t nowMs);
    std::optional<RegistryRefusal> admit(const std::string &id, const AgentIdentity &agent) const;
    void bind(CollectorState &c, const std::string &credential);
    void markDirty(CollectorState &c, bool meaningful, int64_t nowMs);
    void notePollGap(CollectorState &c, int64_t previousSeenMs, int64_t nowMs);
    void reloadNodes();
    void loadAll(); // every stored collector, in place of what memory holds
    // Under the lock: a collector into memory / out of it, its binding and persistence state with it.
    void keep(CollectorState c);
    std::unordered_map<std::string, CollectorState>::iterator forget(std::unordered_map<std::string, CollectorState>::iterator it);
    static std::optional<CollectorState> parseStored(const StoredRecord &record);
    void reloadCollector(const std::string &id); // empty: all of them

    ConfigStore &m_store;
    mutable std::mutex m_mutex; // guards the maps and the dirty list
    std::unordered_map<std::string, CollectorState> m_collectors;
    std::unordered_map<std::string, int64_t> m_persistedAtMs;
    std::unordered_map<std::string, size_t> m_bound; // collector ids per credential
    std::vector<std::string> m_dirty;
    QTimer m_flushTimer;
    int64_t m_persistIntervalMs = 30000;
    int64_t m_probeFreshnessMs = 60000;
    size_t m_maxCollectors = 10000;
    int64_t m_expireAfterMs = 0;
    AuditLog *m_audit = nullptr;
    QTimer m_expiryTimer;
    // Set once at start on the event loop (setNode, followStore); read there and under the lock.
    // recordRoutinePoll (I/O threads) reads none of them.
    std::string m_node;
    bool m_following = false;
    std::set<std::string> m_liveNodes;
};

int64_t nowMillis();
std::string rfc3339FromMillis(int64_t ms);

} // namespace lw::server
