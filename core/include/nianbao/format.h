// The official report template as data (国办公开办函〔2021〕30号 and its
// 2019 predecessor). A new revision of the format is a new FormatSpec, not
// new code: one data file (core/src/format/format_<id>.cpp) and one entry in
// formats() (core/src/format/registry.cpp); the reader scores every revision
// and the rules only ever look things up here and in the model.
#pragma once

#include <string_view>
#include <vector>

namespace nianbao {

struct SectionSpec {
    int number;                    // 1..6
    std::string_view numeral;      // "一"
    std::string_view official;     // "总体情况"
    // Other wordings seen in real reports, accepted as the same section
    // (reported as section-title when they differ from `official`).
    std::vector<std::string_view> variants;
    // Words of which at least one must appear in a heading line for it to be
    // taken as this section's heading.
    std::vector<std::string_view> keywords;
};

// What a row of table 三 is, for the arithmetic (the table's own note).
enum class RowRole {
    None,
    NewApplications,   // 一、本年新收
    CarriedIn,         // 二、上年结转
    Result,            // a sub-row of 三、本年度办理结果 counted in （七）总计
    ResultTotal,       // （七）总计
    CarriedOut,        // 四、结转下年度继续办理
};

struct ColumnSpec {
    std::string_view key;     // stable id, e.g. "natural"
    std::string_view label;   // official wording
    std::string_view group;   // heading above it, e.g. "法人或其他组织"
};

struct RowSpec {
    std::string_view key;      // stable id, e.g. "t3.result.3.1"
    std::string_view marker;   // enumerator as printed: "一、", "（三）", "1."
    std::string_view label;    // official wording without the marker
    std::string_view parent;   // group label ("（三）不予公开"), empty at top level
    int cells;                 // data cells in this row; 0 for a group label
    RowRole role = RowRole::None;
    // Table 二: the block (第二十条第（X）项) and the column labels of that block.
    std::string_view block;
    std::vector<std::string_view> columns;
    bool decimal = false;      // amounts (万元) may have decimals
    bool signed_values = false;  // 2019: 本年增/减 may be negative
    // Index into `columns` of the cells that may be signed (2019 本年增/减).
    int signed_column = -1;
};

struct TableSpec {
    int number;                       // 2, 3 or 4 (the section it sits in)
    std::string_view name;            // "主动公开政府信息情况"
    std::vector<ColumnSpec> columns;  // table 三 and 四; empty for 二 (per row)
    std::vector<RowSpec> rows;        // data rows and group labels, in order
    // Index of the column with `key` ("direct.total"), -1 if none: rules name
    // columns by key, never by position.
    int column_index(std::string_view key) const;
};

struct FormatSpec {
    std::string_view id;       // "2021" or "2019"
    std::string_view basis;    // "国办公开办函〔2021〕30号"
    // The document number as cited: 〔citation_year〕citation_number号.
    std::string_view citation_year;    // "2021"
    std::string_view citation_number;  // "30"
    int first_year;            // first report year the format applies to
    int last_year = 0;         // last one (0: still in force)
    std::vector<SectionSpec> sections;
    TableSpec table2;
    TableSpec table3;
    TableSpec table4;
    // Words that only occur in this format's tables (to tell layouts apart).
    std::vector<std::string_view> signatures;
    const TableSpec& table(int number) const;
};

const FormatSpec& format_2021();
const FormatSpec& format_2019();
// Every revision of the template, the one in force first.
const std::vector<const FormatSpec*>& formats();
// The revision that applies to reports about `year` (2019, 2020 -> 2019);
// the one in force for a year before all of them or unknown (0).
const FormatSpec& format_for_year(int year);

}  // namespace nianbao
