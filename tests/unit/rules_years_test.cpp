// Tests for the years family (core/src/rules/years.cpp): this year's report
// against last year's — carried-over applications, the count of valid
// normative documents, and narrative copied from last year.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"


using nianbao::Finding;
using nianbao::Severity;
namespace T = nianbao::test;
using T::ReportText;

namespace {

std::vector<Finding> findings(const std::string& text, const std::string& previous, std::string_view id) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text, {}, &previous).findings)
        if (f.id == id) out.push_back(f);
    return out;
}

std::vector<Finding> years(const std::string& text, const std::string* previous) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text, {}, previous).findings)
        if (f.id == "carryover-mismatch" || f.id == "valid-count-rollforward" || f.id == "copied-text")
            out.push_back(f);
    return out;
}

std::string at(const std::string& text, nianbao::Span s) { return text.substr(s.begin, s.size()); }
bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

// Last year's report of the same body: the same text with the year (and the
// numbers in it) changed.
ReportText last_year_of(const ReportText& now) {
    ReportText r = now;
    r.year = now.year - 1;
    const std::string y = std::to_string(now.year), y1 = std::to_string(now.year - 1);
    r.section1 = replace_all(replace_all(now.section1, y, y1), "205", "198");
    r.section5 = replace_all(now.section5, y, y1);
    r.section6 = replace_all(now.section6, y, y1);
    r.signature = replace_all(now.signature, std::to_string(now.year + 1), y);
    return r;
}

// A year written from scratch: nothing shared with the builder's text.
void rewrite(ReportText& r) {
    r.section1 =
        "（一）主动公开情况\n\n本年度围绕乡村振兴、惠民补贴等群众关注事项，在镇政务公开栏发布信息 88 条。\n\n"
        "（二）依申请公开\n\n全年共受理群众来电来访咨询 12 人次，均当场解答。\n\n"
        "（三）政府信息管理\n\n对历年发布的文件逐一清理，下架过期信息 31 条。\n";
    r.section5 =
        "（一）存在的问题\n\n部分村务公开栏更新滞后，个别信息表述不够通俗。\n\n"
        "（二）改进情况\n\n明年将每季度检查一次村务公开栏，并组织工作人员参加业务培训两次。\n";
    r.section6 = "本年度没有收取任何信息处理费用。\n";
}

std::string fixture(const std::string& name) { return nianbao::test::read_fixture(name); }

}  // namespace

TEST_CASE("years: without a previous report none of the across-year rules run") {
    ReportText now;
    now.set_row3(T::kCarriedIn, {2, 0, 0, 0, 0, 0});
    now.table2[3] = "3";
    now.table2[5] = "9";
    CHECK(years(now.str(), nullptr).empty());
}

TEST_CASE("years: a consistent pair of reports gives no across-year findings") {
    ReportText now;
    rewrite(now);
    ReportText last;  // the builder's text, a different narrative
    last.year = 2023;
    last.set_row3(T::kCarriedOut, {1, 0, 0, 0, 0, 0});
    last.table2[5] = "5";
    now.set_row3(T::kCarriedIn, {1, 0, 0, 0, 0, 0});
    now.table2[3] = "3";
    now.table2[4] = "1";
    now.table2[5] = "7";
    const std::string prev = last.str();
    CHECK(years(now.str(), &prev).empty());
}

// --- carryover-mismatch -----------------------------------------------------------

