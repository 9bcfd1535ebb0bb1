#pragma once

#include "Json.h"

#include <string>
#include <vector>

namespace lw::server {

class ConfigStore;
struct Mutation;
struct WriteResult;

// Who changed what and when, appended to the store for every administrative change, with the
// record before and after (secrets never included: callers pass public views).
class AuditLog {
public:
    static constexpr const char *Kind = "audit";

    explicit AuditLog(ConfigStore &store);
    // The entry for a change, to commit in the same transaction as the change itself, so there
    // is never a change without its entry (ids grow; a refused change leaves a gap).
    // `actor`: the subject who made the change ("system" for the server's own housekeeping).
    Mutation entry(const std::string &actor, const std::string &action, const std::string &kind, const std::string &name,
                   const Json &before, const Json &after);
    // Commits a change with its entry (one transaction). Should the entry be refused while the
    // change would pass (its name taken, e.g. by another replica), nothing is written and this
    // throws StoreError: a change is never reported done without its entry.
    std::vector<WriteResult> commit(const std::vector<Mutation> &changeWithEntry);
    // Newest first.
    Json page(int limit, int offset, const std::string &kindFilter) const;

private:
    ConfigStore &m_store;
    int64_t m_next = 1;
    std::string m_origin; // this process's random tag: replicas on one store never share an entry name
};

} // namespace lw::server
