// The sums of tables 三 and 四, on reports with real numbers.
#include <doctest/doctest.h>

#include <algorithm>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::test::ReportText;
namespace t = nianbao::test;

namespace {

// A consistent report: 95 new + 2 carried = 90 answered + 7 carried out.
ReportText busy_report() {
    ReportText t;
    t.set_row3(t::kNew, {80, 10, 1, 0, 2, 2});
    t.set_row3(t::kCarriedIn, {2, 0, 0, 0, 0, 0});
    t.set_row3(t::kDisclosed, {50, 6, 1, 0, 1, 1});
    t.set_row3(t::kPartly, {9, 0, 0, 0, 0, 0});
    t.set_row3(t::kUnable1, {15, 2, 0, 0, 1, 0});
    t.set_row3(t::kDeclined1, {1, 0, 0, 0, 0, 0});
    t.set_row3(t::kOther2, {1, 0, 0, 0, 0, 0});
    t.set_row3(t::kTotal, {76, 8, 1, 0, 2, 1});
    t.set_row3(t::kCarriedOut, {6, 2, 0, 0, 0, 1});
    t.section1 = "2024年，我镇共受理政府信息公开申请 97 件。对申请人逾期未缴纳费用的，按收费通知处理。\n";
    t.table4 = {1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3};
    return t;
}

}  // namespace

TEST_CASE("a report whose sums all hold has no arithmetic finding") {
    auto r = nianbao::check(busy_report().str());
    for (auto id : {"apply-identity", "apply-row-total", "apply-result-total", "review-total", "litigation-total"})
        CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
}

TEST_CASE("one wrong cell is named with the value it should have") {
    ReportText t = busy_report();
    t.table3[t::kDisclosed][0] = 52;  // 自然人 of （一）予以公开 written 52 instead of 50
    auto r = nianbao::check(t.str());
    auto row = nianbao::test::findings_with(r, "apply-row-total");
    auto col = nianbao::test::findings_with(r, "apply-result-total");
    REQUIRE(row.size() == 1);
    REQUIRE(col.size() == 1);
    CHECK(row[0].arithmetic == "52 + 6 + 1 + 0 + 1 + 1 = 61 ≠ 59");
    CHECK(row[0].fix_zh.find("（一）予以公开 · 自然人 应为 50") != std::string::npos);
    CHECK(col[0].fix_zh == row[0].fix_zh);
    // the finding points at exactly the guilty cell
    CHECK(r.report.source.substr(row[0].span.begin, row[0].span.size()) == "52");
    CHECK(nianbao::test::findings_with(r, "apply-identity").empty());
    // every cell of the sum is listed, the guilty one with its expected value
    CHECK(row[0].cells.size() == 7);
    CHECK(std::count_if(row[0].cells.begin(), row[0].cells.end(), [](auto& c) { return c.expected == "50"; }) == 1);
}

TEST_CASE("findings and their cells carry the line and column of their spans") {
    ReportText t = busy_report();
    t.table3[t::kDisclosed][0] = 52;
    const std::string text = t.str();
    auto r = nianbao::check(text);
    auto row = nianbao::test::findings_with(r, "apply-row-total");
    REQUIRE(row.size() == 1);
    const nianbao::LineIndex lines(text);
    const auto same = [](const nianbao::Position& a, const nianbao::Position& b) {
        return a.byte == b.byte && a.codepoint == b.codepoint && a.utf16 == b.utf16 && a.line == b.line &&
               a.column == b.column;
    };
    const Finding& f = row[0];
    CHECK(same(f.location.start, lines.position(f.span.begin)));
    CHECK(same(f.location.end, lines.position(f.span.end)));
    CHECK(f.location.start.line > 1);
    // the guilty "52" starts its line's cell: the column counts code points, not bytes
    const size_t line_start = text.rfind('\n', f.span.begin) + 1;
    const std::string before = text.substr(line_start, f.span.begin - line_start);
    const auto chars = std::count_if(before.begin(), before.end(), [](char c) { return (c & 0xC0) != 0x80; });
    CHECK(f.location.start.column == chars + 1);
    for (const auto& c : f.cells) {
        CHECK(same(c.location.start, lines.position(c.span.begin)));
        CHECK(same(c.location.end, lines.position(c.span.end)));
    }
}

TEST_CASE("a wrong results total is blamed on the total cell") {
    ReportText t = busy_report();
    t.table3[t::kTotal][0] = 70;  // （七）总计 · 自然人: should be 76
    auto r = nianbao::check(t.str());
    auto id = nianbao::test::findings_with(r, "apply-identity");
    REQUIRE(id.size() == 1);
    CHECK(id[0].arithmetic == "80 + 2 = 82 ≠ 70 + 6 = 76");
    CHECK(id[0].fix_zh.find("（七）总计 · 自然人 应为 76") != std::string::npos);
    CHECK(nianbao::test::findings_with(r, "apply-result-total").size() == 1);
    CHECK(nianbao::test::findings_with(r, "apply-row-total").size() == 1);
}