TEST_CASE("carryover-mismatch: a carried-over column that differs fires, names the column and the value expected") {
    ReportText now;
    rewrite(now);
    ReportText last;
    last.year = 2023;
    last.set_row3(T::kCarriedOut, {3, 0, 0, 0, 0, 0});  // 总计 3
    now.set_row3(T::kCarriedIn, {2, 0, 0, 0, 0, 0});    // 总计 2
    const std::string text = now.str(), prev = last.str();
    const auto f = findings(text, prev, "carryover-mismatch");
    REQUIRE(f.size() == 1);  // one finding for the row, listing its columns
    CHECK(f[0].severity == Severity::Error);
    CHECK(at(text, f[0].span).rfind("二、上年结转政府信息公开申请数量", 0) == 0);
    CHECK(contains(f[0].message_zh, "自然人 本年填 2，上年结转下年度 3"));
    CHECK(contains(f[0].message_zh, "总计 本年填 2，上年结转下年度 3"));
    CHECK(contains(f[0].message_zh, "四、结转下年度继续办理"));
    CHECK_FALSE(contains(f[0].message_zh, "商业企业"));
    CHECK(contains(f[0].message_en, "自然人 2 this year, 3 carried over last year"));
    CHECK(contains(f[0].fix_zh, "自然人 3"));
    CHECK(contains(f[0].arithmetic, "2 ≠ 3"));
    REQUIRE(f[0].cells.size() == 2);
    CHECK(f[0].cells[0].table == 3);
    CHECK(f[0].cells[0].row == "t3.carried_in");
    CHECK(f[0].cells[0].column == 0);
    CHECK(f[0].cells[0].expected == "3");
    CHECK(at(text, f[0].cells[0].span) == "2");
    CHECK(f[0].cells[1].column == 6);
    CHECK(f[0].cells[1].expected == "3");
}

TEST_CASE("carryover-mismatch: a 法人 column is named with its group") {
    ReportText now;
    ReportText last = last_year_of(now);
    last.set_row3(T::kCarriedOut, {0, 0, 0, 1, 0, 0});  // 社会公益组织 1
    now.set_row3(T::kCarriedIn, {0, 1, 0, 0, 0, 0});     // entered as 商业企业
    const auto f = findings(now.str(), last.str(), "carryover-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message_zh, "法人或其他组织 · 商业企业 本年填 1，上年结转下年度 0"));
    CHECK(contains(f[0].message_zh, "法人或其他组织 · 社会公益组织 本年填 0，上年结转下年度 1"));
    CHECK_FALSE(contains(f[0].message_zh, "总计"));  // the totals agree
    CHECK(f[0].cells.size() == 2);
}

TEST_CASE("carryover-mismatch: equal rows do not fire") {
    ReportText now;
    ReportText last = last_year_of(now);
    last.set_row3(T::kCarriedOut, {4, 1, 0, 0, 0, 2});
    now.set_row3(T::kCarriedIn, {4, 1, 0, 0, 0, 2});
    CHECK(findings(now.str(), last.str(), "carryover-mismatch").empty());
}

TEST_CASE("carryover-mismatch: last year's carried-out row is compared, not its carried-in row") {
    ReportText now;
    ReportText last = last_year_of(now);
    last.set_row3(T::kCarriedIn, {5, 0, 0, 0, 0, 0});
    now.set_row3(T::kCarriedIn, {5, 0, 0, 0, 0, 0});  // last year carried nothing out
    CHECK(findings(now.str(), last.str(), "carryover-mismatch").size() == 1);
}

TEST_CASE("carryover-mismatch: reports that are not consecutive years are not compared") {
    ReportText now;
    ReportText older;
    older.year = 2022;
    older.set_row3(T::kCarriedOut, {3, 0, 0, 0, 0, 0});
    CHECK(findings(now.str(), older.str(), "carryover-mismatch").empty());
    // The files given the wrong way round: not compared either.
    ReportText later;
    later.year = 2025;
    later.set_row3(T::kCarriedOut, {3, 0, 0, 0, 0, 0});
    CHECK(findings(now.str(), later.str(), "carryover-mismatch").empty());
}

// --- valid-count-rollforward --------------------------------------------------------

TEST_CASE("valid-count-rollforward: 现行有效 ≠ last year's + 制发 − 废止 fires on the cell, as info") {
    ReportText now;
    rewrite(now);
    ReportText last;
    last.year = 2023;
    last.table2[5] = "5";
    now.table2[3] = "3";
    now.table2[4] = "0";
    now.table2[5] = "9";
    const std::string text = now.str(), prev = last.str();
    const auto f = findings(text, prev, "valid-count-rollforward");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Info);
    CHECK(at(text, f[0].span) == "9");
    CHECK(f[0].arithmetic == "5 + 3 − 0 ≠ 9");
    CHECK(contains(f[0].message_zh, "行政规范性文件"));
    CHECK(contains(f[0].message_zh, "= 8"));
    CHECK(contains(f[0].fix_zh, "应为 8"));
    REQUIRE(!f[0].cells.empty());
    CHECK(f[0].cells[0].table == 2);
    CHECK(f[0].cells[0].row == "t2.normative");
    CHECK(f[0].cells[0].column == 2);
    CHECK(f[0].cells[0].expected == "8");
}

