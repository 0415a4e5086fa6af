// Reading Options from a parsed JSON object, whatever parsed it: the core
// uses nlohmann (parse_options_json); the wasm binding uses the browser's own
// JSON.parse, which keeps a JSON parser (and printf's float formatting) out of
// the page's wasm. One reading of the keys, two sources.
//
// `Object` provides, for a key of the object:
//   std::optional<std::string> string(const char* key)   a string value
//   std::optional<bool> boolean(const char* key)         a boolean value
//   std::vector<std::string> strings(const char* key)    the strings of an array
//   std::vector<std::pair<std::string, std::optional<std::string>>> string_map(const char* key)
//                                                        an object's entries (value: if a string)
#pragma once

#include <optional>
#include <string>

#include "nianbao/nianbao.h"

namespace nianbao {

template <class Object>
Options read_options(const Object& json, std::string* error) {
    Options o;
    auto str = [&](const char* key, std::string& out) {
        if (auto v = json.string(key)) out = *v;
    };
    str("lang", o.lang);
    // A value that does not parse is left out (the check uses its default) and named in `error`.
    auto typed = [&](const char* key, auto parse, auto& out) {
        auto v = json.string(key);
        if (!v) return;
        if (auto parsed = parse(*v)) out = *parsed;
        else if (error) *error = std::string("unusable ") + key + ": " + *v;
    };
    typed("deadline", parse_month_day, o.deadline);
    typed("bodyKind", parse_body_kind, o.body_kind);
    typed("today", parse_civil_date, o.today);
    if (auto model = json.boolean("model")) o.include_model = *model;
    for (auto& id : json.strings("disable")) o.disabled.push_back(std::move(id));
    for (auto& [id, value] : json.string_map("severity")) {
        if (!value) continue;
        if (auto s = parse_severity(*value)) o.severity[id] = *s;
        else if (*value == "off") o.disabled.push_back(id);
        else if (error) *error = "unknown severity for " + id;
    }
    return o;
}

}  // namespace nianbao
