// Tests for the narrative family (core/src/rules/narrative_*.cpp): what the
// running text says, checked against tables 三 and 四 and against itself.
// Each rule: a case that fires on real-looking text, and the near misses
// that must not.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "meta/sentences.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::test::ReportText;
namespace T = nianbao::test;

namespace {

std::vector<Finding> findings(const std::string& text, std::string_view id) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text).findings)
        if (f.id == id) out.push_back(f);
    return out;
}

std::string at(const std::string& text, nianbao::Span s) { return text.substr(s.begin, s.size()); }

// Table 三 with `fresh` new applications (all 自然人, all disclosed) and
// `carried` carried over from last year.
void applications(ReportText& r, long long fresh, long long carried = 0) {
    r.set_row3(T::kNew, {fresh, 0, 0, 0, 0, 0});
    r.set_row3(T::kCarriedIn, {carried, 0, 0, 0, 0, 0});
    r.set_row3(T::kDisclosed, {fresh + carried, 0, 0, 0, 0, 0});
    r.set_row3(T::kTotal, {fresh + carried, 0, 0, 0, 0, 0});
}

std::string fixture(const std::string& name) { return nianbao::test::read_fixture(name); }

const char* kApplyParagraph =
    "（一）主动公开情况\n\n2024年，我镇通过政府网站公开各类政府信息 205 条。\n\n（二）依申请公开\n\n";

}  // namespace

// --- narrative-applications ---------------------------------------------------------

TEST_CASE("narrative-applications: 未收到申请 while table 三 row 一 has some fires on the phrase") {
    ReportText r;
    applications(r, 3);
    const std::string text = r.str();
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == nianbao::Severity::Error);
    CHECK(at(text, f[0].span) == "未收到政府信息公开申请");
    CHECK(f[0].message_zh.find("3") != std::string::npos);
    REQUIRE(!f[0].cells.empty());
    CHECK(f[0].cells[0].table == 3);
    CHECK(f[0].cells[0].row == "t3.new");
    CHECK(f[0].cells[0].column == 6);
    CHECK(at(text, f[0].cells[0].span) == "3");
}

TEST_CASE("narrative-applications: 未收到申请 with an empty table 三 holds") {
    ReportText r;
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: 未收到申请 with only carried-over applications holds") {
    ReportText r;
    applications(r, 0, 2);
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: other ways of saying none fire too") {
    for (const char* said : {"2024年，我镇没有收到任何形式的政府信息公开申请。",
                             "2024年，我镇未收到政府信息公开依申请公开业务。", "本年度无依申请公开事项。"}) {
        ReportText r;
        r.section1 = std::string(kApplyParagraph) + said + "\n";
        applications(r, 4);
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-applications").size() == 1);
    }
}

TEST_CASE("narrative-applications: a count that matches neither 新收 nor 新收 + 结转 fires with both sides named") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "2024 年，全区共受理政府信息公开申请 17 件，均已在法定期限内予以答复。\n";
    applications(r, 95);
    const std::string text = r.str();
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "17 件");
    CHECK(f[0].message_zh == "正文说受理申请 17 件，表三“一、本年新收”总计为 95（加上年结转为 95）。");
    CHECK(f[0].message_en.find("95") != std::string::npos);
    CHECK(f[0].arithmetic == "17 ≠ 95");
    REQUIRE(f[0].cells.size() == 2);
    CHECK(f[0].cells[0].row == "t3.new");
    CHECK(f[0].cells[1].row == "t3.carried_in");
}

TEST_CASE("narrative-applications: one office's share of the whole body's count is not the table's count") {
    // A district's report: table 三 counts the whole district (95), the text what the
    // district office received for the district government itself (as 008 of ../shared/real).
    for (const char* said : {"2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。",
                             "2024 年，区政府本级受理政府信息公开申请 17 件。"}) {
        ReportText r;
        r.section1 = std::string(kApplyParagraph) + said + "\n";
        applications(r, 95);
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-applications").empty());
    }
}

