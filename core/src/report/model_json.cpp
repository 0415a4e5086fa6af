// `nianbao extract`: the model as JSON, every cell with its place in the text.
#include "nianbao/nianbao.h"
#include "report/json_common.h"

namespace nianbao {

namespace {

const char* status_name(CellStatus s) {
    switch (s) {
        case CellStatus::Ok: return "ok";
        case CellStatus::Blank: return "blank";
        case CellStatus::Invalid: return "invalid";
        case CellStatus::Overflow: return "overflow";
        case CellStatus::Missing: return "missing";
    }
    return "missing";
}

// Keys in sorted order (see JsonWriter).
void write_cell(JsonWriter& w, const Cell& c, const LineIndex& lines) {
    w.begin_object();
    if (c.fullwidth) w.key("fullwidth").value(true);
    if (c.status != CellStatus::Missing) write_location(w.key("location"), lines, c.span);
    w.key("raw").value(c.raw).key("status").value(status_name(c.status)).key("value");
    if (c.status == CellStatus::Ok) {
        if (c.decimal) w.value(c.amount);
        else w.value(c.value);
    } else if (c.status == CellStatus::Blank) {
        w.value(0);
    } else {
        w.null();
    }
    w.end_object();
}

void write_table(JsonWriter& w, const Table& t, const LineIndex& lines) {
    w.begin_object();
    const bool columns = t.found && t.spec && !t.spec->columns.empty();
    if (columns) {
        w.key("columns").begin_array();
        for (const auto& c : t.spec->columns)
            w.begin_object().key("group").value(c.group).key("key").value(c.key).key("label").value(c.label).end_object();
        w.end_array();
    }
    w.key("found").value(t.found);
    if (!t.found) {
        w.key("number").value(t.number).end_object();
        return;
    }
    if (!t.headers.empty()) {
        w.key("headers").begin_array();
        for (const auto& h : t.headers) {
            w.begin_object().key("block").value(h.block).key("column").value(h.column);
            write_location(w.key("location"), lines, h.span);
            w.key("official").value(h.official).key("raw").value(h.raw).end_object();
        }
        w.end_array();
    }
    write_location(w.key("location"), lines, t.span);
    w.key("number").value(t.number).key("rows").begin_array();
    for (const auto& r : t.rows) {
        if (r.spec->cells == 0 && !r.collapsed_group) continue;  // group labels carry no numbers
        w.begin_object();
        if (r.glued == Row::Glued::Ambiguous) {
            w.key("ambiguous").begin_array();
            for (const auto& c : r.glued_candidates) {
                w.begin_array();
                for (int64_t v : c) w.value(v);
                w.end_array();
            }
            w.end_array();
        }
        // The row's place in the template: table 二's block ("block"), table 三's group ("parent").
        if (!r.spec->block.empty()) w.key("block").value(r.spec->block);
        if (r.by_order) w.key("by_order").value(true);
        if (r.found) {
            w.key("cells").begin_array();
            for (const auto& c : r.cells) write_cell(w, c, lines);
            w.end_array();
            if (r.collapsed_group) w.key("collapsed_group").value(true);
        }
        if (!r.spec->columns.empty()) {
            w.key("columns").begin_array();
            for (auto c : r.spec->columns) w.value(c);
            w.end_array();
        }
        if (r.found && !r.extra.empty()) {
            w.key("extra").begin_array();
            for (const auto& c : r.extra) write_cell(w, c, lines);
            w.end_array();
        }
        w.key("found").value(r.found);
        if (r.glued != Row::Glued::None) w.key("glued").value(r.glued == Row::Glued::Read ? "read" : "ambiguous");
        w.key("key").value(r.spec->key);
        w.key("label").value(std::string(r.spec->marker) + std::string(r.spec->label));
        if (r.found && !r.raw_label.empty()) write_location(w.key("label_location"), lines, r.label_span);
        if (!r.spec->parent.empty()) w.key("parent").value(r.spec->parent);
        if (r.found) w.key("raw_label").value(r.raw_label);
        w.end_object();
    }
    w.end_array().end_object();
}

}  // namespace

const char* body_kind_name(BodyKind k) {
    switch (k) {
        case BodyKind::Township: return "township";
        case BodyKind::Department: return "department";
        case BodyKind::Government: return "government";
        case BodyKind::Unknown: return "unknown";
    }
    return "unknown";
}

void write_report(JsonWriter& w, const Report& r, const LineIndex& lines) {
    w.begin_object().key("body").begin_object();
    w.key("kind").value(body_kind_name(r.body_kind)).key("name").value(r.body_name).end_object();
    w.key("dates").begin_array();
    for (const auto& d : r.dates) {
        w.begin_object().key("day").value(d.day);
        write_location(w.key("location"), lines, d.span);
        w.key("month").value(d.month).key("valid").value(d.valid).key("year").value(d.year).end_object();
    }
    w.end_array();
    const std::string_view read = r.format ? r.format->id : formats().front()->id;
    w.key("format").value(read).key("layout").value(read);
    w.key("sections").begin_array();
    for (const auto& s : r.sections) {
        w.begin_object().key("found").value(s.found);
        if (s.found) {
            w.key("heading").value(s.heading);
            write_location(w.key("heading_location"), lines, s.heading_span);
            write_location(w.key("location"), lines, s.body);
        }
        w.key("number").value(s.number).end_object();
    }
    w.end_array();
    if (r.signed_date) {
        const Date& d = *r.signed_date;
        w.key("signed").begin_object().key("day").value(d.day);
        write_location(w.key("location"), lines, d.span);
        w.key("month").value(d.month).key("raw").value(d.raw).key("year").value(d.year).end_object();
    }
    w.key("tables").begin_array();
    for (int n : {2, 3, 4}) write_table(w, r.table(n), lines);
    w.end_array();
    w.key("title").begin_object().key("found").value(r.title_span.has_value());
    if (r.title_span) write_location(w.key("location"), lines, *r.title_span);
    w.key("text").value(r.title).end_object();
    w.key("unread").begin_array();
    for (const auto& u : r.unread) {
        w.begin_object();
        write_location(w.key("location"), lines, u.span);
        w.key("what").value(u.what).end_object();
    }
    w.end_array().key("year");
    if (r.year) w.value(r.year);
    else w.null();
    w.end_object();
}

std::string report_to_json(const Report& report, int indent) {
    LineIndex lines(report.source);
    JsonWriter w(indent);
    write_report(w, report, lines);
    return w.take();
}

std::string extract_to_json(std::string_view utf8_text) { return report_to_json(read_report(utf8_text), 2); }

}  // namespace nianbao
