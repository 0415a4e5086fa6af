// Digits glued across a row: the split is found from the template's own
// arithmetic, rows resolved jointly; one reading is read (cell-glued, info),
// several or none leave the row out (cell-ambiguous, warning). Never a guess.
#include <doctest/doctest.h>

#include <string>

#include "nianbao/nianbao.h"
#include "report_builder.h"
#include "tables/glued.h"

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::vector<nianbao::Finding> with_id(const nianbao::Result& r, const std::string& id) {
    std::vector<nianbao::Finding> out;
    for (const auto& f : r.findings)
        if (f.id == id) out.push_back(f);
    return out;
}

std::vector<int64_t> values(const nianbao::Row& row) {
    std::vector<int64_t> v;
    for (const auto& c : row.cells) v.push_back(c.status == nianbao::CellStatus::Ok ? c.value : -1);
    return v;
}

bool has_reading(const nianbao::Splits& s, const std::vector<int64_t>& r) {
    for (const auto& x : s.readings)
        if (x == r) return true;
    return false;
}

}  // namespace

TEST_CASE("glued digits: a row's own sum admits two splits of 270020130 and of 220000325") {
    const nianbao::RowSums row{{{0, 7}}};
    const auto a = nianbao::split_glued({"270020130"}, 7, row, 64);
    CHECK(has_reading(a, {27, 0, 0, 2, 0, 1, 30}));
    CHECK(has_reading(a, {2, 7, 0, 0, 20, 1, 30}));
    const auto b = nianbao::split_glued({"220000325"}, 7, row, 64);
    CHECK(has_reading(b, {22, 0, 0, 0, 0, 3, 25}));
    CHECK(has_reading(b, {2, 20, 0, 0, 0, 3, 25}));
    // Without leading zeros 000 splits one way only.
    const auto c = nianbao::split_glued({"000"}, 3, {}, 64);
    CHECK(c.count == 1);
    CHECK(c.readings.front() == std::vector<int64_t>{0, 0, 0});
}

TEST_CASE("glued digits: a 40-digit run is searched with bounded work and no reading is invented") {
    const std::string run = "1234567890123456789012345678901234567890";
    const auto s = nianbao::split_glued({run}, 7, nianbao::RowSums{{{0, 7}}}, 64);
    const auto t4 = nianbao::split_glued({run}, 15, nianbao::RowSums{{{0, 5}, {5, 5}, {10, 5}}}, 64);
    for (const auto& r : s.readings) {
        int64_t sum = 0;
        for (size_t k = 0; k + 1 < r.size(); ++k) sum += r[k];
        CHECK(sum == r.back());
    }
    CHECK(s.readings.size() <= 64);
    CHECK(t4.readings.size() <= 64);
}