TEST_CASE("narrative-applications: a count equal to 新收 holds") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。\n";
    r.year = 2023;
    applications(r, 21);
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: 受理 75 件 = 新收 74 + 上年结转 1 holds (平潭 2022)") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "2024年，共受理政府信息公开申请75件，均已按时答复。\n";
    applications(r, 74, 1);
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: a count equal to row 一's parts holds when its 总计 is the wrong cell") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "2024年，我镇收到政府信息公开申请 3 件。\n";
    applications(r, 3);
    r.table3[T::kNew][6] = 0;  // apply-row-total reports this cell
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: Chinese numerals are read") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "本年度共收到政府信息公开申请十二件。\n";
    applications(r, 12);
    CHECK(findings(r.str(), "narrative-applications").empty());
    applications(r, 10);
    const std::string text = r.str();
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "十二件");
}

TEST_CASE("narrative-applications: 答复 N 件, 上年度结转 N 件 and 顺延 N 件 are not received counts (淮安 2024)") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n"
                 "答复），均在法定期限内予以答复。\n";
    applications(r, 3119, 34);
    CHECK(findings(r.str(), "narrative-applications").empty());
    // Only the received count is compared.
    applications(r, 3100, 34);
    const std::string text = r.str();
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "3119 件");
}

TEST_CASE("narrative-applications: 留言, 咨询 and 行政复议申请 are not applications") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "2024 年，我镇积极回应网民诉求，共收到石嘴山市人民议政网留言问题 2 条，均已在规定时间内进行答复。"
                 "全年收到群众咨询 20 件。收到行政复议申请 1 件。受理行政许可申请 447 件。\n";
    applications(r, 5);
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: a count for another year is not compared") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "2023 年共受理政府信息公开申请 20 件。2024 年共受理政府信息公开申请 25 件，较上年增加 5 件。\n";
    applications(r, 25);
    CHECK(findings(r.str(), "narrative-applications").empty());
}

TEST_CASE("narrative-applications: another year exempts its own sentence only, however the year is written") {
    // Chinese numerals, and a year wrapped over lines by a PDF copy: still another year.
    for (const char* said : {"二〇二三年共受理政府信息公开申请 20 件。", "我单位 2023\n年共受理政府信息公开申请 20 件。",
                             "2023 年度，共受理政府信息公开申请 20 件。"}) {
        ReportText r;
        r.section1 = std::string(kApplyParagraph) + said + "\n";
        applications(r, 25);
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-applications").empty());
    }
    // A year in the sentence before does not make the next sentence's count another year's.
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "2023 年工作已总结。全年共受理政府信息公开申请 20 件。\n";
    applications(r, 25);
    CHECK(findings(r.str(), "narrative-applications").size() == 1);
}

TEST_CASE("narrative-applications: a count wrapped over lines by a PDF copy is read and spanned in the source") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "进一步规范依申请公开流程。2024 年全区受理政府信息公开申\n请 21\n件，均在法定期限答复。\n";
    applications(r, 30);
    const std::string text = r.str();
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "21\n件");
}

// --- narrative-review ---------------------------------------------------------------

TEST_CASE("narrative-review: 未发生行政复议、行政诉讼 while table 四 has a 复议 fires for 复议 only") {
    ReportText r;
    r.section6 = "本年度未发生政府信息公开行政复议、行政诉讼。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const std::string text = r.str();
    const auto f = findings(text, "narrative-review");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "未发生政府信息公开行政复议、行政诉讼");
    CHECK(f[0].message_zh.find("行政复议为 2 件") != std::string::npos);
    REQUIRE(f[0].cells.size() == 1);
    CHECK(f[0].cells[0].table == 4);
    CHECK(f[0].cells[0].column == 4);
    // With a lawsuit too, both are reported.
    r.table4 = {1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").size() == 2);
}

TEST_CASE("narrative-review: 未发生行政复议 with an all-zero table 四 holds") {
    ReportText r;
    r.section6 = "本年度未发生政府信息公开行政复议、行政诉讼。本机关 2024 年未收取信息处理费。\n";
    CHECK(findings(r.str(), "narrative-review").empty());
}

