// word/document.xml as Word and WPS write it: runs split mid-word, tables
// with merged cells, field codes and tracked deletions.
#include <doctest/doctest.h>

#include <string>

#include "nianbao/docx.h"
#include "nianbao/nianbao.h"

namespace {

std::string body(const std::string& inner) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
           inner + "<w:sectPr/></w:body></w:document>";
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

std::string cell(const std::string& text, const std::string& props = "") {
    return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + para(text) + "</w:tc>";
}

}  // namespace

TEST_CASE("docx: runs split mid-word join, paragraphs become lines, entities decode") {
    const std::string xml = body(
            R"(<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某某镇人民政府2024年</w:t></w:r>)"
            R"(<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">政府信息公开</w:t></w:r><w:r><w:t>工作年度报告</w:t></w:r></w:p>)" +
            para("一、总体情况") + para("A &amp; B &lt;3&gt; &#x4E00;&#20108;"));
    CHECK(nianbao::docx_document_to_text(xml) ==
          "某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\nA & B <3> 一二\n");
}

TEST_CASE("docx: a table row is one line with one tab-separated cell per w:tc, as Word copies it") {
    const std::string row1 = "<w:tr>" + cell("本年新收政府信息公开申请数量") + cell("3") + cell("0") + cell("0") +
                             cell("0") + cell("0") + cell("0") + cell("3") + "</w:tr>";
    // A label merged across two grid columns is still one cell; a vertically
    // merged continuation is an empty cell.
    const std::string row2 = "<w:tr>" + cell("三、本年度办理结果", R"(<w:gridSpan w:val="2"/>)") +
                             "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" + cell("1") + "</w:tr>";
    const std::string xml = body(para("三、收到和处理政府信息公开申请情况") + "<w:tbl><w:tblPr/>" + row1 + row2 +
                                 "</w:tbl>" + para("四、行政复议"));
    CHECK(nianbao::docx_document_to_text(xml) ==
          "三、收到和处理政府信息公开申请情况\n"
          "本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
          "三、本年度办理结果\t\t1\n"
          "四、行政复议\n");
}

TEST_CASE("docx: a cell's paragraphs, tabs and breaks become spaces; nested tables stay inside the cell") {
    const std::string multi = "<w:tc><w:p><w:r><w:t>（一）予以</w:t></w:r></w:p><w:p><w:r><w:t>公开</w:t><w:tab/>"
                              "<w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p></w:tc>";
    const std::string nested = "<w:tc><w:tbl><w:tr>" + cell("a") + cell("b") + "</w:tr></w:tbl></w:tc>";
    const std::string xml = body("<w:tbl><w:tr>" + multi + nested + cell("2") + "</w:tr></w:tbl>");
    CHECK(nianbao::docx_document_to_text(xml) == "（一）予以 公开 x y\ta b\t2\n");
}

TEST_CASE("docx: tracked deletions and field codes are not text") {
    const std::string xml = body(
            R"(<w:p><w:del><w:r><w:delText>旧文字</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>)"
            R"(<w:r><w:t>新文字</w:t></w:r><!-- a <w:t>comment</w:t> --></w:p>)");
    CHECK(nianbao::docx_document_to_text(xml) == "新文字\n");
}

TEST_CASE("docx: broken or truncated XML gives the text read so far, never a crash") {
    CHECK(nianbao::docx_document_to_text("") == "");
    CHECK(nianbao::docx_document_to_text("<w:p><w:r><w:t>半截") == "");
    CHECK(nianbao::docx_document_to_text(body(para("完整")) + "<w:p><w:t>&#xFFFFFFFF; &bogus; &") == "完整\n");
    std::string deep;
    for (int k = 0; k < 100000; ++k) deep += "<w:tbl><w:tr><w:tc>";
    CHECK(nianbao::docx_document_to_text(deep + "<w:p><w:r><w:t>x</w:t></w:r></w:p>").empty());
}
