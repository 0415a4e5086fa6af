// Tests for narrative-results (core/src/rules/narrative_results.cpp): the
// counts the text gives for the outcomes of table 三 against its rows. Cases
// that fire on real-looking text, and the near misses that must not.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::test::ReportText;
namespace T = nianbao::test;

namespace {

std::vector<Finding> findings(const std::string& text) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text).findings)
        if (f.id == "narrative-results") out.push_back(f);
    return out;
}

std::string at(const std::string& text, nianbao::Span s) { return text.substr(s.begin, s.size()); }

const char* kApply = "（一）主动公开情况\n\n2024年，我县通过政府网站公开各类政府信息 205 条。\n\n（二）依申请公开\n\n";

// A county's table 三 (自然人 only), consistent: 新收 650 + 结转 0 =
// 予以公开 272 + 部分公开 3 + 不予公开 5 + 无法提供 265 + 70 + 2 + 不予处理 20 +
// 其他处理 10 (= 647 办结) + 结转下年度 3.
ReportText county() {
    ReportText r;
    r.body = "沭阳县人民政府";
    r.signature = "沭阳县人民政府\n\n2025年3月20日\n";
    r.set_row3(T::kNew, {650, 0, 0, 0, 0, 0});
    r.set_row3(T::kDisclosed, {272, 0, 0, 0, 0, 0});
    r.set_row3(T::kPartly, {3, 0, 0, 0, 0, 0});
    r.set_row3(T::kRefused1 + 3, {5, 0, 0, 0, 0, 0});
    r.set_row3(T::kUnable1, {265, 0, 0, 0, 0, 0});
    r.set_row3(T::kUnable1 + 1, {70, 0, 0, 0, 0, 0});
    r.set_row3(T::kUnable3, {2, 0, 0, 0, 0, 0});
    r.set_row3(T::kDeclined1 + 1, {20, 0, 0, 0, 0, 0});
    r.set_row3(T::kOther3, {10, 0, 0, 0, 0, 0});
    r.set_row3(T::kTotal, {647, 0, 0, 0, 0, 0});
    r.set_row3(T::kCarriedOut, {3, 0, 0, 0, 0, 0});
    r.section6 = "本机关 2024 年未收取信息处理费。\n";
    return r;
}

ReportText saying(const std::string& sentence) {
    ReportText r = county();
    r.section1 = std::string(kApply) + sentence + "\n";
    return r;
}

}  // namespace

TEST_CASE("narrative-results: the county report as built is clean") {
    CHECK(findings(county().str()).empty());
}

TEST_CASE("narrative-results: 无法提供 265 件 while （四）'s three rows add to 337 fires on the number") {
    const ReportText r = saying("2024年，共收到政府信息公开申请 650 件，办结 647 件，其中予以公开 272 件，部分公开 3 件，"
                                "无法提供 265 件，结转下年度继续办理 3 件。");
    const std::string text = r.str();
    const auto f = findings(text);
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "265 件");
    CHECK(f[0].severity == nianbao::Severity::Warning);
    CHECK(f[0].message_zh == "正文说无法提供 265 件，表三“（四）无法提供”总计为 337。");
    CHECK(f[0].arithmetic == "265 + 70 + 2 = 337 ≠ 265");
    REQUIRE(f[0].cells.size() == 3);
    CHECK(f[0].cells[0].table == 3);
    CHECK(f[0].cells[0].column == 6);
}

TEST_CASE("narrative-results: 予以公开及部分公开 258 件 while the rows give 272 + 3 fires") {
    for (const char* joined : {"予以公开及部分公开", "予以公开和部分公开", "予以公开、部分公开"}) {
        const ReportText r = saying(std::string("全年受理政府信息公开申请 650 件，其中") + joined + " 258 件。");
        const std::string text = r.str();
        const auto f = findings(text);
        CAPTURE(joined);
        REQUIRE(f.size() == 1);
        CHECK(at(text, f[0].span) == "258 件");
        CHECK(f[0].arithmetic == "272 + 3 = 275 ≠ 258");
        CHECK(f[0].cells.size() == 2);
    }
    // The right sum holds.
    CHECK(findings(saying("全年受理政府信息公开申请 650 件，其中予以公开及部分公开 275 件。").str()).empty());
}

