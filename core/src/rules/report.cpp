// The report as a whole: the fee statement, the format it follows, section 五's
// content, who may report 规章, the report year against the text, the dates
// and whether the report came out in time.
#include <algorithm>
#include <iterator>
#include <map>

#include "meta/dates.h"
#include "meta/scan_util.h"
#include "rules/describe.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::FeeStatement, Severity::Warning)
            .title("未说明信息处理费收取情况", "No statement on information processing fees")
            .checks("第六部分“其他需要报告的事项”没有说明本年度是否收取信息处理费（如“本年度未收取信息处理费”“共收取信息处理费"
                    " 3940 元”）。第六部分未提及而正文其他部分写明了“信息处理费”的，视为已说明。表二的“行政事业性收费”是另一回事，"
                    "不算说明。该办法自 2021 年起施行，2019、2020 年度的报告不检查此项。",
                    "Section 六 does not say whether information processing fees (信息处理费) were charged (reports on 2021 and later: the fee began in 2021).")
            .matters("《政府信息公开信息处理费管理办法》施行后，各地要求在年度报告中逐年说明信息处理费的收取情况。",
                     "Every current report states it and provinces require it; it is a different thing from 行政事业性收费 in table 二.")
            .for_example("六、其他需要报告的事项\n我镇无其他需要报告的事项。")
            .based_on("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号"),
        RuleDoc(Rule::FormatOutdated, Severity::Warning)
            .title("沿用旧格式", "Outdated report format")
            .checks("2021 年及以后的年度报告仍使用 2019 年格式（国办公开办函〔2019〕60号）的表格（表二的“本年新制作数量”“本年新公开"
                    "数量”“对外公开总数量”、“其他对外管理服务事项”、第二十条第（九）项），或以〔2019〕60号为编制依据。2019、2020 年度"
                    "的报告按 2019 年格式检查，不报此项。",
                    "A report for 2021 or later still uses the 2019 layout (国办公开办函〔2019〕60号) or cites it as its basis.")
            .matters("2021 年起年度报告统一使用国办公开办函〔2021〕30号的格式，旧表格的统计口径不同，无法汇总比较。",
                     "Since 2021 the 2021 template (国办公开办函〔2021〕30号) applies; the old layout lacks rows and columns.")
            .for_example("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::Section5Content, Severity::Warning)
            .title("第五部分内容不全", "Section 5 incomplete")
            .checks("第五部分“存在的主要问题及改进情况”没有同时写明存在的问题（问题、不足、差距、短板、薄弱……）和改进措施（改进、"
                    "措施、下一步、将……加强/提升/完善……），例如只写一个“无”。",
                    "Section 五 does not give both the problems and the improvements (e.g. only 无).")
            .matters("条例第五十条要求年度报告包括“存在的主要问题及改进情况”，两者缺一不可。",
                     "The template asks for both; an empty section 五 is a common reason for a poor evaluation.")
            .for_example("五、存在的主要问题及改进情况\n无。")
            .based_on("《中华人民共和国政府信息公开条例》第五十条"),
        RuleDoc(Rule::RegulationScope, Severity::Warning)
            .title("无权制定规章的机关填报了规章", "Rules reported by a body that cannot make them")
            .checks("表二“规章”一行的本年制发或本年废止件数大于 0，而报告机关是乡镇（街道）、县级人民政府（县、区、旗）或县、区"
                    "政府的部门。只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定规章；市人民政府可能是设区的市，"
                    "不报此项。",
                    "Table 二 reports 规章 made or repealed by a body that cannot make 规章 (only State Council departments, provincial and 设区的市 governments can).")
            .matters("规章的制定权由立法法规定；乡镇、县级政府和部门的文件是行政规范性文件，填在“规章”一行是统计错误。",
                     "Such a figure is impossible and usually means the rows of table 二 were filled in the wrong place.")
            .for_example("××镇人民政府：规章\t1\t0\t1")
            .based_on("《中华人民共和国立法法》第九十一条、第九十三条"),
        RuleDoc(Rule::YearMismatch, Severity::Error)
            .title("报告年度前后不一致", "Report year inconsistent")
            .checks("标题中的报告年度与统计期限（“本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日”）不一致，或正文从未提到标题年度、"
                    "却反复写另一个年度（多为沿用上一年的报告）。正文提到下一年的计划、上一年的决算属于正常。",
                    "The report year in the title disagrees with the statistics period or with the year the text reports on.")
            .matters("年度不一致说明标题写错，或正文套用了别的年度的报告，数据不可信。",
                     "A wrong year makes the report about the wrong period.")
            .for_example("标题“2024年政府信息公开工作年度报告”，正文“统计期限自2023年1月1日至2023年12月31日”")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条、第五十条"),
        RuleDoc(Rule::DateInvalid, Severity::Error)
            .title("日期不存在或不合理", "Impossible date")
            .checks("文中有不存在的日期（如“2025年2月30日”“2025年2月29日”“13月”），或落款日期早于报告年度结束（2024 年度报告落款"
                    "“2024年3月1日”）。",
                    "A date that cannot exist (2025年2月30日) or that lies before the report year ends.")
            .matters("不存在的日期多是笔误；年度未结束就形成的年度报告不可能包含全年数据。",
                     "Impossible dates are typos that undermine the whole report.")
            .for_example("2025年2月30日")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条"),
        RuleDoc(Rule::PublishLate, Severity::Warning)
            .title("逾期公布", "Published late")
            .checks("落款日期晚于发布期限：县级以上人民政府部门为次年 1月31日（条例第四十九条）；县级以上地方人民政府本级报告为次年 "
                    "3月31日；乡镇、街道由省级规定，默认次年 1月31日；机关类型不明时按 3月31日。选项 deadline（MM-DD）可改期限，"
                    "bodyKind 可指定机关类型；报告没有落款日期时，用开头标明的发布日期（网页上的“发布日期：2025-01-20”），"
                    "再没有则用选项 today（参考日期）判断。",
                    "The date the report is signed is after the deadline: 31 January of the next year for departments and townships, 31 March for a county-level or higher government's own report; the deadline option overrides it. Without a signed date, a publication date labelled at the top (a web page's 发布日期：2025-01-20) is used, else the today option.")
            .matters("条例规定了年度报告的公布期限，逾期公布是常见的考核扣分项。",
                     "The regulation sets the deadline (条例 第四十九条); late reports are marked down.")
            .for_example("乡镇报告落款“2025年2月7日”（期限 2025年1月31日）")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::FeeStatementMissing, "第六部分“其他需要报告的事项”没有说明本年度是否收取信息处理费。",
         "Section 6 (其他需要报告的事项) does not say whether information processing fees (信息处理费) were charged.",
         "写明信息处理费的收取情况，如“本年度未收取信息处理费”或“本年度共收取信息处理费 X 元”（表二的行政事业性收费是另一回事）。",
         "State whether fees were charged, e.g. 本年度未收取信息处理费 or 本年度共收取信息处理费 X 元 (table 2's 行政事业性收费 is a different thing)."},
        {Msg::FormatOutdatedLayout, "{year}年度报告仍使用 2019 年格式（国办公开办函〔2019〕60号）的表格（“{word}”）。",
         "The {year} report still uses the 2019 layout (国办公开办函〔2019〕60号): 「{word}」.",
         "按国办公开办函〔2021〕30号的格式重制表格：表二第二十条第（一）项为本年制发件数、本年废止件数、现行有效件数，不再有第（九）项。",
         "Redo the tables in the 2021 format (国办公开办函〔2021〕30号): table 2 (一) has 本年制发件数 / 本年废止件数 / 现行有效件数, and no block (九)."},
        {Msg::FormatOutdatedBasis, "{year}年度报告以已被替代的国办公开办函〔2019〕60号为依据（“{raw}”）。",
         "The {year} report cites the superseded 国办公开办函〔2019〕60号 (「{raw}」) as its basis.",
         "2021 年起的年度报告按国办公开办函〔2021〕30号的格式编制，并改正所引文号。",
         "Reports from 2021 on follow 国办公开办函〔2021〕30号; cite that instead."},
        {Msg::Section5ContentEmpty, "第五部分“存在的主要问题及改进情况”几乎没有内容（“{excerpt}”）。",
         "Section 5 (存在的主要问题及改进情况) has almost no content (「{excerpt}」).",
         "写明本年度工作存在的主要问题，以及针对问题的改进措施。",
         "Describe the main problems of the year and the measures taken or planned to improve."},
        {Msg::Section5ContentProblems, "第五部分只写了改进措施，没有写存在的主要问题。",
         "Section 5 gives improvement measures but no problems.",
         "补写本年度工作存在的主要问题（不足、差距、短板等）。",
         "Add the main problems (shortcomings, gaps) of the year."},
        {Msg::Section5ContentMeasures, "第五部分只写了存在的问题，没有写改进措施。",
         "Section 5 names problems but no improvement measures.",
         "补写针对这些问题的改进措施（下一步将如何加强、完善）。",
         "Add the measures that address these problems (what will be done next)."},
        {Msg::Section5ContentBoth, "第五部分既没有写存在的主要问题，也没有写改进措施。",
         "Section 5 names neither problems nor improvement measures.",
         "写明存在的主要问题和改进措施。",
         "Describe the main problems and the improvement measures."},
        {Msg::RegulationScopeScope, "表二“规章”一行填报了{counts}，但{body}是{who}，无权制定规章（只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定）。",
         "Table 2 reports rules (规章): {counts_en}; but {body} is {who_en}, which cannot make rules (only State Council departments, provincial governments and governments of cities with districts can).",
         "核对：{who}制发的文件属于行政规范性文件，应计入“行政规范性文件”一行，“规章”一行填 0。",
         "Check: documents issued by {who_en} are normative documents (行政规范性文件); count them in that row and write 0 for 规章."},
        {Msg::YearMismatchPeriod, "标题的报告年度是 {year} 年，统计期限却是 {period}。",
         "The title says {year}, but the statistics period is {period}.",
         "核对标题年度与统计期限，二者应为同一年（{year}年1月1日至{year}年12月31日）。",
         "Make the title year and the statistics period agree ({year}-01-01 to {year}-12-31)."},
        {Msg::YearMismatchNarrative, "标题的报告年度是 {year} 年，正文却一次也没有提到 {year} 年，而是 {count} 处写了 {other} 年。",
         "The title says {year}, but the text never mentions {year} and mentions {other} {count} times.",
         "核对标题年度；如果正文沿用了 {other} 年的报告，改写为 {year} 年的情况。",
         "Check the title year; if the text was copied from the {other} report, rewrite it for {year}."},
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
        {Msg::PublishLateSigned, "落款日期“{raw}”晚于发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report is signed 「{raw}」, {days} day(s) after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，可用选项 deadline 指定。",
         "Publish by {deadline_en}; if your province sets another date, give it with the deadline option."},
        {Msg::PublishLatePublished, "发布日期“{raw}”晚于发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report was published 「{raw}」, {days} day(s) after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，可用选项 deadline 指定。",
         "Publish by {deadline_en}; if your province sets another date, give it with the deadline option."},
        {Msg::PublishLateToday, "报告没有落款日期；参考日期 {today} 已超过发布期限 {deadline}，逾期 {days} 天（{rule}）。",
         "The report has no signature date; the reference date {today} is {days} day(s) after the deadline {deadline_en} ({rule_en}).",
         "年度报告应在 {deadline} 前公布；如果所在地规定了其他期限，可用选项 deadline 指定。",
         "Publish by {deadline_en}; if your province sets another date, give it with the deadline option."},
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
constexpr std::string_view kOptionDeadlineZh = "选项 deadline 指定的期限";
constexpr std::string_view kOptionDeadlineEn = "the deadline given as an option";

