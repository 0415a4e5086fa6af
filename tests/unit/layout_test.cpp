// The layout step (core/src/layout): positioned runs -> text the reader reads.
// Real runs are pdf.js's text items, as web/pdftext.js hands them to the core
// (tests/fixtures/runs, made by scripts/pdf_runs.mjs with the page's own
// runsOf()): the three real WPS PDFs and two reports printed from a web page by
// Chromium (tests/layouts/printed: their source text and the PDF). Laid out,
// each must read to the same cells of tables 二, 三 and 四 as its source text,
// with the same findings. Synthetic runs pin the rules: an empty cell stays
// empty, a label wrapped in its cell is one label, runs of a row on slightly
// different baselines are one row, turned text is no cell, two tables keep
// their own columns.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nianbao/layout.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::TextRun;

namespace {

std::vector<TextRun> runs_of(const std::string& fixture) {
    const std::string text = nianbao::test::read_fixture(fixture);
    REQUIRE_MESSAGE(!text.empty(), fixture);
    const auto json = nlohmann::json::parse(text);
    std::vector<TextRun> runs;
    for (const auto& r : json.at("runs"))
        runs.push_back({r.at("page").get<int>(), r.at("x").get<double>(), r.at("y").get<double>(), r.at("w").get<double>(),
                        r.at("h").get<double>(), r.at("angle").get<double>(), r.at("text").get<std::string>()});
    return runs;
}

// Every cell of tables 二-四 as "key:v v v" (or "key:-" when the row is not found).
std::vector<std::string> cells(const nianbao::Report& r) {
    std::vector<std::string> out;
    for (int n : {2, 3, 4})
        for (const auto& row : r.table(n).rows) {
            if (row.spec->cells == 0) continue;
            std::string s = std::string(row.spec->key) + ":";
            if (!row.found) s += "-";
            for (const auto& c : row.cells) s += " " + (c.raw.empty() ? std::string("_") : c.raw);
            out.push_back(s);
        }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1) out.push_back(text.substr(from, at - from));
    out.push_back(text.substr(from));
    return out;
}

// The PDF's runs laid out read as the PDF's source text: the same cells, the same findings.
void check_reads_as_source(const std::string& runs, const std::string& source) {
    CAPTURE(runs);
    const auto laid = nianbao::lay_out(runs_of(runs));
    CHECK(laid.run_of.size() == laid.text.size());
    const auto from_pdf = nianbao::check(laid.text);
    const auto original = nianbao::check(nianbao::test::read_fixture(source));
    const auto a = cells(from_pdf.report), b = cells(original.report);
    REQUIRE(a.size() == b.size());
    for (size_t k = 0; k < a.size(); ++k) CHECK(a[k] == b[k]);
    CHECK(nianbao::test::not_info(from_pdf) == nianbao::test::not_info(original));
}

}  // namespace

TEST_CASE("layout: the three real WPS PDFs read as the text extracted from them by hand") {
    for (const char* name : {"006_huaian_city_2024", "007_hongze_district_2023", "008_hongze_district_2024"})
        check_reads_as_source(std::string("runs/") + name + ".pdf.json", std::string("real/") + name + ".txt");
}


TEST_CASE("layout: a report printed from a web page by Chromium reads as its source text") {
    // Labels centred in narrow cells wrap above and below their row's numbers;
    // the rows of 一、二、三 stand in another table than the rows below them.
    check_reads_as_source("runs/004_web.pdf.json", "../layouts/printed/004_web.txt");
}

TEST_CASE("layout: a web print with blank cells keeps them blank, in the right columns") {
    // Its table 二 header wraps 本年度止件数 (sic) into the next header cell, so
    // that deviation is not seen; every cell and every other finding is.
    const auto laid = nianbao::lay_out(runs_of("runs/001_web_blank_cells.pdf.json"));
    const auto from_pdf = nianbao::check(laid.text);
    const auto original = nianbao::check(nianbao::test::read_fixture("../layouts/printed/001_web_blank_cells.txt"));
    CHECK(cells(from_pdf.report) == cells(original.report));
    auto without_header = [](std::vector<std::string> ids) {
        ids.erase(std::find(ids.begin(), ids.end(), "row-label:warning"));
        return ids;
    };
    CHECK(nianbao::test::not_info(from_pdf) == without_header(nianbao::test::not_info(original)));
}

