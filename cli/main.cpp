// nianbao: the command-line front end of the core.
//   nianbao check [--format text|json] [options] FILE...
//   nianbao extract [--format json] FILE
//   nianbao rules [--format json|markdown]
// Exit status: 0 no error finding, 1 some error finding, 2 usage or I/O failure.
#include <algorithm>
#include <cstdio>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <unistd.h>
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
    void add(const nianbao::Result& result) {  // as check() counted them
        errors += result.errors;
        warnings += result.warnings;
        infos += result.infos;
    }
};

bool read_previous(const cli::CommandLine& cmd, std::string& text, size_t& bytes) {
    if (!cmd.previous) return true;
    cli::Input input;
    std::string error;
    if (!cli::read_input(*cmd.previous, input, error)) {
        complain("--previous: " + error);
        return false;
    }
    text = std::move(input.decoded.text);
    bytes = input.bytes;
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

// One file's outcome: what to print, and its counts.
struct Outcome {
    bool ok = false;
    std::string error;
    std::string output;
    Counts counts;
};

// `base`: the command line's options with the previous report's size.
Outcome check_one(const std::string& path, const cli::CommandLine& cmd, const nianbao::Options& base,
                  const std::string* previous, bool json, bool several) {
    Outcome o;
    const std::string name = cli::display_name(path);
    cli::Input input;
    o.ok = cli::read_input(path, input, o.error);
    if (o.ok) {
        // The size limit counts the file's bytes, not the decoded text's (limits.h).
        nianbao::Options options = base;
        options.input_bytes = input.bytes;
        nianbao::Result result = nianbao::check_decoded(std::move(input.decoded), options, previous);
        o.counts.add(result);
        if (json && several) o.output = "{\"file\":" + cli::json_string(name) + ",\"result\":" +
                                        nianbao::result_to_json(result, -1, false) + "}";
        else if (json) o.output = nianbao::result_to_json(result, 2, false);
        else o.output = nianbao::result_to_text(result, name, cmd.options);
    } else if (json && several) {
        o.output = "{\"file\":" + cli::json_string(name) + ",\"error\":" + cli::json_string(o.error) + "}";
    }
    return o;
}

void show_progress(size_t done, size_t total) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(done * kWidth / total);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################", kWidth - filled, "", done,
                 total);
    std::fflush(stderr);
}

// Files are checked in parallel and printed in the order given. Every thread,
// the main one too, takes the next file as soon as it finishes one (no batch
// waits for its slowest file), and whoever completes the file next in line
// prints it and those done after it. Nobody waits for a file to be printed
// unless kWindow outcomes are already waiting, so a folder of thousands of
// reports needs the memory of a few, and no thread sleeps or wakes per file
// (a wake-up costs more than a small report's check).
// JSON: one file gives exactly result_to_json(); several give
// {"files":[{"file","result"|"error"}, …]}.
int run_check(const cli::CommandLine& cmd) {
    std::string previous;
    nianbao::Options options = cmd.options;
    if (!read_previous(cmd, previous, options.previous_input_bytes)) return kExitFailure;
    const std::vector<std::string> files = cli::expand_folders(cmd.files);
    const bool json = cmd.format == "json";
    const bool several = files.size() > 1;
    const std::string* prev = cmd.previous ? &previous : nullptr;
    unsigned threads = cmd.jobs ? cmd.jobs : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    if (files.size() < 4) threads = 1;
    const size_t kWindow = threads * 16;
    // A progress bar for a folder, only where a person watches (stderr a terminal).
    const bool progress = files.size() > kWindow && isatty(fileno(stderr));

    Counts counts;
    size_t failed = 0;
    auto print = [&](Outcome& o, size_t k) {
        if (!o.ok) {
            complain(o.error);
            ++failed;
        }
        counts.errors += o.counts.errors;
        counts.warnings += o.counts.warnings;
        counts.infos += o.counts.infos;
        if (!o.output.empty()) {
            if (json && several) o.output += k + 1 < files.size() ? ",\n" : "\n";
            write_out(o.output);
        }
        if (progress && ((k + 1) % 16 == 0 || k + 1 == files.size())) show_progress(k + 1, files.size());
    };

    std::vector<Outcome> outcomes(files.size());
    std::vector<char> done(files.size(), 0);
    std::mutex mutex;  // guards all below, and stdout while a thread prints
    std::condition_variable room;  // the window moved on
    size_t next = 0, printed = 0, blocked = 0;
    auto work = [&] {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            while (next < files.size() && next >= printed + kWindow) {
                ++blocked;
                room.wait(lock);
                --blocked;
            }
            if (next >= files.size()) return;
            const size_t k = next++;
            lock.unlock();
            Outcome o = check_one(files[k], cmd, options, prev, json, several);
            lock.lock();
            outcomes[k] = std::move(o);
            done[k] = 1;
            const size_t before = printed;
            for (; printed < files.size() && done[printed]; ++printed) {
                // Moved out, so its text is freed once printed (assigning an empty
                // Outcome would keep each string's buffer: a folder's memory grew
                // by its whole output, 13 KB a report in JSON, and so did the time
                // the fresh pages cost).
                Outcome shown = std::move(outcomes[printed]);
                print(shown, printed);
            }
            if (printed != before && blocked) room.notify_all();
        }
    };
    if (json && several) std::fputs("{\"files\":[\n", stdout);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (progress) std::fputs("\r\033[K", stderr);  // the bar goes; the summary line stays
    if (json && several) std::fputs("]}\n", stdout);
    if (!json) write_out(summary_line(counts, files.size(), failed, cmd.options.lang));
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
