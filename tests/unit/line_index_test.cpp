// Positions the page and the CLI show: code points, UTF-16 units, line, column.
#include <doctest/doctest.h>

#include <string>

#include "nianbao/text.h"

using nianbao::LineIndex;

TEST_CASE("positions count CJK as one code point and astral characters as two UTF-16 units") {
    const std::string s = "一、总体\n𠀀a行政许可 0\n";
    LineIndex idx(s);
    auto p = idx.position(static_cast<uint32_t>(s.find("a")));
    CHECK(p.line == 2);
    CHECK(p.column == 2);
    CHECK(p.codepoint == 6);  // 一、总体\n = 5, 𠀀 = 1
    CHECK(p.utf16 == 7);      // 𠀀 is a surrogate pair
    auto z = idx.position(static_cast<uint32_t>(s.find("0")));
    CHECK(z.column == 8);
}

TEST_CASE("positions far into a very long line are exact (checkpoints)") {
    std::string s = "开头\n";
    for (int i = 0; i < 5000; ++i) s += "行政许可𠀀";
    s += "X";
    LineIndex idx(s);
    auto p = idx.position(static_cast<uint32_t>(s.size() - 1));
    CHECK(p.line == 2);
    CHECK(p.column == 5000 * 5 + 1);
    CHECK(p.codepoint == 3 + 5000 * 5);
    CHECK(p.utf16 == 3 + 5000 * 6);
    // every position agrees with a plain count from the line start
    uint32_t col = 1;
    for (size_t i = s.find('\n') + 1; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        CHECK(idx.position(static_cast<uint32_t>(i)).column == col);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++col;
        if (col > 300) break;
    }
}

TEST_CASE("line_span gives the line without its CR LF") {
    const std::string s = "第一行\r\n第二行\r\n";
    LineIndex idx(s);
    auto span = idx.line_span(static_cast<uint32_t>(s.find("第二")));
    CHECK(s.substr(span.begin, span.size()) == "第二行");
}
