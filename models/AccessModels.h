#pragma once

#include "Json.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lw {

// GEL admin API v3 records. Every one has an immutable `name`, a changeable `display_name`, a
// `status` (active | inactive: soft delete) and a server-set `created_at`.

// The scope vocabulary: GEL's four plus the configuration scopes, and Logpoint's names (seed 001)
// accepted as aliases of ours. canonicalScope() returns nullopt for a word that grants nothing.
namespace scope {
std::optional<std::string> canonical(const std::string &word);
const std::vector<std::string> &known();               // our canonical scopes
const std::vector<std::pair<std::string, std::string>> &aliases(); // Logpoint name -> ours
std::set<std::string> parseList(const std::string &spaceSeparated); // canonical, unknown dropped
} // namespace scope

struct Realm {
    std::string tenant; // a tenant name or "*"
    std::string cluster;
    std::vector<std::string> labelSelectors; // label_policies[].selector, LogQL stream selectors
};

struct AdminRecordBase {
    std::string name;
    std::string displayName;
    std::string status = "active";
    std::string createdAt;
};

struct Tenant : AdminRecordBase {
    std::string cluster;
    static constexpr const char *kind = "tenant";
    Json toJson() const;
    static Tenant fromJson(const Json &stored);
};

struct AccessPolicy : AdminRecordBase {
    std::vector<Realm> realms;
    std::vector<std::string> scopes;
    static constexpr const char *kind = "accesspolicy";
    Json toJson() const;
    static AccessPolicy fromJson(const Json &stored);
};

struct AdminToken : AdminRecordBase {
    std::string accessPolicy;
    std::string expiration; // RFC 3339, empty: never
    std::string secretHash; // hex SHA-256 of the secret; stored, never shown
    static constexpr const char *kind = "token";
    Json toPublicJson() const;
    Json toStorageJson() const;
    static AdminToken fromStorageJson(const Json &stored);
};

// A collector enrollment token: what an Alloy agent presents on remotecfg (its remotecfg block's
// bearer_token, or basic_auth password). Each collector id is bound to the token that first
// registered it; deactivating the token cuts its agents off at their next poll.
struct AgentToken : AdminRecordBase {
    std::string expiration;  // RFC 3339, empty: never
    int maxCollectors = 10;  // collector ids this token may bind
    std::string secretHash;  // hex SHA-256 of the token; stored, never shown
    static constexpr const char *kind = "agent-token";
    static constexpr int MaxCollectorsLimit = 10000;
    Json toPublicJson() const;
    Json toStorageJson() const;
    static AgentToken fromStorageJson(const Json &stored);
};

struct User : AdminRecordBase {
    std::vector<std::string> scopes; // what self-signed tokens of this user may be granted
    std::vector<Realm> realms;       // tenants its tokens reach on the data paths
    std::string accessKeyCiphertext; // SecretBox output; the key signs the user's JWTs
    std::string accessKeyCreatedAt;
    static constexpr const char *kind = "user";
    Json toPublicJson() const;
    Json toStorageJson() const;
    static User fromStorageJson(const Json &stored);
};

struct IngestToken {
    std::string tenant;
    std::string name;
    std::string parser = "none"; // json | kv | zap_json | none
    std::string createdAt;
    std::string tokenHash; // hex SHA-256 of the token value
    bool custom = false;
    std::string status = "active"; // active | inactive (soft delete: ingestion stops, the name stays taken)
    static constexpr const char *kind = "ingest-token";
    Json toPublicJson() const;
    Json toStorageJson() const;
    static IngestToken fromStorageJson(const Json &stored);
    std::string storeKey() const { return tenant + "/" + name; }
};

// RFC 3339 with a 'Z' or an offset, fractional seconds allowed; nullopt when malformed.
std::optional<int64_t> parseRfc3339Millis(const std::string &text);
std::string nowRfc3339();

} // namespace lw
