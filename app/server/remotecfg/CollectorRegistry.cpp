#include "Log.h"
#include "CollectorRegistry.h"
#include "Guarded.h"
#include "store/AuditLog.h"
#include "store/ConfigStore.h"

#include <QDateTime>
#include <QHostAddress>

#include <algorithm>

namespace lw::server {

int64_t nowMillis()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::string rfc3339FromMillis(int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toStdString();
}

namespace {
constexpr int64_t MinPollIntervalMs = 1000;
constexpr int64_t MaxPollIntervalMs = 10 * 60 * 1000;
constexpr int MissedPollsForOffline = 3;
constexpr int64_t FollowSlackMs = 5000; // a heartbeat's flush delay and the watch's, with room
// Alloy sends a second GetConfig at once after applying a config; such gaps say nothing of its period.
constexpr int64_t ImmediateRepollMs = 500;

Json probeToJson(const AlloyProbeResult &p)
{
    return {{"pipelineHealth", p.pipelineHealth}, {"failingExporters", p.failingExporters},
            {"totalExporters", p.totalExporters}, {"error", p.error}, {"probedAtMs", p.probedAtMs}};
}
} // namespace

Json CollectorState::toStorageJson() const
{
    Json j = {{"id", id}, {"name", name}, {"attributes", attributes}, {"userAgent", userAgent},
              {"remoteAddress", remoteAddress}, {"firstSeenMs", firstSeenMs}, {"lastSeenMs", lastSeenMs},
              {"pollIntervalMs", pollIntervalMs}, {"unregistered", unregistered}, {"lastStatus", lastStatus},
              {"lastError", lastError}, {"agentHash", agentHash}, {"servedHash", servedHash},
              {"effectiveConfigHash", effectiveConfigHash}, {"credential", credential}};
    if (!node.empty())
        j["node"] = node;
    if (probe)
        j["probe"] = probeToJson(*probe);
    return j;
}

CollectorState CollectorState::fromStorageJson(const Json &j)
{
    CollectorState c;
    c.id = j.value("id", "");
    c.name = j.value("name", "");
    c.attributes = j.value("attributes", std::map<std::string, std::string>{});
    c.userAgent = j.value("userAgent", "");
    c.remoteAddress = j.value("remoteAddress", "");
    c.firstSeenMs = j.value("firstSeenMs", int64_t(0));
    c.lastSeenMs = j.value("lastSeenMs", int64_t(0));
    c.pollIntervalMs = j.value("pollIntervalMs", int64_t(60000));
    c.unregistered = j.value("unregistered", false);
    c.lastStatus = j.value("lastStatus", "UNSET");
    c.lastError = j.value("lastError", "");
    c.agentHash = j.value("agentHash", "");
    c.servedHash = j.value("servedHash", "");
    c.effectiveConfigHash = j.value("effectiveConfigHash", "");
    c.credential = j.value("credential", "");
    c.node = j.value("node", "");
    if (j.contains("probe")) {
        const Json &p = j["probe"];
        c.probe = AlloyProbeResult{p.value("pipelineHealth", ""), p.value("failingExporters", std::vector<std::string>{}),
                                   p.value("totalExporters", 0), p.value("error", ""), p.value("probedAtMs", int64_t(0))};
    }
    return c;
}

std::optional<CollectorState> CollectorRegistry::parseStored(const StoredRecord &record)
{
    // One bad record (written by hand, or by another version) is left out, not fatal to start-up.
    try {
        CollectorState c = CollectorState::fromStorageJson(Json::parse(record.value));
        if (c.id != record.name)
            throw std::runtime_error("its id is not its name");
        return c;
    } catch (const std::exception &e) {
        log::warning("the stored collector %s is left out: %s", record.name.substr(0, 128).c_str(), e.what());
        return std::nullopt;
    }
}

CollectorRegistry::CollectorRegistry(ConfigStore &store, QObject *parent) : QObject(parent), m_store(store)
{
    loadAll();
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, guarded("persisting collector state", [this] { flush(); }));
    m_flushTimer.start();
    connect(&m_expiryTimer, &QTimer::timeout, this, guarded("expiring collectors", [this] { expire(nowMillis()); }));
}

