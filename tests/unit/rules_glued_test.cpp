// Glued cells: a copy that loses the gaps between cells leaves a short row
// with one long number; cell-count then proposes the one reading that makes
// the sums hold, never more than one, and never silently.
#include <doctest/doctest.h>

#include <string>

#include "nianbao/nianbao.h"
#include "report_builder.h"

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

}  // namespace

TEST_CASE("glued cells in table 三: the split that makes the row and column sums hold is proposed") {
    const std::string real = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    // 淮安 2024, （一）予以公开 1288 21 0 0 50 3 1362 with the first five cells glued.
    const std::string text = replaced(real, "（一）予以公开 1288 21 0 0 50 3 1362", "（一）予以公开 1288210050 3 1362");
    const auto result = nianbao::check(text);
    const auto counts = with_id(result, "cell-count");
    REQUIRE(counts.size() == 1);
    const auto& f = counts[0];
    CHECK(f.message_zh.find("1288 | 21 | 0 | 0 | 50") != std::string::npos);
    CHECK(f.fix_zh == "核对原表：“1288210050”应为 1288 | 21 | 0 | 0 | 50。");
    CHECK(text.substr(f.span.begin, f.span.size()) == "1288210050");
    REQUIRE(f.cells.size() == 1);
    CHECK(f.cells[0].expected == "1288 | 21 | 0 | 0 | 50");
    // The short row's cells are in the wrong columns: no sum is checked with them.
    CHECK(with_id(result, "apply-result-total").empty());
    CHECK(with_id(result, "apply-row-total").empty());
}

TEST_CASE("glued cells with two readings that both add up: only the plain cell-count finding") {
    // Table 四's 行政复议 block: 1 10 0 0 11 glued as 110 0 0 11 reads as
    // 1 | 10 or 11 | 0, and both make 总计 11 (table 四 has no column sums).
    nianbao::test::ReportText t;
    t.table4 = {1, 10, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const std::string clean = t.str();
    const std::string text = replaced(clean, "1\t10\t0\t0\t11", "110\t0\t0\t11");
    const auto counts = with_id(nianbao::check(text), "cell-count");
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].message_zh.find("粘连") == std::string::npos);
    CHECK(counts[0].fix_zh == "核对这一行，删去多余的数或补上缺少的数。");
}

TEST_CASE("a row short of a number with nothing glued: the plain cell-count finding") {
    const std::string real = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const std::string text = replaced(real, "（一）予以公开 1288 21 0 0 50 3 1362", "（一）予以公开 1288 21 0 50 3 1362");
    const auto counts = with_id(nianbao::check(text), "cell-count");
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].message_zh.find("粘连") == std::string::npos);
}