TEST_CASE("layout: a label wrapped in a cell that centres it, above and below the row's numbers, is the row's label") {
    std::vector<TextRun> runs = {
        {1, 50, 100, 80, 9, 0, "5.要求行政机关确认"}, {1, 300, 100, 5, 9, 0, "0"}, {1, 330, 100, 5, 9, 0, "0"},
        {1, 85, 119, 90, 9, 0, "1.申请人无正当理由逾期不补"},
        {1, 20, 130, 30, 9, 0, "(六) 其他处理"}, {1, 80, 130, 100, 9, 0, "正、行政机关不再处理其政府信息"},
        {1, 300, 130, 5, 9, 0, "3"}, {1, 330, 130, 5, 9, 0, "4"},
        {1, 110, 141, 40, 9, 0, "公开申请"},
        {1, 50, 160, 80, 9, 0, "3.其他"}, {1, 300, 160, 5, 9, 0, "0"}, {1, 330, 160, 5, 9, 0, "0"},
    };
    const auto laid = nianbao::lay_out(runs);
    const auto lines = lines_of(laid.text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t3\t4");
    CHECK(laid.run_of.size() == laid.text.size());
}

TEST_CASE("layout: two tables printed one under the other keep their own columns") {
    // The upper table's numbers stand 45 points apart, the lower one's 12:
    // two of the lower row's numbers are nearest one upper column, so it is
    // another table, and the upper row's blank cells stay where they are.
    std::vector<TextRun> runs = {
        {1, 20, 100, 80, 8, 0, "一、本年新收"},
        {1, 300, 100, 5, 8, 0, "1"}, {1, 345, 100, 5, 8, 0, "2"}, {1, 390, 100, 5, 8, 0, "3"},
        {1, 20, 115, 80, 8, 0, "二、上年结转"}, {1, 300, 115, 5, 8, 0, "4"}, {1, 390, 115, 5, 8, 0, "6"},
        {1, 20, 135, 80, 8, 0, "1.属于国家秘密"},
        {1, 330, 135, 5, 8, 0, "7"}, {1, 342, 135, 5, 8, 0, "8"}, {1, 354, 135, 5, 8, 0, "9"},
    };
    const auto lines = lines_of(nianbao::lay_out(runs).text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "二、上年结转\t4\t\t6");
    CHECK(lines[2] == "1.属于国家秘密\t7\t8\t9");
}

TEST_CASE("layout: a row's empty cell stays an empty cell in its column") {
    // Three rows of a table in columns at x = 200, 250, 300; the middle row leaves 250 empty.
    std::vector<TextRun> runs = {
        {1, 50, 100, 60, 10, 0, "规章"},     {1, 198, 100, 5, 10, 0, "1"}, {1, 248, 100, 5, 10, 0, "2"},
        {1, 298, 100, 5, 10, 0, "3"},       {1, 50, 120, 60, 10, 0, "行政规范性文件"},
        {1, 198, 120, 5, 10, 0, "4"},       {1, 298, 120, 5, 10, 0, "6"},
        {1, 50, 140, 60, 10, 0, "其他"},     {1, 196, 140, 10, 10, 0, "10"},
        {1, 246, 140, 10, 10, 0, "11"},     {1, 296, 140, 10, 10, 0, "21"},
    };
    const auto lines = lines_of(nianbao::lay_out(runs).text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "规章\t1\t2\t3");
    CHECK(lines[1] == "行政规范性文件\t4\t\t6");
    CHECK(lines[2] == "其他\t10\t11\t21");
}

TEST_CASE("layout: cells of one row set on baselines a few points apart are one row") {
    std::vector<TextRun> runs = {
        {1, 100, 775.1, 30, 7.45, 0, "（四）无"},
        {1, 143, 771.0, 97, 7.45, 0, "1.本机关不掌握相关政府信息"},
        {1, 262, 773.3, 11, 7.45, 0, "746"},
        {1, 300, 773.3, 7, 7.45, 0, "12"},
    };
    const auto lines = lines_of(nianbao::lay_out(runs).text);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "（四）无\t1.本机关不掌握相关政府信息\t746\t12");
}

TEST_CASE("layout: a header line over the columns ends a table's block, so table 二's one-cell rows get one cell") {
    std::vector<TextRun> runs = {
        {1, 50, 100, 60, 10, 0, "信息内容"}, {1, 180, 100, 40, 10, 0, "本年制发件数"}, {1, 230, 100, 40, 10, 0, "本年废止件数"},
        {1, 280, 100, 40, 10, 0, "现行有效件数"},
        {1, 50, 120, 60, 10, 0, "规章"},     {1, 198, 120, 5, 10, 0, "0"}, {1, 248, 120, 5, 10, 0, "0"}, {1, 298, 120, 5, 10, 0, "0"},
        {1, 50, 140, 60, 10, 0, "信息内容"}, {1, 200, 140, 60, 10, 0, "本年处理决定数量"},
        {1, 50, 160, 60, 10, 0, "行政许可"}, {1, 246, 160, 10, 10, 0, "55"},
    };
    const auto lines = lines_of(nianbao::lay_out(runs).text);
    REQUIRE(lines.size() == 4);
    CHECK(lines[1] == "规章\t0\t0\t0");
    CHECK(lines[3] == "行政许可\t55");
}