TEST_CASE("narrative-results: each outcome's own count is compared with its row or group") {
    struct Case {
        const char* sentence;
        const char* span;
        const char* arithmetic;
    } cases[] = {
        {"收到政府信息公开申请 650 件，予以公开 270 件。", "270 件", "272 ≠ 270"},
        {"收到政府信息公开申请 650 件，部分公开 4 件。", "4 件", "3 ≠ 4"},
        {"收到政府信息公开申请 650 件，不予公开 6 件。", "6 件", "5 ≠ 6"},
        {"收到政府信息公开申请 650 件，不予处理 2 件。", "2 件", "20 ≠ 2"},
        {"收到政府信息公开申请 650 件，其他处理 1 件。", "1 件", "10 ≠ 1"},
        {"收到政府信息公开申请 650 件，已办结 640 件。", "640 件", "647 ≠ 640"},
        {"收到政府信息公开申请 650 件，办理完毕 640 件。", "640 件", "647 ≠ 640"},
        {"收到政府信息公开申请 650 件，结转下年度办理 5 件。", "5 件", "3 ≠ 5"},
    };
    for (const Case& c : cases) {
        const ReportText r = saying(c.sentence);
        const std::string text = r.str();
        const auto f = findings(text);
        CAPTURE(c.sentence);
        REQUIRE(f.size() == 1);
        CHECK(at(text, f[0].span) == c.span);
        CHECK(f[0].arithmetic == c.arithmetic);
    }
}

TEST_CASE("narrative-results: counts that match their rows hold, in a full breakdown") {
    CHECK(findings(saying("2024年，共收到政府信息公开申请 650 件，办结 647 件，其中予以公开 272 件、部分公开 3 件、"
                          "不予公开 5 件、无法提供 337 件、不予处理 20 件、其他处理 10 件，结转下年度继续办理 3 件。")
                       .str())
              .empty());
}

TEST_CASE("narrative-results: Chinese numerals are read") {
    const ReportText r = saying("收到政府信息公开申请 650 件，其中部分公开五件。");
    const std::string text = r.str();
    const auto f = findings(text);
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "五件");
    CHECK(findings(saying("收到政府信息公开申请 650 件，其中部分公开三件。").str()).empty());
}

TEST_CASE("narrative-results: the count in the sentence after the one about applications is read") {
    const ReportText r = saying("2024年，共收到政府信息公开申请 650 件。其中予以公开 271 件。");
    CHECK(findings(r.str()).size() == 1);
}

TEST_CASE("narrative-results: a count of 予以公开 that includes the partly disclosed holds") {
    CHECK(findings(saying("收到政府信息公开申请 650 件，予以公开 275 件（含部分公开 3 件）。").str()).empty());
}

TEST_CASE("narrative-results: 办结 as 新收 + 结转 − 结转下年度, or as the sum of the outcomes, holds") {
    ReportText r = saying("收到政府信息公开申请 650 件，办结 647 件。");
    // （七）总计 written wrong (apply-result-total says so): the sum of the outcomes still holds.
    r.set_row3(T::kTotal, {640, 0, 0, 0, 0, 0});
    CHECK(findings(r.str()).empty());
}

TEST_CASE("narrative-results: a clause naming a sub-row's reason is that row, not the group") {
    CHECK(findings(saying("收到政府信息公开申请 650 件，因本机关不掌握相关政府信息无法提供 265 件。").str()).empty());
    CHECK(findings(saying("收到政府信息公开申请 650 件，属于重复申请不予处理 20 件。").str()).empty());
}

TEST_CASE("narrative-results: other years, changes, rates and approximations are not compared") {
    for (const char* sentence : {
             "收到政府信息公开申请 650 件，上年予以公开 100 件。",
             "收到政府信息公开申请 650 件，予以公开件数同比增加 30 件。",
             "收到政府信息公开申请 650 件，较上年予以公开 30 件。",
             "2023年收到政府信息公开申请 500 件，予以公开 200 件。",
             "收到政府信息公开申请 650 件，予以公开约 270 件。",
             "收到政府信息公开申请 650 件，予以公开率为 42%。",
             "收到政府信息公开申请 650 件，尚未办结 5 件。",
             "收到政府信息公开申请 650 件，通过网上申请予以公开 100 件。",
             "收到政府信息公开申请 650 件，均在法定期限内予以答复 650 件。",
         }) {
        CAPTURE(sentence);
        CHECK(findings(saying(sentence).str()).empty());
    }
}

TEST_CASE("narrative-results: outcome words outside applications, or without a count in 件, are left alone") {
    for (const char* sentence : {
             "2024年，通过政府网站予以公开政府信息 120 条。",
             "收到政府信息公开申请 650 件，对不予公开的申请逐一说明理由，共 6 件。",
             "12345 热线办结群众诉求 3000 件。",
             "全市各级行政机关共受理政府信息公开申请 3000 件，予以公开 1500 件。",
             "收到政府信息公开申请 650 件，办结率 100%。",
         }) {
        CAPTURE(sentence);
        CHECK(findings(saying(sentence).str()).empty());
    }
}

TEST_CASE("narrative-results: a table 三 not found, or a row not read, gives nothing") {
    ReportText r = saying("收到政府信息公开申请 650 件，其中予以公开 100 件。");
    std::string text = r.str();
    const size_t b = text.find("三、收到和处理政府信息公开申请情况");
    const size_t e = text.find("四、政府信息公开行政复议");
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    text.erase(b, e - b);
    CHECK(findings(text).empty());
}
