#include "input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>

#include "inflate.h"
#include "nianbao/inputs.h"
#include "pdf_input.h"
#include "nianbao/limits.h"

namespace cli {
namespace {

using HostReader = nianbao::InputText (*)(std::string_view bytes);

// The readers this CLI supplies for kinds of the core's input table that the
// core has no reader for, as it supplies the zip reader's inflate: PDF.
HostReader host_reader(const nianbao::InputKind& kind) { return kind.id == "pdf" ? read_pdf_input : nullptr; }

// Such a kind, named by the file's extension or shown by its magic bytes.
HostReader host_reader_for(const std::string& path, std::string_view bytes) {
    const nianbao::InputKind* named = nianbao::input_kind_by_name(path);
    for (size_t k = 0; k < nianbao::input_kind_count(); ++k) {
        const nianbao::InputKind& kind = nianbao::input_kinds()[k];
        const bool magic = !kind.magic.empty() && bytes.substr(0, kind.magic.size()) == kind.magic;
        if (!kind.read && host_reader(kind) && (named == &kind || magic)) return host_reader(kind);
    }
    return nullptr;
}

// Reads the whole stream, at most kMaxInputBytes + 1 bytes (so that an
// oversized input is noticed without reading all of it).
bool read_stream(std::FILE* f, std::string& bytes, int& err) {
    char buffer[1 << 16];
    while (bytes.size() <= nianbao::kMaxInputBytes) {
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
            // The kinds of the input table that the core or this CLI reads.
            const nianbao::InputKind* kind = nianbao::input_kind_by_name(it->path().filename().string());
            if (kind && (kind->read || host_reader(*kind))) found.push_back(it->path().string());
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
    if (bytes.size() > nianbao::kMaxInputBytes) {
        // The page says the same of the same file (web/decode.js), with the same number.
        error = out.name + " has more than " + std::to_string(nianbao::kMaxInputBytes) +
                " bytes (" + std::to_string(nianbao::kMaxInputBytes >> 20) +
                " MB), the most nianbao reads; a report is rarely over 1 MB";
        return false;
    }
    out.bytes = bytes.size();
    // The reader the bytes call for (the core's input table): a Word document
    // or a saved web page as its text, tables as tab-separated rows.
    const HostReader host = host_reader_for(path, bytes);
    nianbao::InputText read = host ? host(bytes) : nianbao::read_input_bytes(bytes, zlib_inflate());
    if (!read.ok) {
        error = out.name + ": " + read.error;
        return false;
    }
    out.decoded = std::move(read.decoded);
    return true;
}

}  // namespace cli
