// Copies that lost the order of a table's cells: pdftotext without -layout
// or -raw writes parts of a table column by column, labels in one block and
// numbers one a line elsewhere, table 四's numbers among its header's words
// (tests/layouts/copies: the three real WPS reports). Such a copy must never
// raise a false alarm: what it cannot place it says once (table-unreadable)
// and leaves unchecked; what it can (table 二's rows, a value before or
// after its label with a column header between) it reads as the original.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

namespace {

std::vector<std::string> errors_of(const nianbao::Result& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        if (f.severity == nianbao::Severity::Error) out.push_back(f.id);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> table_cells(const nianbao::Report& r, int n) {
    std::vector<std::string> out;
    for (const auto& row : r.table(n).rows) {
        if (row.spec->cells == 0) continue;
        std::string s = std::string(row.spec->key) + (row.found ? ":" : ":-");
        for (const auto& c : row.cells) s += " " + c.raw;
        out.push_back(s);
    }
    return out;
}

std::vector<const nianbao::Finding*> unreadable(const nianbao::Result& r) {
    std::vector<const nianbao::Finding*> out;
    for (const auto& f : r.findings)
        if (f.id == "table-unreadable") out.push_back(&f);
    return out;
}

struct Copy {
    const char* base;  // tests/fixtures/real/BASE.txt, its copy tests/layouts/copies/BASE.pdftotext-plain.txt
    int unread_table;      // the table the copy cannot place
    const char* message;   // words of its finding
};

const Copy kCopies[] = {
    {"006_huaian_city_2024", 4, "夹在表头文字之间"},
    {"007_hongze_district_2023", 3, "行名与数字在复制时分开了"},
    {"008_hongze_district_2024", 3, "行名与数字在复制时分开了"},
};

}  // namespace

TEST_CASE("pdftotext without -layout: no error the original lacks, one table-unreadable for the table it cannot place") {
    for (const Copy& c : kCopies) {
        CAPTURE(std::string(c.base));
        const std::string base = nianbao::test::read_fixture(std::string("real/") + c.base + ".txt");
        const std::string copy = nianbao::test::read_fixture(std::string("../layouts/copies/") + c.base + ".pdftotext-plain.txt");
        REQUIRE(!base.empty());
        REQUIRE(!copy.empty());
        const auto original = nianbao::check(base), copied = nianbao::check(copy);
        const auto base_errors = errors_of(original);
        for (const auto& id : errors_of(copied))
            CHECK_MESSAGE(std::binary_search(base_errors.begin(), base_errors.end(), id), id);
        const auto found = unreadable(copied);
        REQUIRE(found.size() == 1);
        CHECK(found[0]->severity == nianbao::Severity::Warning);
        CHECK(found[0]->message_zh.find(c.message) != std::string::npos);
        CHECK(found[0]->message_zh.find(c.unread_table == 3 ? "表三" : "表四") == 0);
        // Nothing of that table is read, so nothing of it is checked.
        for (const auto& row : copied.report.table(c.unread_table).rows) CHECK_FALSE(row.found);
        // Table 二 reads as the original: a value after its label with the
        // column's header between them (行政许可 / 本年处理决定数量 / 9487), and a
        // value before its label (7545 / 行政事业性收费).
        CHECK(table_cells(copied.report, 2) == table_cells(original.report, 2));
    }
}

TEST_CASE("table 四's numbers among its header's words read in order when they add up") {
    // The real report's table 四 with its 15 numbers written a group at a
    // time, each under a header line: in the template's order, and adding up.
    std::string text = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const std::string row = "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20";
    const size_t at = text.find(row);
    REQUIRE(at != std::string::npos);
    text.replace(at, row.size(), "72 64 178 37 351\n未经复议直接起诉 结果维持\n13 4 8 1 26\n复议后起诉 尚未审结\n12 1 1 6 20");
    const auto r = nianbao::check(text);
    CHECK(unreadable(r).empty());
    CHECK(table_cells(r.report, 4) == table_cells(nianbao::check(nianbao::test::read_fixture("real/006_huaian_city_2024.txt")).report, 4));
    CHECK(errors_of(r).empty());
}

TEST_CASE("a row whose numbers a report left out is still row-missing; a table 四 in one line keeps its sums' errors") {
    // One row of table 三 with its label and no number at all: the report's
    // own omission, not a copy's, and reported as such.
    std::string text = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const size_t at = text.find("1.属于国家秘密");
    REQUIRE(at != std::string::npos);
    const size_t end = text.find('\n', at);
    text.replace(at, end - at, "1.属于国家秘密");
    const auto r = nianbao::check(text);
    CHECK(unreadable(r).empty());
    CHECK(std::count_if(r.findings.begin(), r.findings.end(), [](const auto& f) { return f.id == "row-missing"; }) == 1);

    // Table 四's numbers on their line, not among its header's words: a sum
    // that does not hold is the report's error.
    std::string wrong = nianbao::test::read_fixture("real/006_huaian_city_2024.txt");
    const std::string row = "72 64 178 37 351 ";
    const size_t w = wrong.find(row);
    REQUIRE(w != std::string::npos);
    wrong.replace(w, row.size(), "72 64 178 37 350 ");
    CHECK(errors_of(nianbao::check(wrong)) == std::vector<std::string>{"review-total"});
}
