// The scanners' shared helpers: substring search, Chinese numerals, the
// byte filter that lets the number and date scanners pass over text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "meta/scan_util.h"

namespace scan = nianbao::scan;
constexpr size_t npos = std::string_view::npos;

TEST_CASE("find_text finds what std::string_view::find finds, from any offset") {
    const std::string hay = "本年收到申请12件，其中网上申请3件，其中当面申请9件。abcab";
    const std::string_view needles[] = {"其中", "申请", "件", "。", "abc", "ab", "b", "其中网上", "不在其中", ""};
    for (std::string_view needle : needles) {
        for (size_t from = 0; from <= hay.size() + 2; ++from) {
            CAPTURE(needle);
            CAPTURE(from);
            CHECK(scan::find_text(hay, needle, from) == std::string_view(hay).find(needle, from));
        }
    }
}

TEST_CASE("find_text does not read outside the text for needles longer than what is left") {
    const std::string_view hay = std::string_view("收费标准收费").substr(0, 12);  // "收费标准"
    CHECK(scan::find_text(hay, "收费") == 0);
    CHECK(scan::find_text(hay, "收费", 1) == npos);
    CHECK(scan::find_text(hay, "标准收费") == npos);
    CHECK(scan::find_text("", "收费") == npos);
}

TEST_CASE("Chinese numerals: digits, units, and everything else is neither") {
    CHECK(scan::cn_digit(U'〇') == 0);
    CHECK(scan::cn_digit(U'两') == 2);
    CHECK(scan::cn_digit(U'玖') == 9);
    CHECK(scan::cn_digit(U'十') == -1);
    CHECK(scan::cn_unit(U'十') == 10);
    CHECK(scan::cn_unit(U'億') == 100000000);
    CHECK(scan::cn_unit(U'三') == 0);
    for (char32_t c : {U'〇', U'零', U'壹', U'陸', U'萬', U'亿'}) CHECK(scan::is_cn_numeral(c));
    for (char32_t c : {U'年', U'月', U'元', U'A', U'1', U'\u2FFF', U'\u9FFF', U'\U00020000'}) CHECK_FALSE(scan::is_cn_numeral(c));
}

TEST_CASE("may_start_numeral passes digits and numerals and rejects the rest of the text") {
    const std::string text = "截至2024年12月，共十二件；元月１日，收到";
    std::string started;
    for (size_t i = 0; i < text.size(); ++i) {
        if (!scan::may_start_numeral(text, i)) continue;
        const scan::Cp c = scan::decode_at(text, i);
        if (scan::is_digit(c.cp) || scan::is_cn_numeral(c.cp) || c.cp == U'元') started += text.substr(i, c.len);
    }
    // Every digit, numeral and 元 of the text is let through (a few other
    // characters may be too: the filter is only allowed false positives).
    CHECK(started == "202412十二元１");
}

TEST_CASE("next_numeral_start stops exactly where may_start_numeral holds, malformed bytes included") {
    const std::string texts[] = {
        "截至2024年12月，共十二件；元月１日，收到 7 件",
        // a lead byte cut short by a digit, a stray continuation byte, a lead at the very end
        std::string("\xE5\x31\x32件\x80三\xE4\xB8") + "9" + "\xE5",
        "", "无数字的文本", "é2𠀀三",
    };
    for (const std::string& text : texts) {
        std::vector<size_t> expected, found;
        for (size_t i = 0; i < text.size(); ++i)
            if (scan::may_start_numeral(text, i)) expected.push_back(i);
        for (size_t i = scan::next_numeral_start(text, 0); i < text.size(); i = scan::next_numeral_start(text, i + 1))
            found.push_back(i);
        CAPTURE(text);
        CHECK(found == expected);
    }
}

TEST_CASE("past_three_byte_char steps over a whole Chinese character, one byte of anything else") {
    CHECK(scan::past_three_byte_char("三件", 0) == 3);
    CHECK(scan::past_three_byte_char("a三", 0) == 1);
    CHECK(scan::past_three_byte_char("é", 0) == 1);                 // two-byte: one byte at a time
    CHECK(scan::past_three_byte_char("\xE5\x31\x32", 0) == 1);      // a lead byte cut short by digits
    CHECK(scan::past_three_byte_char("\xE4\xB8", 0) == 1);          // cut off at the end
}
