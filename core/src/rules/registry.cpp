// The one list of rule families. `nianbao rules`, docs/rules.md and the page's
// rule docs are generated from it.
#include "rules/registry.h"

namespace nianbao {

const std::vector<RuleFamily>& rule_families() {
    static const std::vector<RuleFamily> families = {
        family_input(),     family_structure(), family_tables(), family_arithmetic(),
        family_narrative(), family_report(),    family_privacy(), family_years(),
    };
    return families;
}

const RuleDoc* find_rule(std::string_view id) {
    for (const auto& f : rule_families())
        for (const auto& d : f.docs)
            if (d.id == id) return &d;
    return nullptr;
}

}  // namespace nianbao