// Bodies that cannot make 规章 (立法法 第九十一、九十三条), as data.
enum class NoRules { None, Township, County, CountyDepartment };
struct NoRulesText {
    NoRules why;
    std::string_view zh, en;
};
const NoRulesText kNoRules[] = {
    {NoRules::Township, "乡镇（街道）", "a township or street office"},
    {NoRules::County, "县级人民政府", "a county-level government"},
    {NoRules::CountyDepartment, "县、区一级的部门或机构", "a department or agency at county or district level"},
};

// Words for section 五: the problems, and the measures.
const std::string_view kProblemWords[] = {"问题", "不足", "差距", "短板", "薄弱", "欠缺", "有待", "不够", "弱项", "缺乏"};
const std::string_view kMeasureWords[] = {"改进", "措施", "下一步", "今后", "整改", "举措"};
// "将" followed closely by one of these: "我们将进一步加强…"
const std::string_view kWillVerbs[] = {"加强", "提升", "完善", "推进", "提高", "优化", "强化", "健全", "规范",
                                       "加大", "做好", "落实", "拓展", "拓宽", "丰富", "深化", "抓好", "创新"};

// ---------------------------------------------------------------------------
// Small text helpers. Spans are byte ranges of the source; every search looks
// for whole UTF-8 sequences, so it never matches inside a character.

