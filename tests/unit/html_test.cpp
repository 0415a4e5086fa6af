// Saved web pages and clipboard HTML become the text a Word copy gives.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/html.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::html_to_text;

namespace {

// `text` as a web page shows it: a <p> a line, and a <table> of <td> cells
// for each run of tab-separated lines, an empty cell written `empty`.
std::string as_web_page(const std::string& text, const std::string& empty) {
    std::string out = "<html><body>\n";
    bool table = false;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        const std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.find('\t') == std::string::npos) {
            if (table) out += "</table>\n";
            table = false;
            if (!line.empty()) out += "<p>" + line + "</p>\n";
            continue;
        }
        if (!table) out += "<table>\n";
        table = true;
        out += "<tr>";
        size_t b = 0;
        while (true) {
            const size_t tab = line.find('\t', b);
            const std::string cell = line.substr(b, tab == std::string::npos ? std::string::npos : tab - b);
            out += "<td>" + (cell.empty() ? empty : cell) + "</td>";
            if (tab == std::string::npos) break;
            b = tab + 1;
        }
        out += "</tr>\n";
    }
    if (table) out += "</table>\n";
    return out + "</body></html>";
}

}  // namespace

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

TEST_CASE("a row's trailing empty cells stay empty cells; only the last cell's own separator is dropped") {
    // A table 三 row of a web page with 科研机构, 社会公益组织 and 总计 left empty.
    CHECK(html_to_text("<table><tr><td>（一）予以公开</td><td>258</td><td>12</td><td></td><td></td><td>1</td><td>1</td>"
                       "<td></td></tr></table>") == "（一）予以公开\t258\t12\t\t\t1\t1\t");
    CHECK(html_to_text("<table><tr><td>行政许可</td><td></td><td></td><td></td></tr>"
                       "<tr><td>行政处罚</td><td>5</td></tr></table>") == "行政许可\t\t\t\n行政处罚\t5");
    // &nbsp; is a character: such a cell keeps its no-break space (the reader
    // takes it for an empty cell).
    CHECK(html_to_text("<table><tr><td>行政许可</td><td>5</td><td>&nbsp;</td><td>&nbsp;</td></tr></table>") ==
          "行政许可\t5\t\xC2\xA0\t\xC2\xA0");
}

TEST_CASE("a row's last cell drops as many separators as it spans columns, and no more") {
    // The last cell spans three columns: its three tabs go, the empty cell before it stays.
    CHECK(html_to_text("<table><tr><td>行政许可</td><td>5</td><td></td><td colspan=\"3\"></td></tr></table>") ==
          "行政许可\t5\t\t");
    CHECK(html_to_text("<table><tr><td>行政许可</td><td>5</td><td colspan=\"3\"></td></tr></table>") == "行政许可\t5\t");
    CHECK(html_to_text("<table><tr><td>行政许可</td><td>5</td><td colspan=3>x</td></tr></table>") == "行政许可\t5\tx");
    // A heading row of one wide cell is its text alone.
    CHECK(html_to_text("<table><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>规章</td><td>1</td></tr></table>") ==
          "第二十条第（一）项\n规章\t1");
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

TEST_CASE("Markdown that starts with an HTML tag (pandoc keeps a page's <div>) is read as text: its pipe rows stay rows") {
    const std::string markdown =
        "<div class=\"site\">\n\n政府信息公开专栏\n\n</div>\n\n"
        "| 第二十条第（一）项 |              |              |              |\n"
        "|--------------------|--------------|--------------|--------------|\n"
        "| 信息内容           | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章               | 0            | 0            | 0            |\n"
        "| 行政规范性文件     | 2            | 1            | 9            |\n";
    CHECK_FALSE(nianbao::looks_like_html(markdown));
    // Two framed lines are not yet a table of a text: a page that starts with a tag stays a page.
    CHECK(nianbao::looks_like_html("<div>\n| 首页 |\n| 政务公开 |\n<p>正文</p>"));
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

TEST_CASE("a web page's table 三 row with its last cells left &nbsp; reads as blank cells, not too few numbers") {
    nianbao::test::ReportText rt;
    const std::string text = rt.str();
    SUBCASE("every cell filled: the page reads as the text, without findings on the tables") {
        for (const char* empty : {"", "&nbsp;"}) {
            const std::string shown = empty;
            CAPTURE(shown);
            const nianbao::Result r = nianbao::check(html_to_text(as_web_page(text, empty)));
            CHECK(r.report.table3.row("t3.disclosed")->cells[6].status == nianbao::CellStatus::Ok);
            for (const auto& f : r.findings) {
                CHECK_MESSAGE(f.id != "cell-blank", f.message_zh);
                CHECK_MESSAGE(f.id != "cell-count", f.message_zh);
                CHECK_MESSAGE(f.id != "row-missing", f.message_zh);
            }
        }
    }
    SUBCASE("科研机构, 社会公益组织 and 总计 left empty") {
        const std::string row = "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\n";
        const size_t at = text.find(row);
        REQUIRE(at != std::string::npos);
        std::string changed = text;
        changed.replace(at, row.size(), "三、本年度办理结果\t(一) 予以公开\t258\t12\t\t\t1\t1\t\n");
        for (const char* empty : {"", "&nbsp;"}) {
            const std::string shown = empty;
            CAPTURE(shown);
            const nianbao::Result r = nianbao::check(html_to_text(as_web_page(changed, empty)));
            const nianbao::Row* disclosed = r.report.table3.row("t3.disclosed");
            REQUIRE(disclosed);
            REQUIRE(disclosed->cells.size() == 7);
            std::vector<int64_t> values;
            std::vector<nianbao::CellStatus> statuses;
            for (const auto& c : disclosed->cells) {
                values.push_back(c.value);
                statuses.push_back(c.status);
            }
            using S = nianbao::CellStatus;
            CHECK(values == std::vector<int64_t>{258, 12, 0, 0, 1, 1, 0});
            CHECK(statuses == std::vector<S>{S::Ok, S::Ok, S::Blank, S::Blank, S::Ok, S::Ok, S::Blank});
            int blank = 0, count = 0;
            for (const auto& f : r.findings) {
                blank += f.id == "cell-blank";
                count += f.id == "cell-count";
            }
            CHECK(blank == 1);
            CHECK(count == 0);
        }
    }
}
