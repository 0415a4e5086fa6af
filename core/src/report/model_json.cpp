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

nlohmann::json cell_json(const Cell& c, const LineIndex& lines) {
    nlohmann::json j = {{"status", status_name(c.status)}, {"raw", c.raw}};
    if (c.status == CellStatus::Ok) {
        if (c.decimal) j["value"] = c.amount;
        else j["value"] = c.value;
    } else if (c.status == CellStatus::Blank) {
        j["value"] = 0;
    } else {
        j["value"] = nullptr;
    }
    if (c.fullwidth) j["fullwidth"] = true;
    if (c.status != CellStatus::Missing) j["location"] = location_json(lines, c.span);
    return j;
}

nlohmann::json table_json(const Table& t, const LineIndex& lines) {
    nlohmann::json j = {{"number", t.number}, {"found", t.found}};
    if (!t.found) return j;
    j["location"] = location_json(lines, t.span);
    if (t.spec && !t.spec->columns.empty()) {
        nlohmann::json cols = nlohmann::json::array();
        for (const auto& c : t.spec->columns) cols.push_back({{"key", c.key}, {"label", c.label}, {"group", c.group}});
        j["columns"] = cols;
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : t.rows) {
        if (r.spec->cells == 0 && !r.collapsed_group) continue;  // group labels carry no numbers
        nlohmann::json row = {{"key", r.spec->key}, {"label", std::string(r.spec->marker) + std::string(r.spec->label)},
                              {"found", r.found}};
        if (!r.spec->columns.empty()) {
            nlohmann::json cols = nlohmann::json::array();
            for (auto c : r.spec->columns) cols.push_back(c);
            row["columns"] = cols;
        }
        if (r.found) {
            row["raw_label"] = r.raw_label;
            if (!r.raw_label.empty()) row["label_location"] = location_json(lines, r.label_span);
            nlohmann::json cells = nlohmann::json::array();
            for (const auto& c : r.cells) cells.push_back(cell_json(c, lines));
            row["cells"] = cells;
            if (!r.extra.empty()) {
                nlohmann::json extra = nlohmann::json::array();
                for (const auto& c : r.extra) extra.push_back(cell_json(c, lines));
                row["extra"] = extra;
            }
            if (r.collapsed_group) row["collapsed_group"] = true;
        }
        rows.push_back(row);
    }
    j["rows"] = rows;
    if (!t.headers.empty()) {
        nlohmann::json hs = nlohmann::json::array();
        for (const auto& h : t.headers)
            hs.push_back({{"block", h.block}, {"column", h.column}, {"official", h.official}, {"raw", h.raw},
                          {"location", location_json(lines, h.span)}});
        j["headers"] = hs;
    }
    return j;
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

nlohmann::json report_json(const Report& r, const LineIndex& lines) {
    nlohmann::json j;
    j["format"] = r.format ? std::string(r.format->id) : "2021";
    j["layout"] = r.layout_2019 ? "2019" : "2021";
    nlohmann::json title = {{"text", r.title}, {"found", r.title_span.has_value()}};
    if (r.title_span) title["location"] = location_json(lines, *r.title_span);
    j["title"] = title;
    j["body"] = {{"name", r.body_name}, {"kind", body_kind_name(r.body_kind)}};
    j["year"] = r.year ? nlohmann::json(r.year) : nlohmann::json(nullptr);
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : r.sections) {
        nlohmann::json sj = {{"number", s.number}, {"found", s.found}};
        if (s.found) {
            sj["heading"] = s.heading;
            sj["heading_location"] = location_json(lines, s.heading_span);
            sj["location"] = location_json(lines, s.body);
        }
        sections.push_back(sj);
    }
    j["sections"] = sections;
    j["tables"] = {table_json(r.table2, lines), table_json(r.table3, lines), table_json(r.table4, lines)};
    if (r.signed_date) {
        const Date& d = *r.signed_date;
        j["signed"] = {{"year", d.year}, {"month", d.month}, {"day", d.day}, {"raw", d.raw},
                       {"location", location_json(lines, d.span)}};
    }
    nlohmann::json dates = nlohmann::json::array();
    for (const auto& d : r.dates)
        dates.push_back({{"year", d.year}, {"month", d.month}, {"day", d.day}, {"valid", d.valid},
                         {"location", location_json(lines, d.span)}});
    j["dates"] = dates;
    nlohmann::json unread = nlohmann::json::array();
    for (const auto& u : r.unread) unread.push_back({{"what", u.what}, {"location", location_json(lines, u.span)}});
    j["unread"] = unread;
    return j;
}

std::string report_to_json(const Report& report, int indent) {
    LineIndex lines(report.source);
    return dump_json(report_json(report, lines), indent);
}

std::string extract_to_json(std::string_view utf8_text) { return report_to_json(read_report(utf8_text), 2); }

}  // namespace nianbao