TEST_CASE("two wrong cells: no single cell is blamed") {
    ReportText t = busy_report();
    t.table3[t::kDisclosed][0] = 52;
    t.table3[t::kNew][1] = 11;
    auto r = nianbao::check(t.str());
    REQUIRE(!nianbao::test::findings_with(r, "apply-row-total").empty());
    for (const auto& f : nianbao::test::findings_with(r, "apply-row-total")) CHECK(f.fix_zh.find("应为 50") == std::string::npos);
}

TEST_CASE("the identity reads 一 + 二 = 三（七） + 四 per column") {
    ReportText t = busy_report();
    t.set_row3(t::kCarriedOut, {6, 2, 0, 0, 0, 2});  // 其他 column: 2 + 0 ≠ 1 + 2
    auto r = nianbao::check(t.str());
    auto id = nianbao::test::findings_with(r, "apply-identity");
    REQUIRE(id.size() == 2);  // 其他 and 总计 columns
    CHECK(id[0].message_zh.find("其他") != std::string::npos);
}

TEST_CASE("table 四 totals: review and litigation are checked per group") {
    ReportText t = busy_report();
    t.table4 = {10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0};  // as real report 007 prints it
    auto r = nianbao::check(t.str());
    auto review = nianbao::test::findings_with(r, "review-total");
    auto lit = nianbao::test::findings_with(r, "litigation-total");
    REQUIRE(review.size() == 1);
    REQUIRE(lit.size() == 1);
    CHECK(review[0].arithmetic == "10 + 1 + 0 + 0 = 11 ≠ 0");
    CHECK(review[0].fix_zh.find("应为 11") != std::string::npos);
    CHECK(lit[0].message_zh.find("复议后起诉") != std::string::npos);
}

TEST_CASE("blank cells count as 0 in the sums") {
    ReportText t = busy_report();
    t.table4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    std::string s = t.str();
    // the last row of table 四 written with dashes for zero
    size_t at = s.find("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
    REQUIRE(at != std::string::npos);
    s.replace(at, 1, "—");
    auto r = nianbao::check(s);
    CHECK(nianbao::test::findings_with(r, "review-total").empty());
    CHECK(nianbao::test::findings_with(r, "cell-blank").size() == 1);
}

TEST_CASE("table 四 given with empty cells: the empty cells count as 0 in the review and litigation totals") {
    ReportText t = busy_report();  // 四: 1 1 0 0 2 | 1 0 0 0 1 | 2 0 1 0 3
    const std::string full = "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3\n";
    std::string s = t.str();
    const size_t at = s.find(full);
    REQUIRE(at != std::string::npos);
    // A web page's row with its zeros left empty.
    s.replace(at, full.size(), "1\t1\t\t\t2\t1\t\t\t\t1\t2\t\t1\t\t3\n");
    auto r = nianbao::check(s);
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    CHECK(nianbao::test::findings_with(r, "review-total").empty());
    CHECK(nianbao::test::findings_with(r, "litigation-total").empty());
    REQUIRE(nianbao::test::findings_with(r, "cell-blank").size() == 1);
    CHECK(nianbao::test::findings_with(r, "cell-blank")[0].cells.size() == 7);

    // A wrong 总计 next to empty cells is still wrong: 1 + 1 + 0 + 0 = 2, not 3.
    s = t.str();
    s.replace(at, full.size(), "1\t1\t\t\t3\t1\t\t\t\t1\t2\t\t1\t\t3\n");
    r = nianbao::check(s);
    auto review = nianbao::test::findings_with(r, "review-total");
    REQUIRE(review.size() == 1);
    CHECK(review[0].arithmetic == "1 + 1 + 0 + 0 = 2 ≠ 3");
    CHECK(nianbao::test::findings_with(r, "litigation-total").empty());
}

TEST_CASE("a cell that cannot be read leaves its sums to cell-value") {
    ReportText t = busy_report();
    std::string s = t.str();
    size_t at = s.find("\t9\t0\t0\t0\t0\t0\t9");  // （二）部分公开
    REQUIRE(at != std::string::npos);
    s.replace(at + 1, 1, "9O");
    auto r = nianbao::check(s);
    CHECK(nianbao::test::findings_with(r, "cell-value").size() == 1);
    CHECK(nianbao::test::findings_with(r, "apply-row-total").empty());
}

TEST_CASE("numbers too large for any count are a finding, not a crash") {
    ReportText t = busy_report();
    std::string s = t.str();
    size_t at = s.find("\t9\t0\t0\t0\t0\t0\t9");
    s.replace(at + 1, 1, "123456789012345678901234567890");
    auto r = nianbao::check(s);
    REQUIRE(nianbao::test::findings_with(r, "cell-value").size() == 1);
    CHECK(nianbao::test::findings_with(r, "cell-value")[0].message_zh.find("过大") != std::string::npos);
}
