// JSON shapes shared by the model and the findings output.
#pragma once

#include <nlohmann/json.hpp>

#include "nianbao/text.h"

namespace nianbao {

nlohmann::json position_json(const Position& p);
// {"start": {...}, "end": {...}}: byte, code point and UTF-16 offsets, line, column.
nlohmann::json location_json(const LineIndex& lines, Span span);
// Serialize without ever aborting on odd bytes (-fno-exceptions build).
std::string dump_json(const nlohmann::json& j, int indent);

}  // namespace nianbao