TEST_CASE("valid-count-rollforward: 5 + 3 − 0 = 8 does not fire, nor does a repeal that rolls forward") {
    ReportText now;
    ReportText last = last_year_of(now);
    last.table2[5] = "5";
    now.table2[3] = "3";
    now.table2[5] = "8";
    CHECK(findings(now.str(), last.str(), "valid-count-rollforward").empty());
    now.table2[4] = "2";
    now.table2[5] = "6";
    CHECK(findings(now.str(), last.str(), "valid-count-rollforward").empty());
}

TEST_CASE("valid-count-rollforward: 规章 is not rolled forward, only 行政规范性文件") {
    ReportText now;
    ReportText last = last_year_of(now);
    last.table2[2] = "4";  // 规章 现行有效
    CHECK(findings(now.str(), last.str(), "valid-count-rollforward").empty());
}

// --- copied-text ----------------------------------------------------------------

TEST_CASE("copied-text: last year's text with only the year and numbers changed fires") {
    ReportText now;
    const ReportText last = last_year_of(now);
    const std::string text = now.str(), prev = last.str();
    const auto f = findings(text, prev, "copied-text");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(contains(f[0].message_zh, "100%"));
    CHECK(contains(f[0].message_en, "100%"));
    // The span is the first copied sentence (headings do not count), its
    // full stop included.
    const std::string first = at(text, f[0].span);
    CHECK(first.rfind("2024年，我镇通过政府网站", 0) == 0);
    CHECK(first.size() >= std::string("205 条。").size());
    CHECK(first.substr(first.size() - std::string("205 条。").size()) == "205 条。");
    CHECK(contains(f[0].fix_zh, "重写"));
}

TEST_CASE("copied-text: two genuinely different years do not fire") {
    ReportText now;
    rewrite(now);
    ReportText last;  // the builder's text
    last.year = 2023;
    CHECK(findings(now.str(), last.str(), "copied-text").empty());
}

TEST_CASE("copied-text: line breaks, page numbers and full-width digits do not hide a copy") {
    ReportText now;
    now.section1 =
        "2024年，我镇坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。"
        "全年通过政府网站公开各类政府信息２０５条，未收到政府信息公开申请。"
        "政府信息管理方面，完善了信息发布审核制度，做到先审后发。\n";
    ReportText last = now;
    last.year = 2023;
    // A PDF copy: wrapped mid-sentence, a page number between the lines.
    last.section1 =
        "2023 年，我镇坚持以公开为常态、不公开为例外，全面推进决\n策、执行、管理、服务、结果公开。"
        "全年通过政府网站公开各类政\n- 2 -\n府信息 198 条，未收到政府信息公开申请。政府信息管理方面，\n"
        "完善了信息发布审核制度，做到先审后发。\n";
    last.signature = "平罗县陶乐镇人民政府\n\n2024年1月20日\n";
    const auto f = findings(now.str(), last.str(), "copied-text");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message_zh, "100%"));
}

