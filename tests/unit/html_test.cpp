// Saved web pages and clipboard HTML become the text a Word copy gives.
#include <doctest/doctest.h>

#include "nianbao/html.h"
#include "nianbao/nianbao.h"

using nianbao::html_to_text;

TEST_CASE("table rows become lines of tab-separated cells") {
    std::string t = html_to_text(
        "<table><tr><td>规章</td><td>1</td><td>0</td><td>11</td></tr>"
        "<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr></table>");
    CHECK(t == "规章\t1\t0\t11\n行政规范性文件\t8\t26\t66");
}

TEST_CASE("merged cells leave empty cells, like a Word copy") {
    std::string t = html_to_text("<table><tr><td colspan=\"3\">第二十条第（一）项</td><td>x</td></tr></table>");
    CHECK(t == "第二十条第（一）项\t\t\tx");
}

TEST_CASE("script, style and comments are dropped, never kept as text") {
    std::string t = html_to_text(
        "<style>td{color:red}</style><script>alert('x')</script><!-- <p>hidden</p> --><p>一、总体情况</p>");
    CHECK(t == "一、总体情况");
}

TEST_CASE("entities are decoded; escaped markup stays text") {
    CHECK(html_to_text("<p>A&nbsp;B &lt;script&gt; &#x4E8B;&#20107; &amp;</p>") == "A\xC2\xA0" "B <script> 事事 &");
}

TEST_CASE("paragraphs inside a cell stay in that cell") {
    CHECK(html_to_text("<table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td>0</td></tr></table>") ==
          "（二）部分公开 （区分处理的）\t0");
}

TEST_CASE("broken markup does not hang or crash") {
    CHECK(html_to_text("<td><td><tr><") == "\t\t\n<");
    CHECK(html_to_text("<script>never closed").empty());
    CHECK(html_to_text("&#99999999999;&;&#;").find("&") == 0);
}

TEST_CASE("looks_like_html tells pages from pasted text") {
    CHECK(nianbao::looks_like_html("<!DOCTYPE html><html>"));
    CHECK(nianbao::looks_like_html("\n  <table><tr>"));
    CHECK_FALSE(nianbao::looks_like_html("一、总体情况\n<p>不是开头"));
}

TEST_CASE("a report saved as a web page reads like the pasted text") {
    std::string html =
        "<html><body><h1>某镇2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2024年，我镇未收到申请。</p>"
        "<p>二、主动公开政府信息情况</p><table>"
        "<tr><td colspan=4>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>7</td></tr></table></body></html>";
    nianbao::Report r = nianbao::read_report(html_to_text(html));
    REQUIRE(r.table2.found);
    const nianbao::Row* row = r.table2.row("t2.normative");
    REQUIRE(row);
    CHECK(row->cells[0].value == 2);
    CHECK(row->cells[2].value == 7);
    CHECK(r.year == 2024);
}