TEST_CASE("narrative-review: other ways of saying none, before and after the words") {
    for (const char* said : {"本年度无行政复议和行政诉讼。", "本机关未被申请行政复议。",
                             "本年度因政府信息公开被申请行政复议、提起行政诉讼的情况均未发生。",
                             "没有发生因政府信息公开引起的行政复议。"}) {
        ReportText r;
        r.section6 = std::string(said) + "本机关 2024 年未收取信息处理费。\n";
        r.table4 = {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-review").size() == 1);
    }
}

TEST_CASE("narrative-review: a table 四 total left at 0 while its parts are not still counts as some (洪泽 2023)") {
    ReportText r;
    r.section6 = "本年度未发生政府信息公开行政复议。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0};
    const auto f = findings(r.str(), "narrative-review");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message_zh.find("11 件") != std::string::npos);
}

TEST_CASE("narrative-review: no 复议 被纠错, and 发生率, are not statements of no 复议") {
    ReportText r;
    r.section5 = "（一）存在的问题\n\n答复文书规范性有待提升。\n\n（二）改进情况\n\n有效降低行政复议、行政诉讼发生率和纠错率。\n";
    r.section6 = "本年度未发生行政复议被纠错的情况。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").empty());
}

TEST_CASE("narrative-review: counts equal to table 四's totals hold, parts are not compared (淮安 2024)") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；"
                 "政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。\n";
    r.table4 = {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20};
    CHECK(findings(r.str(), "narrative-review").empty());
}

TEST_CASE("narrative-review: a 复议 or 诉讼 count that differs from table 四 fires on the number") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "政府信息公开行政复议 350 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；"
                 "政府信息公开行政诉讼 45 件。\n";
    r.table4 = {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20};
    const std::string text = r.str();
    const auto f = findings(text, "narrative-review");
    REQUIRE(f.size() == 2);
    CHECK(at(text, f[0].span) == "350 件");
    CHECK(f[0].message_zh == "正文说行政复议 350 件，表四行政复议总计为 351。");
    CHECK(f[0].arithmetic == "351 ≠ 350");
    CHECK(at(text, f[1].span) == "45 件");
    CHECK(f[1].arithmetic == "26 + 20 = 46 ≠ 45");
    CHECK(f[1].cells.size() == 2);
}

TEST_CASE("narrative-review: 行政诉讼 0 件 while only 复议后起诉 has cases fires") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) +
                 "2024年，本机关因政府信息公开工作被申请行政复议2件，被提起行政诉讼0件。\n";
    r.table4 = {2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1};
    const std::string text = r.str();
    const auto f = findings(text, "narrative-review");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "0件");
    CHECK(f[0].arithmetic == "0 + 1 = 1 ≠ 0");
}

TEST_CASE("narrative-review: a 复议 count outside information disclosure is not compared") {
    ReportText r;
    r.section1 = "（一）法治政府建设\n\n全年办理行政复议案件 30 件，均在法定期限内审结。\n";
    r.table4 = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").empty());
}

TEST_CASE("narrative-review: 复议 said none and 诉讼 said some are judged apart") {
    ReportText r;
    r.section6 = "因政府信息公开被申请行政复议 1 件，未被提起行政诉讼。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").empty());
    r.table4 = {1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    const std::string text = r.str();
    const auto f = findings(text, "narrative-review");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "未被提起行政诉讼");
}

TEST_CASE("narrative-review: 均获维持 while table 四 shows 纠正, 其他结果 or 尚未审结 fires for that group") {
    ReportText r;
    r.section6 = "本年度发生政府信息公开行政复议 3 件，均获维持。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {1, 1, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const std::string text = r.str();
    const auto f = findings(text, "narrative-review");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "均获维持");
    CHECK(f[0].message_zh == "正文说“行政复议 3 件，均获维持”，但表四有行政复议结果纠正 1 件，行政复议尚未审结 1 件。");
    REQUIRE(f[0].cells.size() == 2);
    CHECK(f[0].cells[0].table == 4);
    CHECK(f[0].cells[0].column == 1);
    CHECK(f[0].cells[1].column == 3);
}

