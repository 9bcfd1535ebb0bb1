#include "LabelPolicy.h"
#include "Log.h"
#include "auth/Principal.h"

#include <algorithm>
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

bool LabelPolicy::sameAs(const LabelPolicy &other) const
{
    const auto same = [](const LabelMatcher &a, const LabelMatcher &b) { return a.name == b.name && a.op == b.op && a.value == b.value; };
    return std::equal(m_selectors.begin(), m_selectors.end(), other.m_selectors.begin(), other.m_selectors.end(),
                      [&same](const auto &x, const auto &y) { return std::equal(x.begin(), x.end(), y.begin(), y.end(), same); });
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
