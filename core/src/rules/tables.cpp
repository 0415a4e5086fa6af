// Tables: each of 二, 三, 四 is there, has all its rows, each row its number of
// cells, and each cell a number of the right kind.
#include <algorithm>
#include <optional>

#include "rules/describe.h"
#include "rules/registry.h"
#include "rules/table_sums.h"
#include "tables/labels.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::TableMissing, Severity::Error)
            .title("缺少表格", "Table missing")
            .checks("在相应部分找不到表二（主动公开）、表三（依申请）或表四（复议诉讼）。",
                    "Table 2, 3 or 4 cannot be found in its section.")
            .matters("三张表是年度报告的统计核心，格式要求逐项填报，没有数据也要填 0。",
                     "Without the table the report lacks the figures the template requires; a reader cannot check the work.")
            .for_example("“三、收到和处理政府信息公开申请情况”下只有一句“本年度未收到申请”",
                         "Under 「三、收到和处理政府信息公开申请情况」 only 「本年度未收到申请」 (no applications this year) and no table")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::TableUnreadable, Severity::Warning)
            .title("表格无法可靠读取", "Table cannot be read reliably")
            .checks("表格找到了，但三分之一以上的数据行数字个数与格式不符（多了或少了），各列已经错位；报告一次，说明多少行、在哪里，"
                    "不再逐行报“一行的数字个数不对”，这些行也不参与合计核对。复制打乱了数字次序时也一样：两行以上的行名找得到、"
                    "数字却不成行（PDF 转文字把表格一列一列地写出），或表四的数字夹在表头文字之间、按格式次序合计对不上；"
                    "这时整张表都不参与核对，只报这一条。",
                    "A table was found but a third or more of its data rows have too few or too many numbers: one finding for the table (how many rows, where) instead of one cell-count per row, and no sums on the rows not read. "
                    "Likewise when the copy lost the order of its numbers: two or more rows labelled but their numbers not in rows (a PDF-to-text copy writing the table column by column), or Table 4's numbers among its header's words not adding up in the template's order; then nothing of the table is checked, and this is the one finding.")
            .matters("这么多行错位，多半是复制（PDF 转文字、网页排版）打乱了表格，而不是报告逐行填错；逐行报错只会淹没真正的问题。",
                     "So many misaligned rows usually mean the copy (PDF to text, a web page's layout) broke the table, not that every row is wrong; a finding per row would drown the real ones.")
            .for_example("表三 25 行中有 9 行只读到 6 个数",
                         "9 of Table 3's 25 rows have only 6 numbers each")
            .based_on("—"),
        RuleDoc(Rule::RowMissing, Severity::Error)
            .title("缺少表格行", "Table row missing")
            .checks("表格缺少格式规定的某一行（例如表三的“（六）其他处理”只填了一行，缺少 1、2、3 三行）。",
                    "A data row of a table is missing (or, in the 2019 style, a group is given as one row).")
            .matters("少一行就少一项统计，合计也无从核对。",
                     "Every row of the template must be there, with 0 where there is nothing to report; a missing row breaks the sums.")
            .for_example("表三没有“3.补正后申请内容仍不明确”一行",
                         "Table 3 has no row 「3.补正后申请内容仍不明确」")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::RowLabel, Severity::Warning)
            .title("行或列的名称与格式不同", "Row or column label differs")
            .checks("行名或列名与格式用语不同，且不是复制时被截断或拆行造成的（如“本年度止件数”“重复出具”“其他法律法规禁止公开”）。",
                    "A row or column label differs from the official wording, beyond what copying does (labels cut short or split over lines do not count).")
            .matters("改动统计口径的名称会让读者误解数据的含义，也常说明表格是手工重打的。",
                     "A changed label changes what the figure means, and often shows the table was retyped by hand.")
            .for_example("2.其他法律法规禁止公开（应为：2.其他法律行政法规禁止公开）",
                         "「2.其他法律法规禁止公开」 (should read 「2.其他法律行政法规禁止公开」)")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::CellCount, Severity::Error)
            .title("一行的数字个数不对", "Wrong number of cells in a row")
            .checks("某行的数字比格式多或少（表三每行 7 个，表四 15 个，表二每行 1 或 3 个）。",
                    "A row has more or fewer numbers than the template (7 in Table 3, 15 in Table 4, 1 or 3 in Table 2).")
            .matters("多出或缺少的数字会让各列错位，合计无法核对。",
                     "A number too many or too few shifts the columns, and no sum can be checked.")
            .for_example("（七）总计 0 0 0 0 0 0 0 0（8 个数）",
                         "「（七）总计」 0 0 0 0 0 0 0 0 (8 numbers; the template has 7)")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::CellGlued, Severity::Info)
            .title("数字粘连（已按合计拆开）", "Glued digits (split by the sums)")
            .checks("复制时丢了单元格之间的分隔，一行的数字连成一串（如“640020470”）；只有一种拆法能使本行和全表的合计成立时，"
                    "按这种拆法读取（64 0 0 2 0 4 70）；数字只有一种拆法时也照此读取，再由合计核对。每张表报告一次，列出各行的读法。",
                    "The digits of several cells ran together in the copy (640020470) and exactly one split makes the row and the table add up (64 0 0 2 0 4 70): it is read so, one finding per table listing the readings.")
            .matters("报告本身可能没有错，是复制丢了分隔；读出的数照常参与核对。",
                     "The report may well be right, only the copy lost the separators; the numbers read take part in the checks.")
            .for_example("一、本年新收政府信息公开申请数量640020470",
                         "「一、本年新收政府信息公开申请数量640020470」 (read as 64 0 0 2 0 4 70, the only split the sums allow)")
            .based_on("—"),
        RuleDoc(Rule::CellAmbiguous, Severity::Warning)
            .title("数字粘连，无法确定拆法", "Glued digits, split unclear")
            .checks("一行的数字连成一串，有几种拆法都说得通（表二没有合计可以判断，如“693665”），或没有一种拆法能使合计成立；"
                    "列出可能的拆法，这一行不参与核对。表二的数字与行名分开、一数一行（pdfminer 的复制），按行读与按列读不同时也是如此。",
                    "The digits of several cells ran together and more than one split fits (Table 2's rows have no sum to decide by: 693665), or none does; the candidates are listed and the row is left out of the checks. So too when Table 2's numbers stand apart from their labels, one a line (pdfminer's copy), and read differently by rows and by columns.")
            .matters("不能替用户猜数字；报告本身可能是对的，只是复制丢了分隔，所以不作为错误。",
                     "A checker must not guess numbers; the report itself may be right, so this is never an error.")
            .for_example("行政规范性文件693665",
                         "「行政规范性文件693665」 (6 9 3665, 69 36 65, 693 6 65 … all fit)")
            .based_on("—"),
        RuleDoc(Rule::TableByOrder, Severity::Info)
            .title("行名与数字分开，按顺序读取", "Labels apart from numbers, read by order")
            .checks("复制（PDF 转 Markdown、pdftotext -raw 等）把表格的行名和数字分开了：行名在表前、表后或夹在中间，"
                    "数字各行仍按格式的顺序排列。数字的行数和每行个数都与格式相符、行名又无法对应时，按顺序读取，每张表报告一次。",
                    "The copy (PDF to Markdown, pdftotext -raw) put a table's row labels apart from its numbers: before the table, after it or in between, while the rows of numbers keep the template's order. When they match the template's rows in number and in cells and the labels cannot place them, they are read by their order; one finding per table.")
            .matters("报告本身可能没有错，是复制打乱了版面；按顺序读出的数照常参与核对，请对照原表确认。",
                     "The report may well be right, only the copy moved the labels; the numbers read take part in the checks. Check them against the original.")
            .for_example("一、本年新收… 二、上年结转… ……（七）总计 之后才是 25 行数字",
                         "The labels 「一、本年新收…」, 「二、上年结转…」 … 「（七）总计」 first, then the 25 rows of numbers")
            .based_on("—"),
        RuleDoc(Rule::CellValue, Severity::Error)
            .title("单元格不是有效数字", "Cell is not a valid number")
            .checks("单元格不是非负整数（负数、小数、如“1O”的乱码）；行政事业性收费可以是小数；超出范围的大数也报此错。",
                    "A cell is not a non-negative integer (negative, decimal, garbage such as 1O); 行政事业性收费 may be a decimal; a number too large to be a count is reported too.")
            .matters("件数只能是非负整数；错字会让合计失真。",
                     "Counts are non-negative integers; a typo makes the totals wrong.")
            .for_example("予以公开 1O",
                         "「予以公开 1O」 (the letter O for the digit 0)")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::CellBlank, Severity::Warning)
            .title("单元格空白", "Blank cell")
            .checks("单元格空着，或写作“—”“/”“无”，而格式要求填 0；合计时按 0 计算。一张表里多行都有这样的空白时报告一次，列出各单元格。整行或整列空白而合计说明它们不是 0 时"
                    "（只填了合计、各项空白，或只有合计空白），整行或整列报告一次，能由表格推算的（空白的总计是本行各项之和）给出应填的数，"
                    "这些空白所在的合计不再核对。",
                    "A cell is left blank or written —, /, 无 where the template asks for 0; it is read as 0 for the sums. Such blanks in several rows of a table are one finding listing the cells. When a whole row or column is blank where the sums say it is not 0 (only the totals filled, or only the totals missing), one finding for the row or column, with the values the table determines (a blank 总计 is the sum of its row), and the sums through those blanks are not checked.")
            .matters("空白无法区分“没有”和“漏填”。",
                     "A blank cannot tell \"none\" from \"forgotten\".")
            .for_example("行政许可 —",
                         "「行政许可 —」 (a dash where the template asks for 0)")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::CellFullwidth, Severity::Info)
            .title("全角数字", "Full-width digits")
            .checks("数字用全角字符书写（如“０”）；按其数值读取。一张表里有多个时报告一次，列出各单元格。",
                    "A number is written with full-width digits (０); it is read as its value. Several in one table are one finding listing the cells.")
            .matters("全角数字在部分系统中不能被识别为数字。",
                     "Some systems do not read full-width digits as numbers.")
            .for_example("行政许可 ０",
                         "「行政许可 ０」 (a full-width 0)")
            .based_on("—"),
    };
    return d;
}