std::string_view slice(const Report& r, Span s) {
    if (s.begin >= r.source.size() || s.empty()) return {};
    return std::string_view(r.source).substr(s.begin, std::min<size_t>(s.size(), r.source.size() - s.begin));
}

bool contains(std::string_view s, std::string_view n) { return scan::find_text(s, n) != std::string_view::npos; }

bool contains_any(std::string_view s, const std::string_view* words, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (contains(s, words[i])) return true;
    return false;
}

// The text of at most `chars` code points before byte `at`.
std::string_view before(std::string_view s, size_t at, int chars) {
    size_t b = std::min(at, s.size());
    for (int k = 0; k < chars; ++k) {
        const scan::Cp c = scan::decode_before(s, b);
        if (c.len == 0) break;
        b -= c.len;
    }
    return s.substr(b, std::min(at, s.size()) - b);
}

// The text of at most `chars` code points from byte `at`.
std::string_view after(std::string_view s, size_t at, int chars) {
    if (at >= s.size()) return {};
    size_t e = at;
    for (int k = 0; k < chars; ++k) {
        const scan::Cp c = scan::decode_at(s, e);
        if (c.len == 0) break;
        e += c.len;
    }
    return s.substr(at, e - at);
}

bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

Span trimmed(const Report& r, Span s) {
    std::string_view t = slice(r, s);
    size_t b = 0, e = t.size();
    while (b < e && (t[b] == ' ' || t[b] == '\t' || t[b] == '\n' || t[b] == '\r')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
    return {static_cast<uint32_t>(s.begin + b), static_cast<uint32_t>(s.begin + e)};
}

// The first non-empty line, for findings about the report as a whole.
Span report_anchor(const Context& ctx) {
    const Report& r = ctx.report;
    if (r.title_span) return *r.title_span;
    for (uint32_t b = 0; b < r.source.size();) {
        Span line = ctx.lines.line_span(b);
        Span t = trimmed(r, line);
        if (!t.empty()) return t;
        if (line.end < b) break;
        b = line.end + 1;
    }
    return {0, 0};
}

// Days since 1970-01-01 (proleptic Gregorian), for "late by N days".
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// "N" digits at s[i..], at most `max` of them; -1 if none.
int read_number(std::string_view s, size_t& i, int max) {
    int v = 0, n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < max) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    return n ? v : -1;
}