TEST_CASE("copied-text: the share counts text, and half or less does not fire") {
    ReportText now;
    rewrite(now);
    ReportText last;
    last.year = 2023;
    rewrite(last);
    // Last year shares only the first sentence (but for its number) and
    // section 六 with this year: about a third of the text.
    last.section1 =
        "（一）主动公开情况\n\n本年度围绕乡村振兴、惠民补贴等群众关注事项，在镇政务公开栏发布信息 70 条。\n\n"
        "（二）依申请公开\n\n去年全镇没有人来申请政府信息公开。\n\n（三）政府信息管理\n\n建立了信息发布登记台账。\n";
    last.section5 = "（一）存在的问题\n\n公开形式单一。\n\n（二）改进情况\n\n丰富公开形式。\n";
    CHECK(findings(now.str(), last.str(), "copied-text").empty());
    // Copy section 五 too: now well over half.
    last.section5 = now.section5;
    const std::string text = now.str();
    const auto f = findings(text, last.str(), "copied-text");
    REQUIRE(f.size() == 1);
    // The first copied sentence, its number changed.
    CHECK(at(text, f[0].span) == "本年度围绕乡村振兴、惠民补贴等群众关注事项，在镇政务公开栏发布信息 88 条。");
}

TEST_CASE("copied-text: the first copied sentence is marked, not the first sentence") {
    ReportText now;
    rewrite(now);
    ReportText last = now;
    last.year = 2023;
    last.section1 = "（一）主动公开情况\n\n今年重点公开了财政预决算信息。\n\n" +
                    now.section1.substr(now.section1.find("（二）依申请公开"));
    const std::string text = now.str();
    const auto f = findings(text, last.str(), "copied-text");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "全年共受理群众来电来访咨询 12 人次，均当场解答。");
}

TEST_CASE("copied-text: a previous report of the same year (a revised version) is not compared") {
    ReportText now;
    CHECK(findings(now.str(), now.str(), "copied-text").empty());
}

TEST_CASE("copied-text: tables and section 二 to 四 do not count as narrative") {
    // Identical tables and identical headings, different narrative.
    ReportText now;
    rewrite(now);
    ReportText last;
    last.year = 2023;
    last.set_row3(T::kNew, {1, 0, 0, 0, 0, 0});
    now.set_row3(T::kNew, {1, 0, 0, 0, 0, 0});
    CHECK(findings(now.str(), last.str(), "copied-text").empty());
}

TEST_CASE("copied-text: two 7 MB reports (near the size limit) are compared without trouble (sentences are hashed)") {
    // Distinct sentences, so a quadratic comparison would take far too long.
    std::string body;
    body.reserve(7u << 20);
    for (int i = 0; body.size() < (7u << 20); ++i)
        body += "第" + std::to_string(i) + "项工作按照要求有序推进完成情况良好编号甲" + std::string(1, 'a' + i % 26) +
                std::to_string(i * 7919) + "号。\n";
    ReportText now, last;
    now.section1 = body;
    last.year = 2023;
    last.section1 = body;
    last.signature = "平罗县陶乐镇人民政府\n\n2024年1月20日\n";
    const std::string text = now.str(), prev = last.str();
    const auto f = findings(text, prev, "copied-text");
    CHECK(f.size() == 1);
}

// --- the real pair: 洪泽区 2023 -> 2024 ----------------------------------------------

TEST_CASE("years: 洪泽区 2024 checked against its 2023 report gives no across-year findings") {
    const std::string y2023 = fixture("real/007_hongze_district_2023.txt");
    const std::string y2024 = fixture("real/008_hongze_district_2024.txt");
    REQUIRE(!y2023.empty());
    REQUIRE(!y2024.empty());
    // carried_in 2024 = 0s = carried_out 2023; 现行有效 8 = 5 + 3 − 0; the
    // narrative shares about 11% of its sentences with 2023.
    CHECK(years(y2024, &y2023).empty());
}
