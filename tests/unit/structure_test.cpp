// The title and the section headings (core/src/meta/title.cpp,
// core/src/sections/sections.cpp, core/src/rules/structure.cpp): the six
// sections are found under the wordings and numberings real reports use; a
// wording other than the template's is section-title (info), never
// section-missing.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::Result;
using nianbao::test::ReportText;

namespace {

const char* const kHeadings[6] = {"一、总体情况",
                                  "二、主动公开政府信息情况",
                                  "三、收到和处理政府信息公开申请情况",
                                  "四、政府信息公开行政复议、行政诉讼情况",
                                  "五、存在的主要问题及改进情况",
                                  "六、其他需要报告的事项"};

// `text` with heading line `from` (the whole line) replaced by `to`.
std::string with_heading(std::string text, const std::string& from, const std::string& to) {
    const std::string line = "\n" + from + "\n";
    const size_t at = text.find(line);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at + 1, from.size(), to);
    return text;
}

std::vector<std::string> ids(const Result& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) out.push_back(f.id);
    return out;
}

bool has(const Result& r, std::string_view id) {
    for (const Finding& f : r.findings)
        if (f.id == id) return true;
    return false;
}

std::string heading_of(const Result& r, int number) { return r.report.section(number).heading; }

}  // namespace

TEST_CASE("sections: a heading ending in 。 or ：is still the heading") {
    for (const char* end : {"。", "：", ":"}) {
        const std::string to = std::string(kHeadings[0]) + end;
        CAPTURE(to);
        const Result r = nianbao::check(with_heading(ReportText{}.str(), kHeadings[0], to));
        CHECK(r.report.section(1).found);
        CHECK_FALSE(has(r, "section-missing"));
    }
}

TEST_CASE("sections: 一、基本情况 and 一、概况 are section 一 under another wording (section-title, info)") {
    for (const char* to : {"一、基本情况", "一、工作概况"}) {
        CAPTURE(to);
        const Result r = nianbao::check(with_heading(ReportText{}.str(), kHeadings[0], to));
        REQUIRE(r.report.section(1).found);
        CHECK(heading_of(r, 1) == std::string(to).substr(std::string("一、").size()));
        CHECK_FALSE(has(r, "section-missing"));
        CHECK(has(r, "section-title"));
    }
}

TEST_CASE("sections: every section numbered 1. 1、 or 第一部分 instead of 一、 is found") {
    const std::string base = ReportText{}.str();
    for (int style = 0; style < 4; ++style) {
        std::string text = base;
        for (int s = 0; s < 6; ++s) {
            const std::string h = kHeadings[s];
            const std::string numeral = h.substr(0, 3), title = h.substr(6);
            const std::string arabic = std::to_string(s + 1);
            const std::string to = style == 0   ? arabic + "." + title
                                   : style == 1 ? arabic + "、" + title
                                   : style == 2 ? "第" + numeral + "部分 " + title
                                                : "第" + numeral + "部分：" + title;
            text = with_heading(text, h, to);
        }
        CAPTURE(style);
        const Result r = nianbao::check(text);
        for (int s = 1; s <= 6; ++s) CHECK(r.report.section(s).found);
        CHECK(heading_of(r, 3) == "收到和处理政府信息公开申请情况");
        CHECK_FALSE(has(r, "section-missing"));
        CHECK_FALSE(has(r, "table-missing"));
        CHECK(r.report.table3.found);
    }
}

TEST_CASE("sections: a numbered sub-heading like 2.主动公开情况 inside section 一 does not take section 二's place") {
    ReportText rt;
    rt.section1 = "1.总体情况概述\n\n2024年，我镇扎实推进政务公开。\n\n2.主动公开情况\n\n全年公开信息 205 条。\n";
    const std::string text = rt.str();
    const Result r = nianbao::check(text);
    REQUIRE(r.report.section(2).found);
    CHECK(heading_of(r, 2) == "主动公开政府信息情况");
    const size_t official = text.find("\n二、主动公开政府信息情况\n") + 1;
    CHECK(r.report.section(2).heading_span.begin == official);
    CHECK(r.report.section(1).heading_span.begin == text.find("一、总体情况"));
    CHECK(ids(r).empty());
}

