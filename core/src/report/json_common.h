// JSON pieces shared by the model and the findings output.
#pragma once

#include "nianbao/text.h"
#include "report/json_writer.h"

namespace nianbao {

// {"end": {...}, "start": {...}}: byte, code point and UTF-16 offsets, line, column.
void write_location(JsonWriter& w, const Location& loc);
void write_location(JsonWriter& w, const LineIndex& lines, Span span);

}  // namespace nianbao
