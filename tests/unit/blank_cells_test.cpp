// Blank cells of tab-separated tables (core/src/tables/rows.cpp,
// core/src/tables/tables.cpp) and the cell-blank rule (core/src/rules/tables.cpp).
// A web page's table leaves cells empty where the template asks for 0: the
// empty cells between and after a row's numbers are blank cells (read as 0,
// cell-blank), a label followed by nothing but empty cells is a row left
// blank; the one tab a Word copy ends every row with stays layout. Each case
// starts from a clean report and changes one line.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Cell;
using nianbao::CellStatus;
using nianbao::Finding;
using nianbao::Result;
using nianbao::Row;
using nianbao::test::ReportText;
namespace T = nianbao::test;

namespace {

std::string at(const Result& r, nianbao::Span s) { return r.report.source.substr(s.begin, s.size()); }

// `s` with its one `from` replaced by `to`.
std::string replace(std::string s, const std::string& from, const std::string& to) {
    const size_t pos = s.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    REQUIRE_MESSAGE(s.find(from, pos + 1) == std::string::npos, from);
    s.replace(pos, from.size(), to);
    return s;
}

// Line `line` (1-based) of `text` replaced by `to`; it must read `from` first.
std::string replace_line(const std::string& text, int line, const std::string& from, const std::string& to) {
    size_t begin = 0;
    for (int l = 1; l < line; ++l) {
        begin = text.find('\n', begin);
        REQUIRE(begin != std::string::npos);
        ++begin;
    }
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    REQUIRE(text.substr(begin, end - begin) == from);
    return text.substr(0, begin) + to + text.substr(end);
}

std::vector<CellStatus> statuses(const Row& row) {
    std::vector<CellStatus> out;
    for (const Cell& c : row.cells) out.push_back(c.status);
    return out;
}

std::vector<int64_t> values(const Row& row) {
    std::vector<int64_t> out;
    for (const Cell& c : row.cells) out.push_back(c.value);
    return out;
}

std::vector<int> columns(const Finding& f) {
    std::vector<int> out;
    for (const auto& c : f.cells) out.push_back(c.column);
    return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

constexpr CellStatus Ok = CellStatus::Ok;
constexpr CellStatus Blank = CellStatus::Blank;

const std::string kZeros7 = "\t0\t0\t0\t0\t0\t0\t0\n";
const std::string kZeros15 = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";

// Seed 004 (a Word copy of a web page): every full row of table 三 ends in one
// tab of layout ("…\t0\t0\t0\t0\t0\t0\t0\t"); line 59 is （一）予以公开.
const char* const kSeed004 = "seeds/004_cefec1d860d17dad.txt";
const char* const kSeed004Disclosed = "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t";

}  // namespace

// --- a row that falls short: the empty cells after its numbers ----------------

TEST_CASE("blank cells: a web page's table 三 row that ends in empty cells has them as blank cells, 7 in all") {
    ReportText rt;
    // The web page left 科研机构, 社会公益组织 and 总计 empty: the row ends at
    // its last cell, one tab before it.
    const std::string text = replace(rt.str(), "三、本年度办理结果\t(一) 予以公开" + kZeros7,
                                     "三、本年度办理结果\t(一) 予以公开\t258\t12\t\t\t1\t1\t\n");
    const Result r = nianbao::check(text);
    const Row* row = r.report.table3.row("t3.disclosed");
    REQUIRE(row);
    CHECK(row->found);
    REQUIRE(row->cells.size() == 7);
    CHECK(statuses(*row) == std::vector<CellStatus>{Ok, Ok, Blank, Blank, Ok, Ok, Blank});
    CHECK(values(*row) == std::vector<int64_t>{258, 12, 0, 0, 1, 1, 0});
    CHECK(at(r, row->cells[0].span) == "258");
    CHECK(at(r, row->cells[5].span) == "1");
    CHECK(row->extra.empty());
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(blank[0].severity == nianbao::Severity::Warning);
    CHECK(columns(blank[0]) == std::vector<int>{2, 3, 6});
    CHECK(at(r, blank[0].span) == "(一) 予以公开\t258\t12\t\t\t1\t1");
}

TEST_CASE("blank cells: in a Word copy whose rows end in one tab, six numbers and that tab are still cell-count") {
    const std::string seed = T::read_fixture(kSeed004);
    REQUIRE_FALSE(seed.empty());
    {
        // The closing tab is layout: the row has six numbers, 总计 is missing.
        const std::string text =
            replace_line(seed, 59, kSeed004Disclosed, "三、本年度办理结果\t(一) 予以公开\t5\t1\t0\t0\t0\t0\t");
        const Result r = nianbao::check(text);
        const Row* row = r.report.table3.row("t3.disclosed");
        REQUIRE(row);
        CHECK(row->found);
        CHECK(row->numbers_found == 6);
        CHECK(statuses(*row) == std::vector<CellStatus>{Ok, Ok, Ok, Ok, Ok, Ok, CellStatus::Missing});
        const auto count = nianbao::test::findings_with(r, "cell-count");
        REQUIRE(count.size() == 1);
        CHECK(contains(count[0].message_zh, "读到 6 个"));
        CHECK(at(r, count[0].span) == "(一) 予以公开\t5\t1\t0\t0\t0\t0");
        CHECK(nianbao::test::findings_with(r, "cell-blank").empty());
    }
    {
        // One empty cell before that tab: 总计 left blank.
        const std::string text =
            replace_line(seed, 59, kSeed004Disclosed, "三、本年度办理结果\t(一) 予以公开\t5\t1\t0\t0\t0\t0\t\t");
        const Result r = nianbao::check(text);
        const Row* row = r.report.table3.row("t3.disclosed");
        REQUIRE(row);
        CHECK(statuses(*row) == std::vector<CellStatus>{Ok, Ok, Ok, Ok, Ok, Ok, Blank});
        CHECK(nianbao::test::findings_with(r, "cell-count").empty());
        const auto blank = nianbao::test::findings_with(r, "cell-blank");
        REQUIRE(blank.size() == 1);
        CHECK(columns(blank[0]) == std::vector<int>{6});
        CHECK(contains(blank[0].message_zh, "·总计 是空白（空单元格）"));
    }
}

// --- a label followed only by empty cells: a row left blank -------------------

TEST_CASE("blank cells: a table 三 label followed only by empty cells is a blank row, the rows after keep their numbers") {
    ReportText rt;
    rt.set_row3(T::kRefused1, {2, 0, 0, 0, 0, 0});
    rt.set_row3(T::kRefused1 + 2, {5, 1, 0, 0, 0, 0});  // 3. 危及“三安全一稳定”
    rt.set_row3(T::kRefused1 + 3, {6, 0, 0, 0, 1, 0});  // 4. 保护第三方合法权益
    const std::string text = replace(rt.str(), "\t\t2. 其他法律行政法规禁止公开" + kZeros7,
                                     "\t\t2. 其他法律行政法规禁止公开\t\t\t\t\t\t\t\n");
    const Result r = nianbao::check(text);
    const Row* row = r.report.table3.row("t3.refused.2");
    REQUIRE(row);
    CHECK(row->found);
    CHECK(row->raw_label == "2. 其他法律行政法规禁止公开");
    CHECK(statuses(*row) == std::vector<CellStatus>(7, Blank));
    CHECK(values(*row) == std::vector<int64_t>(7, 0));
    CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(columns(blank[0]) == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(at(r, blank[0].span) == "2. 其他法律行政法规禁止公开");
    CHECK(contains(blank[0].message_zh, "一行有 7 个单元格空白"));
    // The neighbours keep their own numbers.
    CHECK(values(*r.report.table3.row("t3.refused.1")) == std::vector<int64_t>{2, 0, 0, 0, 0, 0, 2});
    const Row* next = r.report.table3.row("t3.refused.3");
    CHECK(values(*next) == std::vector<int64_t>{5, 1, 0, 0, 0, 0, 6});
    CHECK(next->raw_label == "3. 危及“三安全一稳定”");
    CHECK(next->cells[0].span.begin > row->span.end);
    CHECK(values(*r.report.table3.row("t3.refused.4")) == std::vector<int64_t>{6, 0, 0, 0, 1, 0, 7});
}

TEST_CASE("blank cells: a table 三 label with fewer empty cells than the table is wide is no row (row-missing)") {
    ReportText rt;
    rt.set_row3(T::kRefused1 + 2, {5, 1, 0, 0, 0, 0});
    const std::string text = replace(rt.str(), "\t\t2. 其他法律行政法规禁止公开" + kZeros7,
                                     "\t\t2. 其他法律行政法规禁止公开\t\t\t\t\t\t\n");  // six, not seven
    const Result r = nianbao::check(text);
    CHECK_FALSE(r.report.table3.row("t3.refused.2")->found);
    const auto missing = nianbao::test::findings_with(r, "row-missing");
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0].message_zh, "2.其他法律行政法规禁止公开"));
    CHECK(values(*r.report.table3.row("t3.refused.3")) == std::vector<int64_t>{5, 1, 0, 0, 0, 0, 6});
    CHECK(nianbao::test::findings_with(r, "cell-blank").empty());
}

