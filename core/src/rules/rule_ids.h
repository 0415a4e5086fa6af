// Compile-time names of the rules, their messages and the fix texts chosen in
// code, generated from rules/rule_ids.def.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace nianbao {

enum class Rule : uint8_t {
#define NIANBAO_RULE(family, name, id, check) name,
#include "rules/rule_ids.def"
};

enum class Msg : uint16_t {
#define NIANBAO_MSG(rule, name, key) name,
#include "rules/rule_ids.def"
};

enum class Fix : uint8_t {
#define NIANBAO_FIX(name, key) name,
#include "rules/rule_ids.def"
};

namespace ids {

struct RuleName {
    std::string_view family, id;
};
struct MsgName {
    Rule rule;
    std::string_view key;
};

inline constexpr RuleName kRules[] = {
#define NIANBAO_RULE(family, name, id, check) {#family, id},
#include "rules/rule_ids.def"
};
inline constexpr MsgName kMsgs[] = {
#define NIANBAO_MSG(rule, name, key) {Rule::rule, key},
#include "rules/rule_ids.def"
};
inline constexpr std::string_view kFixes[] = {
#define NIANBAO_FIX(name, key) key,
#include "rules/rule_ids.def"
};

}  // namespace ids

inline constexpr size_t kRuleCount = std::size(ids::kRules);
inline constexpr size_t kMsgCount = std::size(ids::kMsgs);
inline constexpr size_t kFixCount = std::size(ids::kFixes);

constexpr std::string_view rule_id(Rule r) { return ids::kRules[static_cast<size_t>(r)].id; }
constexpr std::string_view rule_family(Rule r) { return ids::kRules[static_cast<size_t>(r)].family; }
constexpr Rule msg_rule(Msg m) { return ids::kMsgs[static_cast<size_t>(m)].rule; }
constexpr std::string_view msg_key(Msg m) { return ids::kMsgs[static_cast<size_t>(m)].key; }
constexpr std::string_view fix_key(Fix f) { return ids::kFixes[static_cast<size_t>(f)]; }

}  // namespace nianbao
