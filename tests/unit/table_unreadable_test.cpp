// table-unreadable (core/src/rules/tables.cpp): when a third or more of a
// table's data rows have too few or too many numbers, the table cannot be read
// reliably; one finding for the table (how many rows, where) instead of one
// cell-count a row, and no sums on the rows not read (core/src/rules/arithmetic.cpp).
// Each case starts from a clean report and changes one thing.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::Result;
using nianbao::test::ReportText;
namespace T = nianbao::test;

namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::string at(const Result& r, nianbao::Span s) { return r.report.source.substr(s.begin, s.size()); }

const std::string kHeader3 = "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";

// A report with applications, every sum holding (as a county office's would).
ReportText busy() {
    ReportText t;
    t.set_row3(T::kNew, {80, 10, 1, 0, 2, 2});
    t.set_row3(T::kCarriedIn, {2, 0, 0, 0, 0, 0});
    t.set_row3(T::kDisclosed, {50, 6, 1, 0, 1, 1});
    t.set_row3(T::kPartly, {9, 0, 0, 0, 0, 0});
    t.set_row3(T::kUnable1, {15, 2, 0, 0, 1, 0});
    t.set_row3(T::kDeclined1, {1, 0, 0, 0, 0, 0});
    t.set_row3(T::kOther2, {1, 0, 0, 0, 0, 0});
    t.set_row3(T::kTotal, {76, 8, 1, 0, 2, 1});
    t.set_row3(T::kCarriedOut, {6, 2, 0, 0, 0, 1});
    t.section1 = "2024年，我镇共受理政府信息公开申请 97 件。对申请人逾期未缴纳费用的，按收费通知处理。\n";
    t.table4 = {1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3};
    return t;
}

// `text` with the last number of table 三's rows `rows` (template order)
// dropped: a copy that lost the 总计 column of those rows.
std::string drop_last_cell(const std::string& text, const std::vector<int>& rows) {
    size_t header = text.find(kHeader3);
    REQUIRE(header != std::string::npos);
    std::string out = text.substr(0, header + kHeader3.size());
    size_t pos = header + kHeader3.size();
    for (int r = 0; r < 25; ++r) {
        const size_t end = text.find('\n', pos);
        std::string line = text.substr(pos, end - pos);
        for (int drop : rows)
            if (drop == r) line = line.substr(0, line.rfind('\t'));
        out += line + "\n";
        pos = end + 1;
    }
    return out + text.substr(pos);
}

const std::vector<std::string> kArithmetic = {"apply-identity", "apply-row-total", "apply-result-total"};

}  // namespace

TEST_CASE("table-unreadable: 9 of table 三's 25 rows short of a number is one finding for the table, no cell-count") {
    const ReportText rt = busy();
    REQUIRE(nianbao::test::findings_with(nianbao::check(rt.str()), "table-unreadable").empty());
    // Rows 一 … (三)5, the 总计 of each lost: six numbers instead of seven.
    const std::string text = drop_last_cell(rt.str(), {0, 1, 2, 3, 4, 5, 6, 7, 8});
    const Result r = nianbao::check(text);
    CHECK(r.report.table3.row("t3.new")->numbers_found == 6);
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    const auto unreadable = nianbao::test::findings_with(r, "table-unreadable");
    REQUIRE(unreadable.size() == 1);
    const Finding& f = unreadable[0];
    CHECK(f.severity == nianbao::Severity::Warning);
    CHECK(contains(f.message_zh, "表三有 9 行数据（共 25 行）的数字个数与格式不符"));
    CHECK(contains(f.message_zh, "“一、本年新收政府信息公开申请数量”"));
    CHECK(contains(f.message_en, "9 of its 25 data rows"));
    // Where: from the first row not read to the last.
    const std::string where = at(r, f.span);
    CHECK(where.rfind("一、本年新收政府信息公开申请数量\t\t80\t10\t1\t0\t2\t2", 0) == 0);
    CHECK(contains(where, "5. 属于三类内部事务信息\t0\t0\t0\t0\t0\t0"));
    CHECK_FALSE(contains(where, "6. 属于四类过程性信息"));
    // The rows not read are in no sum; the rows read still add up, so nothing else.
    for (const auto& id : kArithmetic) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
}

TEST_CASE("table-unreadable: 3 of 25 rows short stay three cell-count findings") {
    const std::string text = drop_last_cell(busy().str(), {2, 3, 12});
    const Result r = nianbao::check(text);
    CHECK(nianbao::test::findings_with(r, "table-unreadable").empty());
    const auto count = nianbao::test::findings_with(r, "cell-count");
    REQUIRE(count.size() == 3);
    CHECK(contains(count[0].message_zh, "“（一）予以公开”一行应有 7 个数，读到 6 个"));
    CHECK(contains(count[2].message_zh, "1.本机关不掌握相关政府信息"));
    for (const auto& id : kArithmetic) CHECK_MESSAGE(nianbao::test::findings_with(r, id).empty(), id);
}

TEST_CASE("table-unreadable: a sum broken on a row that was read is still reported next to the finding") {
    ReportText rt = busy();
    rt.table3[T::kCarriedOut][6] = 10;  // 6 + 2 + 0 + 0 + 0 + 1 = 9, not 10
    const std::string text = drop_last_cell(rt.str(), {2, 3, 4, 5, 6, 7, 8, 9, 10});
    const Result r = nianbao::check(text);
    CHECK(nianbao::test::findings_with(r, "table-unreadable").size() == 1);
    CHECK(nianbao::test::findings_with(r, "cell-count").empty());
    const auto row_total = nianbao::test::findings_with(r, "apply-row-total");
    REQUIRE(row_total.size() == 1);
    CHECK(contains(row_total[0].message_zh, "四、结转下年度继续办理"));
}

TEST_CASE("table-unreadable: one row of table 四 with a number too many is cell-count, not the table") {
    ReportText rt = busy();
    std::string text = rt.str();
    const std::string row4 = "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3\n";
    const size_t pos = text.find(row4);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, row4.size(), "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3\t0\n");
    const Result r = nianbao::check(text);
    CHECK(nianbao::test::findings_with(r, "table-unreadable").empty());
    CHECK(nianbao::test::findings_with(r, "cell-count").size() == 1);
}