bool is_option_sep(char c) { return c == '-' || c == '/' || c == '.'; }

// options.deadline: "MM-DD" (also "M-D", "MM/DD"). False if unusable.
bool parse_month_day(std::string_view s, int& month, int& day) {
    size_t i = 0;
    month = read_number(s, i, 2);
    if (month < 0 || i >= s.size() || !is_option_sep(s[i])) return false;
    ++i;
    day = read_number(s, i, 2);
    return i == s.size() && day >= 1 && day <= days_in_month(0, month);
}

// options.today: "YYYY-MM-DD". False if unusable.
bool parse_ymd(std::string_view s, int& year, int& month, int& day) {
    size_t i = 0;
    year = read_number(s, i, 4);
    if (year < 1000 || i >= s.size() || !is_option_sep(s[i])) return false;
    ++i;
    month = read_number(s, i, 2);
    if (month < 0 || i >= s.size() || !is_option_sep(s[i])) return false;
    ++i;
    day = read_number(s, i, 2);
    return i == s.size() && day >= 1 && day <= days_in_month(year, month);
}

BodyKind effective_kind(const Context& ctx) {
    const std::string& o = ctx.options.body_kind;
    if (o == "township") return BodyKind::Township;
    if (o == "department") return BodyKind::Department;
    if (o == "government") return BodyKind::Government;
    return ctx.report.body_kind;
}