CollectorRegistry::~CollectorRegistry()
{
    try {
        flush();
    } catch (const std::exception &e) {
        log::error("could not persist collector state at shutdown: %s", e.what());
    }
}

CollectorState &CollectorRegistry::touch(const std::string &id, int64_t nowMs)
{
    auto [it, inserted] = m_collectors.try_emplace(id);
    CollectorState &c = it->second;
    if (inserted) {
        c.id = id;
        c.firstSeenMs = nowMs;
    }
    c.lastSeenMs = nowMs;
    if (!m_node.empty())
        c.node = m_node;
    return c;
}

void CollectorRegistry::setNode(std::string node)
{
    std::lock_guard lock(m_mutex);
    m_node = std::move(node);
    for (auto it = m_collectors.begin(); it != m_collectors.end();) {
        if (it->second.node == m_node) {
            ++it;
            continue;
        }
        it = forget(it);
    }
}

void CollectorRegistry::followStore()
{
    // An API replica records nothing itself: the agents write the collectors, and their nodes'
    // liveness under a lease; every change reaches this replica through the store's watch.
    m_flushTimer.stop();
    m_following = true;
    reloadNodes();
    connect(&m_store, &ConfigStore::changed, this, [this](const QString &kind, const QString &name, qint64) {
        guarded("following collectors in the store", [&] {
            if (kind == QLatin1String(NodeKind))
                reloadNodes();
            else if (kind == QLatin1String(Kind))
                reloadCollector(name.toStdString());
        })();
    });
}

void CollectorRegistry::reloadNodes()
{
    std::set<std::string> live;
    for (const StoredRecord &r : m_store.list(NodeKind))
        live.insert(r.name);
    std::lock_guard lock(m_mutex);
    m_liveNodes = std::move(live);
}

void CollectorRegistry::loadAll()
{
    std::vector<CollectorState> all;
    for (const StoredRecord &r : m_store.list(Kind)) {
        if (auto c = parseStored(r))
            all.push_back(std::move(*c));
    }
    std::lock_guard lock(m_mutex);
    m_collectors.clear();
    m_bound.clear();
    m_persistedAtMs.clear();
    m_dirty.clear();
    for (CollectorState &c : all)
        keep(std::move(c));
}

void CollectorRegistry::keep(CollectorState c)
{
    if (!c.credential.empty())
        ++m_bound[c.credential];
    m_persistedAtMs[c.id] = c.lastSeenMs;
    const std::string id = c.id;
    m_collectors[id] = std::move(c);
}

std::unordered_map<std::string, CollectorState>::iterator
CollectorRegistry::forget(std::unordered_map<std::string, CollectorState>::iterator it)
{
    if (!it->second.credential.empty() && --m_bound[it->second.credential] == 0)
        m_bound.erase(it->second.credential);
    m_persistedAtMs.erase(it->first);
    m_dirty.erase(std::remove(m_dirty.begin(), m_dirty.end(), it->first), m_dirty.end());
    return m_collectors.erase(it);
}

void CollectorRegistry::reloadCollector(const std::string &id)
{
    if (id.empty()) // the whole kind changed (a batch): read them all again
        return loadAll();
    std::optional<StoredRecord> record = m_store.get(Kind, id);
    std::optional<CollectorState> stored = record ? parseStored(*record) : std::nullopt;
    std::lock_guard lock(m_mutex);
    if (auto it = m_collectors.find(id); it != m_collectors.end())
        forget(it);
    if (stored)
        keep(std::move(*stored));
}

void CollectorRegistry::markDirty(CollectorState &c, bool meaningful, int64_t nowMs)
{
    auto persisted = m_persistedAtMs.find(c.id);
    const bool heartbeatDue = persisted == m_persistedAtMs.end() || nowMs - persisted->second >= m_persistIntervalMs;
    if (!meaningful && !heartbeatDue)
        return;
    if (persisted == m_persistedAtMs.end() || persisted->second != -1) {
        m_persistedAtMs[c.id] = -1; // queued
        m_dirty.push_back(c.id);
    }
}