// The fix for a table whose copy lost the order of its numbers.
constexpr const char* kCopyAgainZh = "从原文件重新复制，使每行的行名与数字在一起（PDF 转文字用 pdftotext -layout）。";
constexpr const char* kCopyAgainEn = "Copy the table again from the original so that each row's label stays with its numbers (pdftotext -layout for a PDF).";

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::TableMissingMissing, "在第{numeral}部分找不到{table}（{name}）。",
         "{table_en} ({name}) was not found in Section {number}.",
         "按格式补上{table}，没有数据的填 0。",
         "Add {table_en} as the template has it, with 0 where there is nothing to report."},
        {Msg::TableUnreadableRows, "{table}有 {count} 行数据（共 {total} 行）的数字个数与格式不符（{rows}），表格无法可靠读取；这些行未参与核对。",
         "{table_en}: {count} of its {total} data {total|row|rows} {count|has|have} too few or too many numbers ({rows_en}); the table cannot be read reliably, and those rows were not checked.",
         "核对原表，或换一种方式复制表格（从 Word 或网页复制），使每行的数字与格式的各列一一对应。",
         "Check the original table, or copy it another way (from Word or the web page), so that each row's numbers match the template's columns."},
        {Msg::TableUnreadableLabels, "{table}的行名与数字在复制时分开了，{count} 行（{rows}）的数字对不上行，表格无法可靠读取，未参与核对。",
         "{table_en}: the copy put the row labels apart from their numbers; those of {count} labelled {count|row|rows} ({rows_en}) cannot be placed, so the table was not checked.",
         kCopyAgainZh, kCopyAgainEn},
        {Msg::TableUnreadableOrder, "{table}的数字在复制时夹在表头文字之间，次序已乱（按格式的次序合计对不上），表格未参与核对。",
         "{table_en}: the copy put its numbers among the header's words and lost their order (they do not add up in the template's order), so the table was not checked.",
         kCopyAgainZh, kCopyAgainEn},
        {Msg::RowMissingMissing, "{table}缺少“{row}”一行。",
         "{table_en} lacks the row 「{row}」.",
         "补上“{row}”一行，没有数据的填 0。",
         "Add the row 「{row}」, with 0 where there is nothing to report."},
        {Msg::RowMissingCollapsed, "{table}“{row}”只填了一行，2021 年格式要求分为 {count} 行（{subrows}）。",
         "{table_en} gives 「{row}」 as one row; the 2021 template splits it into {count} {count|row|rows} ({subrows_en}).",
         "将“{row}”拆分为 {subrows}，分别填报。",
         "Split 「{row}」 into {subrows_en}."},
        {Msg::RowLabelRow, "{table}的行名“{raw}”与格式用语“{official}”不同。",
         "{table_en}: the row label 「{raw}」 differs from the template's 「{official}」.",
         "应为：{official}",
         "Should read: 「{official}」"},
        {Msg::RowLabelColumn, "{table}“{block}”的列名“{raw}”与格式用语“{official}”不同。",
         "{table_en}, 「{block}」: the column label 「{raw}」 differs from the template's 「{official}」.",
         "应为：{official}",
         "Should read: 「{official}」"},
        {Msg::RowLabelExtra, "{table}有 {count} 行数字不属于格式中的任何一行（第一处：“{raw}”），未计入合计。",
         "{table_en} has {count} {count|row|rows} of numbers that are no row of the template (first: 「{raw}」); they are not in the sums.",
         "删去格式之外的行，或把数字填入格式规定的行。",
         "Remove rows the template does not have, or put their numbers in the template's rows."},
        {Msg::CellCountCount, "{table}“{row}”一行应有 {expected} 个数，读到 {found} 个。",
         "{table_en}, row 「{row}」: {expected} {expected|number|numbers} expected, {found} found.",
         "核对这一行，删去多余的数或补上缺少的数。",
         "Check the row: remove the extra numbers or add the missing ones."},
        {Msg::CellGluedTable, "{table}有 {count} 行的数字在复制时粘连在一起，已按唯一可行的拆法读取：{readings}。",
         "{table_en}: the digits of {count} {count|row|rows} ran together in the copy; each was read by the only split that fits: {readings_en}.",
         "",
         ""},
        {Msg::CellAmbiguousSeveral, "{table}“{row}”的数字“{raw}”粘连在一起，有 {count} 种拆法都说得通（{readings}），本行未参与核对。",
         "{table_en}, row 「{row}」: the digits 「{raw}」 ran together and {count} {count|split fits|splits fit} ({readings_en}); the row is left out of the checks.",
         "核对原表，用空格或表格把这一行的各个数分开。",
         "Check the original table and separate the row's numbers."},
        {Msg::CellAmbiguousNone, "{table}“{row}”的数字“{raw}”粘连在一起，没有一种拆法能使合计成立（个数相符的拆法如：{readings}），本行未参与核对。",
         "{table_en}, row 「{row}」: the digits 「{raw}」 ran together and no split makes the sums hold (splits with the right count: {readings_en}); the row is left out of the checks.",
         "核对原表，用空格或表格把这一行的各个数分开，并核对合计。",
         "Check the original table, separate the row's numbers and check its sums."},
        {Msg::CellAmbiguousUnsplit, "{table}“{row}”的数字“{raw}”粘连在一起，无法拆分，本行未参与核对。",
         "{table_en}, row 「{row}」: the digits 「{raw}」 ran together and cannot be split; the row is left out of the checks.",
         "核对原表，用空格或表格把这一行的各个数分开。",
         "Check the original table and separate the row's numbers."},
        {Msg::CellAmbiguousOrder, "{table}“{row}”的数字与行名在复制时分开了，一数一行，按行读是 {by_rows}，按列读是 {by_columns}，无法判断，本行未参与核对。",
         "{table_en}, row 「{row}」: the copy put the numbers apart from the labels, one a line; read by rows they are {by_rows}, by columns {by_columns}, and nothing tells which; the row is left out of the checks.",
         "核对原表这一行的数字。",
         "Check the row's numbers in the original table."},
        {Msg::TableByOrderTable, "{table}的行名与数字在复制时分开了，{count} 行数字按格式的行序读取（第一行：“{row}”）。",
         "{table_en}: the copy put the row labels apart from the numbers; {count} {count|row|rows} of numbers were read in the template's row order (first: 「{row}」).",
         "核对原表，确认各行数字对应的行名。",
         "Check the original table: which label each row of numbers belongs to."},
        {Msg::CellValueInvalid, "{table}“{row}”·{column}：“{raw}”不是有效的{kind}。",
         "{table_en}, 「{row}」 · {column}: 「{raw}」 is not a valid {kind_en}.",
         "改为{kind}，例如 0。",
         "Write a {kind_en}, such as 0."},
        {Msg::CellValueOverflow, "{table}“{row}”·{column}：“{raw}”数值过大，无法处理。",
         "{table_en}, 「{row}」 · {column}: 「{raw}」 is too large to be a count.",
         "核对这个数字。",
         "Check this number."},
        {Msg::CellBlankBlank, "{table}“{row}”·{column} 是空白（{raw}），按 0 计算；格式要求填 0。",
         "{table_en}, 「{row}」 · {column} is blank{raw_en}; read as 0. The template asks for 0.",
         "填 0。",
         "Write 0."},
        {Msg::CellBlankRow, "{table}“{row}”一行有 {count} 个单元格空白（{columns}），按 0 计算；格式要求填 0。",
         "{table_en}, 「{row}」: {count} {count|cell is|cells are} blank ({columns_en}); read as 0. The template asks for 0.",
         "空白处填 0。",
         "Write 0 in the blank cells."},
        {Msg::CellBlankTable, "{table}有 {count} 个单元格空白或写作“—”“/”之类（{rows} 行；第一个：“{row}”·{column}），均按 0 计算；格式要求填 0。",
         "{table_en}: {count} {count|cell is|cells are} blank or written as 「—」, 「/」 or the like (in {rows} {rows|row|rows}; first: 「{row}」 · {column}); each is read as 0. The template asks for 0.",
         "空白处填 0。",
         "Write 0 in the blank cells."},
        {Msg::CellBlankLineRow, "{table}“{row}”一行有 {count} 个单元格空白（{columns}）；{why}，空白不是 0，与它们有关的合计未作核对。",
         "{table_en}, 「{row}」: {count} {count|cell is|cells are} blank ({columns_en}); {why_en}, so a blank is not 0, and the sums through them were not checked.",
         "按实际数量填写这些单元格（表格只给出了它们的合计，推算不出各项）。",
         "Fill in the actual counts (the table gives only their total, not the parts)."},
        {Msg::CellBlankLineColumn, "{table}“{column}”列有 {count} 个单元格空白（{rows}）；{why}，空白不是 0，与它们有关的合计未作核对。",
         "{table_en}, column 「{column}」: {count} {count|cell is|cells are} blank ({rows_en}); {why_en}, so a blank is not 0, and the sums through them were not checked.",
         "按实际数量填写这些单元格（表格只给出了它们的合计，推算不出各项）。",
         "Fill in the actual counts (the table gives only their total, not the parts)."},
        {Msg::CellFullwidthFullwidth, "{table}“{row}”·{column} 用了全角数字“{raw}”，按 {value} 读取。",
         "{table_en}, 「{row}」 · {column} uses full-width digits 「{raw}」, read as {value}.",
         "改为半角数字 {value}。",
         "Use ASCII digits: {value}."},
        {Msg::CellFullwidthTable, "{table}有 {count} 个数字用了全角字符（第一个：“{row}”·{column}“{raw}”），均按数值读取。",
         "{table_en}: {count} {count|number uses|numbers use} full-width digits (first: 「{row}」 · {column} 「{raw}」); each is read as its value.",
         "改为半角数字。",
         "Use ASCII digits."},
    };
    return m;
}

