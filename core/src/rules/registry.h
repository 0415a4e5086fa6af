// The rules as rules/rule_ids.def lists them: their checks, docs and messages.
#pragma once

#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace nianbao {

// Each rule's file defines the RuleCheck that rule_ids.def names for it.
#define NIANBAO_RULE(family, name, id, check) const RuleCheck& check();
#include "rules/rule_ids.def"

// The input gate (rules/input.cpp): check() runs it first, and the other
// checks only when the input is a report at all.
const RuleCheck& input_checks();
// Every other check, each once, in the order of rule_ids.def.
const std::vector<const RuleCheck*>& content_checks();

const RuleDoc& rule_doc(Rule rule);
// Every rule's doc, in the order of rule_ids.def.
const std::vector<const RuleDoc*>& rule_docs();
const RuleDoc* find_rule(std::string_view id);   // nullptr if no rule has this id
// The message's text; a message without text in its rule's file is a
// programming error the registry test catches, and aborts here.
const MessageSpec& message_spec(Msg msg);
const FixSpec& fix_spec(Fix fix);

// What rule_ids.def promises and the rule files do not hold (or hold twice),
// one line each; empty when every rule, message and fix has its text.
std::vector<std::string> registry_problems();

}  // namespace nianbao