void CollectorRegistry::flush()
{
    std::vector<std::pair<std::string, std::string>> batch;
    {
        std::lock_guard lock(m_mutex);
        if (m_dirty.empty())
            return;
        batch.reserve(m_dirty.size());
        for (const std::string &id : m_dirty) {
            const CollectorState &c = m_collectors.at(id);
            batch.emplace_back(id, c.toStorageJson().dump());
            m_persistedAtMs[id] = c.lastSeenMs;
        }
        m_dirty.clear();
    }
    try {
        m_store.upsertMany(Kind, batch);
    } catch (...) {
        // Nothing is lost: the same collectors are written again on the next tick.
        std::lock_guard lock(m_mutex);
        for (const auto &[id, json] : batch) {
            if (m_persistedAtMs[id] != -1) {
                m_persistedAtMs[id] = -1;
                m_dirty.push_back(id);
            }
        }
        throw;
    }
}

std::optional<RegistryRefusal> CollectorRegistry::admit(const std::string &id, const AgentIdentity &agent) const
{
    auto it = m_collectors.find(id);
    if (it != m_collectors.end()) {
        // Records from before ids were bound belong to the node's credential: an enrollment token
        // cannot take them over (an admin deletes the collector to free its id).
        const std::string &owner = it->second.credential.empty() ? std::string(AgentCredentials::NodeCredential)
                                                                 : it->second.credential;
        if (owner != agent.credential)
            return RegistryRefusal{403, "permission_denied",
                                   "collector id \"" + id + "\" is bound to another agent credential"};
        return std::nullopt;
    }
    if (m_collectors.size() >= m_maxCollectors)
        return RegistryRefusal{429, "resource_exhausted",
                               "this server holds its maximum of " + std::to_string(m_maxCollectors) + " collectors"};
    const auto bound = m_bound.find(agent.credential);
    if (bound != m_bound.end() && bound->second >= static_cast<size_t>(std::max(agent.maxCollectors, 0)))
        return RegistryRefusal{429, "resource_exhausted",
                               "the agent credential " + agent.credential + " may bind at most "
                                   + std::to_string(agent.maxCollectors) + " collector ids"};
    return std::nullopt;
}

void CollectorRegistry::bind(CollectorState &c, const std::string &credential)
{
    if (c.credential == credential)
        return;
    if (!c.credential.empty() && --m_bound[c.credential] == 0)
        m_bound.erase(c.credential);
    c.credential = credential;
    ++m_bound[credential];
}

void CollectorRegistry::setLimits(size_t total, int64_t expireAfterMs, AuditLog *audit)
{
    m_maxCollectors = total;
    m_expireAfterMs = expireAfterMs;
    m_audit = audit;
    m_expiryTimer.stop();
    if (expireAfterMs > 0) {
        m_expiryTimer.setInterval(static_cast<int>(std::clamp<int64_t>(expireAfterMs / 4, 250, 60000)));
        m_expiryTimer.start();
    }
}

size_t CollectorRegistry::expire(int64_t nowMs)
{
    if (m_expireAfterMs <= 0)
        return 0;
    flush(); // every collector to delete is in the store
    std::vector<CollectorState> stale;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[id, c] : m_collectors) {
            if (nowMs - c.lastSeenMs > m_expireAfterMs)
                stale.push_back(c);
        }
    }
    size_t removed = 0;
    for (const CollectorState &c : stale) {
        // The store first, with its audit entry; memory only once that committed (a failed commit
        // leaves the collector where it was, for the next pass).
        if (remove(c.id, "expire", c.unregistered ? "unregistered" : "offline", &c.lastSeenMs))
            ++removed;
    }
    return removed;
}