Params table_params(const Table& t) {
    return {{"table", table_name_zh(t.number)}, {"table_en", table_name_en(t.number)},
            {"numeral", section_numeral(t.number)}, {"number", std::to_string(t.number)},
            {"name", t.spec ? std::string(t.spec->name) : ""}};
}

// A row with several blank cells (a web page's table left empty where the
// template asks for 0) gives one finding naming them, not one per cell.
void report_blank_row(const Table& t, const Row& row, const std::vector<size_t>& blank, Emitter& out) {
    Params p = table_params(t);
    p["row"] = row_name(*row.spec);
    p["count"] = std::to_string(blank.size());
    std::string columns, columns_en;
    for (size_t k : blank) {
        const std::string name = column_name(*t.spec, *row.spec, static_cast<int>(k));
        columns += (columns.empty() ? "" : "、") + name;
        columns_en += (columns_en.empty() ? "" : ", ") + quoted_en(name);
    }
    p["columns"] = columns;
    p["columns_en"] = columns_en;
    Finding& f = out.emit(Msg::CellBlankRow, row.span, p);
    for (size_t k : blank)
        f.cells.push_back({t.number, std::string(row.spec->key), static_cast<int>(k), row.cells[k].span, ""});
}

const std::vector<FixSpec>& fixes() {
    static const std::vector<FixSpec> f = {
        {Fix::BlankLineValues, "应填：{values}。", "Should read: {values_en}."},
    };
    return f;
}

