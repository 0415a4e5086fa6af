// narrative-breakdown: a total and its parts (其中 …) in one sentence, and the
// percentages next to the parts, checked against each other.
#include <algorithm>
#include <cmath>

#include "rules/narrative_text.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using namespace narrative_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeBreakdown, Severity::Warning)
            .title("总数与分项对不上", "Parts do not add up to the total")
            .checks("一句话先给总数，再用“其中”列出分项（“公开信息 75 条，其中公开类 24 条、民政类 12 条、项目类 30 条、财务类 4 条”），"
                    "两个以上同单位的分项相加不等于总数（分项之和不到总数八成的，视为只列举了一部分，不报），或分项超过总数；"
                    "或与件数一起给出的百分比（“208 件（17.46%）”）与件数除以总数不符（按所写的小数位数允许舍入误差）。",
                    "A sentence gives a total and its parts (其中 …) and the parts exceed the total or, when they cover at least 80% of it, do not add up; a percentage next to a count that does not match count ÷ total.")
            .matters("分项对不上总数，通常是漏写、错写了某个数，读者据此引用时会出错。",
                     "Totals and their parts are the figures readers quote; they must agree.")
            .for_example("主动公开政府信息 75 条，其中公开类信息 24 条、民政类 12 条、项目类信息 30 条、财务类 4 条",
                         "「主动公开政府信息 75 条，其中公开类信息 24 条、民政类 12 条、项目类信息 30 条、财务类 4 条」 (75 items published, of which 24 + 12 + 30 + 4 = 70 by kind)")
            .based_on("—"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
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
    };
    return m;
}

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

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::NarrativeBreakdown)) return;
    check_breakdowns(narrative_of(ctx), out);
}

}  // namespace

const RuleCheck& narrative_breakdown_check() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