TEST_CASE("layout: text turned on its side comes after its page's lines and is no cell; every byte maps to its run") {
    std::vector<TextRun> runs = {
        {1, 20, 300, 10, 10, 90, "本年度办理结果"},
        {1, 50, 100, 60, 10, 0, "（一）予以公开"}, {1, 198, 100, 5, 10, 0, "1"},
    };
    const auto laid = nianbao::lay_out(runs);
    CHECK(laid.text == "（一）予以公开\t1\n本年度办理结果");
    REQUIRE(laid.run_of.size() == laid.text.size());
    CHECK(laid.run_of.front() == 1u);
    CHECK(laid.run_of[laid.text.find('1')] == 2u);
    CHECK(laid.run_of[laid.text.find('\t')] == nianbao::LaidOutText::kNoRun);
    CHECK(laid.run_of.back() == 0u);
}

TEST_CASE("layout: cells a producer put in one run, or a space apart in a narrow table, are cells of their own") {
    std::vector<TextRun> runs = {
        {1, 50, 100, 60, 9, 0, "规章"},    {1, 200, 100, 5, 9, 0, "1"}, {1, 211.7, 100, 5, 9, 0, "2"},
        {1, 223.4, 100, 5, 9, 0, "3"},    {1, 50, 120, 60, 9, 0, "行政规范性文件"},
        {1, 200, 120, 28.4, 9, 0, "4 5 6"},
    };
    const auto laid = nianbao::lay_out(runs);
    const auto lines = lines_of(laid.text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "规章\t1\t2\t3");
    CHECK(lines[1] == "行政规范性文件\t4\t5\t6");
    CHECK(laid.run_of[laid.text.rfind('6')] == 5u);  // a word split off a run still maps to that run
}

TEST_CASE("layout: columns no row has a number in are found from the others' pitch, to a template row's count") {
    // Table 三's seven columns 40 points apart from x = 300; the 科研机构 and
    // 社会公益组织 columns (x = 380, 420) are blank in every row.
    auto row = [](double y, const char* label, std::vector<std::pair<int, const char*>> cells) {
        std::vector<TextRun> out = {{1, 50, y, 120, 9, 0, label}};
        for (auto [col, text] : cells) out.push_back({1, 298.0 + 40 * col, y, 5, 9, 0, text});
        return out;
    };
    std::vector<TextRun> runs;
    for (auto r : {row(100, "一、本年新收政府信息公开申请数量", {{0, "3"}, {1, "1"}, {4, "2"}, {5, "1"}, {6, "7"}}),
                   row(118, "二、上年结转政府信息公开申请数量", {{0, "1"}, {6, "1"}})})
        runs.insert(runs.end(), r.begin(), r.end());
    const auto lines = lines_of(nianbao::lay_out(runs).text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "一、本年新收政府信息公开申请数量\t3\t1\t\t\t2\t1\t7");
    CHECK(lines[1] == "二、上年结转政府信息公开申请数量\t1\t\t\t\t\t\t1");
    // Columns at no common pitch (or not making a template's count) are left as they are.
    std::vector<TextRun> odd = {{1, 50, 100, 60, 9, 0, "规章"}, {1, 200, 100, 5, 9, 0, "1"}, {1, 230, 100, 5, 9, 0, "2"},
                                {1, 300, 100, 5, 9, 0, "3"}, {1, 330, 100, 5, 9, 0, "4"}};
    CHECK(lines_of(nianbao::lay_out(odd).text)[0] == "规章\t1\t2\t3\t4");
}