// A whole row or column left blank where the sums say it is not 0: one
// finding, with the values the table determines as the fix.
void report_blank_line(const Table& t, const BlankLine& line, Emitter& out) {
    Params p = table_params(t);
    p["count"] = std::to_string(line.cells.size());
    std::string names, values, names_en, values_en;
    size_t determined = 0, shown_names = 0, shown_values = 0;
    bool totals = false;
    for (size_t i = 0; i < line.cells.size(); ++i) {
        const Term& c = line.cells[i];
        const Row& row = t.rows[c.row];
        const std::string name = line.is_column ? row_name(*row.spec) : column_name(*t.spec, *row.spec, c.column);
        if (shown_names++ < 6) {
            names += (names.empty() ? "" : "、") + name;
            names_en += (names_en.empty() ? "" : ", ") + quoted_en(name);
        }
        if (!line.values[i]) continue;
        totals = true;
        ++determined;
        if (*line.values[i] == 0) continue;  // listed together: 其余填 0
        if (shown_values++ < 6) {
            values += (values.empty() ? "" : "、") + name + " " + std::to_string(*line.values[i]);
            values_en += (values_en.empty() ? "" : ", ") + quoted_en(name) + " " + std::to_string(*line.values[i]);
        }
    }
    if (shown_names > 6) {
        names += "等";
        names_en += ", …";
    }
    if (shown_values > 6) {
        values += "……";
        values_en += ", …";
    }
    if (determined > shown_values) {
        values += shown_values > 0 ? "，其余填 0" : "0";
        values_en += shown_values > 0 ? ", the others 0" : "0";
    }
    if (determined < line.cells.size()) {
        values += "，其余按实际数量填写";
        values_en += "; the others as actually counted";
    }
    p["why"] = totals ? "它们是合计，各项之和不是 0" : "它们是各项，合计却不是 0";
    p["why_en"] = totals ? "they are totals and their parts add up to more than 0" : "they are parts of a total above 0";
    p["values"] = values;
    p["values_en"] = values_en;
    const Row& first = t.rows[line.row];
    Span at = first.span;
    if (line.is_column) {
        p["column"] = column_name(*t.spec, *first.spec, line.column);
        p["rows"] = names;
        p["rows_en"] = names_en;
    } else {
        p["row"] = row_name(*first.spec);
        p["columns"] = names;
        p["columns_en"] = names_en;
    }
    const Msg msg = line.is_column ? Msg::CellBlankLineColumn : Msg::CellBlankLineRow;
    Finding& f = determined > 0 ? out.emit(msg, Fix::BlankLineValues, at, p) : out.emit(msg, at, p);
    for (size_t i = 0; i < line.cells.size(); ++i) {
        const Term& c = line.cells[i];
        const Row& row = t.rows[c.row];
        f.cells.push_back({t.number, std::string(row.spec->key), c.column, row.cells[c.column].span,
                           line.values[i] ? std::to_string(*line.values[i]) : ""});
    }
}

