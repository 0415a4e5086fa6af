// Hostile inputs (issue E): whatever a user pastes, check() answers with a
// clear finding and never crashes; big inputs are built here, in the test.
// Time and memory are not asserted here: scripts/bench_hostile.py prints them
// (scripts/bench.sh), showing time linear in the input and bounded memory.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/html.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::check;
using nianbao::Finding;
using nianbao::Result;
using nianbao::test::read_fixture;
using nianbao::test::ReportText;

namespace {

size_t count(const Result& r, const std::string& id, const std::string& contains = "") {
    return static_cast<size_t>(std::count_if(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
        return f.id == id && (contains.empty() || f.message_zh.find(contains) != std::string::npos);
    }));
}

std::string ids(const Result& r) {
    std::string out;
    for (const auto& f : r.findings) out += f.id + " ";
    return out;
}

// Every span inside the source, and the JSON is well-formed UTF-8.
void sane(const Result& r) {
    for (const auto& f : r.findings) {
        CHECK(f.span.begin <= f.span.end);
        CHECK(f.span.end <= r.report.source.size());
    }
    const std::string json = nianbao::result_to_json(r, -1, true);
    CHECK(nianbao::is_valid_utf8(json));
}

const char* kReal = "real/008_hongze_district_2024.txt";

// The CLI's path (and the page's, through the binding's readText): bytes decoded,
// the bytes it could not read U+FFFD in the text, which input-encoding points at.
Result check_bytes(const std::string& bytes) { return check(nianbao::decode_bytes(bytes).text); }

}  // namespace

TEST_CASE("an empty input gives input-empty and nothing else") {
    const Result r = check("");
    CHECK(ids(r) == "input-empty ");
    CHECK(r.errors == 1);
    sane(r);
}

TEST_CASE("whitespace only, ideographic and no-break spaces included, gives input-empty") {
    for (const std::string text : {"   \n\t\r\n", "\xE3\x80\x80\xE3\x80\x80\n", "\xC2\xA0 \n\xEF\xBB\xBF\n",
                                   "\xE2\x80\x8B\n\n\n"}) {
        const Result r = check(text);
        INFO(text);
        CHECK(ids(r) == "input-empty ");
        sane(r);
    }
    // A visible character among the blanks is not blank.
    CHECK(count(check("\xE3\x80\x80" "年\n"), "input-empty") == 0);
}

TEST_CASE("a report at the size limit (a real one repeated) is read whole and the repetition is one section-order finding") {
    const std::string one = read_fixture(kReal);
    REQUIRE(!one.empty());
    std::string text;
    size_t copies = 0;
    while (text.size() + one.size() <= nianbao::kMaxInputBytes) {
        text += one;
        ++copies;
    }
    const Result r = check(text);
    sane(r);
    CHECK(r.report.source.size() == text.size());
    CHECK(count(r, "section-order", "出现了 " + std::to_string(copies) + " 次") == 1);
    CHECK(count(r, "input-too-large") == 0);
    // Findings stay proportional to the copies, not to their square.
    CHECK(r.findings.size() <= 4 * copies);
}

TEST_CASE("a report repeated 50 times gets one section-order finding saying it repeats") {
    const std::string one = read_fixture(kReal);
    std::string text;
    for (int i = 0; i < 50; ++i) text += one;
    const Result r = check(text);
    sane(r);
    REQUIRE(count(r, "section-order", "出现了 50 次") == 1);
    // It points at the second copy's heading.
    for (const auto& f : r.findings)
        if (f.id == "section-order") CHECK(f.span.begin > one.size() - 1);
    // Once is not repetition.
    CHECK(count(check(one), "section-order") == 0);
}

TEST_CASE("one 1 MB line of text is not a report: input-not-report, once") {
    std::string text;
    while (text.size() < 1'000'000) text += "政府信息公开工作年度报告正文";
    const Result r = check(text);
    CHECK(ids(r) == "input-not-report ");
    sane(r);
}

