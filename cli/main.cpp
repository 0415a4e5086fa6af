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

// Files are checked and printed one at a time, so a folder of thousands of
// reports needs the memory of one. JSON: one file gives exactly
// result_to_json(); several give {"files":[{"file","result"|"error"}, …]}.
int run_check(const cli::CommandLine& cmd) {
    std::string previous;
    if (!read_previous(cmd, previous)) return kExitFailure;
    const bool json = cmd.format == "json";
    const bool several = cmd.files.size() > 1;
    Counts counts;
    size_t failed = 0;
    if (json && several) std::fputs("{\"files\":[\n", stdout);
    for (size_t i = 0; i < cmd.files.size(); ++i) {
        const std::string& path = cmd.files[i];
        const std::string name = cli::display_name(path);
        cli::Input input;
        std::string error;
        bool ok = cli::read_input(path, input, error);
        if (!ok) {
            complain(error);
            ++failed;
        }
        nianbao::Result result;
        if (ok) {
            result = nianbao::check(input.decoded.text, cmd.options, cmd.previous ? &previous : nullptr,
                                    input.decoded.lossy);
            counts.add(result);
        }
        if (json && several) {
            std::string entry = "{\"file\":" + cli::json_string(name) + "," +
                                (ok ? "\"result\":" + nianbao::result_to_json(result, -1, false)
                                    : "\"error\":" + cli::json_string(error)) +
                                "}" + (i + 1 < cmd.files.size() ? ",\n" : "\n");
            std::fwrite(entry.data(), 1, entry.size(), stdout);
        } else if (json) {
            if (ok) write_out(nianbao::result_to_json(result, 2, false));
        } else if (ok) {
            write_out(nianbao::result_to_text(result, name, cmd.options));
        }
    }
    if (json && several) std::fputs("]}\n", stdout);
    if (!json) write_out(summary_line(counts, cmd.files.size(), failed, cmd.options.lang));
    if (failed) return kExitFailure;
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