std::string reading_text(const std::vector<int64_t>& reading) {
    std::string s;
    for (int64_t v : reading) s += (s.empty() ? "" : " ") + std::to_string(v);
    return s;
}

// One finding per table for the rows read from glued digits, with each reading.
void report_glued(const Table& t, Emitter& out) {
    std::string readings, readings_en;
    int count = 0;
    Finding* f = nullptr;
    Span first;
    for (const Row& row : t.rows) {
        if (row.glued != Row::Glued::Read) continue;
        if (++count == 1) first = row.glued_span;
        if (count <= 6) {
            std::vector<int64_t> values;
            for (const Cell& c : row.cells) values.push_back(c.value);
            const std::string split = row.glued_raw + " → " + reading_text(values);
            readings += (readings.empty() ? "" : "；") + std::string("“") + row_name(*row.spec) + "”" + split;
            readings_en += (readings_en.empty() ? "" : "; ") + quoted_en(row_name(*row.spec)) + " " + split;
        }
    }
    if (count == 0) return;
    if (count > 6) {
        readings += "；……";
        readings_en += "; …";
    }
    Params p = table_params(t);
    p["count"] = std::to_string(count);
    p["readings"] = readings;
    p["readings_en"] = readings_en;
    f = &out.emit(Msg::CellGluedTable, first, p);
    for (const Row& row : t.rows)
        if (row.glued == Row::Glued::Read)
            for (size_t k = 0; k < row.cells.size(); ++k)
                f->cells.push_back({t.number, std::string(row.spec->key), static_cast<int>(k), row.cells[k].span,
                                    std::to_string(row.cells[k].value)});
}

