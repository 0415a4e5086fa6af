#include "json_util.h"

#include <nlohmann/json.hpp>

namespace cli {

using nlohmann::json;

std::set<std::string> rule_ids_from_json(const std::string& rules_json) {
    std::set<std::string> ids;
    json doc = json::parse(rules_json, nullptr, false);
    if (doc.is_object() && doc.contains("rules")) doc = doc["rules"];
    if (!doc.is_array()) return ids;
    for (const json& rule : doc) {
        if (rule.is_string()) ids.insert(rule.get<std::string>());
        else if (rule.is_object() && rule.contains("id") && rule["id"].is_string())
            ids.insert(rule["id"].get<std::string>());
    }
    return ids;
}

std::string json_string(const std::string& s) {
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cli