TEST_CASE("blank cells: in a Word copy (rows end in a tab) a label needs one empty cell more to be a blank row") {
    const std::string seed = T::read_fixture(kSeed004);
    REQUIRE_FALSE(seed.empty());
    const char* const line63 = "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0";
    {
        const Result r = nianbao::check(replace_line(seed, 63, line63, "\t\t3. 危及“三安全一稳定”\t\t\t\t\t\t\t\t"));
        CHECK(r.report.table3.row("t3.refused.3")->found);
        CHECK(statuses(*r.report.table3.row("t3.refused.3")) == std::vector<CellStatus>(7, Blank));
        CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    }
    {
        const Result r = nianbao::check(replace_line(seed, 63, line63, "\t\t3. 危及“三安全一稳定”\t\t\t\t\t\t\t"));
        CHECK_FALSE(r.report.table3.row("t3.refused.3")->found);
        CHECK(nianbao::test::findings_with(r, "row-missing").size() == 1);
    }
}

TEST_CASE("blank cells: a table 二 row left blank (行政许可 and empty cells) is found with a blank cell") {
    ReportText rt;
    const Result r = nianbao::check(replace(rt.str(), "行政许可\t0\t\t\n", "行政许可\t\t\t\n"));
    const Row* row = r.report.table2.row("t2.permit");
    REQUIRE(row);
    CHECK(row->found);
    REQUIRE(row->cells.size() == 1);
    CHECK(row->cells[0].status == Blank);
    CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(columns(blank[0]) == std::vector<int>{0});
    CHECK(at(r, blank[0].span) == "行政许可");  // an empty cell: the finding is on the row
    CHECK(contains(blank[0].message_zh, "“行政许可”·本年处理决定数量 是空白（空单元格）"));
    // The rows after it keep theirs.
    CHECK(r.report.table2.row("t2.penalty")->found);
    CHECK(r.report.table2.row("t2.penalty")->cells[0].status == Ok);
}