// One finding per table for the rows read by their order, at the first.
void report_by_order(const Table& t, Emitter& out) {
    const Row* first = nullptr;
    int count = 0;
    for (const Row& row : t.rows)
        if (row.by_order && count++ == 0) first = &row;
    if (!first) return;
    Params p = table_params(t);
    p["count"] = std::to_string(count);
    p["row"] = row_name(*first->spec);
    out.emit(Msg::TableByOrderTable, first->span, p);
}

void report_ambiguous(const Table& t, const Row& row, Params& p, Emitter& out) {
    (void)t;
    p["raw"] = row.glued_raw;
    std::string readings, readings_en;
    for (const auto& r : row.glued_candidates) {
        readings += (readings.empty() ? "" : "；") + reading_text(r);
        readings_en += (readings_en.empty() ? "" : "; ") + reading_text(r);
    }
    if (row.glued_candidate_count > row.glued_candidates.size()) {
        readings += "；……";
        readings_en += "; …";
    }
    p["readings"] = readings;
    p["readings_en"] = readings_en;
    p["count"] = std::to_string(row.glued_candidate_count);
    if (row.order_open && row.glued_candidates.size() == 2) {
        p["by_rows"] = reading_text(row.glued_candidates[0]);
        p["by_columns"] = reading_text(row.glued_candidates[1]);
        out.emit(Msg::CellAmbiguousOrder, row.glued_span, p);
        return;
    }
    const Msg msg = row.glued_candidate_count > 0 ? Msg::CellAmbiguousSeveral
                    : row.glued_candidates.empty()  ? Msg::CellAmbiguousUnsplit
                                                    : Msg::CellAmbiguousNone;
    out.emit(msg, row.glued_span, p);
}

// The blank cells read as 0 (not those of a blank line, which say so
// themselves), row by row: {row, column}.
std::vector<std::pair<size_t, size_t>> zero_blanks(const Table& t, const BlankLines& lines) {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t j = 0; j < t.rows.size(); ++j) {
        const Row& row = t.rows[j];
        if (!row.found || row.glued == Row::Glued::Ambiguous) continue;
        for (size_t k = 0; k < row.cells.size(); ++k)
            if (row.cells[k].status == CellStatus::Blank && !lines.contains({t.number, j, static_cast<int>(k)}))
                out.push_back({j, k});
    }
    return out;
}

// Blanks in several rows are one habit of the table (a web page that leaves
// its zeros empty, a clerk who writes — for none): one finding for the table,
// naming the first and carrying every cell. True when it was reported.
bool report_blank_table(const Table& t, const BlankLines& lines, Emitter& out) {
    const auto blanks = zero_blanks(t, lines);
    size_t rows = 0;
    for (size_t i = 0; i < blanks.size(); ++i) rows += i == 0 || blanks[i].first != blanks[i - 1].first;
    if (rows < 2) return false;
    const Row& first = t.rows[blanks.front().first];
    const size_t first_column = blanks.front().second;
    Params p = table_params(t);
    p["row"] = row_name(*first.spec);
    p["column"] = column_name(*t.spec, *first.spec, static_cast<int>(first_column));
    p["count"] = std::to_string(blanks.size());
    p["rows"] = std::to_string(rows);
    const Span at = first.cells[first_column].span.empty() ? first.span : first.cells[first_column].span;
    Finding& f = out.emit(Msg::CellBlankTable, at, p);
    for (const auto& [j, k] : blanks)
        f.cells.push_back({t.number, std::string(t.rows[j].spec->key), static_cast<int>(k), t.rows[j].cells[k].span, ""});
    return true;
}

void check_cells(const Table& t, size_t j, const BlankLines& lines, bool table_blanks_reported, Emitter& out) {
    const Row& row = t.rows[j];
    // Blanks of a blank line are that line's finding.
    auto in_line = [&](size_t k) { return lines.contains({t.number, j, static_cast<int>(k)}); };
    std::vector<size_t> blank;
    for (size_t k = 0; k < row.cells.size(); ++k)
        if (row.cells[k].status == CellStatus::Blank && !in_line(k)) blank.push_back(k);
    const bool blank_row = blank.size() >= 2 && !table_blanks_reported;
    if (blank_row) report_blank_row(t, row, blank, out);
    for (size_t k = 0; k < row.cells.size(); ++k) {
        const Cell& c = row.cells[k];
        if (c.status == CellStatus::Blank && (blank_row || table_blanks_reported || in_line(k))) continue;
        const bool reported = c.status == CellStatus::Invalid || c.status == CellStatus::Overflow ||
                              c.status == CellStatus::Blank;
        if (!reported) continue;  // most cells: nothing to say, nothing to build
        Params p = table_params(t);
        p["row"] = row_name(*row.spec);
        p["column"] = column_name(*t.spec, *row.spec, static_cast<int>(k));
        p["raw"] = c.raw.empty() ? "空" : c.raw;
        CellRef ref{t.number, std::string(row.spec->key), static_cast<int>(k), c.span, ""};
        if (c.status == CellStatus::Invalid) {
            bool money = row.spec->decimal;
            p["kind"] = money ? "金额" : "非负整数";
            p["kind_en"] = money ? "amount" : "non-negative whole number";
            out.emit(Msg::CellValueInvalid, c.span, p).cells.push_back(ref);
        } else if (c.status == CellStatus::Overflow) {
            out.emit(Msg::CellValueOverflow, c.span, p).cells.push_back(ref);
        } else if (c.status == CellStatus::Blank) {
            Span at = c.span.empty() ? row.span : c.span;
            p["raw"] = c.raw.empty() ? "空单元格" : "“" + c.raw + "”";
            p["raw_en"] = c.raw.empty() ? "" : " (" + quoted_en(c.raw) + ")";
            out.emit(Msg::CellBlankBlank, at, p).cells.push_back(ref);
        }
    }
}

