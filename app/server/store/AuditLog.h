#pragma once

#include "Json.h"

#include <string>

namespace lw::server {

class ConfigStore;
struct Mutation;

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
    // Newest first.
    Json page(int limit, int offset, const std::string &kindFilter) const;

private:
    ConfigStore &m_store;
    int64_t m_next = 1;
};

} // namespace lw::server
