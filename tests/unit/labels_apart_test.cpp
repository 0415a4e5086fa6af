// Labels apart from their numbers (PDF-to-Markdown converters, pdftotext -raw):
// the rows of numbers keep the template's order while the row labels stand in
// a block before or after them. Such a copy reads to the same cells and the
// same non-info findings as the copy with its labels in place, plus one
// table-by-order info; a copy whose numbers do not match its labels is not
// read by order.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

namespace {

enum class Labels { Before, After };

bool is_number(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + 1) out.push_back(s.substr(from, at - from));
    out.push_back(s.substr(from));
    return out;
}

// Table 三's rows (tab-separated, from 一、本年新收 to 四、结转下年度) turned into
// the label cells, a line each, and the rows of numbers, space-separated.
std::string labels_apart(const std::string& text, Labels where) {
    const size_t begin = text.find("一、本年新收");
    const size_t end = text.find("\n\n四、政府信息公开行政复议");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string labels, numbers;
    for (const auto& line : split(text.substr(begin, end - begin), '\n')) {
        std::string row;
        for (const auto& cell : split(line, '\t')) {
            if (is_number(cell)) row += (row.empty() ? "" : " ") + cell;
            else if (!cell.empty()) labels += cell + "\n";
        }
        if (!row.empty()) numbers += row + "\n";
    }
    const std::string table = where == Labels::Before ? labels + numbers : numbers + labels;
    return text.substr(0, begin) + table + text.substr(end + 1);
}

std::string without_line(std::string text, const std::string& start) {
    const size_t at = text.find(start);
    REQUIRE(at != std::string::npos);
    const size_t line = text.rfind('\n', at) + 1;
    return text.erase(line, text.find('\n', at) + 1 - line);
}

std::vector<std::vector<long long>> table3(const nianbao::Result& r) {
    std::vector<std::vector<long long>> rows;
    for (const auto& row : r.report.table(3).rows) {
        if (row.spec->cells == 0) continue;
        std::vector<long long> v;
        for (const auto& c : row.cells) v.push_back(c.status == nianbao::CellStatus::Ok ? c.value : -1);
        if (!row.found) v = {-2};
        rows.push_back(v);
    }
    return rows;
}

int count(const nianbao::Result& r, const std::string& id) {
    return static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(), [&](const auto& f) { return f.id == id; }));
}

// A report whose rows of table 三 all differ, so a row read in the wrong
// place shows.
nianbao::test::ReportText varied_report() {
    nianbao::test::ReportText r;
    for (int k = 0; k < 25; ++k) r.set_row3(k, {k + 1, k % 3, 0, 0, k % 2, 0});
    return r;
}

}  // namespace

TEST_CASE("labels before the rows of numbers: every cell of table 三 reads as with the labels in place") {
    const std::string text = varied_report().str();
    const auto placed = nianbao::check(text);
    for (Labels where : {Labels::Before, Labels::After}) {
        CAPTURE(where == Labels::Before ? "labels before" : "labels after");
        const auto apart = nianbao::check(labels_apart(text, where));
        CHECK(table3(apart) == table3(placed));
        CHECK(nianbao::test::not_info(apart) == nianbao::test::not_info(placed));
        CHECK(count(apart, "table-by-order") == 1);
        CHECK(count(placed, "table-by-order") == 0);
    }
}

TEST_CASE("labels apart: a row the report lacks, label and numbers, stays row-missing") {
    const std::string text = without_line(varied_report().str(), "\t\t2. 重复申请");
    const auto placed = nianbao::check(text);
    const auto apart = nianbao::check(labels_apart(text, Labels::Before));
    CHECK(count(placed, "row-missing") == 1);
    CHECK(table3(apart) == table3(placed));
    CHECK(nianbao::test::not_info(apart) == nianbao::test::not_info(placed));
}

TEST_CASE("labels apart: a deviating label still gets its row-label warning, a label wrapped in its cell does not") {
    std::string text = varied_report().str();
    const std::string official = "5. 要求行政机关确认或重新出具已获取信息";
    text.replace(text.find(official), official.size(), "5. 要求行政机关确认或重复出具已获取信息");
    const auto apart = nianbao::check(labels_apart(text, Labels::Before));
    REQUIRE(count(apart, "row-label") == 1);
    for (const auto& f : apart.findings)
        if (f.id == "row-label") CHECK(f.message_zh.find("重复出具") != std::string::npos);
}