// Full-width digits are one habit of the copy, not a fault of each cell:
// one finding per table, naming the first and carrying every cell.
void report_fullwidth(const Table& t, Emitter& out) {
    std::vector<CellRef> refs;
    const Row* first_row = nullptr;
    size_t first_column = 0;
    for (const Row& row : t.rows)
        for (size_t k = 0; k < row.cells.size(); ++k) {
            const Cell& c = row.cells[k];
            if (c.status != CellStatus::Ok || !c.fullwidth) continue;
            if (!first_row) {
                first_row = &row;
                first_column = k;
            }
            refs.push_back({t.number, std::string(row.spec->key), static_cast<int>(k), c.span,
                            c.decimal ? c.raw : std::to_string(c.value)});
        }
    if (!first_row) return;
    const Cell& first = first_row->cells[first_column];
    Params p = table_params(t);
    p["row"] = row_name(*first_row->spec);
    p["column"] = column_name(*t.spec, *first_row->spec, static_cast<int>(first_column));
    p["raw"] = first.raw;
    p["value"] = first.decimal ? first.raw : std::to_string(first.value);
    p["count"] = std::to_string(refs.size());
    Finding& f = out.emit(refs.size() == 1 ? Msg::CellFullwidthFullwidth : Msg::CellFullwidthTable, first.span, p);
    f.cells = std::move(refs);
}

// The row right before template row j that was found, for placing a
// "missing row" finding where the row should have been.
Span place_for(const Table& t, size_t j) {
    for (size_t k = j; k-- > 0;)
        if (t.rows[k].found) return t.rows[k].span;
    for (size_t k = j + 1; k < t.rows.size(); ++k)
        if (t.rows[k].found) return t.rows[k].span;
    return t.span;
}

// Rows of numbers that match no template row while every template row was
// found: rows the template does not have (a missing row with a reworded
// label is row-missing's business). One finding for all of them, at the first.
void report_extra_rows(const Report& r, const Table& t, Emitter& out) {
    for (const Row& row : t.rows)
        if (row.spec->cells > 0 && !row.found) return;
    const Unread* first = nullptr;
    size_t count = 0;
    for (const Unread& u : r.unread) {
        if (u.unmatched_row_of != t.number) continue;
        if (count++ == 0) first = &u;
    }
    if (!first) return;
    Params p = table_params(t);
    std::string raw = r.source.substr(first->span.begin, first->span.size());
    raw = raw.substr(0, raw.find('\n'));
    if (raw.size() > 60) {  // cut at a character boundary
        size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
        raw = raw.substr(0, cut) + "…";
    }
    p["raw"] = raw;
    p["count"] = std::to_string(count);
    out.emit(Msg::RowLabelExtra, first->span, p);
}

