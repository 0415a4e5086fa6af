// date-invalid: dates that cannot exist, and a signature before the year ends.
#include <string>

#include "meta/dates.h"
#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::DateInvalid, Severity::Error)
            .title("日期不存在或不合理", "Impossible date")
            .checks("文中有不存在的日期（如“2025年2月30日”“2025年2月29日”“13月”），或落款日期早于报告年度结束（2024 年度报告落款"
                    "“2024年3月1日”）。",
                    "A date that cannot exist (2025年2月30日) or that lies before the report year ends.")
            .matters("不存在的日期多是笔误；年度未结束就形成的年度报告不可能包含全年数据。",
                     "Impossible dates are typos that undermine the whole report.")
            .for_example("2025年2月30日",
                         "「2025年2月30日」 (30 February 2025)")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::DateInvalidMonth, "日期“{raw}”不存在：没有 {month} 月。",
         "The date 「{raw}」 cannot exist: there is no month {month}.",
         "核对这个日期。",
         "Check this date."},
        {Msg::DateInvalidDay, "日期“{raw}”不存在：{year}年{month}月只有 {days} 天。",
         "The date 「{raw}」 cannot exist: month {month} of {year} has {days} days.",
         "核对这个日期。",
         "Check this date."},
        {Msg::DateInvalidDayNoyear, "日期“{raw}”不存在：{month}月最多 {days} 天。",
         "The date 「{raw}」 cannot exist: month {month} has at most {days} days.",
         "核对这个日期。",
         "Check this date."},
        {Msg::DateInvalidBeforeYearEnd, "落款日期“{raw}”早于报告年度（{year}年）结束，年度报告不可能在年度结束前形成。",
         "The report is signed 「{raw}」, before the report year {year} has ended.",
         "核对落款日期（应为 {next_year} 年的日期）或标题中的报告年度。",
         "Check the date (it should fall in {next_year}) or the report year in the title."},
    };
    return m;
}

void check_dates(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    for (const Date& d : r.dates) {
        if (d.valid) continue;
        // "2024.3.45" in a standard's number is no date; a written-out date
        // (年/月) or a near miss such as 2025-02-30 is.
        const bool written = contains(d.raw, "月");
        if (!written && (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)) continue;
        Params p = {{"raw", d.raw}, {"year", std::to_string(d.year)}, {"month", std::to_string(d.month)}};
        const int days = days_in_month(d.year, d.month);
        p["days"] = std::to_string(days);
        out.emit(days == 0 ? Msg::DateInvalidMonth : d.year ? Msg::DateInvalidDay : Msg::DateInvalidDayNoyear, d.span, p);
    }
    if (r.signed_date && r.signed_date->valid && r.year) {
        const Date& s = *r.signed_date;
        const bool before_end = s.year < r.year || (s.year == r.year && !(s.month == 12 && s.day == 31));
        if (before_end)
            out.emit(Msg::DateInvalidBeforeYearEnd, s.span,
                     {{"raw", s.raw}, {"year", std::to_string(r.year)}, {"next_year", std::to_string(r.year + 1)}});
    }
}

}  // namespace

const RuleCheck& date_invalid_check() {
    static const RuleCheck check{docs(), messages(), {}, check_dates};
    return check;
}

}  // namespace nianbao