TEST_CASE("title-missing: a title saying 政务公开 instead of 政府信息公开 is reported on the title, and still gives the year") {
    ReportText rt;
    rt.body = "平罗县陶乐镇";
    std::string text = rt.str();
    const std::string official = "平罗县陶乐镇2024年政府信息公开工作年度报告";
    REQUIRE(text.substr(0, official.size()) == official);
    CHECK_FALSE(has(nianbao::check(text), "title-missing"));

    const std::string wider = "平罗县陶乐镇2024年政务公开工作年度报告";
    text.replace(0, official.size(), wider);
    const Result r = nianbao::check(text);
    CHECK(r.report.year == 2024);
    CHECK(r.report.body_name == "平罗县陶乐镇");
    int titles = 0;
    for (const Finding& f : r.findings) {
        if (f.id != "title-missing") continue;
        ++titles;
        CHECK(text.substr(f.span.begin, f.span.size()) == wider);
        CHECK(f.message_zh.find("没有写明“政府信息公开工作年度报告”") != std::string::npos);
    }
    CHECK(titles == 1);
}

TEST_CASE("input-not-report: a text whose only part found is its title is a report, and its missing parts are said") {
    const auto r = nianbao::check("平罗县陶乐镇2024年政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》，现公布本年度报告。\n");
    CHECK_FALSE(has(r, "input-not-report"));
    CHECK(has(r, "section-missing"));
    CHECK(has(r, "table-missing"));
    // A news item that only names such reports in a sentence has no title: not a report.
    const auto news = nianbao::check("近日，各乡镇陆续发布了政府信息公开工作年度报告，群众反响良好。记者走访了多个乡镇。\n");
    CHECK(ids(news) == std::vector<std::string>{"input-not-report"});
}

TEST_CASE("section-numbering: sections numbered from 一 again are found by their titles, one warning per misnumbered heading") {
    std::string text = ReportText{}.str();
    for (int s = 1; s < 6; ++s) {
        std::string renumbered = std::string("一") + std::string(kHeadings[s]).substr(3);
        text = with_heading(text, kHeadings[s], renumbered);
    }
    const Result r = nianbao::check(text);
    CHECK_FALSE(has(r, "section-missing"));
    int numbering = 0;
    for (const Finding& f : r.findings) numbering += f.id == "section-numbering";
    CHECK(numbering == 5);
    for (int s = 2; s <= 6; ++s) CHECK(r.report.section(s).written_number == 1);
}

TEST_CASE("section-numbering: sub-headings 二、…六、 inside 一, then the standard sections numbered 一、…五、") {
    std::string text = ReportText{}.str();
    // Section 一 of a department: its own outline, with words of other sections' keywords.
    text = with_heading(text, "（一）主动公开情况", "二、主动公开工作");
    text = with_heading(text, "（二）依申请公开", "三、依申请公开办理");
    for (int s = 1; s < 6; ++s) {
        static const char* kNumerals[] = {"一", "二", "三", "四", "五"};
        text = with_heading(text, kHeadings[s], std::string(kNumerals[s - 1]) + std::string(kHeadings[s]).substr(3));
    }
    const Result r = nianbao::check(text);
    CHECK_FALSE(has(r, "section-missing"));
    CHECK(heading_of(r, 2) == "主动公开政府信息情况");
    CHECK(heading_of(r, 3) == "收到和处理政府信息公开申请情况");
    CHECK(r.report.section(2).written_number == 1);
}

TEST_CASE("section-numbering: near misses — table 三's rows 一、…四、 and a report numbered as the template") {
    const Result r = nianbao::check(ReportText{}.str());
    CHECK_FALSE(has(r, "section-numbering"));
    for (int s = 1; s <= 6; ++s) CHECK(r.report.section(s).written_number == 0);
    // An introduction naming the six titles in one sentence is no heading.
    ReportText t;
    t.intro = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分。\n\n";
    CHECK_FALSE(has(nianbao::check(t.str()), "section-numbering"));
}
