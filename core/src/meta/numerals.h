// Numbers in report text: Chinese numerals (十二, 二〇二四, 叁万), Arabic
// numbers with thousands separators, and the counts written in running
// sentences ("共受理申请 3119 件", "十二件", "17.46%").
//
// Pure functions over UTF-8 text: no I/O, no exceptions, linear time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "nianbao/text.h"

namespace nianbao {

// A whole string written in Chinese numerals:
//   unit forms   十二 = 12, 二十 = 20, 一百零五 = 105, 两千 = 2000,
//                三万五千 = 35000, 一亿二千万 = 120000000,
//                colloquial 一百五 = 150, 三万五 = 35000;
//   digit by digit (no unit characters) 二〇二四 = 2024, 二零二四 = 2024;
//   大写 financial and traditional forms 壹贰叁肆伍陆柒捌玖拾佰仟萬億.
// nullopt for an empty string, any other character, malformed unit order
// (十十, 二十三十) or int64 overflow.
std::optional<int64_t> parse_chinese_number(std::string_view s);

// A whole string of ASCII or full-width digits, optionally grouped by
// thousands with ',' or '，' ("3,119", "3，119", "1,234,567"). The grouping
// must be valid: first group 1-3 digits without a leading zero, then groups of
// exactly 3, one separator character throughout. No sign, no decimal point,
// no spaces. nullopt on anything else or on overflow past INT64_MAX.
std::optional<int64_t> parse_arabic_number(std::string_view s);

struct NumberMention {
    // The number scaled to an integer: the written value is
    // value / 10^decimals ("17.46%" -> 1746 with decimals 2; "3119" -> 3119
    // with decimals 0). A 万/亿 (or 百/千) multiplier after Arabic digits is
    // applied ("1.2万次" -> 12000, decimals 0), except in the money units
    // 万元 and 亿元, which are kept as the unit ("5000万元" -> 5000, "万元").
    int64_t value = 0;
    // The number as written, separators, decimal point and multiplier
    // included ("3,119", "17.46", "1.2万", "十二"); never the unit.
    Span span;
    // Canonical unit, a string literal (static storage, not a view into the
    // text): one of 件 条 个 次 期 场 篇 项 人次 元 万元 亿元 %, or "" when
    // none follows. Full-width ％ is reported as "%".
    std::string_view unit;
    Span unit_span;    // where the unit is written; empty when unit is ""
    int decimals = 0;  // digits after the decimal point still in `value`
    bool chinese = false;  // written in Chinese numerals
    // (Field order keeps this at 48 bytes: a 10 MB report has a million.)
};

// Every number used as a count or amount in running text, in text order.
//  * Arabic numbers are reported with or without a unit (spaces allowed
//    between the number and its unit: "28 条"); Chinese numerals only when a
//    counting unit follows ("十二件"), since bare Chinese numerals are mostly
//    words (一般, 统一, 十分).
//  * Not reported: parts of dates and times (2024年, 1月, 26日, 30号, 9时,
//    2025-01-26, 2025.1.26), dotted chains (1.2.3), ordinals (第3条,
//    第十二条), list markers (1. / 1、 / （1）), bracketed document-number
//    years (〔2021〕), phone numbers, postcodes and codes after a label
//    (电话：, 邮编, 索引号, 热线12345), digits glued to letters or joined by
//    - / : _ @ to other alphanumerics, zero-padded runs (0952, 00123), runs of
//    7+ digits without a unit, anything find_pii() reports, and numbers
//    that overflow int64.
// At most `max` mentions, the first ones.
std::vector<NumberMention> find_numbers(std::string_view text, size_t max = SIZE_MAX);

}  // namespace nianbao
