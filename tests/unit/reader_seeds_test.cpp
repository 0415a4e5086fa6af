// Golden tests of the reader on the five seeds and three real reports
// (tests/fixtures): every number of tables 二, 三 and 四 written out by hand
// from the source text, with the line it stands on, and the spans: each cell
// points at exactly the number as written, cells come in reading order, and a
// cell never sits above its row label or below the next row's label. Also the
// sections with their heading lines, the title, and the structural findings
// (row-missing, cell-count, table-missing, section-missing) each report has.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::BodyKind;
using nianbao::Cell;
using nianbao::CellStatus;
using nianbao::LineIndex;
using nianbao::Report;
using nianbao::Row;
using nianbao::Table;

namespace {

std::string read_fixture(const std::string& name) {
    std::string text = nianbao::test::read_fixture(name);
    REQUIRE_MESSAGE(!text.empty(), "fixture: " << name);
    return text;
}

struct Row2 {
    std::string_view key;
    int line;                              // the line the numbers stand on
    std::vector<std::string_view> raw;     // the numbers as written
    std::vector<double> value;             // their values (the fee may be decimal)
};

struct Row3 {
    std::string_view key;                  // a data row, or a group given as one row
    int line;                              // line of the row's first number
    std::array<int64_t, 7> value;
};

struct Heading {
    int line;
    std::string_view text;                 // as written, without the numeral
};

struct Structural {
    std::string_view id;
    int line;
};

struct Golden {
    std::string_view file;
    std::string_view title, body;
    BodyKind kind;
    int year;
    int title_first_line, title_last_line;
    std::array<Heading, 6> sections;
    std::vector<Row2> t2;
    std::vector<Row3> t3;
    int t4_line;
    std::array<int64_t, 15> t4;
    std::vector<Structural> structural;    // the structural findings, in order
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The source text at `span`.
std::string_view at(const Report& r, nianbao::Span span) {
    return std::string_view(r.source).substr(span.begin, span.size());
}

// A cell's span holds exactly its raw text, the raw text is the whole number
// (no digit glued on either side) and is what the golden says.
void check_cell_span(const Report& r, const Cell& c, std::string_view raw) {
    CHECK(c.raw == raw);
    CHECK(at(r, c.span) == c.raw);
    REQUIRE(c.span.end <= r.source.size());
    if (c.span.begin > 0) CHECK_FALSE(is_ascii_digit(r.source[c.span.begin - 1]));
    if (c.span.end < r.source.size()) CHECK_FALSE(is_ascii_digit(r.source[c.span.end]));
}

const Row* find_row(const Table& t, std::string_view key) {
    for (const auto& row : t.rows)
        if (row.spec && row.spec->key == key) return &row;
    return nullptr;
}

// Every cell of a table in template order: spans strictly increase; a cell is
// on its row label's line or later, and above the next found row's label.
void check_reading_order(const Table& t, const LineIndex& lines) {
    uint32_t last_end = 0;
    bool first = true;
    for (size_t j = 0; j < t.rows.size(); ++j) {
        const Row& row = t.rows[j];
        if (!row.found) continue;
        const Row* next = nullptr;
        for (size_t k = j + 1; k < t.rows.size() && !next; ++k)
            if (t.rows[k].found) next = &t.rows[k];
        const bool labelled = !row.raw_label.empty();
        const uint32_t label_line = labelled ? lines.position(row.label_span.begin).line : 0;
        for (size_t k = 0; k < row.cells.size(); ++k) {
            const Cell& c = row.cells[k];
            INFO("row " << row.spec->key << " cell " << k);
            REQUIRE_FALSE(c.span.empty());
            if (!first) CHECK(c.span.begin >= last_end);  // after the previous cell, no overlap
            CHECK(c.span.end > c.span.begin);
            first = false;
            last_end = c.span.end;
            const uint32_t line = lines.position(c.span.begin).line;
            if (labelled) CHECK(line >= label_line);
            if (next && !next->raw_label.empty()) CHECK(line < lines.position(next->label_span.begin).line);
            CHECK(row.span.begin <= c.span.begin);
            CHECK(c.span.end <= row.span.end);
        }
    }
}

void check_golden(const Golden& g) {
    INFO("report " << g.file);
    const std::string text = read_fixture(std::string(g.file));
    const nianbao::Result result = nianbao::check(text);
    const Report& r = result.report;
    const LineIndex lines(r.source);
    CHECK(r.source == text);
    CHECK(r.format->id == "2021");

    // Title, body, kind, year.
    REQUIRE(r.title_span.has_value());
    CHECK(r.title == g.title);
    CHECK(r.body_name == g.body);
    CHECK(r.body_kind == g.kind);
    CHECK(r.year == g.year);
    CHECK(lines.position(r.title_span->begin).line == static_cast<uint32_t>(g.title_first_line));
    CHECK(lines.position(r.title_span->end - 1).line == static_cast<uint32_t>(g.title_last_line));

    // The six sections, each at its heading line.
    for (int s = 1; s <= 6; ++s) {
        INFO("section " << s);
        const nianbao::Section& sec = r.section(s);
        REQUIRE(sec.found);
        CHECK(lines.position(sec.heading_span.begin).line == static_cast<uint32_t>(g.sections[s - 1].line));
        CHECK(sec.heading == g.sections[s - 1].text);
        CHECK(sec.body.begin >= sec.heading_span.end);
    }
    // 四、结转下年度继续办理 is a row of table 三, not the heading of section 四.
    const Row* carried_out = find_row(r.table3, "t3.carried_out");
    REQUIRE(carried_out != nullptr);
    REQUIRE(carried_out->found);
    CHECK(carried_out->raw_label.find("结转下年度继续办理") != std::string::npos);
    CHECK(r.section(4).heading_span.begin >= carried_out->span.end);
    CHECK(at(r, r.section(4).heading_span).find("结转") == std::string_view::npos);

    // Table 二: every number, the line it stands on, its text as written.
    const Table& t2 = r.table2;
    REQUIRE(t2.found);
    REQUIRE(t2.rows.size() == g.t2.size());
    for (const Row2& want : g.t2) {
        INFO("table 2 row " << want.key);
        const Row* row = find_row(t2, want.key);
        REQUIRE(row != nullptr);
        REQUIRE(row->found);
        REQUIRE(row->cells.size() == want.raw.size());
        for (size_t k = 0; k < want.raw.size(); ++k) {
            INFO("column " << k);
            const Cell& c = row->cells[k];
            CHECK(c.status == CellStatus::Ok);
            if (row->spec->decimal) CHECK(c.amount == doctest::Approx(want.value[k]));
            else CHECK(c.value == static_cast<int64_t>(want.value[k]));
            check_cell_span(r, c, want.raw[k]);
            CHECK(lines.position(c.span.begin).line == static_cast<uint32_t>(want.line));
        }
    }
    check_reading_order(t2, lines);

    // Table 三: 25 data rows of 7 (or a group given as one row).
    const Table& t3 = r.table3;
    REQUIRE(t3.found);
    REQUIRE(t3.rows.size() == t3.spec->rows.size());
    std::map<std::string_view, const Row3*> want3;
    for (const Row3& w : g.t3) want3[w.key] = &w;
    for (const Row& row : t3.rows) {
        INFO("table 3 row " << row.spec->key);
        auto it = want3.find(row.spec->key);
        if (it == want3.end()) {
            CHECK_FALSE(row.found);
            CHECK_FALSE(row.collapsed_group);
            for (const Cell& c : row.cells) CHECK(c.status == CellStatus::Missing);
            continue;
        }
        const Row3& want = *it->second;
        REQUIRE(row.found);
        CHECK(row.collapsed_group == (row.spec->cells == 0));
        REQUIRE(row.cells.size() == 7);
        CHECK(lines.position(row.cells[0].span.begin).line == static_cast<uint32_t>(want.line));
        for (size_t k = 0; k < 7; ++k) {
            INFO("column " << k);
            const Cell& c = row.cells[k];
            CHECK(c.status == CellStatus::Ok);
            CHECK(c.value == want.value[k]);
            check_cell_span(r, c, std::to_string(want.value[k]));
        }
    }
    check_reading_order(t3, lines);

    // Table 四: one row of 15.
    const Table& t4 = r.table4;
    REQUIRE(t4.found);
    REQUIRE(t4.rows.size() == 1);
    REQUIRE(t4.rows[0].cells.size() == 15);
    for (size_t k = 0; k < 15; ++k) {
        INFO("table 4 column " << k);
        const Cell& c = t4.rows[0].cells[k];
        CHECK(c.status == CellStatus::Ok);
        CHECK(c.value == g.t4[k]);
        check_cell_span(r, c, std::to_string(g.t4[k]));
        CHECK(lines.position(c.span.begin).line == static_cast<uint32_t>(g.t4_line));
    }
    check_reading_order(t4, lines);
    CHECK(t4.rows[0].cells[0].span.begin > r.section(4).heading_span.end);

    // The structural findings, where they are.
    std::vector<Structural> got;
    for (const auto& f : result.findings)
        if (f.id == "row-missing" || f.id == "cell-count" || f.id == "table-unreadable" || f.id == "table-missing" ||
            f.id == "section-missing")
            got.push_back({f.id, static_cast<int>(lines.position(f.span.begin).line)});
    REQUIRE(got.size() == g.structural.size());
    for (size_t k = 0; k < got.size(); ++k) {
        CHECK(got[k].id == g.structural[k].id);
        CHECK(got[k].line == g.structural[k].line);
    }
}

// Keys of table 三's data rows, in template order.
#define T3_DATA_KEYS                                                                                                   \
    "t3.new", "t3.carried_in", "t3.disclosed", "t3.partly", "t3.refused.1", "t3.refused.2", "t3.refused.3",            \
        "t3.refused.4", "t3.refused.5", "t3.refused.6", "t3.refused.7", "t3.refused.8", "t3.unable.1", "t3.unable.2",  \
        "t3.unable.3", "t3.declined.1", "t3.declined.2", "t3.declined.3", "t3.declined.4", "t3.declined.5",            \
        "t3.other.1", "t3.other.2", "t3.other.3", "t3.total", "t3.carried_out"

// A seed's table 三 where every number is 0: the key and the line of each row.
std::vector<Row3> zero_rows(const std::array<int, 25>& line_of) {
    static const char* const keys[25] = {T3_DATA_KEYS};
    std::vector<Row3> out;
    for (int k = 0; k < 25; ++k) out.push_back({keys[k], line_of[k], {0, 0, 0, 0, 0, 0, 0}});
    return out;
}

std::array<Heading, 6> standard_headings(std::array<int, 6> line) {
    return {{{line[0], "总体情况"},
             {line[1], "主动公开政府信息情况"},
             {line[2], "收到和处理政府信息公开申请情况"},
             {line[3], "政府信息公开行政复议、行政诉讼情况"},
             {line[4], "存在的主要问题及改进情况"},
             {line[5], "其他需要报告的事项"}}};
}

}  // namespace

TEST_CASE("reader golden: seed 000, PDF copy, one row a line, labels broken over lines, full-width ０") {
    Golden g;
    g.file = "seeds/000_871ede2c728ee505.txt";
    g.title = "榆阳区巴拉素镇人民政府2024年度政府信息公开工作年度报告";
    g.body = "榆阳区巴拉素镇人民政府";
    g.kind = BodyKind::Township;
    g.year = 2024;
    g.title_first_line = 1;
    g.title_last_line = 3;
    g.sections = standard_headings({17, 85, 115, 223, 282, 321});
    g.t2 = {
        {"t2.regulation", 91, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 93, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.permit", 99, {"０"}, {0}},
        {"t2.penalty", 105, {"0"}, {0}},
        {"t2.enforcement", 107, {"0"}, {0}},
        {"t2.fee", 113, {"0"}, {0}},
    };
    g.t3 = zero_rows({150, 152, 160, 164, 170, 172, 174, 176, 178, 180, 182, 184, 190,
                      192, 194, 200, 202, 204, 206, 208, 214, 216, 218, 220, 222});
    g.t4_line = 280;
    g.t4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    g.structural = {};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    const Row* permit = find_row(r.table2, "t2.permit");
    REQUIRE(permit);
    CHECK(permit->cells[0].fullwidth);
    CHECK(r.table3.row("t3.declined.5")->raw_label == "5.要求行政机关确认或重新出具");
    CHECK(r.table3.row("t3.partly")->raw_label == "（二）部分公开（区分处理的，只计这一情形， 不计其他情形）");
}

TEST_CASE("reader golden: seed 001, Word copy, tabs, merged cells, 2 at 予以公开·自然人, stray numbers") {
    Golden g;
    g.file = "seeds/001_596907d86b561f89.txt";
    g.title = "河曲县巡镇镇人民政府巡镇镇2024年政府信息公开工作年报";
    g.body = "河曲县巡镇镇人民政府";
    g.kind = BodyKind::Township;
    g.year = 2024;
    g.title_first_line = 3;
    g.title_last_line = 5;
    g.sections = standard_headings({7, 15, 32, 65, 72, 88});
    g.t2 = {
        {"t2.regulation", 19, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 20, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.permit", 23, {"0"}, {0}},
        {"t2.penalty", 26, {"0"}, {0}},       // 行政处罚	0	0	0: two stray numbers
        {"t2.enforcement", 27, {"0"}, {0}},   // 行政强制	0	0	0
        {"t2.fee", 30, {"0"}, {0}},           // 行政事业性收费	0	0	0
    };
    g.t3 = {
        {"t3.new", 37, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.carried_in", 38, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.disclosed", 39, {2, 0, 0, 0, 0, 0, 0}},
        {"t3.partly", 40, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.1", 43, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.2", 44, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.3", 45, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.4", 46, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.5", 47, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.6", 48, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.7", 49, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.8", 50, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.1", 51, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.2", 52, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.3", 53, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.1", 54, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.2", 55, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.3", 56, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.4", 57, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.5", 58, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other.1", 59, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other.2", 60, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other.3", 61, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.total", 62, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.carried_out", 63, {0, 0, 0, 0, 0, 0, 0}},
    };
    g.t4_line = 70;  // 16 numbers: one stray
    g.t4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    // Three of table 二's six rows carry stray numbers: the table, not each row.
    g.structural = {{"table-unreadable", 26}, {"cell-count", 70}};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    for (std::string key : {"t2.penalty", "t2.enforcement", "t2.fee"}) {
        INFO(key);
        CHECK(r.table2.row(key)->numbers_found == 3);
        CHECK(r.table2.row(key)->extra.size() == 2);
    }
    CHECK(r.table3.row("t3.disclosed")->raw_label == "(一) 予以公开");
    CHECK(r.table4.rows[0].numbers_found == 16);
    CHECK(r.table4.rows[0].extra.size() == 1);
    // The column header as written (本年度止件数 for 本年废止件数).
    bool header = false;
    for (const auto& h : r.table2.headers)
        if (h.column == 1 && h.block == "第二十条第（一）项") {
            header = true;
            CHECK(h.raw == "本年度止件数");
            CHECK(h.official == "本年废止件数");
        }
    CHECK(header);
}

TEST_CASE("reader golden: seed 002, PDF copy, a row's last number wrapped onto the next line") {
    Golden g;
    g.file = "seeds/002_a4f66517a6301564.txt";
    g.title = "卫滨区平原镇2024年政府信息公开工作年度报告";
    g.body = "卫滨区平原镇";
    g.kind = BodyKind::Township;
    g.year = 2024;
    g.title_first_line = 2;
    g.title_last_line = 2;
    g.sections = standard_headings({4, 45, 73, 186, 234, 251});
    g.t2 = {
        {"t2.regulation", 50, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 52, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.permit", 57, {"0"}, {0}},
        {"t2.penalty", 62, {"0"}, {0}},
        {"t2.enforcement", 64, {"0"}, {0}},
        {"t2.fee", 69, {"0"}, {0}},
    };
    g.t3 = zero_rows({101, 103, 109, 114, 120, 122, 124, 126, 128, 130, 132, 134, 139,
                      141, 143, 148, 150, 152, 154, 159, 168, 175, 178, 180, 182});
    g.t4_line = 232;
    g.t4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    g.structural = {};
    check_golden(g);

    // "0 0 0 0 0 0" then "0": the seventh number is on the next line.
    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    const LineIndex lines(r.source);
    const std::pair<const char*, uint32_t> wrapped[] = {{"t3.partly", 115}, {"t3.other.1", 169}, {"t3.other.2", 176}};
    for (const auto& w : wrapped) {
        const char* key = w.first;
        const uint32_t line = w.second;
        INFO(std::string(key));
        const Row* row = r.table3.row(key);
        REQUIRE(row);
        CHECK(row->numbers_found == 7);
        CHECK(lines.position(row->cells[5].span.begin).line == line - 1);
        CHECK(lines.position(row->cells[6].span.begin).line == line);
    }
}

TEST_CASE("reader golden: seed 003, Markdown headings, a label shifted into the first cell, 8 numbers at 总计") {
    Golden g;
    g.file = "seeds/003_42f29cd10deb4ca1.txt";
    g.title = "叶城县白杨镇人民政府2024年政府信息公开工作年度报告";
    g.body = "叶城县白杨镇人民政府";
    g.kind = BodyKind::Township;
    g.year = 2024;
    g.title_first_line = 3;
    g.title_last_line = 3;
    g.sections = standard_headings({5, 23, 40, 72, 79, 97});
    g.t2 = {
        {"t2.regulation", 27, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 28, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.permit", 31, {"0"}, {0}},
        {"t2.penalty", 34, {"0"}, {0}},
        {"t2.enforcement", 35, {"0"}, {0}},
        {"t2.fee", 38, {"0"}, {0}},
    };
    g.t3 = zero_rows({45, 46, 47, 48, 49, 50, 51, 52, 54, 55, 56, 57, 58,
                      59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70});
    g.t4_line = 77;
    g.t4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    g.structural = {{"cell-count", 69}};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    // "4.保护第三方合法权益" written in the first cell, not the second.
    CHECK(r.table3.row("t3.refused.4")->raw_label == "4.保护第三方合法权益");
    const Row* total = r.table3.row("t3.total");
    CHECK(total->numbers_found == 8);
    REQUIRE(total->extra.size() == 1);
    CHECK(total->extra[0].raw == "0");
    CHECK(total->extra[0].span.begin >= total->cells[6].span.end);
    // "## **（二）改进情况**" inside section 五 is not a section heading.
    const LineIndex lines(r.source);
    CHECK(r.section(5).body.end <= r.section(6).heading_span.begin);
    CHECK(lines.position(r.section(5).body.end).line == 97);
    CHECK(lines.position(r.section(6).heading_span.begin).line == 97);
}

TEST_CASE("reader golden: seed 004, web page copy, tab-separated, clean") {
    Golden g;
    g.file = "seeds/004_cefec1d860d17dad.txt";
    g.title = "平罗县陶乐镇2024年政府信息公开工作年度报告";
    g.body = "平罗县陶乐镇";
    g.kind = BodyKind::Township;
    g.year = 2024;
    g.title_first_line = 3;
    g.title_last_line = 3;
    g.sections = standard_headings({7, 35, 52, 83, 90, 100});
    g.sections[4].text = "存在主要问题及改进情况";
    g.t2 = {
        {"t2.regulation", 39, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 40, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.permit", 43, {"0"}, {0}},
        {"t2.penalty", 46, {"0"}, {0}},
        {"t2.enforcement", 47, {"0"}, {0}},
        {"t2.fee", 50, {"0"}, {0}},
    };
    g.t3 = zero_rows({57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69,
                      70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81});
    g.t4_line = 88;
    g.t4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    g.structural = {};
    check_golden(g);
}

TEST_CASE("reader golden: real 006, 淮安市 2024, thousands of applications, page numbers inside tables") {
    Golden g;
    g.file = "real/006_huaian_city_2024.txt";
    g.title = "淮安市人民政府2024年政府信息公开工作年度报告";
    g.body = "淮安市人民政府";
    g.kind = BodyKind::Government;
    g.year = 2024;
    g.title_first_line = 2;
    g.title_last_line = 3;
    g.sections = standard_headings({10, 61, 77, 140, 171, 184});
    g.t2 = {
        {"t2.regulation", 64, {"1", "0", "11"}, {1, 0, 11}},
        {"t2.normative", 65, {"8", "26", "66"}, {8, 26, 66}},
        {"t2.permit", 68, {"447228"}, {447228}},
        {"t2.penalty", 72, {"3985758"}, {3985758}},
        {"t2.enforcement", 73, {"88283"}, {88283}},
        {"t2.fee", 76, {"96171.6"}, {96171.6}},
    };
    g.t3 = {
        {"t3.new", 92, {3001, 53, 0, 0, 61, 4, 3119}},
        {"t3.carried_in", 93, {34, 0, 0, 0, 0, 0, 34}},
        {"t3.disclosed", 102, {1288, 21, 0, 0, 50, 3, 1362}},
        {"t3.partly", 104, {447, 7, 0, 0, 0, 0, 454}},
        {"t3.refused.1", 107, {2, 0, 0, 0, 0, 0, 2}},
        {"t3.refused.2", 108, {30, 1, 0, 0, 0, 0, 31}},
        {"t3.refused.3", 109, {5, 0, 0, 0, 0, 0, 5}},
        {"t3.refused.4", 110, {6, 0, 0, 0, 0, 0, 6}},
        {"t3.refused.5", 111, {7, 1, 0, 0, 0, 0, 8}},
        {"t3.refused.6", 112, {12, 0, 0, 0, 0, 0, 12}},
        {"t3.refused.7", 113, {9, 0, 0, 0, 0, 0, 9}},
        {"t3.refused.8", 114, {105, 0, 0, 0, 0, 0, 105}},
        {"t3.unable.1", 115, {746, 12, 0, 0, 10, 1, 769}},
        {"t3.unable.2", 117, {11, 0, 0, 0, 0, 0, 11}},    // after the page number "- 5 -"
        {"t3.unable.3", 118, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.declined.1", 121, {56, 6, 0, 0, 0, 0, 62}},
        {"t3.declined.2", 122, {25, 0, 0, 0, 0, 0, 25}},
        {"t3.declined.3", 123, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.4", 124, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.5", 126, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.other.1", 132, {67, 3, 0, 0, 1, 0, 71}},
        {"t3.other.2", 136, {6, 0, 0, 0, 0, 0, 6}},
        {"t3.other.3", 137, {108, 2, 0, 0, 0, 0, 110}},
        {"t3.total", 138, {2932, 53, 0, 0, 61, 4, 3050}},
        {"t3.carried_out", 139, {103, 0, 0, 0, 0, 0, 103}},
    };
    g.t4_line = 170;
    g.t4 = {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20};
    g.structural = {};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    const LineIndex lines(r.source);
    // The page numbers inside the tables are set aside, not read as cells.
    std::vector<uint32_t> pages;
    for (const auto& u : r.unread)
        if (u.what == "page number") pages.push_back(lines.position(u.span.begin).line);
    CHECK(pages == std::vector<uint32_t>{70, 116});
    const Cell& fee = r.table2.row("t2.fee")->cells[0];
    CHECK(fee.decimal);
    // "三、" then 本 年 度 办 理 结 果 one character a line: a group label.
    CHECK_FALSE(r.table3.row("t3.results")->found);
    CHECK(r.table3.row("t3.other.1")->raw_label ==
          "1、申请人无正当理由逾期不补 正、行政机关不再处理其政府信 息公开申请");
}

TEST_CASE("reader golden: real 007, 洪泽区 2023, （六）其他处理 as one row, table 四 totals 0") {
    Golden g;
    g.file = "real/007_hongze_district_2023.txt";
    g.title = "洪泽区人民政府2023年政府信息公开工作年度报告";
    g.body = "洪泽区人民政府";
    g.kind = BodyKind::Government;
    g.year = 2023;
    g.title_first_line = 2;
    g.title_last_line = 3;
    g.sections = standard_headings({11, 40, 56, 112, 139, 152});
    g.t2 = {
        {"t2.regulation", 43, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 44, {"0", "5", "5"}, {0, 5, 5}},
        {"t2.permit", 47, {"550"}, {550}},
        {"t2.penalty", 51, {"4119"}, {4119}},
        {"t2.enforcement", 52, {"195"}, {195}},
        {"t2.fee", 55, {"7730.28"}, {7730.28}},
    };
    g.t3 = {
        {"t3.new", 74, {21, 0, 0, 0, 0, 0, 21}},
        {"t3.carried_in", 75, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.disclosed", 85, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.partly", 87, {4, 0, 0, 0, 0, 0, 4}},
        {"t3.refused.1", 89, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.2", 90, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.3", 91, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.4", 92, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.5", 93, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.6", 94, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.7", 95, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.8", 96, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.1", 98, {10, 0, 0, 0, 0, 0, 10}},
        {"t3.unable.2", 99, {3, 0, 0, 0, 0, 0, 3}},
        {"t3.unable.3", 101, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.1", 103, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.declined.2", 104, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.3", 105, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.4", 106, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.5", 108, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other", 109, {0, 0, 0, 0, 0, 0, 0}},        // the group given as one row
        {"t3.total", 110, {21, 0, 0, 0, 0, 0, 21}},
        {"t3.carried_out", 111, {0, 0, 0, 0, 0, 0, 0}},
    };
    g.t4_line = 138;
    g.t4 = {10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0};
    g.structural = {{"row-missing", 109}};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    CHECK(r.table3.row("t3.refused.2")->raw_label == "2.其他法律行政止公开");
    CHECK(r.table3.row("t3.declined.5")->raw_label == "5.要求行政机关确认或重 新出具 已获取信息");
}

TEST_CASE("reader golden: real 008, 洪泽区 2024, label typo 其他法律行政止公开") {
    Golden g;
    g.file = "real/008_hongze_district_2024.txt";
    g.title = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告";
    g.body = "淮安市洪泽区人民政府";
    g.kind = BodyKind::Government;
    g.year = 2024;
    g.title_first_line = 2;
    g.title_last_line = 3;
    g.sections = standard_headings({10, 41, 57, 112, 139, 155});
    g.t2 = {
        {"t2.regulation", 44, {"0", "0", "0"}, {0, 0, 0}},
        {"t2.normative", 45, {"3", "0", "8"}, {3, 0, 8}},
        {"t2.permit", 48, {"9487"}, {9487}},
        {"t2.penalty", 52, {"2776"}, {2776}},
        {"t2.enforcement", 53, {"84"}, {84}},
        {"t2.fee", 56, {"7545"}, {7545}},
    };
    g.t3 = {
        {"t3.new", 75, {95, 0, 0, 0, 0, 0, 95}},
        {"t3.carried_in", 76, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.disclosed", 86, {50, 0, 0, 0, 0, 0, 50}},
        {"t3.partly", 88, {9, 0, 0, 0, 0, 0, 9}},
        {"t3.refused.1", 90, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.2", 91, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.3", 92, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.4", 93, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.5", 94, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.6", 95, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.7", 96, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.refused.8", 97, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.1", 98, {31, 0, 0, 0, 0, 0, 31}},   // "（四）无法提供 1.本机关…" on one line
        {"t3.unable.2", 100, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.unable.3", 101, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.1", 103, {1, 0, 0, 0, 0, 0, 1}},
        {"t3.declined.2", 104, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.3", 105, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.4", 106, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.5", 108, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other", 109, {0, 0, 0, 0, 0, 0, 0}},
        {"t3.total", 110, {95, 0, 0, 0, 0, 0, 95}},
        {"t3.carried_out", 111, {0, 0, 0, 0, 0, 0, 0}},
    };
    g.t4_line = 138;
    g.t4 = {1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3};
    g.structural = {{"row-missing", 109}};
    check_golden(g);

    const Report r = nianbao::read_report(read_fixture(std::string(g.file)));
    CHECK(r.table3.row("t3.refused.2")->raw_label == "2.其他法律行政止公开");
    CHECK(r.table3.row("t3.unable.1")->raw_label == "1.本机关不掌握相关政府信息");
}
