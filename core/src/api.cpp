// TEMPORARY stubs so the build can be wired up while the reader and the rules
// are written. Each function moves to its own file as it becomes real.
#include "nianbao/decode.h"
#include "nianbao/nianbao.h"

namespace nianbao {
const char* version() { return "0.1.0"; }
const char* severity_name(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "info"; }
std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "error") return Severity::Error;
    if (s == "warning") return Severity::Warning;
    if (s == "info") return Severity::Info;
    return std::nullopt;
}
Options parse_options_json(std::string_view, std::string*) { return {}; }
Result check(std::string_view text, const Options&, const std::string*, bool) { Result r; r.report = read_report(text); return r; }
std::string result_to_json(const Result& r, int) { return "{\"findings\":[],\"length\":" + std::to_string(r.report.source.size()) + "}"; }
std::string rules_to_json(int) { return "[]"; }
std::string rules_to_markdown() { return ""; }
std::string result_to_text(const Result&, std::string_view, const Options&) { return ""; }
std::string check_to_json(std::string_view text, std::string_view, std::string_view) { return result_to_json(check(text), 2); }
}  // namespace nianbao