TEST_CASE("labels apart: rows of numbers that the labels do not account for are not read by order") {
    // One row of numbers too many: no template row for it, so no reading by order.
    std::string text = labels_apart(varied_report().str(), Labels::Before);
    const size_t at = text.find("\n\n四、政府信息公开行政复议");
    text.insert(at, "\n9 9 9 9 9 9 54");
    const auto r = nianbao::check(text);
    CHECK(count(r, "table-by-order") == 0);
    CHECK(table3(r) != table3(nianbao::check(varied_report().str())));
}

TEST_CASE("labels apart with the line breaks between the rows of numbers lost: the run is cut by the template's rows") {
    const std::string text = varied_report().str();
    const auto placed = nianbao::check(text);
    std::string apart = labels_apart(text, Labels::Before);
    // The rows of numbers on one line, space-separated; then as pipe rows run together.
    const size_t first = apart.find("\n1 0 0 0 0 0 1\n");
    REQUIRE(first != std::string::npos);
    const size_t last = apart.find("\n\n四、政府信息公开行政复议");
    REQUIRE(last != std::string::npos);
    std::string run = apart.substr(first + 1, last - first - 1);
    std::string spaces, pipes;
    for (const auto& line : split(run, '\n')) {
        spaces += (spaces.empty() ? "" : " ") + line;
        std::string cells;
        for (char c : line) cells += c == ' ' ? std::string(" | ") : std::string(1, c);
        pipes += (pipes.empty() ? "| " : " | ") + cells + " |";  // `| 1 | 0 | | 2 | 1 |`
    }
    REQUIRE(pipes.find("| 1 | 0 | 0 | 0 | 0 | 0 | 1 | | 2 | 1 |") == 0);
    for (const std::string& joined : {spaces, pipes}) {
        CAPTURE(joined);
        const auto r = nianbao::check(apart.substr(0, first + 1) + joined + apart.substr(last));
        CHECK(table3(r) == table3(placed));
        CHECK(nianbao::test::not_info(r) == nianbao::test::not_info(placed));
        CHECK(count(r, "table-by-order") == 1);
    }
}

namespace {

// Table 三 as pdfminer writes a PDF's table, a page at a time: the page's row
// labels, a line each, then each column's numbers one under another; the
// first page holds `first_page` rows of numbers. `total_before_last`: the 总计
// column written before 其他 (pdfminer's order on a real report).
std::string by_columns(const std::string& text, size_t first_page, bool total_before_last) {
    const size_t begin = text.find("一、本年新收");
    const size_t end = text.find("\n\n四、政府信息公开行政复议");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string pages[2];
    std::vector<std::vector<std::string>> rows[2];
    size_t seen = 0;
    for (const auto& line : split(text.substr(begin, end - begin), '\n')) {
        std::vector<std::string> row;
        std::string labels;
        for (const auto& cell : split(line, '\t')) {
            if (is_number(cell)) row.push_back(cell);
            else if (!cell.empty()) labels += cell + "\n";
        }
        const int page = seen < first_page ? 0 : 1;
        pages[page] += labels;
        if (!row.empty()) {
            REQUIRE(row.size() == 7);
            if (total_before_last) std::swap(row[5], row[6]);
            rows[page].push_back(row);
            ++seen;
        }
    }
    std::string table;
    for (int page = 0; page < 2; ++page) {
        table += pages[page];
        for (size_t c = 0; c < 7; ++c)
            for (const auto& row : rows[page]) table += row[c] + "\n";
    }
    return text.substr(0, begin) + table + text.substr(end + 1);
}

}  // namespace

TEST_CASE("labels apart with each column's numbers one under another, a page at a time: table 三 reads by columns") {
    nianbao::test::ReportText report;
    for (int k = 0; k < 25; ++k) report.set_row3(k, {k + 1, k % 3, 0, k % 4, k % 2, (k + 1) % 3});
    const std::string text = report.str();
    const auto placed = nianbao::check(text);
    for (bool total_before_last : {false, true})
        for (size_t first_page : {size_t{13}, size_t{25}}) {
            CAPTURE(total_before_last);
            CAPTURE(first_page);
            const auto r = nianbao::check(by_columns(text, first_page, total_before_last));
            CHECK(table3(r) == table3(placed));
            CHECK(nianbao::test::not_info(r) == nianbao::test::not_info(placed));
            CHECK(count(r, "table-by-order") == 1);
        }
}

