// nianbao: the command-line front end of the core.
//   nianbao check [--format text|json] [options] FILE...
//   nianbao extract [--format json] FILE
//   nianbao rules [--format json|markdown]
// Exit status: 0 no error finding, 1 some error finding, 2 usage or I/O failure.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "args.h"
#include "input.h"
#include "json_util.h"
#include "nianbao/nianbao.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitFailure = 2;

void write_out(std::string_view s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
    if (!s.empty() && s.back() != '\n') std::fputc('\n', stdout);
}

void complain(const std::string& message) { std::fprintf(stderr, "nianbao: %s\n", message.c_str()); }

struct Counts {
    int errors = 0, warnings = 0, infos = 0;
    void add(const nianbao::Result& result) {
        for (const auto& f : result.findings) {
            if (f.severity == nianbao::Severity::Error) ++errors;
            else if (f.severity == nianbao::Severity::Warning) ++warnings;
            else ++infos;
        }
    }
};

// One checked file: its result, or why it could not be read.
struct Checked {
    std::string name;
    bool ok = false;
    std::string error;
    nianbao::Result result;
};

bool read_previous(const cli::CommandLine& cmd, std::string& text) {
    if (!cmd.previous) return true;
    cli::Input input;
    std::string error;
    if (!cli::read_input(*cmd.previous, input, error)) {
        complain("--previous: " + error);
        return false;
    }
    text = std::move(input.decoded.text);
    return true;
}

Checked check_file(const std::string& path, const cli::CommandLine& cmd, const std::string* previous) {
    Checked c;
    cli::Input input;
    c.name = cli::display_name(path);
    if (!cli::read_input(path, input, c.error)) {
        complain(c.error);
        return c;
    }
    c.ok = true;
    c.result = nianbao::check(input.decoded.text, cmd.options, previous, input.decoded.lossy);
    return c;
}

std::string summary_line(const Counts& n, size_t files, size_t failed, const std::string& lang) {
    char line[256];
    if (lang == "en") {
        std::snprintf(line, sizeof line, "%zu file(s) checked: %d error(s), %d warning(s), %d info", files - failed,
                      n.errors, n.warnings, n.infos);
    } else {
        std::snprintf(line, sizeof line, "共检查 %zu 个文件：%d 个错误，%d 个警告，%d 个提示", files - failed,
                      n.errors, n.warnings, n.infos);
    }
    std::string s = line;
    if (failed) s += lang == "en" ? "; " + std::to_string(failed) + " file(s) could not be read"
                                  : "；" + std::to_string(failed) + " 个文件无法读取";
    return s;
}

void print_text(const std::vector<Checked>& checked, const Counts& counts, const cli::CommandLine& cmd) {
    size_t failed = 0;
    for (const Checked& c : checked) {
        if (c.ok) write_out(nianbao::result_to_text(c.result, c.name, cmd.options));
        else ++failed;
    }
    write_out(summary_line(counts, checked.size(), failed, cmd.options.lang));
}

// One file: exactly result_to_json(). Several: {"files":[{"file","result"|"error"}]}.
void print_json(const std::vector<Checked>& checked) {
    if (checked.size() == 1) {
        if (checked[0].ok) write_out(nianbao::result_to_json(checked[0].result));
        return;
    }
    std::vector<cli::FileResult> files;
    for (const Checked& c : checked) {
        files.push_back({c.name, c.ok, c.ok ? nianbao::result_to_json(c.result) : std::string(), c.error});
    }
    write_out(cli::files_to_json(files));
}

int run_check(const cli::CommandLine& cmd) {
    std::string previous;
    if (!read_previous(cmd, previous)) return kExitFailure;
    std::vector<Checked> checked;
    Counts counts;
    bool any_failed = false;
    for (const std::string& path : cmd.files) {
        checked.push_back(check_file(path, cmd, cmd.previous ? &previous : nullptr));
        if (checked.back().ok) counts.add(checked.back().result);
        else any_failed = true;
    }
    if (cmd.format == "json") print_json(checked);
    else print_text(checked, counts, cmd);
    if (any_failed) return kExitFailure;
    return counts.errors > 0 ? kExitErrors : kExitClean;
}

int run_extract(const cli::CommandLine& cmd) {
    cli::Input input;
    std::string error;
    if (!cli::read_input(cmd.files.front(), input, error)) {
        complain(error);
        return kExitFailure;
    }
    write_out(nianbao::extract_to_json(input.decoded.text));
    return kExitClean;
}

int run_rules(const cli::CommandLine& cmd) {
    write_out(cmd.format == "markdown" ? nianbao::rules_to_markdown() : nianbao::rules_to_json());
    return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
    cli::CommandLine cmd;
    std::string error;
    if (!cli::parse_command_line(argc, argv, cmd, error)) {
        complain(error);
        std::fputs("Try 'nianbao --help'.\n", stderr);
        return kExitFailure;
    }
    int status = kExitClean;
    switch (cmd.action) {
        case cli::Action::Help: std::fputs(cli::usage_text(), stdout); break;
        case cli::Action::Version: std::printf("nianbao %s\n", nianbao::version()); break;
        case cli::Action::Check: status = run_check(cmd); break;
        case cli::Action::Extract: status = run_extract(cmd); break;
        case cli::Action::Rules: status = run_rules(cmd); break;
    }
    if (std::fflush(stdout) != 0) {
        complain("cannot write the output");
        return kExitFailure;
    }
    return status;
}
