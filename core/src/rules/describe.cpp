#include "rules/describe.h"

namespace nianbao {

std::string section_numeral(int number) {
    static const char* n[] = {"一", "二", "三", "四", "五", "六"};
    return number >= 1 && number <= 6 ? n[number - 1] : "?";
}

std::string table_name_zh(int number) { return "表" + section_numeral(number); }
std::string table_name_en(int number) { return "Table " + std::to_string(number); }

std::string quoted_en(std::string_view text) { return "「" + std::string(text) + "」"; }

std::string row_name(const RowSpec& row) {
    std::string name = std::string(row.marker) + std::string(row.label);
    // Sub-items (1. 2. …) repeat across groups: name the group too.
    if (!row.parent.empty() && !row.marker.empty() && row.marker[0] >= '0' && row.marker[0] <= '9')
        name = std::string(row.parent) + " · " + name;
    return name;
}

std::string column_name(const TableSpec& table, const RowSpec& row, int column) {
    if (!row.columns.empty())
        return column >= 0 && column < static_cast<int>(row.columns.size()) ? std::string(row.columns[column]) : "";
    if (column < 0 || column >= static_cast<int>(table.columns.size())) return "";
    const ColumnSpec& c = table.columns[column];
    if (c.group == "法人或其他组织" || table.number == 4) return std::string(c.group) + " · " + std::string(c.label);
    return std::string(c.label);
}

}  // namespace nianbao