TEST_CASE("the one-line 平潭 2021 page reads every cell its text determines") {
    const std::string text = nianbao::test::read_fixture("real/009_pingtan_2021_oneline.txt");
    const auto result = nianbao::check(text);
    const nianbao::Report& r = result.report;
    CHECK(r.year == 2021);
    CHECK(r.title == "平潭综合实验区2021年度政府信息公开工作年度报告");
    for (const auto& s : r.sections) CHECK(s.found);
    CHECK(r.section(4).heading == "政府信息公开行政复议、行政诉讼情况");
    // Table 三, transcribed by reading the page and resolving its glued digits by hand.
    const std::vector<std::pair<std::string, std::vector<int64_t>>> t3 = {
        {"t3.new", {64, 0, 0, 2, 0, 4, 70}},        {"t3.carried_in", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.disclosed", {27, 0, 0, 2, 0, 1, 30}},  {"t3.partly", {5, 0, 0, 0, 0, 0, 5}},
        {"t3.refused.1", {0, 0, 0, 0, 0, 0, 0}},    {"t3.refused.2", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.3", {0, 0, 0, 0, 0, 0, 0}},    {"t3.refused.4", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.5", {1, 0, 0, 0, 0, 0, 1}},    {"t3.refused.6", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.refused.7", {6, 0, 0, 0, 0, 0, 6}},    {"t3.refused.8", {1, 0, 0, 0, 0, 0, 1}},
        {"t3.unable.1", {22, 0, 0, 0, 0, 3, 25}},   {"t3.unable.2", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.unable.3", {0, 0, 0, 0, 0, 0, 0}},     {"t3.declined.1", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.2", {0, 0, 0, 0, 0, 0, 0}},   {"t3.declined.3", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.declined.4", {0, 0, 0, 0, 0, 0, 0}},   {"t3.declined.5", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other.1", {0, 0, 0, 0, 0, 0, 0}},      {"t3.other.2", {0, 0, 0, 0, 0, 0, 0}},
        {"t3.other.3", {1, 0, 0, 0, 0, 0, 1}},      {"t3.total", {63, 0, 0, 2, 0, 4, 69}},
        {"t3.carried_out", {1, 0, 0, 0, 0, 0, 1}},
    };
    REQUIRE(r.table3.found);
    for (const auto& pinned : t3) {
        const nianbao::Row* row = r.table3.row(pinned.first);
        REQUIRE(row != nullptr);
        const std::string key = pinned.first;
        INFO(key);
        CHECK(row->glued == nianbao::Row::Glued::Read);
        CHECK(values(*row) == pinned.second);
    }
    // The enumerator glued to the number before it: 2200003252.没有… is 22…25 | 2.没有…
    const nianbao::Row* unable1 = r.table3.row("t3.unable.1");
    CHECK(text.substr(unable1->cells[6].span.begin, unable1->cells[6].span.size()) == "25");
    // Table 四 glued whole: 10203120001200000.
    REQUIRE(r.table4.found);
    CHECK(values(r.table4.rows[0]) == std::vector<int64_t>{1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0});
    // Table 二: 规章 000 splits one way; 行政规范性文件 693665 many (no sums to decide).
    CHECK(values(*r.table2.row("t2.regulation")) == std::vector<int64_t>{0, 0, 0});
    CHECK(values(*r.table2.row("t2.permit")) == std::vector<int64_t>{2293});
    CHECK(values(*r.table2.row("t2.penalty")) == std::vector<int64_t>{1282});
    CHECK(values(*r.table2.row("t2.enforcement")) == std::vector<int64_t>{42});
    const nianbao::Row* normative = r.table2.row("t2.normative");
    CHECK(normative->glued == nianbao::Row::Glued::Ambiguous);
    CHECK(normative->glued_candidate_count == 10);
    // Findings: one cell-glued per table, one cell-ambiguous, nothing else.
    CHECK(with_id(result, "cell-glued").size() == 3);
    const auto amb = with_id(result, "cell-ambiguous");
    REQUIRE(amb.size() == 1);
    CHECK(amb[0].severity == nianbao::Severity::Warning);
    CHECK(text.substr(amb[0].span.begin, amb[0].span.size()) == "693665");
    CHECK(amb[0].message_zh.find("69 3 665") != std::string::npos);
    for (const auto& f : result.findings) {
        INFO(f.id << ": " << f.message_zh);
        CHECK((f.id == "cell-glued" || f.id == "cell-ambiguous"));
    }
}

TEST_CASE("glued cells in table 三: the only split that makes the row and column sums hold is read") {
    const std::string real = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    // 淮安 2024, （一）予以公开 1288 21 0 0 50 3 1362 with the first five cells glued.
    const std::string text = replaced(real, "（一）予以公开 1288 21 0 0 50 3 1362", "（一）予以公开 1288210050 3 1362");
    const auto result = nianbao::check(text);
    CHECK(with_id(result, "cell-count").empty());
    const auto glued = with_id(result, "cell-glued");
    REQUIRE(glued.size() == 1);
    CHECK(glued[0].severity == nianbao::Severity::Info);
    CHECK(glued[0].message_zh.find("1288210050 3 1362 → 1288 21 0 0 50 3 1362") != std::string::npos);
    CHECK(text.substr(glued[0].span.begin, glued[0].span.size()) == "1288210050 3 1362");
    CHECK(values(*result.report.table3.row("t3.disclosed")) == std::vector<int64_t>{1288, 21, 0, 0, 50, 3, 1362});
    CHECK(result.errors == 0);
}

TEST_CASE("glued cells with two readings that both add up: cell-ambiguous lists both, the row is left out") {
    // Table 四's 行政复议 block: 1 10 0 0 11 glued as 110 0 0 11 reads as
    // 1 | 10 or 11 | 0, and both make 总计 11 (table 四 has no column sums).
    nianbao::test::ReportText t;
    t.table4 = {1, 10, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const std::string text = replaced(t.str(), "1\t10\t0\t0\t11", "110\t0\t0\t11");
    const auto result = nianbao::check(text);
    CHECK(with_id(result, "cell-count").empty());
    const auto amb = with_id(result, "cell-ambiguous");
    REQUIRE(amb.size() == 1);
    CHECK(amb[0].message_zh.find("1 10 0 0 11 0 0 0 0 0 0 0 0 0 0") != std::string::npos);
    CHECK(amb[0].message_zh.find("11 0 0 0 11 0 0 0 0 0 0 0 0 0 0") != std::string::npos);
    CHECK(with_id(result, "review-total").empty());
    CHECK(result.errors == 0);
}

TEST_CASE("glued cells none of whose splits add up: cell-ambiguous says so") {
    const std::string real = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const std::string text = replaced(real, "（一）予以公开 1288 21 0 0 50 3 1362", "（一）予以公开 1288210050 3 1369");
    const auto amb = with_id(nianbao::check(text), "cell-ambiguous");
    REQUIRE(amb.size() == 1);
    CHECK(amb[0].message_zh.find("没有一种拆法能使合计成立") != std::string::npos);
}

TEST_CASE("a row short of a number with nothing glued: the plain cell-count finding") {
    const std::string real = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const std::string text = replaced(real, "（一）予以公开 1288 21 0 0 50 3 1362", "（一）予以公开 1288 21 0 50 3 1362");
    const auto result = nianbao::check(text);
    CHECK(with_id(result, "cell-count").size() == 1);
    CHECK(with_id(result, "cell-ambiguous").empty());
    CHECK(with_id(result, "cell-glued").empty());
}
