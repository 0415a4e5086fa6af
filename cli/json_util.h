// The CLI's only uses of JSON, kept in one translation unit (nlohmann is
// heavy to compile).
#pragma once

#include <string>
#include <vector>

namespace cli {

// A JSON string literal for any bytes (what is not UTF-8 is replaced).
std::string json_string(const std::string& s);

}  // namespace cli