TEST_CASE("labels apart, numbers by columns: a report's own wrong row total stays its one finding") {
    nianbao::test::ReportText report;
    for (int k = 0; k < 25; ++k) report.set_row3(k, {k + 1, k % 3, 0, 0, k % 2, 0});
    std::string text = report.str();
    // （一）予以公开's total written one too high: 3 + 2 = 5, given as 6.
    const std::string row = "(一) 予以公开\t3\t2\t0\t0\t0\t0\t5\n";
    const size_t at = text.find(row);
    REQUIRE(at != std::string::npos);
    text.replace(at + row.size() - 2, 1, "6");
    const auto placed = nianbao::check(text);
    REQUIRE(count(placed, "apply-row-total") == 1);
    const auto r = nianbao::check(by_columns(text, 13, false));
    CHECK(table3(r) == table3(placed));
    CHECK(nianbao::test::not_info(r) == nianbao::test::not_info(placed));
}

TEST_CASE("labels apart, numbers in rows: rows that add up as written are not read by columns") {
    // All rows add up read row by row: the copy's order stands even where a
    // reading by columns would add up too (a table of zeros and one column).
    nianbao::test::ReportText report;
    for (int k = 0; k < 25; ++k) report.set_row3(k, {k % 2, 0, 0, 0, 0, 0});
    const std::string text = report.str();
    const auto r = nianbao::check(labels_apart(text, Labels::Before));
    CHECK(table3(r) == table3(nianbao::check(text)));
}

namespace {

// Table 二 as pdfminer writes it: each block's labels, a line each, then its
// numbers one a line, the 第（一）项 block by columns (本年制发 of both rows,
// then 本年废止, then 现行有效).
std::string table2_by_columns(const nianbao::test::ReportText& r) {
    const auto& v = r.table2;
    return "第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n本年制发件数\n本年废止件数\n现行有效件数\n" + v[0] + "\n" + v[3] +
           "\n" + v[1] + "\n" + v[4] + "\n" + v[2] + "\n" + v[5] +
           "\n第二十条第（五）项\n信息内容\n行政许可\n本年处理决定数量\n" + v[6] +
           "\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n行政强制\n" + v[7] + "\n" + v[8] +
           "\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n" + v[9] + "\n\n";
}

std::string with_table2(const std::string& text, const std::string& table) {
    const size_t begin = text.find("第二十条第（一）项");
    const size_t end = text.find("三、收到和处理政府信息公开申请情况");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    return text.substr(0, begin) + table + text.substr(end);
}

const nianbao::Row& row2(const nianbao::Result& r, const std::string& key) {
    const nianbao::Row* row = r.report.table(2).found_row(key);
    REQUIRE(row != nullptr);
    return *row;
}

std::vector<long long> values(const nianbao::Row& row) {
    std::vector<long long> out;
    for (const auto& c : row.cells) out.push_back(c.status == nianbao::CellStatus::Ok ? c.value : -1);
    return out;
}

}  // namespace

