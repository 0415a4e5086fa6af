// Dates and years in report text: "2025年1月26日", "2025 年 1 月 26 日",
// "2025-01-26", "2025.1.26", "2025/1/26", "二〇二五年元月二十六日", and year
// mentions such as "2024年", "2024 年度", "二〇二四年".
//
// Pure functions over UTF-8 text: no I/O, no exceptions, linear time.
#pragma once

#include <string_view>
#include <vector>

#include "nianbao/model.h"
#include "nianbao/text.h"

namespace nianbao {

struct DateMention {
    // 0 when the date is written without a year ("12月31日") and none could
    // be carried over from the start of a range (see year_inherited).
    int year = 0;
    int month = 0;
    int day = 0;
    Span span;  // the whole date as written, spaces inside included
    // The date exists: month 1..12, day within the month (2024-02-29 yes,
    // 2025-02-29 no). Without a year, 2月29日 counts as valid.
    bool valid = false;
    // A month-day date ending a range whose start has a year:
    // "2024 年 1 月 1 日至 12 月 31 日" -> 12月31日 gets year 2024.
    bool year_inherited = false;
};

struct DateScan {
    std::vector<DateMention> dates;
    std::vector<YearMention> years;
};

bool is_leap(int year);

// 28..31; 0 if month is not 1..12. year 0 means unknown (February: 29).
int days_in_month(int year, int month);

// Every date in text order. Recognized:
//   Y年M月D日 / Y年M月D号 with optional spaces between the parts (PDF copies),
//     Y as 4 ASCII or full-width digits or 4 Chinese digits (二〇二五, 二零二五),
//     M and D as 1-2 digits or Chinese numerals (元月 = January);
//   M月D日 without a year (year 0, or inherited from the start of a range
//     joined by 至 / 到 / 起至 / - / — / ~);
//   Y-M-D, Y.M.D, Y/M/D (same separator twice, ASCII or full-width).
// Years outside 1949..2100 are not dates. A date glued to other digits,
// letters or separators ("1.2025.1.26", "2025-01-26-3", "X2025-01-26") is
// not reported. Impossible dates (2025年2月30日, month 13) are reported with
// valid = false.
std::vector<DateMention> find_dates(std::string_view text);

// Every "YYYY年" (optionally "YYYY 年度") whose year is 1949..2100 and that
// is not the start of a full Y年M月D日 date: "2024年，我镇…", "2024 年度",
// "二〇二四年", and the year of "2024年12月" (no day).
std::vector<YearMention> find_year_mentions(std::string_view text);

// Both of the above in one pass.
DateScan scan_dates(std::string_view text);

}  // namespace nianbao
