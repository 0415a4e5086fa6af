#include "args.h"

#include <cctype>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/limits.h"

namespace cli {
namespace {

// The usage text states the core's size limit.
static_assert(nianbao::kMaxInputBytes == 8388608, "update the limit in kUsage");

const char kUsage[] =
    "nianbao — 政府信息公开工作年度报告体检 (checker for government information\n"
    "disclosure annual reports, format 国办公开办函〔2021〕30号)\n"
    "\n"
    "usage:\n"
    "  nianbao check [--format text|json] [options] FILE...   check reports ('-' = stdin)\n"
    "  nianbao extract [--format json] FILE                   print the model read from a report\n"
    "  nianbao rules [--format json|markdown]                 list the checks\n"
    "  nianbao --version\n"
    "  nianbao --help\n"
    "\n"
    "check options:\n"
    "  --lang zh|en                  language of the messages (default zh)\n"
    "  --disable ID[,ID...]          turn checks off (repeatable)\n"
    "  --severity ID=error|warning|info\n"
    "                                change the severity of a check (repeatable)\n"
    "  --deadline MM-DD              publication deadline (overrides the body kind's)\n"
    "  --body-kind township|department|government\n"
    "                                kind of body, when the text does not make it clear\n"
    "  --today YYYY-MM-DD            reference date for publish-late\n"
    "  --previous FILE               last year's report of the same body\n"
    "  --jobs N                      files checked at once (default: one per core, at most 8)\n"
    "\n"
    "Files may be UTF-8 (with or without BOM), UTF-16 (with or without BOM) or GB18030;\n"
    "at most 8 MB (8388608 bytes), as in the page.\n"
    "Saved web pages (.html), Word documents (.docx) and OFD files (.ofd) are read as their text.\n"
    "Exit status of check: 0 no error finding, 1 some error finding, 2 usage or I/O failure.\n";

bool fail(std::string& error, std::string message) {
    error = std::move(message);
    return false;
}

bool is_digits(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        size_t end = s.find(sep, start);
        parts.emplace_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

// The rule ids the core knows (empty: ids are not validated).
const std::set<std::string>& known_rule_ids() {
    static const std::set<std::string> ids = [] {
        const std::vector<std::string> all = nianbao::rule_ids();
        return std::set<std::string>(all.begin(), all.end());
    }();
    return ids;
}

bool check_rule_id(const std::string& id, std::string& error) {
    if (id.empty()) {
        error = "empty rule id";
        return false;
    }
    const auto& known = known_rule_ids();
    if (!known.empty() && !known.count(id)) {
        error = "unknown rule id '" + id + "' (see 'nianbao rules')";
        return false;
    }
    return true;
}

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
    for (const char* a : allowed)
        if (value == a) return true;
    return false;
}

// Options of `check` beyond --format. Returns false with `error` set.
bool apply_check_option(const std::string& name, const std::string& value, CommandLine& out,
                        std::string& error) {
    nianbao::Options& o = out.options;
    if (name == "--lang") {
        if (!one_of(value, {"zh", "en"})) return fail(error, "--lang must be zh or en");
        o.lang = value;
    } else if (name == "--disable") {
        for (const std::string& id : split(value, ',')) {
            if (!check_rule_id(id, error)) return fail(error, "--disable: " + error);
            o.disabled.push_back(id);
        }
    } else if (name == "--severity") {
        size_t eq = value.find('=');
        if (eq == std::string::npos) return fail(error, "--severity expects ID=error|warning|info");
        std::string id = value.substr(0, eq);
        auto level = nianbao::parse_severity(value.substr(eq + 1));
        if (!level) return fail(error, "--severity " + value + ": the level must be error, warning or info");
        if (!check_rule_id(id, error)) return fail(error, "--severity: " + error);
        o.severity[id] = *level;
    } else if (name == "--deadline") {
        o.deadline = nianbao::parse_month_day(value);
        if (!o.deadline) return fail(error, "--deadline expects a date MM-DD, e.g. 03-31");
    } else if (name == "--body-kind") {
        o.body_kind = nianbao::parse_body_kind(value);
        if (!o.body_kind) return fail(error, "--body-kind must be township, department or government");
    } else if (name == "--today") {
        o.today = nianbao::parse_civil_date(value);
        if (!o.today) return fail(error, "--today expects a date YYYY-MM-DD, e.g. 2025-02-01");
    } else if (name == "--previous") {
        if (value.empty()) return fail(error, "--previous expects a file name");
        out.previous = value;
    } else if (name == "--jobs") {
        if (!is_digits(value) || value.size() > 2 || std::stoi(value) < 1 || std::stoi(value) > 64)
            return fail(error, "--jobs expects a number from 1 to 64");
        out.jobs = static_cast<unsigned>(std::stoi(value));
    } else {
        return fail(error, "unknown option '" + name + "' for check");
    }
    return true;
}

bool takes_value(Action action, const std::string& name) {
    if (name == "--format") return true;
    if (action != Action::Check) return false;
    return one_of(name, {"--lang", "--disable", "--severity", "--deadline", "--body-kind", "--today",
                         "--previous", "--jobs"});
}

bool apply_option(const std::string& name, const std::string& value, CommandLine& out, std::string& error) {
    if (name != "--format") {
        if (out.action == Action::Check) return apply_check_option(name, value, out, error);
        return fail(error, "unknown option '" + name + "' for " + out.command);
    }
    bool ok = out.action == Action::Check     ? one_of(value, {"text", "json"})
              : out.action == Action::Extract ? value == "json"
                                              : one_of(value, {"json", "markdown"});
    if (!ok) {
        const char* allowed = out.action == Action::Check     ? "text or json"
                              : out.action == Action::Extract ? "json"
                                                              : "json or markdown";
        return fail(error, "--format for " + out.command + " must be " + allowed);
    }
    out.format = value;
    return true;
}

bool check_file_count(const CommandLine& out, std::string& error) {
    size_t n = out.files.size();
    if (out.action == Action::Check && n == 0) return fail(error, "check needs at least one FILE ('-' = stdin)");
    if (out.action == Action::Extract && n != 1) return fail(error, "extract needs exactly one FILE");
    if (out.action == Action::Rules && n != 0) return fail(error, "rules takes no FILE");
    int stdin_uses = out.previous == "-" ? 1 : 0;
    for (const auto& f : out.files) stdin_uses += f == "-";
    if (stdin_uses > 1) return fail(error, "standard input ('-') can be read only once");
    return true;
}

bool parse_action(std::string_view first, CommandLine& out, std::string& error) {
    out.command = std::string(first);
    struct Known { std::string_view name; Action action; const char* format; };
    static const Known known[] = {
        {"--help", Action::Help, ""},       {"-h", Action::Help, ""},
        {"help", Action::Help, ""},         {"--version", Action::Version, ""},
        {"-V", Action::Version, ""},        {"version", Action::Version, ""},
        {"check", Action::Check, "text"},   {"extract", Action::Extract, "json"},
        {"rules", Action::Rules, "json"},
    };
    for (const Known& k : known) {
        if (first == k.name) {
            out.action = k.action;
            out.format = k.format;
            return true;
        }
    }
    return fail(error, "unknown command '" + std::string(first) + "'");
}

}  // namespace

const char* usage_text() { return kUsage; }

bool parse_command_line(int argc, const char* const* argv, CommandLine& out, std::string& error) {
    if (argc < 2) return fail(error, "no command given");
    if (!parse_action(argv[1], out, error)) return false;
    if (out.action == Action::Help || out.action == Action::Version) {
        if (argc > 2) return fail(error, "'" + out.command + "' takes no arguments");
        return true;
    }
    bool options_done = false;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
            out.files.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            out.action = Action::Help;
            return true;
        }
        std::string name = arg, value;
        bool inline_value = false;
        if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            inline_value = true;
        }
        if (!takes_value(out.action, name)) {
            return fail(error, "unknown option '" + name + "' for " + out.command);
        }
        if (!inline_value) {
            if (i + 1 >= argc) return fail(error, "option " + name + " needs a value");
            value = argv[++i];
        }
        if (!apply_option(name, value, out, error)) return false;
    }
    return check_file_count(out, error);
}

}  // namespace cli