TEST_CASE("blank cells: 行政许可 with fewer empty cells than table 二 is wide is still row-missing") {
    ReportText rt;
    const Result r = nianbao::check(replace(rt.str(), "行政许可\t0\t\t\n", "行政许可\t\t\n"));
    CHECK_FALSE(r.report.table2.row("t2.permit")->found);
    const auto missing = nianbao::test::findings_with(r, "row-missing");
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0].message_zh, "行政许可"));
    CHECK(nianbao::test::findings_with(r, "cell-blank").empty());
}

TEST_CASE("blank cells: a label of table 二 that is no template row, left blank, is not an extra row of numbers") {
    ReportText rt;
    const Result r =
        nianbao::check(replace(rt.str(), "行政许可\t0\t\t\n", "行政许可\t0\t\t\n其他对外管理服务事项\t\t\t\n"));
    CHECK(nianbao::test::findings_with(r, "row-label").empty());
    CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    CHECK(r.report.table2.row("t2.permit")->cells[0].status == Ok);
}

// --- table 四 on one line -------------------------------------------------------

TEST_CASE("blank cells: table 四 on one line with empty cells inside and at the end reads as 15 cells") {
    ReportText rt;
    const Result r = nianbao::check(replace(rt.str(), kZeros15, "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n"));
    REQUIRE(r.report.table4.found);
    REQUIRE(r.report.table4.rows.size() == 1);
    const Row& row = r.report.table4.rows[0];
    REQUIRE(row.cells.size() == 15);
    CHECK(values(row) == std::vector<int64_t>{5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0});
    CHECK(statuses(row) == std::vector<CellStatus>{Ok, Blank, Blank, Ok, Ok, Ok, Blank, Blank, Ok, Ok, Blank, Blank,
                                                   Blank, Blank, Blank});
    CHECK(at(r, row.cells[3].span) == "2");
    CHECK(at(r, row.cells[9].span) == "9");
    CHECK(row.extra.empty());
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    CHECK(nianbao::test::findings_with(r, "review-total").empty());      // 5 + 0 + 0 + 2 = 7
    CHECK(nianbao::test::findings_with(r, "litigation-total").empty());  // 8 + 0 + 0 + 1 = 9; 0 + 0 + 0 + 0 = 0
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(columns(blank[0]) == std::vector<int>{1, 2, 6, 7, 10, 11, 12, 13, 14});
    CHECK(at(r, blank[0].span) == "5\t\t\t2\t7\t8\t\t\t1\t9");
}

