// year-mismatch: the title year against the statistics period and the years
// the text names.
#include <map>
#include <string>

#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::YearMismatch, Severity::Error)
            .title("报告年度前后不一致", "Report year inconsistent")
            .checks("标题中的报告年度与统计期限（“本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日”）不一致，或正文从未提到标题年度、"
                    "却反复写另一个年度（多为沿用上一年的报告）。正文提到下一年的计划、上一年的决算属于正常。",
                    "The report year in the title disagrees with the statistics period or with the year the text reports on.")
            .matters("年度不一致说明标题写错，或正文套用了别的年度的报告，数据不可信。",
                     "A wrong year makes the report about the wrong period.")
            .for_example("标题“2024年政府信息公开工作年度报告”，正文“统计期限自2023年1月1日至2023年12月31日”",
                         "The title says 2024 (「2024年政府信息公开工作年度报告」), the text 「统计期限自2023年1月1日至2023年12月31日」 (2023)")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条、第五十条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::YearMismatchPeriod, "标题的报告年度是 {year} 年，统计期限却是 {period}。",
         "The title says {year}, but the statistics period is {period}.",
         "核对标题年度与统计期限，二者应为同一年（{year}年1月1日至{year}年12月31日）。",
         "Make the title year and the statistics period agree ({year}-01-01 to {year}-12-31)."},
        {Msg::YearMismatchNarrative, "标题的报告年度是 {year} 年，正文却一次也没有提到 {year} 年，而是 {count} 处写了 {other} 年。",
         "The title says {year}, but the text never mentions {year} and mentions {other} {count} {count|time|times}.",
         "核对标题年度；如果正文沿用了 {other} 年的报告，改写为 {year} 年的情况。",
         "Check the title year; if the text was copied from the {other} report, rewrite it for {year}."},
    };
    return m;
}

bool in_span(Span outer, Span inner) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// The statistics periods: "统计…Y年1月1日 至 Y年12月31日". Returns true if one
// disagrees with the title year (and emits).
bool check_period(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const std::string_view src = r.source;
    for (size_t k = 0; k + 1 < r.dates.size(); ++k) {
        const Date& a = r.dates[k];
        const Date& b = r.dates[k + 1];
        if (a.year == 0 || a.month != 1 || a.day != 1 || b.month != 12 || b.day != 31) continue;
        if (b.span.begin < a.span.end || b.span.begin - a.span.end > 60) continue;
        if (contains(src.substr(a.span.end, b.span.begin - a.span.end), "。")) continue;
        std::string_view lead = before(src, a.span.begin, 30);
        const size_t at = lead.rfind("统计");
        if (at == std::string_view::npos || contains(lead.substr(at), "。")) continue;
        const int end_year = b.year ? b.year : a.year;
        if (a.year == r.year && end_year == r.year) continue;
        Params p = {{"year", std::to_string(r.year)},
                    {"period", std::to_string(a.year) + "年1月1日至" + std::to_string(end_year) + "年12月31日"}};
        out.emit(Msg::YearMismatchPeriod, {a.span.begin, b.span.end}, p);
        return true;
    }
    return false;
}

// The narrative never names the title year but keeps naming another one.
void check_narrative_years(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Span title = r.title_span ? *r.title_span : Span{};
    std::map<int, int> count;
    int title_year = 0;
    Span title_year_span = r.title_span ? *r.title_span : report_anchor(ctx);
    bool title_year_found = false;
    for (const YearMention& y : r.years) {
        if (!title.empty() && in_span(title, y.span)) {
            if (y.year == r.year && !title_year_found) {
                title_year_span = y.span;
                title_year_found = true;
            }
            continue;
        }
        if (y.year == r.year) {
            ++title_year;
            continue;
        }
        // Comparisons name other years as a matter of course: 较2023年, 与2023年相比.
        std::string_view lead = before(r.source, y.span.begin, 2);
        if (contains(lead, "较") || contains(lead, "比") || contains(lead, "与") || contains(lead, "同")) continue;
        ++count[y.year];
    }
    for (const Date& d : r.dates)
        if (d.year == r.year && !(!title.empty() && in_span(title, d.span))) ++title_year;
    if (title_year > 0) return;
    int top = 0, top_count = 0, second = 0;
    for (const auto& [year, n] : count) {
        if (n > top_count) {
            second = top_count;
            top = year;
            top_count = n;
        } else if (n > second) {
            second = n;
        }
    }
    // Plans for the next year are normal; only many such mentions count.
    const int needed = top == r.year + 1 ? 5 : 3;
    if (top_count < needed || top_count < 2 * second) return;
    Params p = {{"year", std::to_string(r.year)}, {"other", std::to_string(top)}, {"count", std::to_string(top_count)}};
    out.emit(Msg::YearMismatchNarrative, title_year_span, p);
}

void check_year_mismatch(const Context& ctx, Emitter& out) {
    if (ctx.report.year == 0) return;
    if (!check_period(ctx, out)) check_narrative_years(ctx, out);
}

}  // namespace

const RuleCheck& year_mismatch_check() {
    static const RuleCheck check{docs(), messages(), {}, check_year_mismatch};
    return check;
}

}  // namespace nianbao
