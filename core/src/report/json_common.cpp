#include "report/json_common.h"

namespace nianbao {

namespace {

void write_position(JsonWriter& w, const Position& p) {
    static constexpr std::string_view kKeys[] = {"byte", "column", "line", "offset", "utf16"};
    const int64_t values[] = {p.byte, p.column, p.line, p.codepoint, p.utf16};
    w.number_object(kKeys, values, 5);
}

}  // namespace

void write_location(JsonWriter& w, const LineIndex& lines, Span span) { write_location(w, lines.locate(span)); }

void write_location(JsonWriter& w, const Location& loc) {
    w.begin_object();
    w.key("end");
    write_position(w, loc.end);
    w.key("start");
    write_position(w, loc.start);
    w.end_object();
}

}  // namespace nianbao
