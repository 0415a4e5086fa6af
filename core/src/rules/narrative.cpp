// Narrative against tables: what the running text says about applications,
// 行政复议 / 行政诉讼 and fees, checked against tables 三 and 四, and the
// totals and parts a sentence gives, checked against each other.
//
// The text looked at is everything outside the tables, the title and the
// section headings, with the line wraps of PDF copies undone
// (meta/sentences.h), sentence by sentence. Every pattern below errs on the
// side of silence: a sentence that could be read two ways is not reported.
#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "meta/dates.h"
#include "meta/numerals.h"
#include "meta/scan_util.h"
#include "meta/sentences.h"
#include "rules/describe.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;
using Words = std::initializer_list<std::string_view>;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeApplications, Severity::Error)
            .title("正文的申请数与表三不符", "Applications in the text differ from table 3")
            .checks("正文说没有收到政府信息公开申请（“未收到政府信息公开申请”），而表三“一、本年新收政府信息公开申请数量”总计大于 0；"
                    "或正文给出的收到／受理申请件数（含“十二件”这样的中文数字）既不等于表三第一项总计，也不等于第一项加第二项（上年结转）之和。"
                    "只看明确说政府信息公开申请的句子；答复件数、留言、信访、行政复议和别的年份的数字不算。",
                    "The text says no application was received while table 三 shows some, or gives a number of applications that matches neither row 一 总计 nor 一 + 二 (收到/受理 often counts the carried-over ones too). Chinese numerals (十二件) are read.")
            .matters("正文和表格是同一份统计，说法不一致，读者不知道该信哪个，也说明报告没有核对。",
                     "Text and tables must tell the same story; a contradiction is the first thing an evaluator sees.")
            .for_example("2024 年，区政府办代表区政府受理政府信息公开申请 17 件（表三第一项总计为 95）")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
        RuleDoc(Rule::NarrativeReview, Severity::Error)
            .title("正文的复议诉讼情况与表四不符", "Review and litigation in the text differ from table 4")
            .checks("正文说没有发生政府信息公开行政复议或行政诉讼（“未发生行政复议”“无行政复议和行政诉讼”“未被申请行政复议”），而表四有；"
                    "或正文给出的行政复议、行政诉讼件数与表四的总计（复议总计；诉讼为直接起诉总计加复议后起诉总计）不同。"
                    "“其中结果维持 72 件”这样的分项不与总计比较。",
                    "The text says there was no 行政复议 / 行政诉讼 while table 四 shows some, or gives a count that differs from it.")
            .matters("复议和诉讼情况是条例要求年度报告载明的内容，正文与表四矛盾会误导读者。",
                     "Text and tables must tell the same story.")
            .for_example("本年度未发生政府信息公开行政复议、行政诉讼（表四行政复议总计为 2）")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
        RuleDoc(Rule::NarrativeBreakdown, Severity::Warning)
            .title("总数与分项对不上", "Parts do not add up to the total")
            .checks("一句话先给总数，再用“其中”列出分项（“公开信息 75 条，其中公开类 24 条、民政类 12 条、项目类 30 条、财务类 4 条”），"
                    "两个以上同单位的分项相加不等于总数（分项之和不到总数八成的，视为只列举了一部分，不报），或分项超过总数；"
                    "或与件数一起给出的百分比（“208 件（17.46%）”）与件数除以总数不符（按所写的小数位数允许舍入误差）。",
                    "A sentence gives a total and its parts (其中 …) and the parts exceed the total or, when they cover at least 80% of it, do not add up; a percentage next to a count that does not match count ÷ total.")
            .matters("分项对不上总数，通常是漏写、错写了某个数，读者据此引用时会出错。",
                     "Totals and their parts are the figures readers quote; they must agree.")
            .for_example("主动公开政府信息 75 条，其中公开类信息 24 条、民政类 12 条、项目类信息 30 条、财务类 4 条")
            .based_on("—"),
        RuleDoc(Rule::NarrativeFeeNotice, Severity::Info)
            .title("有逾期未缴费的申请，正文未提收费", "Unpaid-fee applications, but no word on fees")
            .checks("表三“（六）其他处理 · 2.申请人逾期未按收费通知要求缴纳费用”总计大于 0，但正文没有提到收费通知、缴纳费用或信息处理费。",
                    "Table 三 row （六）2 (fees not paid after a fee notice) is above zero but the text never mentions fees.")
            .matters("有申请因未缴费而不再处理，说明本机关发出过收费通知；报告应说明信息处理费的收取情况。",
                     "Charging information processing fees must be explained in the report.")
            .for_example("表三（六）2 为 6，第六部分只写“无其他需要报告的事项”")
            .based_on("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::NarrativeApplicationsNone, "正文说“{phrase}”，但表三“{row}”总计为 {new}。",
         "The text says 「{phrase}」, but table 3, row 「{row}」, totals {new}.",
         "核对正文和表三：如确实收到申请，改写这句话；否则改正表三。",
         "Check the text against table 3 and correct whichever is wrong."},
        {Msg::NarrativeApplicationsCount, "正文说{verb}申请 {said} {unit}，表三“一、本年新收”总计为 {new}（加上年结转为 {both}）。",
         "The text says {said} applications were {verb_en}; table 3, row 一 (received this year), totals {new} "
         "({both} with those carried over from last year).",
         "核对正文和表三，使申请件数一致（应为 {new} 或 {both}）。",
         "Make the count agree with table 3 ({new}, or {both} with those carried over)."},
        {Msg::NarrativeReviewNone, "正文说“{phrase}”，但表四{group}为 {count} 件。",
         "The text says 「{phrase}」, but table 4 shows {count} {group_en} case(s).",
         "核对正文和表四，改正说错的一方。",
         "Check the text against table 4 and correct whichever is wrong."},
        {Msg::NarrativeReviewCount, "正文说{group} {said} {unit}，表四{group}总计为 {count}。",
         "The text gives {said} {group_en} case(s); table 4 totals {count}.",
         "核对正文和表四，使件数一致。",
         "Make the count agree with table 4."},
        {Msg::NarrativeBreakdownSum, "总数为 {total} {unit}，其中各分项相加为 {sum} {unit}（{arithmetic}）。",
         "The sentence gives a total of {total} and parts that add up to {sum} ({arithmetic}).",
         "核对总数和各分项，改正写错或漏写的数。",
         "Check the total and the parts; correct the wrong or missing number."},
        {Msg::NarrativeBreakdownExceeds, "分项 {part} {unit}超过了总数 {total} {unit}。",
         "The part ({part}) exceeds the total ({total}).",
         "核对总数和分项。",
         "Check the total and the part."},
        {Msg::NarrativeBreakdownPercent, "{part} {unit}占总数 {total} {unit}的 {actual}%，正文写作 {said}%（{arithmetic}）。",
         "{part} of {total} is {actual}%, the text says {said}% ({arithmetic}).",
         "应为 {actual}%。",
         "Should be {actual}%."},
        {Msg::NarrativeFeeNoticeSilent, "表三“{row}”总计为 {count}，但正文没有提到收费通知或信息处理费。",
         "Table 3, row 「{row}」, totals {count}, but the text never mentions a fee notice or 信息处理费.",
         "在正文（如第六部分）说明发出收费通知和收取信息处理费的情况。",
         "Say in the text (e.g. section 六) how fee notices were sent and what 信息处理费 was charged."},
    };
    return m;
}