TEST_CASE("layout: a row whose cells are all blank stays a row of empty cells; a label wrapped in its cell does not") {
    // Rows 18 points apart; 3.要求提供公开出版物 has no number at all; 取信息 is
    // the second line of its row's label, 12.7 points under it; （五）不予处理,
    // the group's label standing in a column of its own, is no row.
    auto row = [](double y, const char* label, std::vector<const char*> cells) {
        std::vector<TextRun> out = {{1, 131, y, 120, 9, 0, label}};
        for (size_t c = 0; c < cells.size(); ++c)
            if (*cells[c]) out.push_back({1, 298.0 + 40 * c, y, 5, 9, 0, cells[c]});
        return out;
    };
    std::vector<TextRun> runs;
    for (auto r : {row(82, "1.信访举报投诉类申请", {"5", "1", "6"}), row(100, "2.重复申请", {"2", "0", "2"}),
                   row(118, "3.要求提供公开出版物", {}), row(136, "4.无正当理由大量反复申请", {"0", "0", "0"}),
                   row(154, "5.要求行政机关确认或重新出具已获", {}), row(160, "", {"1", "", "1"}),
                   row(166.7, "取信息", {}), row(184, "3.其他", {"4", "0", "4"})})
        runs.insert(runs.end(), r.begin(), r.end());
    runs.push_back({1, 54, 124, 63, 9, 0, "（五）不予处理"});
    const auto laid = nianbao::lay_out(runs);
    const auto lines = lines_of(laid.text);
    REQUIRE(lines.size() == 7);
    CHECK(lines[2] == "3.要求提供公开出版物\t\t\t");
    CHECK(lines[3] == "（五）不予处理");
    CHECK(lines[5] == "5.要求行政机关确认或重新出具已获取信息\t1\t\t1");
    CHECK(laid.run_of.size() == laid.text.size());
}

namespace {

// A grid of drawn borders: vertical lines at xs from y0 to y1, horizontal
// lines at ys from x0 to x1 (page 1).
std::vector<nianbao::Ruling> grid(const std::vector<double>& xs, const std::vector<double>& ys) {
    std::vector<nianbao::Ruling> out;
    for (double x : xs) out.push_back({1, x, ys.front(), x, ys.back()});
    for (double y : ys) out.push_back({1, xs.front(), y, xs.back(), y});
    return out;
}

}  // namespace

TEST_CASE("layout: drawn borders give a row left blank its empty cells, and a label wrapped in its box stays one") {
    // Table 三's rows in a box 100-300 wide for the labels, seven boxes of 20
    // for the numbers; rows 20 high. Only 予以公开 has a number (in 自然人);
    // 部分公开's label wraps to a second line in its box.
    std::vector<TextRun> runs = {
        {1, 102, 115, 0, 10, 0, "（一）予以公开"},
        {1, 305, 115, 6, 10, 0, "2"},
        {1, 102, 132, 0, 10, 0, "（二）部分公开（区分处理的"},
        {1, 102, 144, 0, 10, 0, "，只计这一情形）"},
        {1, 102, 155, 0, 10, 0, "1.属于国家秘密"},
    };
    for (auto& r : runs) r.width = 10.0 * (r.text.size() / 3);  // ten units a character
    runs[1].width = 6;
    const std::vector<double> xs = {100, 300, 320, 340, 360, 380, 400, 420, 440};
    const auto text = nianbao::lay_out(runs, grid(xs, {100, 120, 147, 160})).text;
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "（一）予以公开\t2\t\t\t\t\t\t");
    CHECK(lines[1] == "（二）部分公开（区分处理的，只计这一情形）\t\t\t\t\t\t\t");
    CHECK(lines[2] == "1.属于国家秘密\t\t\t\t\t\t\t");
    // Without the borders the numbers alone cannot place them.
    CHECK(lines_of(nianbao::lay_out(runs).text)[0] == "（一）予以公开\t2");
}

TEST_CASE("layout: a group's label in a column of its own stays a line; a header over the numbers' boxes is no row") {
    std::vector<TextRun> runs = {
        {1, 102, 115, 40, 10, 0, "申请人"},        // a header: its last word stands in a number's box
        {1, 302, 115, 15, 10, 0, "自然人"},
        {1, 102, 145, 70, 10, 0, "（三）不予公开"},  // the group's box, left, across three rows
        {1, 202, 135, 60, 10, 0, "1.属于国家秘密"},  // the rows' boxes, right
        {1, 202, 155, 60, 10, 0, "2.其他法律行政法规禁止公开"},
        {1, 202, 175, 60, 10, 0, "3.危及“三安全一稳定”"},
    };
    const std::vector<double> xs = {100, 200, 300, 320, 340, 360, 380, 400, 420, 440};
    std::vector<nianbao::Ruling> rulings;
    for (double x : xs) rulings.push_back({1, x, 100, x, 180});
    rulings.push_back({1, 100, 100, 440, 100});
    rulings.push_back({1, 100, 120, 440, 120});
    for (double y : {140.0, 160.0}) rulings.push_back({1, 200, y, 440, y});  // the group's box has no inner borders
    rulings.push_back({1, 100, 180, 440, 180});
    const auto lines = lines_of(nianbao::lay_out(runs, rulings).text);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "申请人\t自然人");
    CHECK(lines[1] == "1.属于国家秘密\t\t\t\t\t\t\t");
    CHECK(lines[2] == "（三）不予公开");
    CHECK(lines[3] == "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t");
    CHECK(lines[4] == "3.危及“三安全一稳定”\t\t\t\t\t\t\t");
}