TEST_CASE("narrative-review: other ways of saying all upheld, and 诉讼 read against both kinds of lawsuit") {
    for (const char* said : {"本年度行政复议案件全部维持。", "行政复议 2 件均获维持。", "被申请行政复议 2 件，复议机关均被维持。",
                             "行政复议、行政诉讼案件全部予以维持。", "涉及政府信息公开的行政诉讼均获维持。"}) {
        ReportText r;
        r.section6 = std::string(said) + "本机关 2024 年未收取信息处理费。\n";
        // 复议 1 upheld, 1 other; 诉讼 (复议后起诉) 1 corrected.
        r.table4 = {1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1};
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-review").size() == 1);
    }
}

TEST_CASE("narrative-review: all upheld in a group whose cases were all upheld holds; the other group is not read") {
    ReportText r;
    r.section6 = "本年度发生政府信息公开行政复议 2 件，均获维持。本机关 2024 年未收取信息处理费。\n";
    // 复议: 2 upheld; 诉讼: 1 corrected, which the sentence does not speak of.
    r.table4 = {2, 0, 0, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").empty());
}

TEST_CASE("narrative-review: 已审结的均获维持 does not speak of the pending cases") {
    ReportText r;
    r.section6 = "本年度行政复议 2 件，已审结的均获维持。本机关 2024 年未收取信息处理费。\n";
    r.table4 = {1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").empty());
    r.table4 = {0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(findings(r.str(), "narrative-review").size() == 1);
}

TEST_CASE("narrative-review: near misses of all upheld: deadlines, last year, no 纠错, a part, a wish") {
    for (const char* said : {"行政复议案件均在法定期限内答复。", "上年度行政复议案件均获维持。",
                             "2023年行政复议案件均获维持。", "本年度未发生行政复议被纠错的情况。",
                             "行政复议 3 件，其中 2 件均获维持。", "行政复议 3 件中 2 件均获维持。", "行政复议 3 件，除 1 件外均获维持。",
                             "力争行政复议案件全部维持。", "行政复议纠错率全部维持在较低水平。", "答复规范，均获申请人认可并全部维持原答复。"}) {
        ReportText r;
        r.section6 = std::string(said) + "本机关 2024 年未收取信息处理费。\n";
        r.table4 = {1, 1, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        const std::string shown = said;
        CAPTURE(shown);
        std::vector<std::string> ids;
        for (const Finding& f : findings(r.str(), "narrative-review")) ids.push_back(f.message_zh);
        CHECK(ids.empty());
    }
}

// --- narrative-breakdown -------------------------------------------------------------

TEST_CASE("narrative-breakdown: parts that do not add up to the total fire with the arithmetic (seed 003)") {
    ReportText r;
    r.section1 = "（一）主动公开方面。2024 年，通过公示栏主动公开政府信息 75 条，其中公开类信息 24 条、民政类 12 条、"
                 "项目类信息 30 条、财务类 4 条。\n";
    const std::string text = r.str();
    const auto f = findings(text, "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == nianbao::Severity::Warning);
    CHECK(f[0].arithmetic == "24 + 12 + 30 + 4 = 70 ≠ 75");
    CHECK(at(text, f[0].span) == "75 条，其中公开类信息 24 条、民政类 12 条、项目类信息 30 条、财务类 4 条");
}

TEST_CASE("narrative-breakdown: parts that add up hold (seed 000, 淮安 2024)") {
    ReportText r;
    r.section1 = "2024 年度我镇主动公开的政府信息情况有：主动公开政\n\n府信息 28 条，其中经费公开类信息 2 条，新闻类信息 26 条；\n\n"
                 "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件。\n";
    CHECK(findings(r.str(), "narrative-breakdown").empty());
}

TEST_CASE("narrative-breakdown: a part larger than the total fires") {
    ReportText r;
    r.section1 = "2024 年主动公开政府信息 20 条，其中政策解读 25 条。\n";
    const auto f = findings(r.str(), "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arithmetic == "25 > 20");
}

TEST_CASE("narrative-breakdown: a percentage that does not match count ÷ total fires") {
    ReportText r;
    r.section1 = "共受理申请 1191 件，其中予以公开 208 件（17.46%）、部分公开 983 件（82.54%）。\n";
    CHECK(findings(r.str(), "narrative-breakdown").empty());
    r.section1 = "共受理申请 1191 件，其中予以公开 208 件（18.46%）、部分公开 983 件（82.54%）。\n";
    const std::string text = r.str();
    const auto f = findings(text, "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "208 件（18.46%）");
    CHECK(f[0].message_zh.find("17.46%") != std::string::npos);
    // Rounding of the printed decimals is allowed: 208 ÷ 1191 = 17.4643…%.
    r.section1 = "共受理申请 1191 件，其中予以公开 208 件（17.5%）、部分公开 983 件（82.5%）。\n";
    CHECK(findings(r.str(), "narrative-breakdown").empty());
}

TEST_CASE("narrative-breakdown: lists that are not a full breakdown are left alone") {
    for (const char* said : {
             // 等: a few examples.
             "2024 年公开政府信息 75 条，其中政策文件 20 条、政策解读 5 条等。",
             // A few highlights of a much larger total.
             "2024 年公开政府信息 205 条，其中政策文件 20 条、政策解读 5 条。",
             // Another unit ends the list.
             "发布政务信息 538 条，其中微信 300 条、微博 200 篇。",
             // A new statement after the parts.
             "共收到申请 20 件，其中当面申请 5 件，网络申请 15 件，按期答复 20 件。",
             // 含 is not 其中.
             "答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。",
             // An approximate total.
             "主动公开各类政府信息 5500 余条，其中政策文件 11 件。",
         }) {
        ReportText r;
        r.section1 = std::string(said) + "\n";
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-breakdown").empty());
    }
}

TEST_CASE("narrative-breakdown: a figure whose label says 共 starts a new total, not a part") {
    ReportText r;
    r.section1 = "2024年，全市共发布信息4583条，其中主动公开各类政府信息2107条，市政府网站共采用672条。\n";
    CHECK(findings(r.str(), "narrative-breakdown").empty());
    // 60 + 30 would cover 90% of the total: only 共 keeps 30 out of the parts.
    r.section1 = "2024年，发布信息 100 条，其中主动公开政府信息 60 条，市政府网站共采用 30 条。\n";
    CHECK(findings(r.str(), "narrative-breakdown").empty());
    r.section1 = "2024年，发布信息 100 条，其中主动公开政府信息 60 条，市政府网站采用 30 条。\n";
    const std::string text = r.str();
    const auto f = findings(text, "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arithmetic == "60 + 30 = 90 ≠ 100");
    CHECK(at(text, f[0].span) == "100 条，其中主动公开政府信息 60 条，市政府网站采用 30 条");
}

TEST_CASE("narrative-breakdown: 公共 in a part's label is a word, not 共: the part stays a part") {
    ReportText r;
    r.section1 = "2024年，公开信息 100 条，其中政策文件 50 条、公共服务类 40 条。\n";
    const std::string text = r.str();
    const auto f = findings(text, "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arithmetic == "50 + 40 = 90 ≠ 100");
    CHECK(at(text, f[0].span) == "100 条，其中政策文件 50 条、公共服务类 40 条");
    r.section1 = "2024年，公开信息 100 条，其中政策文件 50 条、政策解读 30 条、公共服务类 12 条。\n";
    const auto g = findings(r.str(), "narrative-breakdown");
    REQUIRE(g.size() == 1);
    CHECK(g[0].arithmetic == "50 + 30 + 12 = 92 ≠ 100");
}

TEST_CASE("narrative-breakdown: parts covering less than 80% of the total are highlights; 80% or more must add up") {
    for (const char* said : {"2024年，公开信息 100 条，其中政策文件 40 条、政策解读 30 条。",    // 70%
                             "2024年，公开信息 100 条，其中政策文件 50 条、政策解读 29 条。"}) {  // 79%
        ReportText r;
        r.section1 = std::string(said) + "\n";
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-breakdown").empty());
    }
    ReportText r;
    r.section1 = "2024年，公开信息 100 条，其中政策文件 50 条、政策解读 30 条。\n";  // 80%
    auto f = findings(r.str(), "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arithmetic == "50 + 30 = 80 ≠ 100");
    r.section1 = "2024年，公开信息 100 条，其中政策文件 50 条、政策解读 40 条。\n";  // 90%
    const std::string text = r.str();
    f = findings(text, "narrative-breakdown");
    REQUIRE(f.size() == 1);
    CHECK(f[0].arithmetic == "50 + 40 = 90 ≠ 100");
    CHECK(at(text, f[0].span) == "100 条，其中政策文件 50 条、政策解读 40 条");
}

TEST_CASE("narrative-breakdown: numbers inside tables are not read as sentences") {
    ReportText r;
    r.table2 = {"1", "0", "11", "8", "26", "66", "447228", "3985758", "88283", "96171.6"};
    CHECK(findings(r.str(), "narrative-breakdown").empty());
}

// --- narrative-fee-notice ---------------------------------------------------------------

TEST_CASE("narrative-fee-notice: unpaid-fee applications with no word on fees is reported on the cell") {
    ReportText r;
    applications(r, 2);
    r.set_row3(T::kDisclosed, {0, 0, 0, 0, 0, 0});
    r.set_row3(T::kOther2, {2, 0, 0, 0, 0, 0});
    r.section1 = std::string(kApplyParagraph) + "2024年，我镇收到政府信息公开申请 2 件。\n";
    r.section6 = "我镇无其他需要报告的事项。\n";
    const std::string text = r.str();
    const auto f = findings(text, "narrative-fee-notice");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == nianbao::Severity::Info);
    REQUIRE(f[0].cells.size() == 1);
    CHECK(f[0].cells[0].row == "t3.other.2");
    CHECK(f[0].cells[0].column == 6);
    CHECK(f[0].span.begin == f[0].cells[0].span.begin);
    CHECK(at(text, f[0].span) == "2");
}

TEST_CASE("narrative-fee-notice: a word on 信息处理费 or 收费通知 anywhere in the text is enough") {
    for (const char* said : {"本机关 2024 年未收取信息处理费。", "本年度向申请人发出收费通知 2 份，申请人均未缴纳费用。"}) {
        ReportText r;
        applications(r, 2);
        r.set_row3(T::kDisclosed, {0, 0, 0, 0, 0, 0});
        r.set_row3(T::kOther2, {2, 0, 0, 0, 0, 0});
        r.section6 = std::string(said) + "\n";
        const std::string shown = said;
        CAPTURE(shown);
        CHECK(findings(r.str(), "narrative-fee-notice").empty());
    }
}

TEST_CASE("narrative-fee-notice: 行政事业性收费 is not fee handling, and a zero row is not reported") {
    ReportText r;
    applications(r, 2);
    r.set_row3(T::kDisclosed, {0, 0, 0, 0, 0, 0});
    r.set_row3(T::kOther2, {2, 0, 0, 0, 0, 0});
    r.section1 = std::string(kApplyParagraph) + "2024年，我镇公开行政事业性收费目录清单。\n";
    r.section6 = "我镇无其他需要报告的事项。\n";
    CHECK(findings(r.str(), "narrative-fee-notice").size() == 1);
    ReportText clean;
    clean.section6 = "我镇无其他需要报告的事项。\n";
    CHECK(findings(clean.str(), "narrative-fee-notice").empty());
}

// --- the seeds and the real reports ------------------------------------------------------

TEST_CASE("narrative: the seeds and real reports give exactly the expected narrative findings") {
    struct Case {
        const char* file;
        std::vector<std::string> ids;
    } cases[] = {
        {"seeds/000_871ede2c728ee505.txt", {}},
        {"seeds/001_596907d86b561f89.txt", {}},
        {"seeds/002_a4f66517a6301564.txt", {}},
        {"seeds/003_42f29cd10deb4ca1.txt", {"narrative-breakdown"}},
        {"seeds/004_cefec1d860d17dad.txt", {}},
        {"real/006_huaian_city_2024.txt", {}},
        {"real/007_hongze_district_2023.txt", {}},
        {"real/008_hongze_district_2024.txt", {}},  // 区政府办代表区政府受理 17: the office's share, not the district's 95
    };
    for (const Case& c : cases) {
        const std::string text = fixture(c.file);
        REQUIRE(!text.empty());
        std::vector<std::string> got;
        for (const Finding& f : nianbao::check(text).findings)
            if (f.id.rfind("narrative-", 0) == 0) got.push_back(f.id);
        CAPTURE(c.file);
        CHECK(got == c.ids);
    }
}

TEST_CASE("narrative: CRLF line ends and full-width digits are read like the plain text") {
    ReportText r;
    r.section1 = std::string(kApplyParagraph) + "2024 年，区政府办受理政府信息公开申请 １７ 件，均已答复。\n";
    applications(r, 95);
    std::string text;
    for (char ch : r.str()) {
        if (ch == '\n') text += '\r';
        text += ch;
    }
    const auto f = findings(text, "narrative-applications");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "１７ 件");
    CHECK(f[0].message_zh.find("17 件") != std::string::npos);
}

// --- the text joining underneath ---------------------------------------------------------

TEST_CASE("narrative text: PDF line wraps are joined, page numbers dropped, headings and paragraphs kept apart") {
    const std::string src =
        "（一）主动公开情况。全年公开信息 75 条。\n（二）依申请公开情况\n\n2024 年，全市共受理政府信息公开申请 3119 件，答\n"
        "- 2 -\n复 3050 件。\n";
    const nianbao::JoinedText j = nianbao::join_lines(src, {{0, static_cast<uint32_t>(src.size())}});
    CHECK(j.text ==
          "（一）主动公开情况。全年公开信息 75 条。\n（二）依申请公开情况\n"
          "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件。\n");
    const auto sentences = nianbao::split_sentences(j.text);
    REQUIRE(sentences.size() == 4);
    const nianbao::Span last = j.to_source(sentences[3].begin, sentences[3].end);
    CHECK(src.substr(last.begin, last.size()) == "2024 年，全市共受理政府信息公开申请 3119 件，答\n- 2 -\n复 3050 件");
}

TEST_CASE("narrative text: a tab or a Markdown heading ends a paragraph, CR and edge spaces are dropped") {
    const std::string src = "信息内容\t本年制发件数\r\n## 说明\r\n  公开信息 尚 未 审结 28 条\u3000\r\n";
    const nianbao::JoinedText j = nianbao::join_lines(src, {{0, static_cast<uint32_t>(src.size())}});
    CHECK(j.text == "信息内容\n本年制发件数\n## 说明\n公开信息尚未审结 28 条\n");
    for (size_t i = 0; i < j.text.size(); ++i) REQUIRE(j.source_at(i) < src.size());
    const size_t at = j.text.find("28");
    const nianbao::Span s = j.to_source(at, at + 2);
    CHECK(src.substr(s.begin, s.size()) == "28");
}

TEST_CASE("narrative text: joining is linear on a huge input") {
    std::string big;
    for (int k = 0; k < 20000; ++k) big += "其中公开类信息 24 条、民政类 12 条，共收到政府信息公开申请 3 件\n";
    ReportText r;
    r.section1 = big;
    applications(r, 3);
    const auto result = nianbao::check(r.str());
    CHECK(result.report.source.size() > 1000000);
}
