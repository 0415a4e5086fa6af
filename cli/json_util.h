// The CLI's only uses of JSON, kept in one translation unit (nlohmann is
// heavy to compile).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cli {

// The rule ids in rules_to_json() output: an array of rule objects with an
// "id" (or of ids), possibly under "rules". Empty if there are none.
std::set<std::string> rule_ids_from_json(const std::string& rules_json);

// A JSON string literal for any bytes (what is not UTF-8 is replaced).
std::string json_string(const std::string& s);

}  // namespace cli
