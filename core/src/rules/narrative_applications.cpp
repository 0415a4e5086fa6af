// narrative-applications: the number of applications the text gives (or its
// "no application") against table 三's rows 一 and 二.
#include <algorithm>

#include "rules/describe.h"
#include "rules/narrative_text.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using namespace narrative_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeApplications, Severity::Error)
            .title("正文的申请数与表三不符", "Applications in the text differ from Table 3")
            .checks("正文说没有收到政府信息公开申请（“未收到政府信息公开申请”），而表三“一、本年新收政府信息公开申请数量”总计大于 0；"
                    "或正文给出的收到／受理申请件数（含“十二件”这样的中文数字）既不等于表三第一项总计，也不等于第一项加第二项（上年结转）之和。"
                    "只看明确说政府信息公开申请的句子；答复件数、留言、信访、行政复议、别的年份和一个部门代表机关受理的数字（“区政府办代表区政府受理”“本级受理”）不算。",
                    "The text says no application was received while Table 3 shows some, or gives a number of applications that matches neither row 一 总计 nor 一 + 二 (收到/受理 often counts the carried-over ones too). Chinese numerals (十二件) are read; answers, other channels, other years and one office's share (代表, 本级) are not counted.")
            .matters("正文和表格是同一份统计，说法不一致，读者不知道该信哪个，也说明报告没有核对。",
                     "Text and tables must tell the same story; a contradiction is the first thing an evaluator sees.")
            .for_example("2024 年，全区共受理政府信息公开申请 17 件（表三第一项总计为 95）",
                         "「2024 年，全区共受理政府信息公开申请 17 件」 (17 applications accepted; Table 3, row 一 totals 95)")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::NarrativeApplicationsNone, "正文说“{phrase}”，但表三“{row}”总计为 {new}。",
         "The text says 「{phrase}」, but Table 3, row 「{row}」, totals {new}.",
         "核对正文和表三：如确实收到申请，改写这句话；否则改正表三。",
         "Check the text against Table 3 and correct whichever is wrong."},
        {Msg::NarrativeApplicationsCount, "正文说{verb}申请 {said} {unit}，表三“一、本年新收”总计为 {new}（加上年结转为 {both}）。",
         "The text says {said} {said|application was|applications were} {verb_en}; Table 3, row 一 (received this year), totals {new} "
         "({both} with those carried over from last year).",
         "核对正文和表三，使申请件数一致（应为 {new} 或 {both}）。",
         "Make the count agree with Table 3 ({new}, or {both} with those carried over)."},
    };
    return m;
}

const std::vector<FixSpec>& fixes() {
    static const std::vector<FixSpec> f = {
        {Fix::ApplicationsCountNoCarry, "核对正文和表三，使申请件数一致（表三为 {new}）。",
         "Make the count agree with Table 3 ({new})."},
    };
    return f;
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



// Words that make a clause about something other than this year's
// applications: other channels, 复议 and 诉讼, answers, other years,
// counts summed over subordinate bodies.
constexpr std::string_view kNotApplications[] = {
    "复议", "诉讼", "起诉", "信访", "留言", "咨询", "投诉", "举报", "建议", "提案", "来信", "来电", "热线",
    "网民", "诉求", "许可", "答复", "回复", "办结", "结转", "上年", "上一年", "去年", "前年", "同比",
    "同期", "累计", "历年", "以来", "各级", "各部门", "各单位", "各乡镇", "各镇", "各街道", "各县", "各区",
    "所属", "下属", "补正", "如", "若",
    // one office's share of a whole body's count: "区政府办代表区政府受理 17 件" in a
    // district's report whose table 三 counts the whole district; "本级受理"
    "代表", "本级",
    // a channel or a part, not the whole: "通过信函收到 35 件", "其中网上申请 60 件"
    "通过", "其中", "网上", "在线", "当面", "信函", "邮寄", "传真", "电子邮件"};

constexpr std::string_view kReceive[] = {"收到", "受理", "接收", "接到", "新收", "收悉"};


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
                    pr["arithmetic"] += "; " + format_mention(m) + " ≠ " + std::to_string(fresh) + " + " +
                                        std::to_string(t.carried_total->value) + " = " + std::to_string(both);
                const Span at = n.source(m.span.begin, unit_end(m));
                // Nothing carried over: one count to agree with, not two.
                refs(fresh == both ? out.emit(Msg::NarrativeApplicationsCount, Fix::ApplicationsCountNoCarry, at, pr)
                                   : out.emit(Msg::NarrativeApplicationsCount, at, pr));
            }
        }
    }
}

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::NarrativeApplications)) return;
    const Report& r = ctx.report;
    AppTable at;
    at.new_row = r.table3.found_row("t3.new");
    at.new_total = usable_cell(at.new_row, 6);
    at.carried_row = r.table3.found_row("t3.carried_in");
    at.carried_total = usable_cell(at.carried_row, 6);
    check_applications(narrative_of(ctx), at, out);
}

}  // namespace

const RuleCheck& narrative_applications_check() {
    static const RuleCheck check{docs(), messages(), fixes(), run};
    return check;
}

}  // namespace nianbao