std::string body_label(const Report& r) { return r.body_name.empty() ? "本机关" : r.body_name; }

// ---------------------------------------------------------------------------
// fee-statement

// Does `t` (section 六) say whether fees were charged? 行政事业性收费 and the
// table's 收费通知 do not count.
bool states_fee(std::string_view t) {
    if (contains(t, "处理费") || contains(t, "免费")) return true;
    for (size_t i = 0; (i = scan::find_text(t, "收费", i)) != std::string_view::npos; i += 6) {
        if (contains(before(t, i, 3), "事业性")) continue;  // 行政事业性收费
        if (after(t, i + 6, 2) == "通知") continue;          // 收费通知
        return true;
    }
    for (size_t i = 0; (i = scan::find_text(t, "费用", i)) != std::string_view::npos; i += 6) {
        std::string_view lead = before(t, i, 10);
        if (contains(lead, "收") || contains(lead, "缴") || contains(lead, "产生")) return true;
    }
    return false;
}

void check_fee_statement(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Section& six = r.section(6);
    if (!six.found) return;  // section-missing says it
    // The fee exists since 2021 (国办函〔2020〕109号): a report on 2019 or
    // 2020 has nothing to state.
    if (r.year > 0 && r.year < 2021) return;
    if (states_fee(slice(r, six.body))) return;
    // Said elsewhere in the narrative (e.g. in 一), in so many words.
    if (contains(r.source, "处理费")) return;
    out.emit(Msg::FeeStatementMissing, six.heading_span);
}

// ---------------------------------------------------------------------------
// format-outdated

// "〔2019〕60号" with any of the brackets people type, spaces allowed.
// Returns the span of the first citation of `year`〔…〕`number`号, or empty.
Span find_citation(std::string_view s, std::string_view year, std::string_view number) {
    static const std::string_view kClose[] = {"〕", "]", "）", ")", "】", "」", "］"};
    static const std::string_view kOpen[] = {"〔", "[", "（", "(", "【", "「", "［"};
    const std::string tail = std::string(number) + "号";
    for (size_t i = 0; (i = scan::find_text(s, tail, i)) != std::string_view::npos; i += tail.size()) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;  // 160号
        size_t k = scan::skip_spaces_back(s, i);
        bool closed = false;
        for (std::string_view c : kClose)
            if (k >= c.size() && s.substr(k - c.size(), c.size()) == c) {
                k -= c.size();
                closed = true;
                break;
            }
        if (!closed) continue;
        k = scan::skip_spaces_back(s, k);
        if (k < year.size() || s.substr(k - year.size(), year.size()) != year) continue;
        k -= year.size();
        for (std::string_view o : kOpen)
            if (k >= o.size() && s.substr(k - o.size(), o.size()) == o)
                return {static_cast<uint32_t>(k - o.size()), static_cast<uint32_t>(i + tail.size())};
    }
    return {};
}

