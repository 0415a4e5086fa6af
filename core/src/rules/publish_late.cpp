// publish-late: the signature (or publication, or reference) date against the
// deadline for the kind of body.
#include <string>

#include "meta/dates.h"
#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::PublishLate, Severity::Warning)
            .title("逾期公布", "Published late")
            .checks("落款日期晚于发布期限：县级以上人民政府部门为次年 1月31日（条例第四十九条）；县级以上地方人民政府本级报告为次年 "
                    "3月31日；乡镇、街道由省级规定，默认次年 1月31日；机关类型不明时按 3月31日。“发布期限”（MM-DD，命令行 --deadline）可改期限，"
                    "“机关类型”（--body-kind）可指定机关类型；报告没有落款日期时，用开头标明的发布日期（网页上的“发布日期：2025-01-20”），"
                    "再没有则用“参考日期”（--today）判断。",
                    "The date the report is signed is after the deadline: 31 January of the next year for departments and townships, 31 March for a county-level or higher government's own report; a publication deadline you give (MM-DD, --deadline) overrides it, and the kind of body can be given (--body-kind). Without a signed date, a publication date labelled at the top (a web page's 发布日期: 2025-01-20) is used, else the reference date (--today).")
            .matters("条例规定了年度报告的公布期限，逾期公布是常见的考核扣分项。",
                     "The regulation sets the deadline (条例 第四十九条); late reports are marked down.")
            .for_example("乡镇报告落款“2025年2月7日”（期限 2025年1月31日）",
                         "A township's report signed 「2025年2月7日」 (7 February 2025; the deadline was 31 January 2025)")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::PublishLateSigned, "落款日期“{raw}”晚于发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report is signed 「{raw}」, {days} {days|day|days} after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，请在“发布期限”中填写（命令行：--deadline MM-DD）。",
         "Publish by {deadline_en}; if your province sets another date, enter it as the publication deadline (command line: --deadline MM-DD)."},
        {Msg::PublishLatePublished, "发布日期“{raw}”晚于发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report was published 「{raw}」, {days} {days|day|days} after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，请在“发布期限”中填写（命令行：--deadline MM-DD）。",
         "Publish by {deadline_en}; if your province sets another date, enter it as the publication deadline (command line: --deadline MM-DD)."},
        {Msg::PublishLateToday, "报告没有落款日期；参考日期 {today} 已超过发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report has no signature date; the reference date {today} is {days} {days|day|days} after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，请在“发布期限”中填写（命令行：--deadline MM-DD）。",
         "Publish by {deadline_en}; if your province sets another date, enter it as the publication deadline (command line: --deadline MM-DD)."},
    };
    return m;
}

// Publication deadlines by kind of body (条例 第四十九条), as data.
struct DeadlineRule {
    BodyKind kind;
    int month, day;
    std::string_view zh, en;
};

const DeadlineRule kDeadlines[] = {
    {BodyKind::Department, 1, 31, "县级以上人民政府部门，条例第四十九条规定次年1月31日前公布",
     "a department of a government at county level or above: 31 January of the following year, Regulations art. 49"},
    {BodyKind::Township, 1, 31, "乡镇、街道的期限由省级规定，默认次年1月31日",
     "a township or street office: set by the province, 31 January of the following year by default"},
    {BodyKind::Government, 3, 31, "县级以上地方人民政府本级报告，条例第四十九条规定次年3月31日前公布",
     "a local government's own report: 31 March of the following year, Regulations art. 49"},
    {BodyKind::Unknown, 3, 31, "未能判断机关类型，按最晚的期限次年3月31日",
     "kind of body unknown: the latest deadline, 31 March of the following year"},
};
constexpr std::string_view kOptionDeadlineZh = "按指定的发布期限";
constexpr std::string_view kOptionDeadlineEn = "the publication deadline given";

// Days since 1970-01-01 (proleptic Gregorian), for "late by N days".
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}



std::string zh_date(int y, int m, int d) {
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}
// "2025-01-31" without printf, which the page's wasm otherwise need not carry.
std::string iso_date(int y, int m, int d) {
    auto padded = [](int v, size_t width) {
        std::string s = std::to_string(v);
        return s.size() < width ? std::string(width - s.size(), '0') + s : s;
    };
    return padded(y, 4) + "-" + padded(m, 2) + "-" + padded(d, 2);
}

void check_publish_late(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    if (r.year == 0) return;
    // The deadline: the option, or the kind of body's.
    const BodyKind kind = effective_kind(ctx);
    const DeadlineRule* rule = &kDeadlines[3];
    for (const DeadlineRule& d : kDeadlines)
        if (d.kind == kind) rule = &d;
    int month = rule->month, day = rule->day;
    std::string_view why_zh = rule->zh, why_en = rule->en;
    if (const auto& option = ctx.options.deadline) {
        month = option->month;
        day = option->day;
        why_zh = kOptionDeadlineZh;
        why_en = kOptionDeadlineEn;
    }
    const int dy = r.year + 1;
    if (day > days_in_month(dy, month)) day = days_in_month(dy, month);  // 02-29 in a common year
    const long deadline = days_from_civil(dy, month, day);
    Params p = {{"deadline", zh_date(dy, month, day)}, {"deadline_en", iso_date(dy, month, day)},
                {"rule", std::string(why_zh)}, {"rule_en", std::string(why_en)}};

    if (r.signed_date || r.published_date) {
        const Date& s = r.signed_date ? *r.signed_date : *r.published_date;
        if (!s.valid || s.year == 0) return;  // date-invalid says it
        const long late = days_from_civil(s.year, s.month, s.day) - deadline;
        if (late <= 0) return;
        p["raw"] = s.raw;
        p["days"] = std::to_string(late);
        out.emit(r.signed_date ? Msg::PublishLateSigned : Msg::PublishLatePublished, s.span, p);
        return;
    }
    if (!ctx.options.today) return;
    const CivilDate& today = *ctx.options.today;
    const long late = days_from_civil(today.year, today.month, today.day) - deadline;
    if (late <= 0) return;
    p["today"] = iso_date(today.year, today.month, today.day);
    p["days"] = std::to_string(late);
    out.emit(Msg::PublishLateToday, report_anchor(ctx), p);
}

}  // namespace

const RuleCheck& publish_late_check() {
    static const RuleCheck check{docs(), messages(), {}, check_publish_late};
    return check;
}

}  // namespace nianbao
