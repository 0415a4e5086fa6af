// Reading a report file (or stdin) and decoding it to UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/decode.h"

namespace cli {

constexpr uint64_t kMaxInputBytes = 64ull * 1024 * 1024;  // 64 MB

struct Input {
    std::string name;          // as shown to the user ("<stdin>" for "-")
    nianbao::Decoded decoded;
};

// Reads `path` ("-" = stdin) as bytes and decodes it. On failure (cannot
// open or read, larger than kMaxInputBytes) returns false and sets `error`
// to a one-line message naming the file.
bool read_input(const std::string& path, Input& out, std::string& error);

std::string display_name(const std::string& path);

// Folders among the arguments become the report files inside them
// (the kinds the core reads, nianbao/inputs.h: .txt .md .text .html .htm .docx;
// recursively, sorted); other arguments, and folders
// without reports, stay as given.
std::vector<std::string> expand_folders(const std::vector<std::string>& args);

}  // namespace cli