void check_format_outdated(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    if (r.year == 0 || r.year < format_2021().first_year) return;
    Params p = {{"year", std::to_string(r.year)}};
    if (r.layout_2019) {
        // Point at the first 2019-only word of table 二.
        Span where = r.table2.found ? r.table2.span : r.section(2).found ? r.section(2).heading_span : report_anchor(ctx);
        // The header lines carry the words; they may lie before the table's span.
        Span region = r.section(2).found ? r.section(2).body : Span{0, static_cast<uint32_t>(r.source.size())};
        std::string_view t = slice(r, region);
        size_t best = std::string_view::npos;
        std::string_view word;
        for (std::string_view w : format_2019().signatures) {
            if (contains(w, "60号")) continue;
            size_t at = scan::find_text(t, w);
            if (at != std::string_view::npos && at < best) {
                best = at;
                word = w;
            }
        }
        if (best != std::string_view::npos) where = {static_cast<uint32_t>(region.begin + best), static_cast<uint32_t>(region.begin + best + word.size())};
        p["word"] = word.empty() ? std::string(format_2019().signatures.front()) : std::string(word);
        out.emit(Msg::FormatOutdatedLayout, where, p);
    }
    // Cites the 2019 format as its basis (and not the 2021 one: a report may
    // mention both when it explains the change).
    Span cite = find_citation(r.source, "2019", "60");
    if (!cite.empty() && find_citation(r.source, "2021", "30").empty()) {
        p["raw"] = std::string(slice(r, cite));
        out.emit(Msg::FormatOutdatedBasis, cite, p);
    }
}

// ---------------------------------------------------------------------------
// section5-content

// Does `t` say what will be done: 改进/措施/下一步…, or 将 + a verb of
// improving in the same sentence ("2021 年，我局将根据…要求，进一步提高认识")?
bool names_measures(std::string_view t) {
    if (contains_any(t, kMeasureWords, std::size(kMeasureWords))) return true;
    for (size_t i = 0; (i = scan::find_text(t, "将", i)) != std::string_view::npos; i += 3) {
        std::string_view next = after(t, i + 3, 40);
        next = next.substr(0, next.find("。"));
        if (contains_any(next, kWillVerbs, std::size(kWillVerbs))) return true;
    }
    return false;
}

// Chinese characters of `t` outside its short heading-like lines ("（一）存在的问题").
int substance(std::string_view t) {
    int total = 0;
    size_t line = 0;
    while (line < t.size()) {
        size_t end = t.find('\n', line);
        if (end == std::string_view::npos) end = t.size();
        int cjk = 0;
        bool sentence = false;
        for (size_t i = line; i < end;) {
            const scan::Cp c = scan::decode_at(t, i);
            if (c.len == 0) break;
            if (is_cjk(c.cp)) ++cjk;
            if (c.cp == U'。' || c.cp == U'；' || c.cp == U'：' || c.cp == U'，') sentence = true;
            i += c.len;
        }
        if (sentence || cjk > 15) total += cjk;
        line = end + 1;
    }
    return total;
}

void check_section5(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Section& five = r.section(5);
    if (!five.found) return;
    const Span body = trimmed(r, five.body);
    const std::string_view t = slice(r, body);
    const Span at = body.empty() ? five.heading_span : body;
    const bool problems = contains_any(t, kProblemWords, std::size(kProblemWords));
    const bool measures = names_measures(t);
    if (substance(t) < 16) {
        std::string_view excerpt = after(t, 0, 30);
        std::string ex;
        for (char c : excerpt) ex += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
        if (ex.size() < t.size()) ex += "…";
        out.emit(Msg::Section5ContentEmpty, at, {{"excerpt", ex.empty() ? "空" : ex}});
    } else if (!problems && !measures) {
        out.emit(Msg::Section5ContentBoth, at);
    } else if (!problems) {
        out.emit(Msg::Section5ContentProblems, at);
    } else if (!measures) {
        out.emit(Msg::Section5ContentMeasures, at);
    }
}

// ---------------------------------------------------------------------------
// regulation-scope

bool ends_with(std::string_view s, std::string_view n) {
    return s.size() >= n.size() && s.substr(s.size() - n.size()) == n;
}