TEST_CASE("100,000 short lines are not a report: input-not-report, once") {
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += "第一行文字\n";
    const Result r = check(text);
    CHECK(ids(r) == "input-not-report ");
    sane(r);
}

TEST_CASE("binary bytes give input-encoding (binary) and input-not-report") {
    std::string bytes;
    for (int k = 0; k < 100; ++k)
        for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
    const Result r = check_bytes(bytes);
    CHECK(ids(r) == "input-encoding input-not-report ");
    CHECK(count(r, "input-encoding", "二进制") == 1);
    sane(r);
}

TEST_CASE("invalid UTF-8 inside a report gives input-encoding, and the report is still checked") {
    const std::string one = read_fixture(kReal);
    const Result clean = check(one);
    std::string bytes = one;
    bytes.insert(one.find('\n') + 1, "\xFF\xFE\xC0\xAF\xED\xA0\x80\n");
    const Result r = check_bytes(bytes);
    // One finding on the first of the seven U+FFFD, which says how many there are.
    CHECK(count(r, "input-encoding", "7 处无法解码") == 1);
    CHECK(r.findings.size() == clean.findings.size() + 1);
    for (const auto& f : r.findings) {
        if (f.id != "input-encoding") continue;
        CHECK(f.span.begin == one.find('\n') + 1);
        CHECK(r.report.source.substr(f.span.begin, f.span.end - f.span.begin) == "\xEF\xBF\xBD");
    }
    // check() itself sanitizes bytes that are not UTF-8: the same U+FFFD, the same findings.
    const Result direct = check(bytes);
    CHECK(direct.findings.size() == r.findings.size());
    CHECK(nianbao::is_valid_utf8(direct.report.source));
    sane(r);
    sane(direct);
}

TEST_CASE("a UTF-16 report with BOM reads as the same report as its UTF-8 text") {
    const std::string one = read_fixture(kReal);
    // UTF-8 -> UTF-16LE with BOM (the fixture is BMP-only Chinese text).
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (size_t i = 0; i < one.size();) {
        const unsigned char c = static_cast<unsigned char>(one[i]);
        uint32_t cp;
        if (c < 0x80) cp = c, i += 1;
        else if (c < 0xE0) cp = ((c & 0x1Fu) << 6) | (one[i + 1] & 0x3F), i += 2;
        else cp = ((c & 0x0Fu) << 12) | ((one[i + 1] & 0x3Fu) << 6) | (one[i + 2] & 0x3F), i += 3;
        le += static_cast<char>(cp & 0xFF);
        le += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp & 0xFF);
    }
    const std::string expected = ids(check(one));
    for (const std::string& bytes : {le, be}) {
        const nianbao::Decoded d = nianbao::decode_bytes(bytes);
        CHECK(d.text == one);
        CHECK_FALSE(d.lossy);
        CHECK(ids(check_bytes(bytes)) == expected);
    }
}

TEST_CASE("a 30-digit number in a table cell is read as too large, not wrapped") {
    ReportText t;
    t.table2[0] = "123456789012345678901234567890";
    const Result r = check(t.str());
    sane(r);
    CHECK(count(r, "cell-value", "数值过大") == 1);
    const nianbao::Row* row = r.report.table2.row(r.report.table2.rows.front().spec->key);
    REQUIRE(row != nullptr);
    CHECK(row->cells[0].status == nianbao::CellStatus::Overflow);
    CHECK(row->cells[0].value == 0);
}

