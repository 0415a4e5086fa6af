// Options as the page and the WASM binding pass them (JSON).
#include <nlohmann/json.hpp>

#include "nianbao/nianbao.h"

namespace nianbao {

const char* version() { return "0.1.0"; }

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "error") return Severity::Error;
    if (s == "warning") return Severity::Warning;
    if (s == "info") return Severity::Info;
    return std::nullopt;
}

Options parse_options_json(std::string_view text, std::string* error) {
    Options o;
    if (text.empty()) return o;
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (error) *error = "options are not a JSON object";
        return o;
    }
    auto str = [&](const char* key, std::string& out) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string()) out = it->get<std::string>();
    };
    str("lang", o.lang);
    str("deadline", o.deadline);
    str("bodyKind", o.body_kind);
    str("today", o.today);
    auto model = j.find("model");
    if (model != j.end() && model->is_boolean()) o.include_model = model->get<bool>();
    auto dis = j.find("disable");
    if (dis != j.end() && dis->is_array())
        for (const auto& d : *dis)
            if (d.is_string()) o.disabled.push_back(d.get<std::string>());
    auto sev = j.find("severity");
    if (sev != j.end() && sev->is_object())
        for (auto it = sev->begin(); it != sev->end(); ++it) {
            if (!it.value().is_string()) continue;
            auto s = parse_severity(it.value().get<std::string>());
            if (s) o.severity[it.key()] = *s;
            else if (it.value().get<std::string>() == "off") o.disabled.push_back(it.key());
            else if (error) *error = "unknown severity for " + it.key();
        }
    return o;
}

}  // namespace nianbao