bool CollectorRegistry::remove(const std::string &id, const std::string &action, const std::string &reason,
                               const int64_t *onlyIfLastSeenMs, const std::string &actor)
{
    std::optional<CollectorState> c = find(id);
    if (!c || (onlyIfLastSeenMs && c->lastSeenMs != *onlyIfLastSeenMs))
        return false; // gone, or it called again meanwhile
    flush(); // a collector not yet persisted is deleted (and audited) like any other
    Json before = c->toStorageJson();
    before["reason"] = reason;
    std::vector<Mutation> change{Mutation{Mutation::Op::Remove, Kind, id, {}, ConfigStore::AnyRevision}};
    if (m_audit)
        change.push_back(m_audit->entry(actor, action, Kind, id, before, nullptr));
    const auto results = m_audit ? m_audit->commit(change) : m_store.commit(change);
    if (results.empty() || (results[0].status != WriteStatus::Ok && results[0].status != WriteStatus::NotFound))
        return false;
    std::lock_guard lock(m_mutex);
    auto it = m_collectors.find(id);
    if (it == m_collectors.end())
        return true; // deleted; following the store, its change already took it out of memory
    if (onlyIfLastSeenMs && it->second.lastSeenMs != *onlyIfLastSeenMs)
        return false;
    forget(it);
    return true;
}

std::optional<RegistryRefusal> CollectorRegistry::recordRegister(const std::string &id, const std::string &name,
                                                                 const std::map<std::string, std::string> &attributes,
                                                                 const std::string &userAgent,
                                                                 const std::string &remoteAddress, const AgentIdentity &agent)
{
    const int64_t now = nowMillis();
    std::lock_guard lock(m_mutex);
    if (auto refused = admit(id, agent))
        return refused;
    CollectorState &c = touch(id, now);
    bind(c, agent.credential);
    c.name = name;
    c.attributes = attributes;
    c.userAgent = userAgent;
    c.remoteAddress = remoteAddress;
    c.unregistered = false;
    markDirty(c, true, now);
    return std::nullopt;
}

std::optional<RegistryRefusal> CollectorRegistry::recordUnregister(const std::string &id, const AgentIdentity &agent)
{
    std::lock_guard lock(m_mutex);
    auto it = m_collectors.find(id);
    if (it == m_collectors.end())
        return std::nullopt;
    if (auto refused = admit(id, agent))
        return refused;
    it->second.unregistered = true;
    markDirty(it->second, true, nowMillis());
    return std::nullopt;
}

void CollectorRegistry::notePollGap(CollectorState &c, int64_t previousSeen, int64_t now)
{
    if (previousSeen > 0 && now - previousSeen > ImmediateRepollMs)
        c.pollIntervalMs = std::clamp(now - previousSeen, MinPollIntervalMs, MaxPollIntervalMs);
}

bool CollectorRegistry::recordRoutinePoll(const PollReport &r)
{
    const int64_t now = nowMillis();
    std::lock_guard lock(m_mutex);
    auto it = m_collectors.find(r.id);
    if (it == m_collectors.end())
        return false;
    CollectorState &c = it->second;
    const bool routine = !c.unregistered && c.credential == r.agent.credential && (r.attributes.empty() || r.attributes == c.attributes)
                         && r.agentHash == c.agentHash && r.servedHash == c.servedHash
                         && (!r.status || (*r.status == c.lastStatus && r.errorMessage == c.lastError))
                         && (!r.effectiveConfigHash || *r.effectiveConfigHash == c.effectiveConfigHash);
    if (!routine)
        return false;
    notePollGap(c, c.lastSeenMs, now);
    c.lastSeenMs = now;
    if (!r.userAgent.empty())
        c.userAgent = r.userAgent;
    c.remoteAddress = r.remoteAddress;
    markDirty(c, false, now);
    return true;
}

