// Reading a report file (or stdin) and decoding it to UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/decode.h"

namespace cli {

struct Input {
    std::string name;          // as shown to the user ("<stdin>" for "-")
    nianbao::Decoded decoded;
    size_t bytes = 0;          // the file's size: the core's limit counts these (Options::input_bytes)
};

// Reads `path` ("-" = stdin) as bytes and decodes it. On failure (cannot
// open or read, larger than nianbao::kMaxInputBytes) returns false and sets
// `error` to a one-line message naming the file.
bool read_input(const std::string& path, Input& out, std::string& error);

std::string display_name(const std::string& path);

// Folders among the arguments become the report files inside them
// (the kinds of nianbao/inputs.h: .txt .md .text .html .htm .docx .ofd .pdf;
// recursively, sorted); other arguments, and folders
// without reports, stay as given.
std::vector<std::string> expand_folders(const std::vector<std::string>& args);

}  // namespace cli