TEST_CASE("cells near INT64_MAX are too large, so no sum of cells overflows") {
    // Table 三's sums and table 四's totals over 19-digit cells: with the cells
    // read as they were, 9223372036854775807 + 1 overflowed (UBSan).
    ReportText t;
    t.set_row3(nianbao::test::kNew, {9'000'000'000'000'000'000LL, 1, 0, 0, 0, 0});
    t.table3[nianbao::test::kNew][6] = 9'000'000'000'000'000'001LL;
    t.set_row3(nianbao::test::kDisclosed, {4'611'686'018'427'387'904LL, 0, 0, 0, 0, 0});
    t.set_row3(nianbao::test::kTotal, {4'611'686'018'427'387'904LL, 0, 0, 0, 0, 0});
    t.table3[nianbao::test::kCarriedIn][0] = 4'611'686'018'427'387'904LL;
    for (int k = 0; k < 15; ++k) t.table4[k] = 9'223'372'036'854'775'807LL;
    const std::string text = t.str();
    const Result r = check(text, {}, &text);
    sane(r);
    CHECK(count(r, "cell-value", "数值过大") >= 15);
    // 15 digits is still a number.
    ReportText ok;
    ok.set_row3(nianbao::test::kNew, {999'999'999'999'999LL, 0, 0, 0, 0, 0});
    const Result r2 = check(ok.str());
    CHECK(count(r2, "cell-value") == 0);
}

TEST_CASE("a table of 1,000 rows is read in one pass, its template rows found, the extra rows one row-label finding") {
    ReportText t;
    t.set_row3(nianbao::test::kNew, {1, 0, 0, 0, 0, 0});
    t.set_row3(nianbao::test::kDisclosed, {1, 0, 0, 0, 0, 0});
    t.set_row3(nianbao::test::kTotal, {1, 0, 0, 0, 0, 0});
    const std::string base = t.str();
    std::string rows;
    for (int k = 0; k < 1000; ++k) rows += "\t\t其他情形" + std::to_string(k) + "\t0\t0\t0\t0\t0\t0\t0\n";
    std::string text = base;
    text.insert(text.find("\t(七) 总计"), rows);
    const Result r = check(text);
    sane(r);
    CHECK(r.report.table3.found);
    CHECK(count(r, "table-missing") == 0);
    CHECK(count(r, "row-missing") == 0);
    const nianbao::Row* total = r.report.table3.row(r.report.table3.rows[23].spec->key);
    REQUIRE(total != nullptr);
    CHECK(total->found);
    REQUIRE(count(r, "row-label") == 1);
    for (const auto& f : r.findings)
        if (f.id == "row-label") {
            CHECK(f.message_zh.find("1000 行数字不属于格式中的任何一行") != std::string::npos);
            CHECK(text.substr(f.span.begin, f.span.size()).find("其他情形0") != std::string::npos);
        }
}

