#pragma once

#include "logs/LogQL.h"

#include <string>
#include <vector>

namespace lw::server {

struct Principal;

// What a principal may see of one tenant's streams: its realms' label selectors for that tenant
// (a stream must match every matcher of at least one selector), or everything when a realm for
// the tenant has none. The one evaluator every read path uses: queries, labels, series, label
// values, deletes and live tails.
class LabelPolicy {
public:
    static LabelPolicy forPrincipal(const Principal &principal, const std::string &tenant);

    bool unrestricted() const { return m_selectors.empty(); }
    bool allows(const Labels &streamLabels) const;
    const std::vector<std::vector<LabelMatcher>> &selectors() const { return m_selectors; }
    bool sameAs(const LabelPolicy &other) const; // the same selectors, matcher by matcher

private:
    std::vector<std::vector<LabelMatcher>> m_selectors;
};

} // namespace lw::server
