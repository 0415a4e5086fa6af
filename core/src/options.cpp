// Options as the page and the WASM binding pass them (JSON).
#include <nlohmann/json.hpp>

#include "nianbao/nianbao.h"
#include "nianbao/options_reader.h"
#include "meta/dates.h"

namespace nianbao {

const char* version() { return NIANBAO_VERSION; }  // CMakeLists.txt project(VERSION)

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

// --- the options' date grammar ----------------------------------------------

// "N" digits at s[i..], at most `max` of them; -1 if none.
static int read_number(std::string_view s, size_t& i, int max) {
    int v = 0, n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < max) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    return n ? v : -1;
}

static bool is_option_sep(char c) { return c == '-' || c == '/' || c == '.'; }

// options.deadline: "MM-DD" (also "M-D", "MM/DD"); year 0 lets 02-29 be.
std::optional<MonthDay> parse_month_day(std::string_view s) {
    size_t i = 0;
    MonthDay md;
    md.month = read_number(s, i, 2);
    if (md.month < 0 || i >= s.size() || !is_option_sep(s[i])) return std::nullopt;
    ++i;
    md.day = read_number(s, i, 2);
    if (i != s.size() || md.day < 1 || md.day > days_in_month(0, md.month)) return std::nullopt;
    return md;
}

// options.today: "YYYY-MM-DD".
std::optional<CivilDate> parse_civil_date(std::string_view s) {
    size_t i = 0;
    CivilDate d;
    d.year = read_number(s, i, 4);
    if (d.year < 1000 || i >= s.size() || !is_option_sep(s[i])) return std::nullopt;
    ++i;
    d.month = read_number(s, i, 2);
    if (d.month < 0 || i >= s.size() || !is_option_sep(s[i])) return std::nullopt;
    ++i;
    d.day = read_number(s, i, 2);
    if (i != s.size() || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

std::optional<BodyKind> parse_body_kind(std::string_view s) {
    if (s == "township") return BodyKind::Township;
    if (s == "department") return BodyKind::Department;
    if (s == "government") return BodyKind::Government;
    return std::nullopt;
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "error") return Severity::Error;
    if (s == "warning") return Severity::Warning;
    if (s == "info") return Severity::Info;
    return std::nullopt;
}

namespace {

// read_options() over an nlohmann object.
struct NlohmannObject {
    const nlohmann::json& j;
    const nlohmann::json* at(const char* key) const {
        auto it = j.find(key);
        return it == j.end() ? nullptr : &*it;
    }
    std::optional<std::string> string(const char* key) const {
        const auto* v = at(key);
        if (!v || !v->is_string()) return std::nullopt;
        return v->get<std::string>();
    }
    std::optional<bool> boolean(const char* key) const {
        const auto* v = at(key);
        if (!v || !v->is_boolean()) return std::nullopt;
        return v->get<bool>();
    }
    std::vector<std::string> strings(const char* key) const {
        std::vector<std::string> out;
        const auto* v = at(key);
        if (v && v->is_array())
            for (const auto& d : *v)
                if (d.is_string()) out.push_back(d.get<std::string>());
        return out;
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> string_map(const char* key) const {
        std::vector<std::pair<std::string, std::optional<std::string>>> out;
        const auto* v = at(key);
        if (v && v->is_object())
            for (auto it = v->begin(); it != v->end(); ++it)
                out.push_back({it.key(), it.value().is_string() ? std::optional<std::string>(it.value().get<std::string>())
                                                                : std::nullopt});
        return out;
    }
};

}  // namespace

Options parse_options_json(std::string_view text, std::string* error) {
    if (text.empty()) return {};
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (error) *error = "options are not a JSON object";
        return {};
    }
    return read_options(NlohmannObject{j}, error);
}

}  // namespace nianbao