// A 县 or 区 (not 自治区 or 特别行政区) in `name` before its last character:
// "平罗县财政局", "淮安市洪泽区教育局".
bool names_county(std::string_view name) {
    for (size_t i = 0; i < name.size();) {
        const scan::Cp c = scan::decode_at(name, i);
        if (c.len == 0) break;
        const size_t next = i + c.len;
        if (next < name.size()) {
            if (c.cp == U'县') return true;
            if (c.cp == U'区') {
                std::string_view lead = name.substr(0, i);
                if (!ends_with(lead, "自治") && !ends_with(lead, "行政")) return true;
            }
        }
        i = next;
    }
    return false;
}

NoRules cannot_make_rules(const Context& ctx) {
    const Report& r = ctx.report;
    const BodyKind kind = effective_kind(ctx);
    if (kind == BodyKind::Township) return NoRules::Township;
    std::string_view name = r.body_name;
    for (std::string_view suffix : {"人民政府", "政府"}) {
        if (!ends_with(name, suffix)) continue;
        std::string_view place = name.substr(0, name.size() - suffix.size());
        if (ends_with(place, "镇") || ends_with(place, "乡") || ends_with(place, "街道") || ends_with(place, "苏木"))
            return NoRules::Township;
        if (ends_with(place, "自治区") || ends_with(place, "特别行政区")) return NoRules::None;
        if (ends_with(place, "县") || ends_with(place, "区") || ends_with(place, "旗")) return NoRules::County;
        return NoRules::None;  // 市 (may have districts), 州, 省
    }
    if (kind == BodyKind::Department && names_county(name)) return NoRules::CountyDepartment;
    return NoRules::None;
}

void check_regulation_scope(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Row* row = nullptr;
    if (r.table2.found)
        for (const Row& candidate : r.table2.rows)
            if (candidate.spec && candidate.spec->key == "t2.regulation") row = &candidate;
    if (!row || !row->found) return;
    std::string counts, counts_en;
    std::vector<CellRef> cells;
    Span at = row->span;
    for (size_t k = 0; k < row->cells.size() && k < row->spec->columns.size(); ++k) {
        const std::string_view col = row->spec->columns[k];
        if (!contains(col, "制发") && !contains(col, "废止") && !contains(col, "新制作")) continue;
        const Cell& c = row->cells[k];
        const long long v = c.status == CellStatus::Ok ? c.value : 0;
        if (!counts.empty()) {
            counts += "、";
            counts_en += ", ";
        }
        counts += std::string(col) + " " + std::to_string(v);
        counts_en += std::string(col) + " " + std::to_string(v);
        if (v > 0) cells.push_back({2, std::string(row->spec->key), static_cast<int>(k), c.span, "0"});
    }
    if (cells.empty()) return;
    const NoRules why = cannot_make_rules(ctx);
    if (why == NoRules::None) return;
    Params p = {{"counts", counts}, {"counts_en", counts_en}, {"body", body_label(r)}};
    for (const NoRulesText& t : kNoRules)
        if (t.why == why) {
            p["who"] = std::string(t.zh);
            p["who_en"] = std::string(t.en);
        }
    out.emit(Msg::RegulationScopeScope, at, p).cells = cells;
}

// ---------------------------------------------------------------------------
// year-mismatch

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

// ---------------------------------------------------------------------------
// date-invalid

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

// ---------------------------------------------------------------------------
// publish-late

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
    int om = 0, od = 0;
    if (!ctx.options.deadline.empty() && parse_month_day(ctx.options.deadline, om, od)) {
        month = om;
        day = od;
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
    int ty = 0, tm = 0, td = 0;
    if (ctx.options.today.empty() || !parse_ymd(ctx.options.today, ty, tm, td)) return;
    const long late = days_from_civil(ty, tm, td) - deadline;
    if (late <= 0) return;
    p["today"] = iso_date(ty, tm, td);
    p["days"] = std::to_string(late);
    out.emit(Msg::PublishLateToday, report_anchor(ctx), p);
}

void run(const Context& ctx, Emitter& out) {
    check_fee_statement(ctx, out);
    check_format_outdated(ctx, out);
    check_section5(ctx, out);
    check_regulation_scope(ctx, out);
    check_year_mismatch(ctx, out);
    check_dates(ctx, out);
    check_publish_late(ctx, out);
}

}  // namespace

const RuleCheck& report_checks() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