const std::vector<FixSpec>& fixes() {
    static const std::vector<FixSpec> f = {
        {Fix::ApplicationsCountNoCarry, "核对正文和表三，使申请件数一致（表三为 {new}）。",
         "Make the count agree with table 3 ({new})."},
    };
    return f;
}

// --- text helpers -------------------------------------------------------------

constexpr size_t npos = std::string_view::npos;

size_t cp_len(std::string_view s) {
    size_t n = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++n;
    return n;
}

bool has(std::string_view hay, std::string_view needle) { return scan::find_text(hay, needle) != npos; }

bool has_any(std::string_view hay, Words words) {
    for (std::string_view w : words)
        if (has(hay, w)) return true;
    return false;
}

template <size_t N>
bool has_any(std::string_view hay, const std::string_view (&words)[N]) {
    for (std::string_view w : words)
        if (has(hay, w)) return true;
    return false;
}

bool starts(std::string_view s, size_t pos, std::string_view w) {
    return pos <= s.size() && s.size() - pos >= w.size() && s.compare(pos, w.size(), w) == 0;
}

bool ends(std::string_view s, size_t pos, std::string_view w) {
    return pos <= s.size() && pos >= w.size() && s.compare(pos - w.size(), w.size(), w) == 0;
}

// Byte offset `n` code points before `pos`, not before `floor`.
size_t back_cp(std::string_view s, size_t pos, size_t floor, int n) {
    for (int k = 0; k < n && pos > floor; ++k) pos -= decode_before(s, pos).len;
    return pos < floor ? floor : pos;
}

// Byte offset `n` code points after `pos`, not past `ceil`.
size_t fwd_cp(std::string_view s, size_t pos, size_t ceil, int n) {
    for (int k = 0; k < n && pos < ceil; ++k) pos += decode_at(s, pos).len;
    return pos > ceil ? ceil : pos;
}

bool is_bracket(char32_t c) {
    return c == U'（' || c == U'(' || c == U'）' || c == U')' || c == U'【' || c == U'】' || c == U'[' ||
           c == U']';
}

// Where the clause around `pos` starts: after the nearest separator (and
// bracket, if `brackets`) before it, at most `limit` code points back.
size_t clause_begin(std::string_view s, size_t pos, size_t floor, bool brackets, int limit = 80) {
    for (int k = 0; k < limit && pos > floor; ++k) {
        const Cp c = decode_before(s, pos);
        if (clause_separator_at(s, pos - c.len) || (brackets && is_bracket(c.cp))) return pos;
        pos -= c.len;
    }
    return pos;
}

// With `lists`, 、 (which joins the items of a list) does not end the clause.
size_t clause_end(std::string_view s, size_t pos, size_t ceil, bool brackets, int limit = 80, bool lists = false) {
    for (int k = 0; k < limit && pos < ceil; ++k) {
        const Cp c = decode_at(s, pos);
        if ((clause_separator_at(s, pos) && !(lists && c.cp == U'、')) || (brackets && is_bracket(c.cp))) return pos;
        pos += c.len;
    }
    return pos;
}

// No clause separator or bracket in [b, e).
bool one_clause(std::string_view s, size_t b, size_t e) {
    for (size_t i = b; i < e;) {
        const Cp c = decode_at(s, i);
        if (clause_separator_at(s, i) || is_bracket(c.cp)) return false;
        i += c.len;
    }
    return true;
}

// "申请" that is not "申请人" (the applicant), at or after `from`, before `to`.
size_t find_apply(std::string_view s, size_t from, size_t to) {
    const std::string_view within = s.substr(0, std::min(to, s.size()));
    for (size_t p = scan::find_text(within, "申请", from); p != npos; p = scan::find_text(within, "申请", p + 6))
        if (!starts(s, p + 6, "人")) return p;
    return npos;
}

// The words naming a government information disclosure application.
bool names_disclosure_application(std::string_view s) {
    if (has_any(s, {"依申请", "公开申请"})) return true;
    return has(s, "信息公开") && find_apply(s, 0, s.size()) != npos;
}

std::string format_scaled(int64_t v, int decimals) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    if (decimals > 0) {
        while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
        digits.insert(digits.end() - decimals, '.');
    }
    return (v < 0 ? "-" : "") + digits;
}

std::string format_mention(const NumberMention& m) { return format_scaled(m.value, m.decimals); }

size_t unit_end(const NumberMention& m) { return m.unit.empty() ? m.span.end : m.unit_span.end; }

// --- the narrative text ------------------------------------------------------

struct Narrative {
    Narrative() = default;
    Narrative(const Narrative&) = delete;  // `text` views `joined.text`
    Narrative& operator=(const Narrative&) = delete;

    JoinedText joined;
    std::string_view text;
    std::vector<Span> sentences;
    std::vector<NumberMention> numbers;   // spans into text
    std::vector<YearMention> years;       // spans into text
    int report_year = 0;

    Span source(size_t b, size_t e) const { return joined.to_source(b, e); }

    // Is a year other than the report year named in [b, e)?
    bool other_year(size_t b, size_t e) const {
        if (report_year == 0) return false;
        auto it = std::lower_bound(years.begin(), years.end(), b,
                                   [](const YearMention& y, size_t pos) { return y.span.begin < pos; });
        for (; it != years.end() && it->span.begin < e; ++it)
            if (it->year != report_year) return true;
        return false;
    }

    // Index of the first number mention starting at or after `pos`.
    size_t first_number(size_t pos) const {
        return static_cast<size_t>(
            std::lower_bound(numbers.begin(), numbers.end(), pos,
                             [](const NumberMention& m, size_t p) { return m.span.begin < p; }) -
            numbers.begin());
    }