TEST_CASE("table 二's labels apart, numbers one a line: one-cell rows read by order, three-cell rows open between rows and columns") {
    nianbao::test::ReportText report;
    report.table2 = {"0", "0", "0", "0", "1", "9", "15", "7", "3", "1.5"};
    const std::string text = report.str();
    const auto placed = nianbao::check(text);
    const auto r = nianbao::check(with_table2(text, table2_by_columns(report)));
    CHECK(count(r, "table-missing") == 0);
    CHECK(count(r, "row-missing") == 0);
    CHECK(count(r, "cell-count") == 0);
    CHECK(count(r, "table-by-order") == 1);
    // 规章's numbers are all 0: the same by rows and by columns, so read.
    CHECK(values(row2(r, "t2.regulation")) == values(row2(placed, "t2.regulation")));
    CHECK(row2(r, "t2.regulation").glued == nianbao::Row::Glued::None);
    for (const char* key : {"t2.permit", "t2.penalty", "t2.enforcement"}) {
        CAPTURE(key);
        CHECK(values(row2(r, key)) == values(row2(placed, key)));
    }
    CHECK(row2(r, "t2.fee").cells[0].amount == doctest::Approx(1.5));
    // 行政规范性文件: the numbers written 0 0 | 0 1 | 0 9 read by rows are
    // 0 0 0 / 1 0 9, by columns 0 0 0 / 0 1 9.
    const nianbao::Row& normative = row2(r, "t2.normative");
    CHECK(normative.glued == nianbao::Row::Glued::Ambiguous);
    CHECK(normative.order_open);
    CHECK(normative.glued_candidates == std::vector<std::vector<int64_t>>{{1, 0, 9}, {0, 1, 9}});
    const auto open = nianbao::test::findings_with(r, "cell-ambiguous");
    REQUIRE(open.size() == 1);
    CHECK(open[0].severity == nianbao::Severity::Warning);
    CHECK(open[0].message_zh.find("按行读是 1 0 9，按列读是 0 1 9") != std::string::npos);
    // No rule reads the open row's numbers: no error the report lacks.
    std::vector<std::string> errors;
    for (const auto& f : r.findings)
        if (f.severity == nianbao::Severity::Error) errors.push_back(f.id);
    std::vector<std::string> placed_errors;
    for (const auto& f : placed.findings)
        if (f.severity == nianbao::Severity::Error) placed_errors.push_back(f.id);
    CHECK(errors == placed_errors);
}

TEST_CASE("table 二 with its labels in place, one number a line: read by its labels, nothing open") {
    nianbao::test::ReportText report;
    report.table2 = {"0", "0", "0", "2", "1", "9", "15", "7", "3", "1.5"};
    const std::string text = report.str();
    const auto& v = report.table2;
    const std::string one_a_line = "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n" + v[0] + "\n" + v[1] +
                                   "\n" + v[2] + "\n行政规范性文件\n" + v[3] + "\n" + v[4] + "\n" + v[5] +
                                   "\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n" + v[6] +
                                   "\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n" + v[7] + "\n行政强制\n" + v[8] +
                                   "\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n" + v[9] + "\n\n";
    const auto r = nianbao::check(with_table2(text, one_a_line));
    CHECK(count(r, "table-by-order") == 0);
    CHECK(count(r, "cell-ambiguous") == 0);
    CHECK(values(row2(r, "t2.normative")) == std::vector<long long>{2, 1, 9});
    CHECK(nianbao::test::not_info(r) == nianbao::test::not_info(nianbao::check(text)));
}

TEST_CASE("labels apart and each row's digits glued: table 三 is one table-unreadable warning, not table-missing") {
    std::string text = labels_apart(varied_report().str(), Labels::Before);
    // Each row of numbers its digits run together: 1 0 0 0 0 0 1 -> 1000001.
    const size_t first = text.find("\n1 0 0 0 0 0 1\n");
    const size_t last = text.find("\n\n四、政府信息公开行政复议");
    REQUIRE(first != std::string::npos);
    REQUIRE(last != std::string::npos);
    std::string rows = text.substr(first, last - first);
    rows.erase(std::remove(rows.begin(), rows.end(), ' '), rows.end());
    text = text.substr(0, first) + rows + text.substr(last);
    const auto r = nianbao::check(text);
    CHECK(count(r, "table-missing") == 0);
    CHECK(count(r, "table-unreadable") == 1);
    for (const auto& f : r.findings) CHECK(f.severity != nianbao::Severity::Error);
}

TEST_CASE("table 二's labels apart from rows of numbers that do not fit them: one table-unreadable warning, not table-missing") {
    nianbao::test::ReportText report;
    const std::string text = report.str();
    // The labels of all six rows, then rows of numbers one too many (行政处罚 given three).
    const std::string apart =
        "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\n行政规范性文件\n"
        "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n行政强制\n"
        "第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n"
        "| 0 | 0 | 0 |\n| 0 | 0 | 0 |\n| 0 |\n| 0 | 0 | 0 |\n| 0 |\n| 0 |\n\n";
    const auto r = nianbao::check(with_table2(text, apart));
    CHECK(count(r, "table-missing") == 0);
    CHECK(count(r, "table-unreadable") == 1);
    for (const auto& f : r.findings) CHECK(f.severity != nianbao::Severity::Error);
}
