#include "LabelPolicy.h"
#include "Log.h"
#include "auth/Principal.h"

#include <cstdio>

namespace lw::server {

LabelPolicy LabelPolicy::forPrincipal(const Principal &principal, const std::string &tenant)
{
    LabelPolicy policy;
    for (const std::string &s : principal.labelSelectorsFor(tenant)) {
        try {
            policy.m_selectors.push_back(parseSelector(s)); // parsed when the policy was stored, too
        } catch (const LogQLError &e) {
            // A selector stored before it was checked, and unparseable: it grants nothing (fail closed).
            log::warning("label policy selector of %s cannot be parsed (%s); it matches nothing",
                         principal.subject.c_str(), e.what());
            LabelMatcher never;
            never.name = "__unparseable_label_policy__";
            never.value = "\n";
            policy.m_selectors.push_back({never});
        }
    }
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