std::optional<RegistryRefusal> CollectorRegistry::recordPoll(const PollReport &r)
{
    const int64_t now = nowMillis();
    std::lock_guard lock(m_mutex);
    if (auto refused = admit(r.id, r.agent))
        return refused;
    auto existing = m_collectors.find(r.id);
    const int64_t previousSeen = existing == m_collectors.end() ? 0 : existing->second.lastSeenMs;
    CollectorState &c = touch(r.id, now);
    bool meaningful = existing == m_collectors.end() || c.unregistered || c.credential != r.agent.credential;
    bind(c, r.agent.credential);
    c.unregistered = false;
    notePollGap(c, previousSeen, now);
    if (!r.attributes.empty() && r.attributes != c.attributes) {
        c.attributes = r.attributes;
        meaningful = true;
    }
    if (r.agentHash != c.agentHash || r.servedHash != c.servedHash) {
        c.agentHash = r.agentHash;
        c.servedHash = r.servedHash;
        meaningful = true;
    }
    // Alloy sends its status only when it changes: keep the last one.
    if (r.status && (*r.status != c.lastStatus || r.errorMessage != c.lastError)) {
        c.lastStatus = *r.status;
        c.lastError = r.errorMessage;
        meaningful = true;
    }
    if (r.effectiveConfigHash && *r.effectiveConfigHash != c.effectiveConfigHash) {
        c.effectiveConfigHash = *r.effectiveConfigHash;
        meaningful = true;
    }
    if (!r.userAgent.empty())
        c.userAgent = r.userAgent;
    c.remoteAddress = r.remoteAddress;
    markDirty(c, meaningful, now);
    return std::nullopt;
}

void CollectorRegistry::recordProbe(const std::string &id, const AlloyProbeResult &result)
{
    std::lock_guard lock(m_mutex);
    auto it = m_collectors.find(id);
    if (it == m_collectors.end())
        return;
    CollectorState &c = it->second;
    const bool changed = !c.probe || c.probe->pipelineHealth != result.pipelineHealth
                         || c.probe->failingExporters != result.failingExporters
                         || c.probe->totalExporters != result.totalExporters;
    c.probe = result;
    markDirty(c, changed, result.probedAtMs);
}

std::vector<std::string> CollectorRegistry::loopbackCollectorIds() const
{
    std::vector<std::string> out;
    std::lock_guard lock(m_mutex);
    for (const auto &[id, c] : m_collectors) {
        if (!c.unregistered && QHostAddress(QString::fromStdString(c.remoteAddress)).isLoopback())
            out.push_back(id);
    }
    return out;
}

std::optional<CollectorState> CollectorRegistry::find(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_collectors.find(id);
    return it == m_collectors.end() ? std::nullopt : std::optional<CollectorState>(it->second);
}

std::vector<CollectorState> CollectorRegistry::all() const
{
    std::vector<CollectorState> out;
    {
        std::lock_guard lock(m_mutex);
        out.reserve(m_collectors.size());
        for (const auto &[id, c] : m_collectors)
            out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const CollectorState &a, const CollectorState &b) { return a.id < b.id; });
    return out;
}

size_t CollectorRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return m_collectors.size();
}

const std::vector<std::string> &CollectorRegistry::viewFields()
{
    static const std::vector<std::string> fields = {
        "id", "name", "lastSeen", "alloyStatus", "remotecfgStatus", "pipelineHealth", "failingExporters", "totalExporters",
        "firstSeen", "attributes", "userAgent", "remoteAddress", "pollIntervalSeconds", "reportedStatus", "servedHash",
        "appliedHash", "currentHash", "lastError", "probeError", "hint"};
    return fields;
}

