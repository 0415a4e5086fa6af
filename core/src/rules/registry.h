// Each rule family file defines one of these.
#pragma once

#include "rules/rule.h"

namespace nianbao {

RuleFamily family_input();       // rules/input.cpp
RuleFamily family_structure();   // rules/structure.cpp
RuleFamily family_tables();      // rules/tables.cpp
RuleFamily family_arithmetic();  // rules/arithmetic.cpp
RuleFamily family_narrative();   // rules/narrative.cpp
RuleFamily family_report();      // rules/report.cpp
RuleFamily family_privacy();     // rules/privacy.cpp
RuleFamily family_years();       // rules/years.cpp

}  // namespace nianbao
