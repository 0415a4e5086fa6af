// normalize(): canonical text, and every byte's way back to the source.
#include <doctest/doctest.h>

#include <string>

#include "normalize/normalize.h"

using nianbao::normalize;

namespace {

// The source text a normalized range came from.
std::string source_of(const nianbao::NormalizedText& n, size_t begin, size_t end) {
    const nianbao::Span s = n.to_source(begin, end);
    return std::string(n.source.substr(s.begin, s.end - s.begin));
}

}  // namespace

TEST_CASE("full-width digits and brackets become ASCII and map back to their full-width source") {
    const std::string src = "受理申请（１２）件";
    const auto n = normalize(src);
    CHECK(n.text == "受理申请(12)件");
    const size_t open = n.text.find('(');
    CHECK(source_of(n, open, open + 4) == "（１２）");
    CHECK(source_of(n, open + 1, open + 3) == "１２");
}

TEST_CASE("every byte of a Chinese character maps to the character's first source byte") {
    const std::string src = "一、总体情况";
    const auto n = normalize(src);
    REQUIRE(n.text == src);
    REQUIRE(n.origin.size() == src.size() + 1);
    CHECK(n.origin[0] == 0);
    CHECK(n.origin[1] == 0);
    CHECK(n.origin[2] == 0);
    CHECK(n.origin[3] == 3);   // 、
    CHECK(n.origin[8] == 6);   // 总, third byte
    CHECK(n.origin.back() == src.size());
    CHECK(source_of(n, 6, 12) == "总体");
}

TEST_CASE("CRLF and lone CR become LF and a span ending at a line keeps its CRLF") {
    const std::string src = "第一行\r\n第二行\r第三行";
    const auto n = normalize(src);
    CHECK(n.text == "第一行\n第二行\n第三行");
    const size_t second = n.text.find("第二行");
    CHECK(source_of(n, second, second + 9) == "第二行");
    CHECK(source_of(n, 0, 10) == "第一行\r\n");
}

TEST_CASE("ideographic and no-break spaces become spaces, zero-width characters and BOM are dropped") {
    const std::string src = "\xEF\xBB\xBF" "收到\xE3\x80\x80" "12\xC2\xA0件\xE2\x80\x8B。";
    const auto n = normalize(src);
    CHECK(n.text == "收到 12 件。");
    CHECK(n.origin[0] == 3);  // the BOM left nothing behind
}

TEST_CASE("characters sharing a lead byte with changed ones are kept as they are") {
    // 、。《》 (E3 80 ..) and “” (E2 80 ..) share lead bytes with U+3000 and U+2000-U+200A.
    const std::string src = "《条例》、“公开”。";
    CHECK(normalize(src).text == src);
}

TEST_CASE("a Markdown pipe-table row becomes tab-separated cells and its rule line goes") {
    const std::string src = "| 本年新收 | 3 | 0 |\n|---|:--:|---|\n| 上年结转 | 1 | 0 |";
    const auto n = normalize(src);
    CHECK(n.text == " 本年新收 \t 3 \t 0 \n\n 上年结转 \t 1 \t 0 ");
    const size_t three = n.text.find('3');
    CHECK(source_of(n, three, three + 1) == "3");
}

TEST_CASE("Markdown heading markers, quotes and emphasis are removed, other stars stay") {
    CHECK(normalize("## 一、总体情况").text == "一、总体情况");
    CHECK(normalize("> 本机关**全年**收到申请").text == "本机关全年收到申请");
    CHECK(normalize("注*：单位为件").text == "注*:单位为件");
    const auto n = normalize("**共计** 12 件");
    const size_t twelve = n.text.find("12");
    CHECK(source_of(n, twelve, twelve + 2) == "12");
}

TEST_CASE("an empty text normalizes to an empty text with the end mapped") {
    const auto n = normalize("");
    CHECK(n.text.empty());
    REQUIRE(n.origin.size() == 1);
    CHECK(n.origin[0] == 0);
}