void check_table(const Context& ctx, const Table& t, Emitter& out) {
    const Report& r = ctx.report;
    if (!t.found) {
        const Section& s = r.section(t.number);
        Span at = s.found ? s.heading_span : Span{0, 0};
        out.emit(Msg::TableMissingMissing, at, table_params(t));
        return;
    }
    const TableSpec& spec = *t.spec;
    if (t.scattered) {
        out.emit(Msg::TableUnreadableOrder, t.span, table_params(t));
        return;
    }
    if (t.unplaced.size() >= Table::kUnplacedUnread) {
        // Labels apart from numbers not in rows: one finding, nothing of the table checked.
        Params p = table_params(t);
        p["count"] = std::to_string(t.unplaced.size());
        std::string rows, rows_en;
        for (size_t i = 0; i < t.unplaced.size() && i < 4; ++i) {
            rows += (rows.empty() ? "" : "、") + std::string("“") + row_name(spec.rows[t.unplaced[i]]) + "”";
            rows_en += (rows_en.empty() ? "" : ", ") + quoted_en(row_name(spec.rows[t.unplaced[i]]));
        }
        if (t.unplaced.size() > 4) {
            rows += "等";
            rows_en += ", …";
        }
        p["rows"] = rows;
        p["rows_en"] = rows_en;
        out.emit(Msg::TableUnreadableLabels, t.span, p);
        return;
    }
    const BlankLines& lines = blank_lines(ctx);
    const bool table_blanks = report_blank_table(t, lines, out);
    // Rows not read: found, with too few or too many numbers (a row of glued
    // digits has its own finding). A third or more of the data rows (two at
    // least) and the table cannot be read reliably: one finding, not one a row.
    int data_rows = 0;
    std::vector<const Row*> misread;
    for (size_t j = 0; j < t.rows.size(); ++j) {
        const Row& row = t.rows[j];
        if (spec.rows[j].cells == 0 && !row.collapsed_group) continue;
        ++data_rows;
        if (row.found && row.glued != Row::Glued::Ambiguous && !row_read(row)) misread.push_back(&row);
    }
    const bool unreadable = misread.size() >= 2 && 3 * misread.size() >= static_cast<size_t>(data_rows);
    if (unreadable) {
        Params p = table_params(t);
        p["count"] = std::to_string(misread.size());
        p["total"] = std::to_string(data_rows);
        std::string rows, rows_en;
        for (size_t i = 0; i < misread.size() && i < 4; ++i) {
            rows += (rows.empty() ? "" : "、") + std::string("“") + row_name(*misread[i]->spec) + "”";
            rows_en += (rows_en.empty() ? "" : ", ") + quoted_en(row_name(*misread[i]->spec));
        }
        if (misread.size() > 4) {
            rows += "等";
            rows_en += ", …";
        }
        p["rows"] = rows;
        p["rows_en"] = rows_en;
        // From the first misread row in the text to the last: rows given out
        // of the template's order (placed by label) are not in text order.
        Span span = misread.front()->span;
        for (const Row* row : misread) {
            span.begin = std::min(span.begin, row->span.begin);
            span.end = std::max(span.end, row->span.end);
        }
        out.emit(Msg::TableUnreadableRows, span, p);
    }
    for (size_t j = 0; j < t.rows.size(); ++j) {
        const Row& row = t.rows[j];
        const RowSpec& rs = spec.rows[j];
        // The message parameters, built only for a row that has something to report.
        std::optional<Params> params;
        auto p = [&]() -> Params& {
            if (!params) {
                params = table_params(t);
                (*params)["row"] = row_name(rs);
            }
            return *params;
        };
        if (rs.cells == 0) {
            if (!row.collapsed_group) continue;
            // A group given as one row (2019 style): one finding for the group.
            std::string subrows, subrows_en;
            int count = 0;
            bool any_found = false;
            std::string group = std::string(rs.marker) + std::string(rs.label);
            for (size_t k = j + 1; k < spec.rows.size() && spec.rows[k].parent == group; ++k) {
                const std::string name = std::string(spec.rows[k].marker) + std::string(spec.rows[k].label);
                subrows += (subrows.empty() ? "" : "、") + name;
                subrows_en += (subrows_en.empty() ? "" : ", ") + quoted_en(name);
                ++count;
                any_found |= t.rows[k].found;
            }
            p()["count"] = std::to_string(count);
            p()["subrows"] = subrows;
            p()["subrows_en"] = subrows_en;
            if (!any_found) out.emit(Msg::RowMissingCollapsed, row.span, p());
        } else if (!row.found) {
            // Rows of a collapsed group are reported once, with the group.
            bool collapsed = false;
            for (size_t k = 0; k < j; ++k)
                if (t.rows[k].collapsed_group && std::string(spec.rows[k].marker) + std::string(spec.rows[k].label) == rs.parent)
                    collapsed = true;
            if (!collapsed) out.emit(Msg::RowMissingMissing, place_for(t, j), p());
            continue;
        }
        if (!row.found) continue;
        if (row.label_differs) {
            p()["raw"] = row.raw_label;
            p()["official"] = std::string(rs.marker) + std::string(rs.label);
            out.emit(Msg::RowLabelRow, row.label_span, p());
        }
        if (row.glued == Row::Glued::Ambiguous) {
            report_ambiguous(t, row, p(), out);
            continue;
        }
        int expected = static_cast<int>(row.cells.size());
        if (!unreadable && (row.numbers_found != expected || !row.extra.empty())) {
            p()["expected"] = std::to_string(expected);
            p()["found"] = std::to_string(row.numbers_found);
            out.emit(Msg::CellCountCount, row.span, p());
        }
        check_cells(t, j, lines, table_blanks, out);
    }
    for (const BlankLine& line : lines.lines)
        if (line.table == t.number) report_blank_line(t, line, out);
    for (const auto& h : t.headers) {
        if (!label_deviates(canonical_label(h.raw), canonical_label(h.official))) continue;
        Params p = table_params(t);
        p["block"] = h.block;
        p["raw"] = h.raw;
        p["official"] = h.official;
        out.emit(Msg::RowLabelColumn, h.span, p);
    }
    report_extra_rows(r, t, out);
    report_glued(t, out);
    report_fullwidth(t, out);
    report_by_order(t, out);
}

void run(const Context& ctx, Emitter& out) {
    for (int n : {2, 3, 4}) check_table(ctx, ctx.report.table(n), out);
}

}  // namespace

const RuleCheck& tables_checks() {
    static const RuleCheck check{docs(), messages(), fixes(), run};
    return check;
}

}  // namespace nianbao
