#include "input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>

#include "inflate.h"
#include "nianbao/inputs.h"

namespace cli {
namespace {

// Reads the whole stream, at most kMaxInputBytes + 1 bytes (so that an
// oversized input is noticed without reading all of it).
bool read_stream(std::FILE* f, std::string& bytes, int& err) {
    char buffer[1 << 16];
    while (bytes.size() <= kMaxInputBytes) {
        size_t n = std::fread(buffer, 1, sizeof buffer, f);
        bytes.append(buffer, n);
        if (n < sizeof buffer) {
            if (std::ferror(f)) {
                err = errno;
                return false;
            }
            break;  // end of file
        }
    }
    return true;
}

}  // namespace

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::vector<std::string> expand_folders(const std::vector<std::string>& args) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& a : args) {
        std::error_code ec;
        if (a == "-" || !fs::is_directory(a, ec)) {
            out.push_back(a);
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            // The kinds the core reads (the input table): not PDF, which only the page reads.
            const nianbao::InputKind* kind = nianbao::input_kind_by_name(it->path().filename().string());
            if (kind && kind->read) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        if (found.empty()) out.push_back(a);  // reported as unreadable: nothing to check there
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

bool read_input(const std::string& path, Input& out, std::string& error) {
    out.name = display_name(path);
    bool is_stdin = path == "-";
    std::FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot open " + out.name + ": " + std::strerror(errno);
        return false;
    }
    std::string bytes;
    int err = 0;
    bool ok = read_stream(f, bytes, err);
    if (!is_stdin) std::fclose(f);
    if (!ok) {
        error = "cannot read " + out.name + ": " + std::strerror(err ? err : EIO);
        return false;
    }
    if (bytes.size() > kMaxInputBytes) {
        error = out.name + " is larger than 64 MB; nianbao reads reports up to 64 MB";
        return false;
    }
    // The reader the bytes call for (the core's input table): a Word document
    // or a saved web page as its text, tables as tab-separated rows.
    nianbao::InputText read = nianbao::read_input_bytes(bytes, zlib_inflate());
    if (!read.ok) {
        error = out.name + ": " + read.error;
        return false;
    }
    out.decoded = std::move(read.decoded);
    return true;
}

}  // namespace cli
