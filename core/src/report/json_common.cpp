#include "report/json_common.h"

namespace nianbao {

namespace {

void write_position(JsonWriter& w, const Position& p) {
    w.begin_object();
    w.key("byte").value(p.byte).key("column").value(p.column).key("line").value(p.line);
    w.key("offset").value(p.codepoint).key("utf16").value(p.utf16);
    w.end_object();
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
