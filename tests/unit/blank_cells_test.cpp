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

std::vector<Finding> of(const Result& r, std::string_view id) {
    std::vector<Finding> out;
    for (const Finding& f : r.findings)
        if (f.id == id) out.push_back(f);
    return out;
}

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
    CHECK(of(r, "cell-count").empty());
    CHECK(of(r, "row-missing").empty());
    const auto blank = of(r, "cell-blank");
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
        const auto count = of(r, "cell-count");
        REQUIRE(count.size() == 1);
        CHECK(contains(count[0].message_zh, "读到 6 个"));
        CHECK(at(r, count[0].span) == "(一) 予以公开\t5\t1\t0\t0\t0\t0");
        CHECK(of(r, "cell-blank").empty());
    }
    {
        // One empty cell before that tab: 总计 left blank.
        const std::string text =
            replace_line(seed, 59, kSeed004Disclosed, "三、本年度办理结果\t(一) 予以公开\t5\t1\t0\t0\t0\t0\t\t");
        const Result r = nianbao::check(text);
        const Row* row = r.report.table3.row("t3.disclosed");
        REQUIRE(row);
        CHECK(statuses(*row) == std::vector<CellStatus>{Ok, Ok, Ok, Ok, Ok, Ok, Blank});
        CHECK(of(r, "cell-count").empty());
        const auto blank = of(r, "cell-blank");
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
    CHECK(of(r, "row-missing").empty());
    CHECK(of(r, "cell-count").empty());
    const auto blank = of(r, "cell-blank");
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
    const auto missing = of(r, "row-missing");
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0].message_zh, "2.其他法律行政法规禁止公开"));
    CHECK(values(*r.report.table3.row("t3.refused.3")) == std::vector<int64_t>{5, 1, 0, 0, 0, 0, 6});
    CHECK(of(r, "cell-blank").empty());
}

TEST_CASE("blank cells: in a Word copy (rows end in a tab) a label needs one empty cell more to be a blank row") {
    const std::string seed = T::read_fixture(kSeed004);
    REQUIRE_FALSE(seed.empty());
    const char* const line63 = "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0";
    {
        const Result r = nianbao::check(replace_line(seed, 63, line63, "\t\t3. 危及“三安全一稳定”\t\t\t\t\t\t\t\t"));
        CHECK(r.report.table3.row("t3.refused.3")->found);
        CHECK(statuses(*r.report.table3.row("t3.refused.3")) == std::vector<CellStatus>(7, Blank));
        CHECK(of(r, "row-missing").empty());
    }
    {
        const Result r = nianbao::check(replace_line(seed, 63, line63, "\t\t3. 危及“三安全一稳定”\t\t\t\t\t\t\t"));
        CHECK_FALSE(r.report.table3.row("t3.refused.3")->found);
        CHECK(of(r, "row-missing").size() == 1);
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
    CHECK(of(r, "row-missing").empty());
    const auto blank = of(r, "cell-blank");
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
    const auto missing = of(r, "row-missing");
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0].message_zh, "行政许可"));
    CHECK(of(r, "cell-blank").empty());
}

TEST_CASE("blank cells: a label of table 二 that is no template row, left blank, is not an extra row of numbers") {
    ReportText rt;
    const Result r =
        nianbao::check(replace(rt.str(), "行政许可\t0\t\t\n", "行政许可\t0\t\t\n其他对外管理服务事项\t\t\t\n"));
    CHECK(of(r, "row-label").empty());
    CHECK(of(r, "row-missing").empty());
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
    CHECK(of(r, "cell-count").empty());
    CHECK(of(r, "review-total").empty());      // 5 + 0 + 0 + 2 = 7
    CHECK(of(r, "litigation-total").empty());  // 8 + 0 + 0 + 1 = 9; 0 + 0 + 0 + 0 = 0
    const auto blank = of(r, "cell-blank");
    REQUIRE(blank.size() == 1);
    CHECK(columns(blank[0]) == std::vector<int>{1, 2, 6, 7, 10, 11, 12, 13, 14});
    CHECK(at(r, blank[0].span) == "5\t\t\t2\t7\t8\t\t\t1\t9");
}

TEST_CASE("blank cells: table 四 one empty cell short of 15 is cell-count") {
    ReportText rt;
    const Result r = nianbao::check(replace(rt.str(), kZeros15, "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\n"));
    const auto count = of(r, "cell-count");
    REQUIRE(count.size() == 1);
    CHECK(contains(count[0].message_zh, "应有 15 个数，读到 6 个"));
    CHECK(of(r, "cell-blank").empty());
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
    const auto blank = of(r, "cell-blank");
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
    CHECK(of(r, "apply-row-total").empty());  // read as 0: 9 + 0 + 0 = 9
}

TEST_CASE("cell-blank: a row with one blank cell gives the finding on that cell") {
    {
        const std::string text =
            replace(with_partly().str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t—\t0\t0\t0\t0\t9\n");
        const Result r = nianbao::check(text);
        const auto blank = of(r, "cell-blank");
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
        const auto blank = of(r, "cell-blank");
        REQUIRE(blank.size() == 1);
        CHECK(at(r, blank[0].span) == "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t9\t\t0\t0\t0\t0\t9");
        CHECK(contains(blank[0].message_zh, "是空白（空单元格）"));
        CHECK(columns(blank[0]) == std::vector<int>{1});
    }
}

TEST_CASE("cell-blank: blank cells in two rows give a finding for each row") {
    ReportText rt = with_partly();
    rt.set_row3(T::kDisclosed, {50, 6, 1, 0, 1, 1});
    std::string text = replace(rt.str(), kPartly + "\t9\t0\t0\t0\t0\t0\t9\n", kPartly + "\t9\t—\t0\t0\t0\t0\t9\n");
    text = replace(text, "(一) 予以公开\t50\t6\t1\t0\t1\t1\t59\n", "(一) 予以公开\t50\t6\t1\t—\t1\t1\t59\n");
    text = replace(text, "(七) 总计\t0\t0\t0\t0\t0\t0\t0\n", "(七) 总计\t—\t—\t—\t0\t0\t0\t0\n");
    const Result r = nianbao::check(text);
    const auto blank = of(r, "cell-blank");
    REQUIRE(blank.size() == 3);
    CHECK(blank[0].cells.size() == 1);
    CHECK(blank[0].cells[0].row == "t3.disclosed");
    CHECK(at(r, blank[0].span) == "—");
    CHECK(blank[1].cells.size() == 1);
    CHECK(blank[1].cells[0].row == "t3.partly");
    CHECK(blank[2].cells.size() == 3);
    CHECK(blank[2].cells[0].row == "t3.total");
    CHECK(at(r, blank[2].span) == "(七) 总计\t—\t—\t—\t0\t0\t0\t0");
    CHECK(contains(blank[2].message_zh, "一行有 3 个单元格空白"));
}