Json CollectorRegistry::project(Json view, const std::vector<std::string> &fields)
{
    if (fields.empty())
        return view;
    Json out = Json::object();
    for (const std::string &f : fields) {
        if (auto it = view.find(f); it != view.end())
            out[f] = std::move(*it);
    }
    return out;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> &CollectorRegistry::statusValues()
{
    static const std::vector<std::pair<std::string, std::vector<std::string>>> values = {
        {"alloy", {"ALLOY_ONLINE", "ALLOY_OFFLINE", "ALLOY_UNKNOWN"}},
        {"remotecfg", {"REMOTECFG_UP", "REMOTECFG_PENDING", "REMOTECFG_FAILED", "REMOTECFG_DOWN"}},
        {"pipeline", {"OK", "DEGRADED", "ERROR", "UNKNOWN"}},
    };
    return values;
}

CollectorRegistry::Status CollectorRegistry::statusOf(const CollectorState &c, const std::string &currentHash, int64_t nowMs) const
{
    Status s;
    // Following the store, a collector whose agent's node lease ended is offline at once.
    const bool nodeGone = m_following && !c.node.empty() && !m_liveNodes.count(c.node);
    // Read from the store, lastSeen is as old as the agent's last heartbeat write (at most every
    // persist interval), not its last poll: that much more is allowed before it counts as missed.
    const int64_t allowedMs = m_following ? std::max(MissedPollsForOffline * c.pollIntervalMs,
                                                     m_persistIntervalMs + c.pollIntervalMs + FollowSlackMs)
                                          : MissedPollsForOffline * c.pollIntervalMs;
    const bool offline = c.unregistered || nodeGone || nowMs - c.lastSeenMs > allowedMs;
    s.alloy = c.lastSeenMs == 0 ? "ALLOY_UNKNOWN" : offline ? "ALLOY_OFFLINE" : "ALLOY_ONLINE";
    if (offline)
        s.remotecfg = "REMOTECFG_DOWN";
    else if (c.lastStatus == "FAILED")
        s.remotecfg = "REMOTECFG_FAILED";
    else if (c.lastStatus == "APPLIED" && c.agentHash == currentHash)
        s.remotecfg = "REMOTECFG_UP";
    else
        s.remotecfg = "REMOTECFG_PENDING";
    s.probeFresh = c.probe && nowMs - c.probe->probedAtMs <= m_probeFreshnessMs;
    s.health = s.probeFresh ? c.probe->pipelineHealth.c_str() : c.lastStatus == "FAILED" ? "ERROR" : "UNKNOWN";
    return s;
}

std::map<std::tuple<std::string, std::string>, int> CollectorRegistry::countByStatus(const std::string &currentHash,
                                                                                     int64_t nowMs) const
{
    std::map<std::tuple<std::string, std::string>, int> counts;
    std::lock_guard lock(m_mutex); // counted in place: no copy of the fleet, no JSON
    for (const auto &[id, c] : m_collectors) {
        const Status s = statusOf(c, currentHash, nowMs);
        ++counts[{"alloy", s.alloy}];
        ++counts[{"remotecfg", s.remotecfg}];
        ++counts[{"pipeline", s.health}];
    }
    return counts;
}

Json CollectorRegistry::view(const CollectorState &c, const std::string &currentHash, int expectedExporters,
                             int64_t nowMs) const
{
    const Status status = statusOf(c, currentHash, nowMs);
    const std::string alloyStatus = status.alloy, remotecfgStatus = status.remotecfg, health = status.health;
    const bool probeFresh = status.probeFresh;
    std::vector<std::string> failing = probeFresh ? c.probe->failingExporters : std::vector<std::string>{};
    const int total = probeFresh ? c.probe->totalExporters : expectedExporters;

    Json j = {{"id", c.id},
              {"name", c.name},
              {"lastSeen", rfc3339FromMillis(c.lastSeenMs)},
              {"alloyStatus", alloyStatus},
              {"remotecfgStatus", remotecfgStatus},
              {"pipelineHealth", health},
              {"failingExporters", failing},
              {"totalExporters", total},
              {"firstSeen", rfc3339FromMillis(c.firstSeenMs)},
              {"attributes", c.attributes},
              {"userAgent", c.userAgent},
              {"remoteAddress", c.remoteAddress},
              {"pollIntervalSeconds", c.pollIntervalMs / 1000.0},
              {"reportedStatus", c.lastStatus},
              {"servedHash", c.servedHash},
              {"appliedHash", c.lastStatus == "APPLIED" ? c.agentHash : std::string()},
              {"currentHash", currentHash},
              {"lastError", c.lastError}};
    if (c.probe && !c.probe->error.empty())
        j["probeError"] = c.probe->error;
    const std::string &e = c.lastError;
    if (c.lastStatus == "FAILED"
        && (e.find("stability") != std::string::npos || e.find("public-preview") != std::string::npos
            || e.find("public preview") != std::string::npos || e.find("experimental") != std::string::npos)) {
        j["hint"] = "rsyslog targets use otelcol.exporter.syslog, a public-preview component: start Alloy with "
                    "--stability.level=public-preview";
    }
    return j;
}

} // namespace lw::server
