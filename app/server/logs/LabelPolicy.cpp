#include "LabelPolicy.h"
#include "auth/Principal.h"

namespace lw::server {

LabelPolicy LabelPolicy::forPrincipal(const Principal &principal, const std::string &tenant)
{
    LabelPolicy policy;
    for (const std::string &s : principal.labelSelectorsFor(tenant))
        policy.m_selectors.push_back(parseSelector(s)); // validated when the policy was stored
    return policy;
}

bool LabelPolicy::allows(const Labels &labels) const
{
    if (m_selectors.empty())
        return true;
    for (const auto &selector : m_selectors) {
        bool all = true;
        for (const LabelMatcher &m : selector)
            all = all && m.matches(labels);
        if (all)
            return true;
    }
    return false;
}

} // namespace lw::server
