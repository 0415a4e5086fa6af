// How findings name tables, rows and columns, in Chinese and English.
#pragma once

#include <string>
#include <string_view>

#include "nianbao/model.h"

namespace nianbao {

std::string table_name_zh(int number);   // 表二
std::string table_name_en(int number);   // Table 2
// （三）不予公开 · 1.属于国家秘密
std::string row_name(const RowSpec& row);
// 法人或其他组织 · 商业企业 / 行政复议 · 总计 / 本年制发件数
std::string column_name(const TableSpec& table, const RowSpec& row, int column);
std::string section_numeral(int number);  // 一 … 六
// Chinese text named in an English message: 「…」. Lists of such names are
// joined by ", " there (a label may hold 、 itself), by 、 in Chinese.
std::string quoted_en(std::string_view text);

}  // namespace nianbao