TEST_CASE("deep Markdown and HTML nesting is read without recursion limits") {
    std::string md;
    for (int i = 0; i < 100'000; ++i) md += "> ";
    md += "一、总体情况\n";
    for (int i = 0; i < 2000; ++i) md += std::string(2 * i, ' ') + "- 第" + std::to_string(i) + "项\n";
    for (int i = 0; i < 10'000; ++i) md += "#";
    md += " 二、主动公开政府信息情况\n";
    const Result r = check(md);
    sane(r);
    CHECK(count(r, "input-not-report") + count(r, "section-missing") >= 1);

    std::string html = "<html><body>";
    for (int i = 0; i < 100'000; ++i) html += "<div><span>";
    html += "<table><tr><td>规章</td><td>0</td></tr></table>";
    for (int i = 0; i < 100'000; ++i) html += "</span></div>";
    CHECK(nianbao::looks_like_html(html));
    const std::string text = nianbao::html_to_text(html);
    CHECK(text.find("规章\t0") != std::string::npos);
    sane(check(text));
}

TEST_CASE("an input over the size limit gives input-too-large and is not read") {
    nianbao::Options o;
    o.max_input_bytes = 1000;
    const std::string text(1001, 'x');
    const Result r = check(text, o);
    CHECK(ids(r) == "input-too-large ");
    CHECK(r.errors == 1);
    CHECK(r.report.source.empty());
    CHECK(r.findings[0].message_zh.find("1001") != std::string::npos);
    sane(r);
    // The JSON front door the binding uses takes the limit as an argument.
    const std::string json = nianbao::check_to_json(text, "{}", "", 1000);
    CHECK(json.find("\"input-too-large\"") != std::string::npos);
    CHECK(nianbao::check_to_json(std::string(1000, 'x'), "{}", "", 1000).find("input-too-large") ==
          std::string::npos);
    // The default limit is the core's one limit, the CLI's and the page's: 8 MiB.
    CHECK(nianbao::Options{}.max_input_bytes == (size_t(8) << 20));
}

TEST_CASE("the size limit counts a file's bytes, not its decoded text, which may be longer") {
    // 1000 bytes of GB18030 Chinese are 1500 bytes of UTF-8: read, as the file's size is within the limit.
    nianbao::Options o;
    o.max_input_bytes = 1000;
    std::string text;
    while (text.size() < 1500) text += "年";
    o.input_bytes = 1000;
    CHECK(count(check(text, o), "input-too-large") == 0);
    // One byte over: refused, naming the file's size.
    o.input_bytes = 1001;
    const Result over = check(text, o);
    CHECK(ids(over) == "input-too-large ");
    CHECK(over.findings[0].message_zh.find("1001 字节") != std::string::npos);
    // A text longer than any 1000 bytes decode to is refused whatever size it claims.
    o.input_bytes = 1000;
    const Result liar = check(std::string(3004, 'x'), o);
    CHECK(ids(liar) == "input-too-large ");
    CHECK(liar.findings[0].message_zh.find("3004 字节") != std::string::npos);
    // The previous report likewise.
    o.previous_input_bytes = 1000;
    CHECK(count(check(text, o, &text), "input-too-large") == 0);
    o.previous_input_bytes = 1001;
    CHECK(count(check(text, o, &text), "input-too-large", "上年报告有 1001 字节") == 1);
}

TEST_CASE("a previous report over the size limit is skipped with input-too-large, the text still checked") {
    const std::string one = read_fixture(kReal);
    nianbao::Options o;
    o.max_input_bytes = one.size();
    const std::string previous = one + "x";
    const Result r = check(one, o, &previous);
    CHECK(count(r, "input-too-large", "上年报告") == 1);
    CHECK(r.findings.size() == check(one, o).findings.size() + 1);
    sane(r);
}

TEST_CASE("a web page of '&' without ';' reads as its text (entity lookup stays within one entity)") {
    // Each '&' used to search the rest of the text for ';': quadratic, 20 s
    // for 1 MB. The time is in scripts/bench_hostile.py; here the reading.
    const std::string html = "<p>" + std::string(200'000, '&') + "&amp;&#x4e00;&nbsp";
    CHECK(nianbao::looks_like_html(html));
    const std::string text = nianbao::html_to_text(html);
    CHECK(text == std::string(200'000, '&') + "&\xE4\xB8\x80&nbsp");
    const Result r = check(text);
    CHECK(ids(r) == "input-not-report ");
}

TEST_CASE("a line of 400,000 numbers under table 三's heading is read from its end, with at most 64 numbers over a row's count kept") {
    // The whole line as one row of table 三 and of 四 once cost a token, a
    // cell and several copies for each number: 1.3 GB and 24 s for 8 MB.
    std::string text = "三、收到和处理政府信息公开申请情况\n";
    for (int k = 0; k < 400000; ++k) text += "1 ";
    const Result r = nianbao::check(text);
    for (const nianbao::Table* t : {&r.report.table3, &r.report.table4})
        for (const auto& row : t->rows) CHECK(row.extra.size() <= 64);
    // What was read of the line is at most its last 32 KB: some 16,000 numbers, not 400,000.
    for (const auto& row : r.report.table4.rows) CHECK(row.numbers_found <= 32 * 1024 / 2);
    CHECK(!r.findings.empty());
}
