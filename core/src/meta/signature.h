// The date a report is signed (落款日期): the last date that stands on a line
// of its own, optionally after the body's name, at the end of the report
// (after section 六's heading, or among the last non-empty lines):
//
//     河曲县巡镇镇人民政府
//
//     2025年2月7日
//
// Dates inside sentences ("本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日")
// are not the signature.
//
// Pure functions over the source text: no I/O, no exceptions, linear time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "meta/dates.h"
#include "nianbao/model.h"

namespace nianbao {

// How many non-empty lines at the end of the text are searched even when
// section 六 was not found (or comes early, as in Shanghai's order).
constexpr int kSignatureTailLines = 8;

// Index into `dates` (find_dates(source), in text order) of the signed date,
// or -1. `tail_begin` is the source offset where section 六's heading ends
// (source.size() or more when there is none): dates after it are candidates,
// as are dates in the last kSignatureTailLines non-empty lines.
int find_signature(std::string_view source, const std::vector<DateMention>& dates, size_t tail_begin);

// Is [begin, end) (a date in `source`) alone on its line, apart from a
// body name before it ("河曲县巡镇镇人民政府 2025年2月7日"), a label such as
// "发布日期：", Markdown emphasis and spaces?
bool date_stands_alone(std::string_view source, size_t begin, size_t end);

// Where the body's name stands on the signature of the date [begin, end):
// before it on its line ("河曲县巡镇镇人民政府 2025年2月7日"), or alone on the
// non-empty line above it; an empty span when there is none (a label, a
// sentence, a seal "（盖章）").
Span find_signature_body(std::string_view source, size_t begin, size_t end);

// How many non-empty lines at the top are searched for a publication date.
constexpr int kPublishedHeadLines = 8;

// Index into `dates` of the first date in the first kPublishedHeadLines
// non-empty lines (and before `head_end`) that a label such as "发布日期："
// or "发布时间:" introduces, optionally followed by a time of day; or -1.
int find_published(std::string_view source, const std::vector<DateMention>& dates, size_t head_end);

// Fill report.dates (every date in the source), report.signed_date and, when
// there is no signed date, report.published_date, from report.source and
// the sections' headings.
void read_dates(Report& report);

}  // namespace nianbao