    bool number_in(size_t b, size_t e) const {
        const size_t i = first_number(b);
        return i < numbers.size() && numbers[i].span.begin < e;
    }

    // "约 75 件", "3000 余件", "100 件以上": not a count to compare.
    bool approximate(const NumberMention& m) const {
        const size_t before = scan::skip_spaces_back(text, m.span.begin);
        for (std::string_view w : {"约", "近", "超", "逾", "过", "余", "多达", "大概", "左右"})
            if (ends(text, before, w)) return true;
        const size_t after = scan::skip_spaces(text, m.unit.empty() ? m.span.end : m.unit_span.begin);
        const size_t after_unit = scan::skip_spaces(text, unit_end(m));
        for (std::string_view w : {"余", "多"})
            if (starts(text, after, w)) return true;
        for (std::string_view w : {"以上", "左右", "上下", "以内", "之多", "余"})
            if (starts(text, after_unit, w)) return true;
        return false;
    }
};

void read_narrative(const Report& r, Narrative& n) {
    // Everything but the title, the section headings and the tables.
    std::vector<Span> cut;
    if (r.title_span) cut.push_back(*r.title_span);
    for (const auto& s : r.sections)
        if (s.found) cut.push_back(s.heading_span);
    for (int n : {2, 3, 4}) {
        const Table& t = r.table(n);
        if (t.found && !t.span.empty()) cut.push_back(t.span);
    }
    std::sort(cut.begin(), cut.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> keep;
    uint32_t pos = 0;
    const auto size = static_cast<uint32_t>(r.source.size());
    for (const Span& c : cut) {
        if (c.begin > pos) keep.push_back({pos, std::min(c.begin, size)});
        pos = std::max(pos, c.end);
    }
    if (pos < size) keep.push_back({pos, size});

    n.joined = join_lines(r.source, keep);
    n.text = n.joined.text;
    n.sentences = split_sentences(n.text);
    n.numbers = find_numbers(n.text);
    n.years = find_year_mentions(n.text);
    n.report_year = r.year;
}

// --- table values -------------------------------------------------------------

const Row* find_row(const Table& t, std::string_view key) {
    if (!t.found) return nullptr;
    for (const Row& row : t.rows)
        if (row.spec && row.spec->key == key) return row.found ? &row : nullptr;
    return nullptr;
}

// A cell of a found row, if it holds a usable value.
const Cell* usable_cell(const Row* row, size_t column) {
    if (!row || column >= row->cells.size() || !row->cells[column].usable()) return nullptr;
    return &row->cells[column];
}

CellRef cell_ref(int table, const Row& row, int column) {
    return {table, std::string(row.spec->key), column, row.cells[column].span, ""};
}

// --- narrative-applications -----------------------------------------------------

// Words that make a clause about something other than this year's
// applications: other channels, 复议 and 诉讼, answers, other years,
// counts summed over subordinate bodies.
constexpr std::string_view kNotApplications[] = {
    "复议", "诉讼", "起诉", "信访", "留言", "咨询", "投诉", "举报", "建议", "提案", "来信", "来电", "热线",
    "网民", "诉求", "许可", "答复", "回复", "办结", "结转", "上年", "上一年", "去年", "前年", "同比",
    "同期", "累计", "历年", "以来", "各级", "各部门", "各单位", "各乡镇", "各镇", "各街道", "各县", "各区",
    "所属", "下属", "补正", "如", "若",
    // a channel or a part, not the whole: "通过信函收到 35 件", "其中网上申请 60 件"
    "通过", "其中", "网上", "在线", "当面", "信函", "邮寄", "传真", "电子邮件"};

constexpr std::string_view kReceive[] = {"收到", "受理", "接收", "接到", "新收", "收悉"};

// Is `s` made only of white space and `words` (longest listed first)?
template <size_t N>
bool only_words(std::string_view s, const std::string_view (&words)[N]) {
    size_t i = 0;
    while (i < s.size()) {
        const Cp c = decode_at(s, i);
        if (scan::is_space(c.cp)) {
            i += c.len;
            continue;
        }
        bool matched = false;
        for (std::string_view w : words)
            if (starts(s, i, w)) {
                i += w.size();
                matched = true;
                break;
            }
        if (!matched) return false;
    }
    return true;
}

// What may stand between the verb and the number when the words naming the
// application are elsewhere: "共受理 75 件", "收到了 5 件".
constexpr std::string_view kFiller[] = {"总共", "共计", "合计", "一共", "共", "了", "计", "到", "各类"};

// What may follow 申请 before the number: "申请 3119 件", "依申请公开事项共 97 件",
// "申请数量为 95 件"; not "申请后 15 个工作日".
constexpr std::string_view kAfterApply[] = {"公开", "事项", "业务", "共计", "合计", "总计", "总数", "数量",
                                            "件数", "共", "为", "达", "计", "了", "是", "有", "：", ":"};

bool number_follows_apply(std::string_view between) {
    const size_t p = between.rfind("申请");
    return p != npos && only_words(between.substr(p + 6), kAfterApply);
}

// What may stand between 复议 / 诉讼 and the number: "行政复议 351 件",
// "被提起行政诉讼案件 1 件", "行政复议申请共 3 件".
constexpr std::string_view kAfterCase[] = {"案件", "案", "申请", "共计", "合计", "总计", "数量", "件数", "共",
                                           "为", "达", "计", "了", "的", "是", "有", "事项", "：", ":"};

struct AppTable {
    const Row* new_row = nullptr;
    const Cell* new_total = nullptr;
    const Row* carried_row = nullptr;
    const Cell* carried_total = nullptr;
};

void check_applications(const Narrative& n, const AppTable& t, Emitter& out) {
    if (!t.new_total) return;
    const int64_t fresh = t.new_total->value;
    const int64_t both = fresh + (t.carried_total ? t.carried_total->value : 0);
    // What the text may rightly give: row 一, or 一 + 二; each by its 总计 or,
    // when a 总计 is itself wrong (apply-row-total says so), by its parts.
    std::vector<int64_t> accept;
    {
        auto parts = [](const Row* row) {
            int64_t v = 0;
            for (size_t k = 0; row && k < 6 && k < row->cells.size(); ++k)
                if (row->cells[k].usable()) v += row->cells[k].value;
            return v;
        };
        const int64_t new_values[] = {fresh, parts(t.new_row)};
        std::vector<int64_t> carried = {0};
        if (t.carried_total) carried = {0, t.carried_total->value, parts(t.carried_row)};
        for (int64_t a : new_values)
            for (int64_t b : carried) accept.push_back(a + b);
    }
    const std::string_view s = n.text;
    // A few per report: vectors, not std::set (whose tree the page's wasm need not carry).
    std::vector<size_t> used_numbers;
    std::vector<size_t> used_phrases;
    auto used = [](const std::vector<size_t>& v, size_t x) { return std::find(v.begin(), v.end(), x) != v.end(); };

    auto refs = [&](Finding& f) {
        f.cells.push_back(cell_ref(3, *t.new_row, 6));
        if (t.carried_total) f.cells.push_back(cell_ref(3, *t.carried_row, 6));
    };
    auto emit_none = [&](size_t b, size_t e) {
        if (fresh <= 0 || used(used_phrases, b)) return;
        used_phrases.push_back(b);
        Params p = {{"phrase", std::string(s.substr(b, e - b))},
                    {"row", row_name(*t.new_row->spec)},
                    {"new", std::to_string(fresh)}};
        refs(out.emit(Msg::NarrativeApplicationsNone, n.source(b, e), p));
    };

    // The rest of the clause after "未收到…申请": not "…被申请行政复议", "…的投诉".
    auto rest_ok = [&](size_t e, size_t se) {
        const size_t ce = clause_end(s, e, se, false, 40);
        return !has_any(s.substr(e, ce - e), {"复议", "诉讼", "起诉", "投诉", "举报", "纠错", "被", "异议"});
    };

    for (const Span& sent : n.sentences) {
        const size_t sb = sent.begin, se = sent.end;
        const std::string_view sentence = s.substr(sb, se - sb);
        if (!has(sentence, "申请")) continue;

        // "无依申请公开", "无政府信息公开申请".
        for (size_t p = scan::find_text(sentence, "无"); p != npos; p = scan::find_text(sentence, "无", p + 3)) {
            const size_t at = sb + p + 3;
            std::string_view np;
            for (std::string_view w : {"依申请公开", "依申请", "政府信息公开申请", "信息公开申请"})
                if (starts(s, at, w)) {
                    np = w;
                    break;
                }
            if (np.empty()) continue;
            const size_t e = at + np.size();
            if (has_any(s.substr(clause_begin(s, sb + p, sb, false), e - clause_begin(s, sb + p, sb, false)),
                        kNotApplications))
                continue;
            if (n.other_year(sb, e) || !rest_ok(e, se)) continue;
            emit_none(sb + p, e);
        }

        for (std::string_view verb : kReceive) {
            for (size_t p = scan::find_text(sentence, verb); p != npos; p = scan::find_text(sentence, verb, p + verb.size())) {
                const size_t vb = sb + p, ve = vb + verb.size();
                const size_t before3 = back_cp(s, vb, sb, 3);
                const std::string_view lead = s.substr(before3, vb - before3);
                const bool negated = has_any(lead, {"未", "没"});
                if (negated) {
                    // "未收到政府信息公开申请", "没有收到任何形式的政府信息公开申请".
                    const size_t ce = clause_end(s, ve, se, false, 30);
                    const size_t ap = find_apply(s, ve, ce);
                    if (ap == npos) continue;
                    size_t e = ap + 6;
                    if (starts(s, e, "公开")) e += 6;
                    const size_t nb = before3 + std::min(scan::find_text(lead, "未"), scan::find_text(lead, "没"));
                    // The words naming the application follow the verb, or
                    // ("依申请公开方面，本年度未收到申请") come before it when
                    // 申请 follows the verb at once (not "未受理的申请").
                    const size_t from = back_cp(s, vb, sb, 30);
                    const std::string_view to_apply = s.substr(ve, ap - ve);
                    const bool close = cp_len(to_apply) <= 4 && !has(to_apply, "的");
                    if (!names_disclosure_application(s.substr(ve, e - ve)) &&
                        !(close && names_disclosure_application(s.substr(from, vb - from))))
                        continue;
                    const size_t cb = clause_begin(s, vb, sb, false);
                    if (has_any(s.substr(cb, e - cb), kNotApplications)) continue;
                    if (n.number_in(ve, e)) continue;
                    if (n.other_year(sb, e) || !rest_ok(e, se)) continue;
                    emit_none(nb, e);
                    continue;
                }

                // A count: "受理政府信息公开申请 3119 件", "收到 12 件政府信息公开申请",
                // "依申请公开方面，全年共受理 75 件".
                const size_t mi = n.first_number(ve);
                if (mi >= n.numbers.size()) continue;
                const NumberMention& m = n.numbers[mi];
                if (m.span.end > se) continue;
                if (m.unit != "件" && m.unit != "条") continue;
                if (!one_clause(s, ve, m.span.begin) || cp_len(s.substr(ve, m.span.begin - ve)) > 40) continue;
                if (used(used_numbers, mi)) continue;
                const std::string_view between = s.substr(ve, m.span.begin - ve);
                size_t context_b = clause_begin(s, vb, sb, false);
                bool named = false;
                if (find_apply(between, 0, between.size()) != npos) {
                    named = names_disclosure_application(between) && number_follows_apply(between);
                } else if (only_words(between, kFiller)) {
                    const size_t ue = unit_end(m);
                    const size_t after_end = fwd_cp(s, ue, se, 12);
                    const std::string_view after = s.substr(ue, after_end - ue);
                    const size_t lead_b = back_cp(s, vb, sb, 30);
                    const std::string_view before = s.substr(lead_b, vb - lead_b);
                    if (names_disclosure_application(after) && one_clause(s, ue, ue + scan::find_text(after, "申请"))) {
                        named = true;
                    } else if (names_disclosure_application(before) && !n.number_in(lead_b, vb)) {
                        named = true;
                        context_b = std::min(context_b, lead_b);
                    }
                }
                if (!named) continue;
                if (has_any(s.substr(context_b, m.span.begin - context_b), kNotApplications)) continue;
                if (n.approximate(m)) continue;
                if (n.other_year(sb, unit_end(m))) continue;
                used_numbers.push_back(mi);
                if (m.decimals != 0) continue;
                if (std::find(accept.begin(), accept.end(), m.value) != accept.end()) continue;

                static const std::pair<std::string_view, std::string_view> kVerbEn[] = {
                    {"收到", "received"}, {"受理", "accepted"}, {"接收", "received"},
                    {"接到", "received"}, {"新收", "newly received"}, {"收悉", "received"}};
                std::string verb_en = "received";
                for (const auto& [zh, en] : kVerbEn)
                    if (zh == verb) verb_en = std::string(en);
                Params pr = {{"verb", std::string(verb)},   {"verb_en", verb_en},
                            {"said", format_mention(m)},    {"unit", std::string(m.unit)},
                            {"new", std::to_string(fresh)}, {"both", std::to_string(both)}};
                pr["arithmetic"] = format_mention(m) + " ≠ " + std::to_string(fresh);
                if (t.carried_total && fresh != both)
                    pr["arithmetic"] += "，" + format_mention(m) + " ≠ " + std::to_string(fresh) + " + " +
                                        std::to_string(t.carried_total->value) + " = " + std::to_string(both);
                const Span at = n.source(m.span.begin, unit_end(m));
                // Nothing carried over: one count to agree with, not two.
                refs(fresh == both ? out.emit(Msg::NarrativeApplicationsCount, Fix::ApplicationsCountNoCarry, at, pr)
                                   : out.emit(Msg::NarrativeApplicationsCount, at, pr));
            }
        }
    }
}

// --- narrative-review -------------------------------------------------------------

enum class Proc { Review, Litigation, Direct, AfterReview };

struct Keyword {
    size_t begin, end;
    Proc kind;
};

// 复议 and 诉讼 words of a sentence, leftmost-longest.
std::vector<Keyword> review_keywords(std::string_view s, size_t b, size_t e) {
    static const std::pair<std::string_view, Proc> kWords[] = {
        {"未经复议直接起诉", Proc::Direct},
        {"复议后提起诉讼", Proc::AfterReview},
        {"复议后提起行政诉讼", Proc::AfterReview},
        {"复议后起诉", Proc::AfterReview},
        {"直接起诉", Proc::Direct},
        {"行政复议", Proc::Review},
        {"行政诉讼", Proc::Litigation},
        {"提起诉讼", Proc::Litigation},
        {"复议", Proc::Review},
        {"诉讼", Proc::Litigation},
        {"起诉", Proc::Litigation},
    };
    std::vector<Keyword> out;
    for (size_t i = b; i < e;) {
        bool matched = false;
        for (const auto& [w, kind] : kWords) {
            if (i + w.size() <= e && starts(s, i, w)) {
                out.push_back({i, i + w.size(), kind});
                i += w.size();
                matched = true;
                break;
            }
        }
        if (!matched) i += decode_at(s, i).len;
    }
    return out;
}

bool is_review(Proc p) { return p == Proc::Review; }

// Index of the first keyword starting at or after `pos`.
size_t first_keyword(const std::vector<Keyword>& kws, size_t pos) {
    return static_cast<size_t>(
        std::lower_bound(kws.begin(), kws.end(), pos, [](const Keyword& k, size_t p) { return k.begin < p; }) -
        kws.begin());
}

struct ReviewTable {
    const Row* row = nullptr;
    int64_t v[15] = {};
    bool ok[15] = {};
    bool usable = false;

    int64_t sum(int from, int to) const {
        int64_t t = 0;
        for (int k = from; k <= to; ++k) t += v[k];
        return t;
    }
    // What the table shows for the group: its total, or the sum of its parts
    // when the total is short of them (a total left at 0).
    int64_t review_shown() const { return std::max(v[4], sum(0, 3)); }
    int64_t litigation_shown() const {
        return std::max(v[9], sum(5, 8)) + std::max(v[14], sum(10, 13));
    }
};

// Words that make a clause about something other than the number of cases.
constexpr std::string_view kNotCaseCount[] = {"率",   "维持", "纠正", "纠错", "结果", "审结", "败诉", "胜诉", "撤",
                                 "驳回", "确认", "其中", "上年", "上一年", "去年", "同比", "同期", "累计",
                                 "答复", "决定", "应诉", "开庭", "出庭", "各", "均", "比", "增", "减",
                                 "下降", "上升", "人次", "如", "若", "历年", "以来"};

// Words after which "no 复议" means "no 复议 went against us", not "none".
constexpr std::string_view kOutcome[] = {"纠错", "纠正", "败诉", "撤销", "确认违法", "改变", "被诉", "不利",
                            "发生率", "率", "维持", "结果", "执行"};

void check_review(const Narrative& n, const ReviewTable& t, Emitter& out) {
    if (!t.usable) return;
    const std::string_view s = n.text;
    std::vector<std::pair<size_t, int>> reported;

    auto emit_none = [&](size_t b, size_t e, bool review, bool litigation) {
        struct G {
            bool on;
            int64_t count;
            const char* zh;
            const char* en;
            std::vector<int> cols;
        } groups[] = {{review, t.review_shown(), "行政复议", "administrative review", {4}},
                      {litigation, t.litigation_shown(), "行政诉讼", "administrative litigation", {9, 14}}};
        for (int g = 0; g < 2; ++g) {
            if (!groups[g].on || groups[g].count <= 0) continue;
            if (std::find(reported.begin(), reported.end(), std::make_pair(b, g)) != reported.end()) continue;
            reported.push_back({b, g});
            Params p = {{"phrase", std::string(s.substr(b, e - b))},
                        {"group", groups[g].zh},
                        {"group_en", groups[g].en},
                        {"count", std::to_string(groups[g].count)}};
            Finding& f = out.emit(Msg::NarrativeReviewNone, n.source(b, e), p);
            for (int c : groups[g].cols) f.cells.push_back(cell_ref(4, *t.row, c));
        }
    };

    for (const Span& sent : n.sentences) {
        const size_t sb = sent.begin, se = sent.end;
        const std::string_view sentence = s.substr(sb, se - sb);
        if (!has_any(sentence, {"复议", "诉讼", "起诉"})) continue;
        const std::vector<Keyword> kws = review_keywords(s, sb, se);
        if (kws.empty()) continue;

        // (1) A negation before the words: "未发生政府信息公开行政复议、行政诉讼",
        // "未被申请行政复议", "无行政复议和行政诉讼".
        static constexpr std::string_view kCues[] = {"未发生", "没有发生", "未出现", "没有出现", "未被",
                                                     "没有被", "未收到", "没有收到", "未接到", "未涉及",
                                                     "不存在", "没有", "均未", "无"};
        for (std::string_view cue : kCues) {
            for (size_t p = scan::find_text(sentence, cue); p != npos; p = scan::find_text(sentence, cue, p + cue.size())) {
                const size_t cb = sb + p, ce = cb + cue.size();
                if (cue == "无") {
                    bool ok = false;
                    for (std::string_view w : {"行政复议", "行政诉讼", "复议", "诉讼", "因", "政府信息公开",
                                               "涉及", "被", "发生", "引起", "任何"})
                        if (starts(s, ce, w)) ok = true;
                    if (!ok) continue;
                }
                const size_t end = clause_end(s, ce, se, false, 40, true);
                // Keywords in the clause after the cue; the first within 20 code points.
                bool review = false, litigation = false;
                size_t last_end = 0;
                for (size_t ki = first_keyword(kws, ce); ki < kws.size() && kws[ki].end <= end; ++ki) {
                    const Keyword& k = kws[ki];
                    if (last_end == 0 && cp_len(s.substr(ce, k.begin - ce)) > 20) break;
                    (is_review(k.kind) ? review : litigation) = true;
                    last_end = k.end;
                }
                if (last_end == 0) continue;
                const std::string_view window = s.substr(ce, end - ce);
                if (has_any(window, kOutcome)) continue;
                if (n.number_in(ce, end)) continue;
                const size_t clb = clause_begin(s, cb, sb, false);
                const std::string_view prefix = s.substr(clb, cb - clb);
                if (has_any(prefix, {"如", "若", "上年", "去年", "上一年", "同比", "累计", "历年", "以来"})) continue;
                if (n.other_year(sb, end)) continue;
                emit_none(cb, last_end, review, litigation);
            }
        }

        // (2) The words, then the negation: "行政复议、行政诉讼均未发生", "…为零".
        static constexpr std::string_view kPost[] = {"均未发生", "未发生", "零发生", "均为零", "为零",
                                                     "均为0",   "为0",    "均为 0", "为 0",  "均无"};
        for (size_t i = 0; i < kws.size(); ++i) {
            const Keyword& first = kws[i];
            const size_t end = clause_end(s, first.end, se, false, 40, true);
            bool review = false, litigation = false;
            size_t j = i;
            for (; j < kws.size() && kws[j].end <= end; ++j) (is_review(kws[j].kind) ? review : litigation) = true;
            const size_t after = kws[j - 1].end;
            size_t found = npos, found_end = 0;
            for (size_t q = after; q < end && found == npos;) {
                for (std::string_view w : kPost)
                    if (starts(s, q, w)) {
                        found = q;
                        found_end = q + w.size();
                        break;
                    }
                q += decode_at(s, q).len;
            }
            i = j - 1;
            if (found == npos) continue;
            if (cp_len(s.substr(after, found - after)) > 10) continue;
            // "为0" must be the whole number ("为0.5" or "为05" is not zero).
            if (scan::is_digit(decode_at(s, found_end).cp) || decode_at(s, found_end).cp == U'.') continue;
            const std::string_view window = s.substr(first.begin, found - first.begin);
            if (has_any(window, kOutcome)) continue;
            const size_t clb = clause_begin(s, first.begin, sb, false);
            if (has_any(s.substr(clb, found - clb), {"如", "若", "上年", "去年", "上一年", "同比", "累计", "历年", "以来", "其中"}))
                continue;
            if (n.number_in(first.begin, found)) continue;
            if (n.other_year(sb, found_end)) continue;
            emit_none(first.begin, found_end, review, litigation);
        }

        // (3) Counts: "政府信息公开行政复议 351 件", "行政诉讼 46 件".
        if (!has_any(sentence, {"信息公开", "依申请"})) continue;
        for (size_t mi = n.first_number(sb); mi < n.numbers.size() && n.numbers[mi].span.end <= se; ++mi) {
            const NumberMention& m = n.numbers[mi];
            if (m.decimals != 0 || n.approximate(m)) continue;
            size_t end = unit_end(m);
            std::string unit(m.unit);
            if (m.unit.empty()) {
                const size_t a = scan::skip_spaces(s, m.span.end);
                for (std::string_view w : {"起", "宗"})
                    if (starts(s, a, w)) {
                        unit = std::string(w);
                        end = a + w.size();
                    }
            }
            if (unit != "件" && unit != "起" && unit != "宗") continue;
            const size_t clb = clause_begin(s, m.span.begin, sb, true);
            const Keyword* last = nullptr;
            bool mixed = false;
            for (size_t ki = first_keyword(kws, clb); ki < kws.size() && kws[ki].end <= m.span.begin; ++ki) {
                const Keyword& k = kws[ki];
                if (last && is_review(last->kind) != is_review(k.kind)) mixed = true;
                last = &k;
            }
            if (!last || mixed) continue;
            const std::string_view between = s.substr(last->end, m.span.begin - last->end);
            if (!only_words(between, kAfterCase)) continue;
            if (n.number_in(last->end, m.span.begin)) continue;
            if (has_any(s.substr(clb, last->begin - clb), kNotCaseCount)) continue;
            if (!has_any(s.substr(sb, m.span.begin - sb), {"信息公开", "依申请"})) continue;
            if (n.other_year(sb, end)) continue;

            std::vector<int64_t> accept;
            std::vector<int> cols;
            const char* group = "";
            const char* group_en = "";
            int64_t count = 0;
            // The three groups of table 四, five columns each (the fifth is 总计).
            struct Group {
                Proc kind;
                int first;
                const char* zh;
                const char* en;
            };
            static const Group kGroups[] = {{Proc::Review, 0, "行政复议", "administrative review"},
                                            {Proc::Direct, 5, "未经复议直接起诉", "direct litigation"},
                                            {Proc::AfterReview, 10, "复议后起诉", "litigation after review"}};
            const Group* single = nullptr;
            for (const auto& g : kGroups)
                if (g.kind == last->kind) single = &g;
            if (single) {
                const int total = single->first + 4;
                accept = {t.v[total], t.sum(single->first, single->first + 3)};
                cols = {total};
                group = single->zh;
                group_en = single->en;
                count = t.v[total];
            }
            switch (last->kind) {
                case Proc::Review:
                case Proc::Direct:
                case Proc::AfterReview:
                    break;
                case Proc::Litigation:
                    // "行政诉讼 26 件" may mean one kind only; "行政诉讼 0 件" may not.
                    accept = {t.v[9] + t.v[14], t.sum(5, 8) + t.sum(10, 13)};
                    if (m.value > 0) accept.insert(accept.end(), {t.v[9], t.v[14]});
                    cols = {9, 14};
                    group = "行政诉讼";
                    group_en = "administrative litigation";
                    count = t.v[9] + t.v[14];
                    break;
            }
            if (std::find(accept.begin(), accept.end(), m.value) != accept.end()) continue;
            bool cols_ok = true;
            for (int c : cols) cols_ok &= t.ok[c];
            if (!cols_ok) continue;
            Params p = {{"group", group},       {"group_en", group_en},           {"said", format_mention(m)},
                        {"unit", unit},         {"count", std::to_string(count)}};
            p["arithmetic"] = last->kind == Proc::Litigation
                                  ? std::to_string(t.v[9]) + " + " + std::to_string(t.v[14]) + " = " +
                                        std::to_string(count) + " ≠ " + format_mention(m)
                                  : std::to_string(count) + " ≠ " + format_mention(m);
            Finding& f = out.emit(Msg::NarrativeReviewCount, n.source(m.span.begin, end), p);
            for (int c : cols) f.cells.push_back(cell_ref(4, *t.row, c));
        }
    }
}

// --- narrative-breakdown ------------------------------------------------------------

// Words that end a list of parts: a new statement, a comparison, a share.
constexpr std::string_view kNotPart[] = {"其中", "总共", "共计", "共有", "合计", "总计", "累计", "全年", "同比", "较",
                            "比",   "增",   "减",   "占",   "率",   "均",   "含",   "包括", "另",   "主要",
                            "例如", "办结", "答复", "回复", "按时", "按期", "及时", "分别"};

// "市政府网站共采用 672 条", "一共": a new total, not a part; 公共 is a word.
bool totals_again(std::string_view label) {
    for (size_t p = scan::find_text(label, "共"); p != npos; p = scan::find_text(label, "共", p + 3))
        if (!ends(label, p, "公")) return true;
    return false;
}

struct Part {
    const NumberMention* m;
    const NumberMention* pct = nullptr;
    size_t end;       // after the part (and its percentage)
};

// Scale to `decimals` places; false on overflow.
bool scaled(const NumberMention& m, int decimals, int64_t& v) {
    v = m.value;
    for (int k = m.decimals; k < decimals; ++k)
        if (!scan::mul_add(v, 10, 0)) return false;
    return true;
}

bool sep_char(char32_t c) { return c == U'，' || c == U',' || c == U'、'; }

void check_breakdowns(const Narrative& n, Emitter& out) {
    const std::string_view s = n.text;
    for (const Span& sent : n.sentences) {
        const size_t sb = sent.begin, se = sent.end;
        const std::string_view sentence = s.substr(sb, se - sb);
        for (size_t p = scan::find_text(sentence, "其中"); p != npos; p = scan::find_text(sentence, "其中", p + 6)) {
            const size_t q = sb + p;
            // The total: the count right before 其中 ("75 条，其中").
            const size_t ti = n.first_number(q);
            if (ti == 0) continue;
            const NumberMention& total = n.numbers[ti - 1];
            if (total.span.begin < sb || total.span.end > q) continue;
            if (total.unit.empty() || total.unit == "%") continue;
            const size_t te = unit_end(total);
            if (te > q) continue;
            bool gap_ok = true;
            for (size_t i = te; i < q;) {
                const Cp c = decode_at(s, i);
                if (!(c.cp == U'（' || c.cp == U'(' || scan::is_space(c.cp) || c.cp == U'，' || c.cp == U',' || c.cp == U'：' || c.cp == U':'))
                    gap_ok = false;
                i += c.len;
            }
            if (!gap_ok || cp_len(s.substr(te, q - te)) > 3) continue;
            if (n.approximate(total)) continue;
            // A total that is itself one item of a list ("人大建议 30 件、政协提案
            // 25 件，其中主办 40 件"): its parts may be the whole list's.
            if (ti >= 2) {
                const NumberMention& prev = n.numbers[ti - 2];
                if (prev.span.begin >= sb && prev.unit == total.unit) {
                    bool joined_list = true;
                    for (size_t i = unit_end(prev); i < total.span.begin;) {
                        const Cp c = decode_at(s, i);
                        if (c.cp == U'，' || c.cp == U',' || c.cp == U'；' || c.cp == U';' || c.cp == U'：' ||
                            c.cp == U':') {
                            joined_list = false;
                            break;
                        }
                        i += c.len;
                    }
                    if (joined_list) continue;
                }
            }

            // The parts.
            std::vector<Part> parts;
            bool abort = false;
            char32_t list_sep = 0;
            size_t pos = q + 6;
            while (pos < se) {
                const Cp c = decode_at(s, pos);
                if (!(scan::is_space(c.cp) || c.cp == U'：' || c.cp == U':' || c.cp == U'，' || c.cp == U',')) break;
                pos += c.len;
            }
            size_t j = n.first_number(pos);
            while (j < n.numbers.size() && n.numbers[j].span.end <= se && parts.size() < 64) {
                const NumberMention& m = n.numbers[j];
                const std::string_view label = s.substr(pos, m.span.begin - pos);
                if (has(label, "等")) {
                    abort = true;
                    break;
                }
                if (!one_clause(s, pos, m.span.begin) || cp_len(label) > 20 || has_any(label, kNotPart) ||
                    totals_again(label))
                    break;
                if (m.unit != total.unit) break;
                if (n.approximate(m)) {
                    abort = true;
                    break;
                }
                Part part{&m, nullptr, unit_end(m)};
                ++j;
                // "208 件（17.46%）"
                {
                    const size_t a = scan::skip_spaces(s, part.end);
                    const Cp open = decode_at(s, a);
                    if ((open.cp == U'（' || open.cp == U'(') && j < n.numbers.size()) {
                        const NumberMention& pc = n.numbers[j];
                        const size_t inner = scan::skip_spaces(s, a + open.len);
                        if (pc.unit == "%" && pc.span.begin == inner) {
                            const size_t z = scan::skip_spaces(s, unit_end(pc));
                            const Cp close = decode_at(s, z);
                            if (close.cp == U'）' || close.cp == U')') {
                                part.pct = &pc;
                                part.end = z + close.len;
                                ++j;
                            }
                        }
                    }
                }
                // The rest of the item up to its separator ("10 件予以公开").
                size_t k = part.end;
                const size_t next_num = j < n.numbers.size() ? n.numbers[j].span.begin : se;
                while (k < se && k < next_num) {
                    const Cp c = decode_at(s, k);
                    if (clause_separator_at(s, k) || is_bracket(c.cp)) break;
                    k += c.len;
                }
                const std::string_view suffix = s.substr(part.end, k - part.end);
                if (has_any(suffix, {"等", "以上", "左右"})) {
                    abort = true;
                    break;
                }
                parts.push_back(part);
                if (k >= se || k >= next_num || cp_len(suffix) > 15) break;
                Cp sc = decode_at(s, k);
                if (!sep_char(sc.cp) || !clause_separator_at(s, k)) break;
                // "，占 17.46%"
                {
                    const size_t a = scan::skip_spaces(s, k + sc.len);
                    if (starts(s, a, "占") && j < n.numbers.size() && n.numbers[j].unit == "%" && parts.back().pct == nullptr) {
                        const NumberMention& pc = n.numbers[j];
                        if (pc.span.begin > a && one_clause(s, a, pc.span.begin) &&
                            cp_len(s.substr(a, pc.span.begin - a)) <= 8) {
                            parts.back().pct = &pc;
                            parts.back().end = unit_end(pc);
                            ++j;
                            k = scan::skip_spaces(s, unit_end(pc));
                            if (k >= se) break;
                            sc = decode_at(s, k);
                            if (!sep_char(sc.cp) || !clause_separator_at(s, k)) break;
                        }
                    }
                }
                if (list_sep == 0) list_sep = sc.cp;
                else if (sc.cp != list_sep) break;
                pos = k + sc.len;
            }
            if (abort || parts.empty()) continue;

            int dec = total.decimals;
            for (const Part& pt : parts) dec = std::max(dec, pt.m->decimals);
            int64_t tv = 0;
            if (!scaled(total, dec, tv)) continue;
            std::vector<int64_t> pv;
            bool overflow = false;
            int64_t sum = 0;
            bool prefix_match = false;
            for (const Part& pt : parts) {
                int64_t v = 0;
                if (!scaled(*pt.m, dec, v) || __builtin_add_overflow(sum, v, &sum)) {
                    overflow = true;
                    break;
                }
                pv.push_back(v);
                if (sum == tv) prefix_match = true;
            }
            if (overflow) continue;
            const std::string unit(total.unit);
            if (!prefix_match) {
                const size_t last_end = unit_end(*parts.back().m);
                // Parts that cover most of the total (a slip of one figure);
                // fewer are a few highlights of it.
                if (parts.size() >= 2 && (sum > tv || sum >= tv - tv / 5)) {
                    std::string arith;
                    for (size_t k = 0; k < pv.size(); ++k) arith += (k ? " + " : "") + format_scaled(pv[k], dec);
                    arith += " = " + format_scaled(sum, dec) + " ≠ " + format_scaled(tv, dec);
                    Params pr = {{"total", format_scaled(tv, dec)}, {"sum", format_scaled(sum, dec)},
                                 {"unit", unit}, {"arithmetic", arith}};
                    out.emit(Msg::NarrativeBreakdownSum, n.source(total.span.begin, last_end), pr);
                } else if (parts.size() == 1 && sum > tv) {
                    Params pr = {{"total", format_scaled(tv, dec)}, {"part", format_scaled(sum, dec)},
                                 {"unit", unit}, {"arithmetic", format_scaled(sum, dec) + " > " + format_scaled(tv, dec)}};
                    out.emit(Msg::NarrativeBreakdownExceeds, n.source(total.span.begin, last_end), pr);
                }
            }
            // Percentages: within the rounding of the printed decimals.
            if (tv <= 0) continue;
            for (size_t k = 0; k < parts.size(); ++k) {
                const Part& pt = parts[k];
                if (!pt.pct) continue;
                const int d = pt.pct->decimals;
                if (d > 6) continue;
                const double exact = static_cast<double>(pv[k]) * 100.0 / static_cast<double>(tv);
                const double scale = std::pow(10.0, d);
                const double said = static_cast<double>(pt.pct->value);
                if (std::fabs(exact * scale - said) < 1.0) continue;
                // Rounded to the decimals the text printed; integers, not printf("%f"),
                // which would pull long-double formatting into the page's wasm.
                const std::string actual = format_scaled(std::llround(exact * scale), d);
                Params pr = {{"part", format_scaled(pv[k], dec)},
                             {"total", format_scaled(tv, dec)},
                             {"unit", unit},
                             {"actual", actual},
                             {"said", format_mention(*pt.pct)},
                             {"arithmetic", format_scaled(pv[k], dec) + " ÷ " + format_scaled(tv, dec) + " = " + actual + "%"}};
                out.emit(Msg::NarrativeBreakdownPercent, n.source(pt.m->span.begin, pt.end), pr);
            }
        }
    }
}

// --- narrative-fee-notice ----------------------------------------------------------

bool mentions_fees(std::string_view s) {
    if (has_any(s, {"收费通知", "缴费", "缴纳", "处理费", "费用"})) return true;
    for (size_t p = scan::find_text(s, "收费"); p != npos; p = scan::find_text(s, "收费", p + 6))
        if (!ends(s, p, "事业性")) return true;
    return false;
}

void check_fee_notice(const Narrative& n, const Table& t3, Emitter& out) {
    const Row* row = find_row(t3, "t3.other.2");
    const Cell* total = usable_cell(row, 6);
    if (!total || total->value <= 0) return;
    if (mentions_fees(n.text)) return;
    Params p = {{"row", row_name(*row->spec)}, {"count", std::to_string(total->value)}};
    const Span at = total->span.empty() ? row->span : total->span;
    out.emit(Msg::NarrativeFeeNoticeSilent, at, p).cells.push_back(cell_ref(3, *row, 6));
}

// --- run --------------------------------------------------------------------------

void run(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const bool any = out.enabled(Rule::NarrativeApplications) || out.enabled(Rule::NarrativeReview) ||
                     out.enabled(Rule::NarrativeBreakdown) || out.enabled(Rule::NarrativeFeeNotice);
    if (!any) return;
    Narrative n;
    read_narrative(r, n);

    AppTable at;
    at.new_row = find_row(r.table3, "t3.new");
    at.new_total = usable_cell(at.new_row, 6);
    at.carried_row = find_row(r.table3, "t3.carried_in");
    at.carried_total = usable_cell(at.carried_row, 6);
    if (out.enabled(Rule::NarrativeApplications)) check_applications(n, at, out);

    ReviewTable rt;
    rt.row = find_row(r.table4, "t4.counts");
    if (rt.row && rt.row->cells.size() >= 15) {
        rt.usable = true;
        for (int k = 0; k < 15; ++k) {
            const Cell& c = rt.row->cells[k];
            rt.ok[k] = c.usable();
            rt.v[k] = c.usable() ? c.value : 0;
        }
    }
    if (out.enabled(Rule::NarrativeReview)) check_review(n, rt, out);
    if (out.enabled(Rule::NarrativeBreakdown)) check_breakdowns(n, out);
    if (out.enabled(Rule::NarrativeFeeNotice)) check_fee_notice(n, r.table3, out);
}

}  // namespace

const RuleCheck& narrative_checks() {
    static const RuleCheck check{docs(), messages(), fixes(), run};
    return check;
}

}  // namespace nianbao