TEST_CASE("blank cells: table 四 one empty cell short of 15 is cell-count") {
    ReportText rt;
    const Result r = nianbao::check(replace(rt.str(), kZeros15, "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\n"));
    const auto count = nianbao::test::findings_with(r, "cell-count");
    REQUIRE(count.size() == 1);
    CHECK(contains(count[0].message_zh, "应有 15 个数，读到 6 个"));
    CHECK(nianbao::test::findings_with(r, "cell-blank").empty());
}

// --- cell-blank: one finding a row ----------------------------------------------

namespace {

const std::string kPartly = "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）";

ReportText with_partly() {
    ReportText rt;
    rt.set_row3(T::kPartly, {9, 0, 0, 0, 0, 0});
    return rt;
}

}  // namespace

TEST_CASE("cell-blank: a row with two blank cells gives one finding naming both columns, on the row") {
    const std::string text =
        replace(with_partly().str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t—\t—\t0\t0\t0\t9\n");
    const Result r = nianbao::check(text);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    const Finding& f = blank[0];
    CHECK(f.severity == nianbao::Severity::Warning);
    CHECK(at(r, f.span) == "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t9\t—\t—\t0\t0\t0\t9");
    CHECK(contains(f.message_zh, "一行有 2 个单元格空白（法人或其他组织 · 商业企业、法人或其他组织 · 科研机构）"));
    CHECK(contains(f.message_en, "2 cells are blank"));
    REQUIRE(f.cells.size() == 2);
    for (const auto& c : f.cells) {
        CHECK(c.table == 3);
        CHECK(c.row == "t3.partly");
        CHECK(at(r, c.span) == "—");
    }
    CHECK(columns(f) == std::vector<int>{1, 2});
    CHECK(nianbao::test::findings_with(r, "apply-row-total").empty());  // read as 0: 9 + 0 + 0 = 9
}

TEST_CASE("cell-blank: a row with one blank cell gives the finding on that cell") {
    {
        const std::string text =
            replace(with_partly().str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t—\t0\t0\t0\t0\t9\n");
        const Result r = nianbao::check(text);
        const auto blank = nianbao::test::findings_with(r, "cell-blank");
        REQUIRE(blank.size() == 1);
        CHECK(at(r, blank[0].span) == "—");
        CHECK(contains(blank[0].message_zh, "·法人或其他组织 · 商业企业 是空白（“—”）"));
        CHECK_FALSE(contains(blank[0].message_zh, "一行有"));
        CHECK(columns(blank[0]) == std::vector<int>{1});
    }
    {
        // An empty cell has no characters: the finding is on the row.
        const std::string text =
            replace(with_partly().str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t\t0\t0\t0\t0\t9\n");
        const Result r = nianbao::check(text);
        const auto blank = nianbao::test::findings_with(r, "cell-blank");
        REQUIRE(blank.size() == 1);
        CHECK(at(r, blank[0].span) == "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t9\t\t0\t0\t0\t0\t9");
        CHECK(contains(blank[0].message_zh, "是空白（空单元格）"));
        CHECK(columns(blank[0]) == std::vector<int>{1});
    }
}

TEST_CASE("cell-blank: blanks in several rows of a table are one finding naming every cell, at the first") {
    ReportText rt = with_partly();
    rt.set_row3(T::kDisclosed, {50, 6, 1, 0, 1, 1});
    std::string text = replace(rt.str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t—\t0\t0\t0\t0\t9\n");
    text = replace(text, "(一) 予以公开\t50\t6\t1\t0\t1\t1\t59\n", "(一) 予以公开\t50\t6\t1\t—\t1\t1\t59\n");
    text = replace(text, "(七) 总计\t0\t0\t0\t0\t0\t0\t0\n", "(七) 总计\t—\t—\t—\t0\t0\t0\t0\n");
    const Result r = nianbao::check(text);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    // The blanks read as 0 (one in 予以公开, one in 部分公开) are one finding;
    // 总计's three blanks are not 0 (the rows above have 50, 6, 1 there): a
    // blank line, its own finding.
    REQUIRE(blank.size() == 2);
    REQUIRE(blank[0].cells.size() == 2);
    CHECK(blank[0].cells[0].row == "t3.disclosed");
    CHECK(blank[0].cells[1].row == "t3.partly");
    CHECK(at(r, blank[0].span) == "—");
    CHECK(contains(blank[0].message_zh, "表三有 2 个单元格空白或写作“—”“/”之类（2 行；第一个：“（一）予以公开”"));
    CHECK(contains(blank[0].message_en, "2 cells are blank"));
    CHECK(blank[1].cells.size() == 3);
    CHECK(blank[1].cells[0].row == "t3.total");
    CHECK(contains(blank[1].message_zh, "空白不是 0"));
}

TEST_CASE("cell-blank: a table whose zeros are written as dashes, space-separated, reads them as 0 in one finding") {
    // Rows of nothing but dashes ("1.属于国家秘密 — — — — — — —") are rows, not words.
    ReportText rt = with_partly();
    std::string text = rt.str();
    for (size_t at = text.find("\t0"); at != std::string::npos; at = text.find("\t0", at)) {
        const bool cell = at + 2 == text.size() || text[at + 2] == '\t' || text[at + 2] == '\n';
        if (cell) text.replace(at, 2, " —");
        else at += 2;
    }
    for (auto& c : text)
        if (c == '\t') c = ' ';
    const Result r = nianbao::check(text);
    CHECK(nianbao::test::findings_with(r, "row-missing").empty());
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    // One a table for the dashes read as 0 (table 四's are in its one row),
    // and 总计's row of table 三 apart: 部分公开 has 9, so its dashes are not 0.
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 4);
    CHECK(contains(blank[0].message_zh, "表二有 10 个单元格空白或写作“—”“/”之类（6 行"));
    CHECK(contains(blank[1].message_zh, "表三有 166 个单元格空白"));
    CHECK(contains(blank[2].message_zh, "表三“（七）总计”一行有 7 个单元格空白"));
    CHECK(contains(blank[3].message_zh, "表四“行政复议、行政诉讼”一行有 14 个单元格空白"));
    REQUIRE(r.report.table3.found);
    for (const auto& row : r.report.table3.rows)
        if (row.spec->cells > 0) CHECK_MESSAGE(row.found, row.spec->key);
}

// --- a whole column or row blank: blank is not 0 ---------------------------------

namespace {

// 272 applications, every sum holding: the provincial report's shape.
ReportText provincial() {
    ReportText t;
    t.set_row3(T::kNew, {250, 15, 0, 2, 3, 2});           // 272
    t.set_row3(T::kDisclosed, {200, 10, 0, 1, 2, 1});     // 214
    t.set_row3(T::kPartly, {3, 0, 0, 0, 0, 0});           // 3
    t.set_row3(T::kUnable1, {40, 5, 0, 1, 1, 1});         // 48
    t.set_row3(T::kDeclined1 + 1, {7, 0, 0, 0, 0, 0});    // 7 (重复申请)
    t.set_row3(T::kTotal, {250, 15, 0, 2, 3, 2});         // 272
    t.section1 = "2024年，共收到政府信息公开申请 272 件。\n";
    return t;
}

const std::string kHeader3 = "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";

// `text` with the cells (row of table 三 in template order, column) left
// empty, as a web page's table leaves them, or written `mark` ("—").
std::string blank_cells3(const std::string& text, const std::vector<std::pair<int, int>>& cells,
                         const std::string& mark = "") {
    const size_t header = text.find(kHeader3);
    REQUIRE(header != std::string::npos);
    std::string out = text.substr(0, header + kHeader3.size());
    size_t pos = header + kHeader3.size();
    for (int r = 0; r < 25; ++r) {
        const size_t end = text.find('\n', pos);
        std::vector<std::string> fields;
        const std::string line = text.substr(pos, end - pos);
        for (size_t b = 0;;) {
            const size_t e = line.find('\t', b);
            fields.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
            if (e == std::string::npos) break;
            b = e + 1;
        }
        for (const auto& c : cells)
            if (c.first == r) fields[fields.size() - 7 + c.second] = mark;
        std::string joined;
        for (size_t k = 0; k < fields.size(); ++k) joined += (k ? "\t" : "") + fields[k];
        out += joined + "\n";
        pos = end + 1;
    }
    return out + text.substr(pos);
}

const std::vector<std::string> kSums = {"apply-identity", "apply-row-total", "apply-result-total", "review-total",
                                        "litigation-total"};

std::vector<std::string> rows_of(const Finding& f) {
    std::vector<std::string> out;
    for (const auto& c : f.cells) out.push_back(c.row);
    return out;
}

std::vector<std::string> expected_of(const Finding& f) {
    std::vector<std::string> out;
    for (const auto& c : f.cells) out.push_back(c.expected);
    return out;
}

}  // namespace

TEST_CASE("blank lines: the 总计 of every result row left blank, only （七）总计 filled, is one cell-blank with the row sums") {
    const ReportText rt = provincial();
    REQUIRE(nianbao::check(rt.str()).findings.size() == 0);
    std::vector<std::pair<int, int>> cells;
    for (int r = T::kDisclosed; r < T::kTotal; ++r) cells.push_back({r, 6});  // 21 result rows
    const Result r = nianbao::check(blank_cells3(rt.str(), cells));
    for (const auto& id : kSums) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);  // not "各类申请人之和为 214，总计却是 0"
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    const Finding& f = blank[0];
    CHECK(f.severity == nianbao::Severity::Warning);
    CHECK(contains(f.message_zh, "表三“总计”列有 21 个单元格空白（（一）予以公开、（二）部分公开"));
    CHECK(contains(f.message_zh, "空白不是 0"));
    CHECK(contains(f.message_en, "column 「总计」: 21 cells are blank"));
    CHECK(f.fix_zh == "应填：（一）予以公开 214、（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3、"
                      "（四）无法提供 · 1.本机关不掌握相关政府信息 48、（五）不予处理 · 2.重复申请 7，其余填 0。");
    REQUIRE(f.cells.size() == 21);
    CHECK(columns(f) == std::vector<int>(21, 6));
    CHECK(f.cells[0].row == "t3.disclosed");
    CHECK(f.cells[0].expected == "214");
    CHECK(f.cells[1].expected == "3");
    CHECK(f.cells[2].row == "t3.refused.1");
    CHECK(f.cells[2].expected == "0");
    CHECK(f.cells[20].row == "t3.other.3");
    CHECK(at(r, f.span) == "(一) 予以公开\t200\t10\t0\t1\t2\t1");
}

TEST_CASE("blank lines: a result row with only its 总计 filled is one cell-blank for the row, no values, no sums") {
    // The applicant cells written "—" (left empty before the first number, a
    // tab-separated row would not show where its cells start).
    const std::string text =
        blank_cells3(provincial().str(),
                     {{T::kDisclosed, 0}, {T::kDisclosed, 1}, {T::kDisclosed, 2}, {T::kDisclosed, 3}, {T::kDisclosed, 4},
                      {T::kDisclosed, 5}},
                     "—");
    const Result r = nianbao::check(text);
    for (const auto& id : kSums) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    const Finding& f = blank[0];
    CHECK(contains(f.message_zh, "表三“（一）予以公开”一行有 6 个单元格空白（自然人、法人或其他组织 · 商业企业"));
    CHECK(contains(f.message_zh, "它们是各项，合计却不是 0"));
    CHECK(f.fix_zh == "按实际数量填写这些单元格（表格只给出了它们的合计，推算不出各项）。");
    CHECK(columns(f) == std::vector<int>{0, 1, 2, 3, 4, 5});
    CHECK(expected_of(f) == std::vector<std::string>(6, ""));
    CHECK(at(r, f.span) == "(一) 予以公开\t—\t—\t—\t—\t—\t—\t214");
}

TEST_CASE("blank lines: the （七）总计 row left blank is one cell-blank with the column sums as the fix") {
    std::vector<std::pair<int, int>> cells;
    for (int k = 0; k < 7; ++k) cells.push_back({T::kTotal, k});
    const Result r = nianbao::check(blank_cells3(provincial().str(), cells));
    for (const auto& id : kSums) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    const Finding& f = blank[0];
    CHECK(contains(f.message_zh, "表三“（七）总计”一行有 7 个单元格空白"));
    CHECK(rows_of(f) == std::vector<std::string>(7, "t3.total"));
    CHECK(expected_of(f) == std::vector<std::string>{"250", "15", "0", "2", "3", "2", "272"});
    CHECK(contains(f.fix_zh, "自然人 250"));
    CHECK(contains(f.fix_zh, "总计 272，其余填 0。"));
}

TEST_CASE("blank lines: table 四 with its three 总计 left blank is one cell-blank with the group sums") {
    ReportText rt = provincial();
    rt.table4 = {1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3};
    std::string text = rt.str();
    const std::string row4 = "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3\n";
    const size_t pos = text.find(row4);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, row4.size(), "1\t1\t0\t0\t\t1\t0\t0\t0\t\t2\t0\t1\t0\t\n");
    const Result r = nianbao::check(text);
    for (const auto& id : kSums) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(columns(blank[0]) == std::vector<int>{4, 9, 14});
    CHECK(expected_of(blank[0]) == std::vector<std::string>{"2", "1", "3"});
    CHECK(contains(blank[0].message_zh, "一行有 3 个单元格空白"));
}

TEST_CASE("blank lines: one result row's 总计 blank among filled ones stays one cell-blank and its sums, as before") {
    const Result r = nianbao::check(blank_cells3(provincial().str(), {{T::kDisclosed, 6}}));
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(contains(blank[0].message_zh, "表三“（一）予以公开”·总计 是空白（空单元格），按 0 计算"));
    const auto row_total = nianbao::test::findings_with(r, "apply-row-total");
    REQUIRE(row_total.size() == 1);
    CHECK(contains(row_total[0].message_zh, "各类申请人之和为 214，总计却是 0"));
    CHECK(nianbao::test::findings_with(r, "apply-result-total").size() == 1);
}

TEST_CASE("blank lines: a web page's zeros left empty in a whole column are zeros, not a blank line") {
    // 科研机构 is 0 in every row: left empty all down the column, the sums hold.
    std::vector<std::pair<int, int>> cells;
    for (int r = 0; r < 25; ++r) cells.push_back({r, 2});
    const Result r = nianbao::check(blank_cells3(provincial().str(), cells));
    for (const auto& id : kSums) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
    const auto blank = nianbao::test::findings_with(r, "cell-blank");
    REQUIRE(blank.size() == 1);  // one for the table, naming the 25 cells, each read as 0
    CHECK(blank[0].cells.size() == 25);
    CHECK(contains(blank[0].message_zh, "按 0 计算"));
}
