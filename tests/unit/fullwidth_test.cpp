// cell-fullwidth: full-width digits are one habit of the copy, so one note per
// table naming the first cell and carrying them all; a single one names itself.
#include <doctest/doctest.h>

#include <string>

#include "nianbao/nianbao.h"
#include "report_builder.h"

namespace {

std::string fullwidth(std::string s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
        else out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("cell-fullwidth: a table written in full-width digits is one note with every cell, read as their values") {
    nianbao::test::ReportText rt;
    rt.set_row3(nianbao::test::kNew, {3, 1, 0, 0, 0, 0});
    std::string text = rt.str();
    // Table 三 only: from its first row to section 四.
    const size_t from = text.find("一、本年新收"), to = text.find("四、政府信息公开行政复议");
    text = text.substr(0, from) + fullwidth(text.substr(from, to - from)) + text.substr(to);
    const auto r = nianbao::check(text);
    int notes = 0;
    for (const auto& f : r.findings) {
        if (f.id != "cell-fullwidth") continue;
        ++notes;
        CHECK(f.cells.size() == 25 * 7);
        CHECK(f.message_zh.find("175 个数字") != std::string::npos);
    }
    CHECK(notes == 1);
    CHECK(r.report.table3.row("t3.new")->cells[6].value == 4);
    for (const auto& f : r.findings) CHECK(f.id != "cell-value");
}

TEST_CASE("cell-fullwidth: a single full-width number names its cell") {
    nianbao::test::ReportText rt;
    rt.table2[6] = "\xEF\xBC\x95";  // ５ (行政许可)
    const auto r = nianbao::check(rt.str());
    int notes = 0;
    for (const auto& f : r.findings)
        if (f.id == "cell-fullwidth") {
            ++notes;
            CHECK(f.message_zh.find("行政许可") != std::string::npos);
            CHECK(f.cells.size() == 1);
        }
    CHECK(notes == 1);
}
