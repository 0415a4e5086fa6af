// narrative-results: the counts the text gives for the outcomes of table 三
// (予以公开 12 件, 无法提供 265 件, 办结 75 件, 结转下年度 3 件) against the
// rows they name.
//
// What a count is compared with: the sum of the 总计 cells of the rows its
// words name. A group's words (不予公开, 无法提供, 不予处理, 其他处理) name the
// whole group, so they are compared with the sum of its sub-rows: "无法提供 265
// 件" while （四）'s rows give 265 + 70 + 2 fires, even though 265 is its first
// row. A clause that names a sub-row's reason ("因本机关不掌握相关信息无法提供
// 265 件") speaks of that sub-row and is left alone.
#include <algorithm>

#include "rules/describe.h"
#include "rules/narrative_text.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using namespace narrative_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeResults, Severity::Warning)
            .title("正文的办理结果件数与表三不符", "Outcome counts in the text differ from Table 3")
            .checks("正文给出的某一办理结果的件数——予以公开、部分公开、“予以公开及部分公开”合计、不予公开、无法提供、不予处理、其他处理、"
                    "办结／办理完毕（（七）总计）、结转下年度——既不等于表三该行（或该组各项之和）的总计，也不等于正文所列几项之和。"
                    "组名（如“无法提供”）与整组之和比较；句中写明具体理由（如“本机关不掌握”）的，是说某一项，不比较。"
                    "只看紧跟在这些词后面、以“件”计的数字；同比、上年、比率、约数和别的年份的数字不算。",
                    "The text gives a count for an outcome of Table 3 (予以公开, 部分公开, the two together, 不予公开, 无法提供, 不予处理, "
                    "其他处理, 办结/办理完毕 = （七）总计, 结转下年度) that matches neither that row's (or group's) 总计 nor the sum "
                    "of the rows it names. A group's name is compared with the whole group; a clause naming a sub-row's reason is left alone.")
            .matters("正文和表三是同一份统计，件数对不上，读者不知道该信哪个。",
                     "Text and tables must tell the same story.")
            .for_example("无法提供 265 件（表三（四）三项之和为 265 + 70 + 2 = 337）",
                         "「无法提供 265 件」 (265 could not be provided; Table 3's three rows of 「（四）」 add up to 265 + 70 + 2 = 337)")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::NarrativeResultsCount, "正文说{outcome} {said} {unit}，表三{rows}总计为 {count}。",
         "The text gives {said} for 「{outcome}」; Table 3 ({rows_en}) totals {count}.",
         "核对正文和表三，使件数一致（表三为 {count}）。",
         "Make the count agree with Table 3 ({count})."},
    };
    return m;
}

enum class Outcome { Disclosed, Partly, Refused, Unable, Declined, Other, Done, CarriedOut };

struct Keyword {
    size_t begin, end;
    Outcome kind;
};

// The outcome words, longest first where one starts another.
std::vector<Keyword> outcome_keywords(std::string_view s, size_t b, size_t e) {
    static const std::pair<std::string_view, Outcome> kWords[] = {
        {"不予以公开", Outcome::Refused},      {"不予公开", Outcome::Refused},
        {"予以公开", Outcome::Disclosed},      {"部分公开", Outcome::Partly},
        {"无法提供", Outcome::Unable},         {"不予处理", Outcome::Declined},
        {"其他处理", Outcome::Other},          {"办理完毕", Outcome::Done},
        {"办结", Outcome::Done},               {"结转至下一年度", Outcome::CarriedOut},
        {"结转到下一年度", Outcome::CarriedOut}, {"结转下一年度", Outcome::CarriedOut},
        {"结转至下年度", Outcome::CarriedOut}, {"结转到下年度", Outcome::CarriedOut},
        {"结转下年度", Outcome::CarriedOut},   {"转入下一年度", Outcome::CarriedOut},
        {"转入下年度", Outcome::CarriedOut},
    };
    std::vector<Keyword> out;
    for (size_t i = b; i < e;) {
        bool matched = false;
        for (const auto& w : kWords) {
            if (i + 1 >= e || s[i] != w.first[0] || s[i + 1] != w.first[1]) continue;  // most characters start none
            if (i + w.first.size() <= e && starts(s, i, w.first)) {
                out.push_back({i, i + w.first.size(), w.second});
                i += w.first.size();
                matched = true;
                break;
            }
        }
        if (!matched) i += decode_at(s, i).len;
    }
    return out;
}

// What joins the outcomes of one count: "予以公开及部分公开".
constexpr std::string_view kJoin[] = {"以及", "及", "和", "与", "、", "或", "加"};

// What may stand between the outcome and its number: "予以公开 12 件",
// "结转下年度继续办理 3 件", "办结政府信息公开申请 20 件".
constexpr std::string_view kFiller[] = {"政府信息公开申请", "信息公开申请", "继续办理", "申请", "答复", "办理",
                                        "共计", "合计", "总计", "数量", "件数", "的", "共", "为", "达", "计",
                                        "了", "是", "有"};

// Words that make the clause about something else: other years, changes,
// rates, parts by channel, 复议 and 诉讼, what is still open.
constexpr std::string_view kNotOutcomeCount[] = {
    "率", "上年", "上一年", "去年", "前年", "同比", "同期", "累计", "历年", "以来", "较", "比", "增", "减",
    "下降", "上升", "如", "若", "各", "复议", "诉讼", "起诉", "未", "没", "尚", "通过", "网上", "在线",
    "当面", "信函", "邮寄", "传真", "电子邮件", "信访", "热线", "留言", "诉求", "咨询", "建议", "提案"};

// A sub-row's reason: the clause speaks of that row, not of its group.
constexpr std::string_view kSubRow[] = {
    "国家秘密", "禁止公开", "三安全一稳定", "第三方", "内部事务", "过程性", "执法案卷", "行政查询", "不掌握",
    "现成信息", "另行制作", "补正", "举报", "投诉", "重复申请", "出版物", "大量反复", "重新出具", "确认",
    "收费", "缴纳", "逾期"};

// Table 三's values for one outcome: its leaf rows' 总计 cells, and the same
// rows summed over the applicant columns (for a 总计 that is itself wrong).
struct Rows {
    std::vector<const Row*> leaves;
    bool ok = false;
    int64_t total() const {
        int64_t v = 0;
        for (const Row* r : leaves) v += r->cells[6].value;
        return v;
    }
    int64_t parts() const {
        int64_t v = 0;
        for (const Row* r : leaves)
            for (size_t k = 0; k < 6; ++k) v += r->cells[k].value;
        return v;
    }
};

// The leaf rows of `key`: the row itself when it holds numbers, else its
// sub-rows (t3.refused -> t3.refused.1 … 8).
Rows rows_of(const Table& t, std::string_view key) {
    Rows out;
    if (!t.found) return out;
    const std::string prefix = std::string(key) + ".";
    bool any_sub = false;
    for (const Row& row : t.rows) {
        if (!row.spec) continue;
        const std::string_view k = row.spec->key;
        if (k == key && row.cells.size() >= 7) {
            if (!row.found) return out;
            out.leaves = {&row};
            break;
        }
        if (k.size() > prefix.size() && k.compare(0, prefix.size(), prefix) == 0) {
            any_sub = true;
            if (!row.found || row.cells.size() < 7) return out;
            out.leaves.push_back(&row);
        }
    }
    if (out.leaves.empty() && !any_sub) return out;
    for (const Row* r : out.leaves)
        for (size_t k = 0; k < 7; ++k)
            if (!r->cells[k].usable()) return out;
    out.ok = !out.leaves.empty();
    return out;
}

const char* outcome_key(Outcome o) {
    switch (o) {
        case Outcome::Disclosed: return "t3.disclosed";
        case Outcome::Partly: return "t3.partly";
        case Outcome::Refused: return "t3.refused";
        case Outcome::Unable: return "t3.unable";
        case Outcome::Declined: return "t3.declined";
        case Outcome::Other: return "t3.other";
        case Outcome::Done: return "t3.total";
        case Outcome::CarriedOut: return "t3.carried_out";
    }
    return "";
}

// The row a finding names for an outcome: the group's own row.
const Row* named_row(const Table& t, Outcome o) {
    const std::string_view key = outcome_key(o);
    for (const Row& row : t.rows)
        if (row.spec && row.spec->key == key) return &row;
    return nullptr;
}

bool about_applications(std::string_view sentence) { return has(sentence, "申请"); }

void check_results(const Narrative& n, const Table& t3, Emitter& out) {
    if (!t3.found) return;
    const std::string_view s = n.text;
    for (size_t si = 0; si < n.sentences.size(); ++si) {
        const size_t sb = n.sentences[si].begin, se = n.sentences[si].end;
        const std::string_view sentence = s.substr(sb, se - sb);
        // The counts of a sentence about applications, or of the one after it
        // ("收到申请 20 件。其中予以公开 12 件……").
        const bool applications =
            about_applications(sentence) ||
            (si > 0 && about_applications(s.substr(n.sentences[si - 1].begin,
                                                   n.sentences[si - 1].end - n.sentences[si - 1].begin)));
        if (!applications) continue;
        const std::vector<Keyword> kws = outcome_keywords(s, sb, se);
        for (size_t i = 0; i < kws.size(); ++i) {
            // The outcomes joined into one count: "予以公开及部分公开".
            size_t j = i;
            while (j + 1 < kws.size()) {
                const std::string_view gap = s.substr(kws[j].end, kws[j + 1].begin - kws[j].end);
                if (!only_words(gap, kJoin)) break;
                ++j;
            }
            const size_t first = i;
            i = j;
            const Keyword& last = kws[j];
            const size_t mi = n.first_number(last.end);
            if (mi >= n.numbers.size()) continue;
            const NumberMention& m = n.numbers[mi];
            if (m.span.end > se || m.unit != "件") continue;
            const std::string_view between = s.substr(last.end, m.span.begin - last.end);
            if (!only_words(between, kFiller)) continue;
            if (j + 1 < kws.size() && kws[j + 1].begin < m.span.begin) continue;
            if (m.decimals != 0 || n.approximate(m)) continue;
            const size_t ue = unit_end(m);
            const size_t cb = clause_begin(s, kws[first].begin, sb, true);
            // "未办结", "尚未予以公开": not the outcome.
            if (has_any(s.substr(cb, kws[first].begin - cb), kNotOutcomeCount)) continue;
            if (has_any(s.substr(cb, m.span.begin - cb), kSubRow)) continue;
            // Counts summed over other bodies ("全市各级行政机关共受理……，予以公开 1500 件").
            if (has_any(s.substr(sb, kws[first].begin - sb), {"各级", "各部门", "各单位", "各乡镇", "各镇", "各街道",
                                                              "各县", "各区", "所属", "下属"}))
                continue;
            if (n.other_year(sb, ue)) continue;

            // The rows named, and what the table gives for them.
            std::vector<Outcome> named;
            for (size_t k = first; k <= j; ++k)
                if (std::find(named.begin(), named.end(), kws[k].kind) == named.end()) named.push_back(kws[k].kind);
            std::vector<Rows> rows;
            bool ok = true;
            for (Outcome o : named) {
                rows.push_back(rows_of(t3, outcome_key(o)));
                ok &= rows.back().ok;
            }
            if (!ok) continue;
            int64_t total = 0, parts = 0;
            for (const Rows& r : rows) {
                total += r.total();
                parts += r.parts();
            }
            std::vector<int64_t> accept = {total, parts};
            if (named.size() == 1 && named[0] == Outcome::Disclosed) {
                // Many count the partly disclosed among the disclosed.
                const Rows partly = rows_of(t3, "t3.partly");
                if (partly.ok) accept.push_back(total + partly.total());
            }
            if (named.size() == 1 && named[0] == Outcome::Done) {
                // 办结 as （一）…（六） summed, or as 新收 + 结转 − 结转下年度.
                int64_t leaves = 0;
                bool leaves_ok = true;
                for (Outcome o : {Outcome::Disclosed, Outcome::Partly, Outcome::Refused, Outcome::Unable,
                                  Outcome::Declined, Outcome::Other}) {
                    const Rows r = rows_of(t3, outcome_key(o));
                    leaves_ok &= r.ok;
                    leaves += r.total();
                }
                if (leaves_ok) accept.push_back(leaves);
                const Rows fresh = rows_of(t3, "t3.new"), carried = rows_of(t3, "t3.carried_in"),
                           onward = rows_of(t3, "t3.carried_out");
                if (fresh.ok && carried.ok && onward.ok)
                    accept.push_back(fresh.total() + carried.total() - onward.total());
            }
            if (std::find(accept.begin(), accept.end(), m.value) != accept.end()) continue;

            std::string row_names, row_names_en, arithmetic;
            size_t terms = 0;
            for (size_t k = 0; k < named.size(); ++k) {
                const Row* nr = named_row(t3, named[k]);
                const std::string name = nr && nr->spec ? row_name(*nr->spec) : std::string(outcome_key(named[k]));
                row_names += (row_names.empty() ? "“" : "、“") + name + "”";
                row_names_en += (row_names_en.empty() ? "" : ", ") + quoted_en(name);
                // The rows that hold something (a group's empty rows say nothing).
                for (const Row* leaf : rows[k].leaves) {
                    if (leaf->cells[6].value == 0) continue;
                    if (terms++) arithmetic += " + ";
                    arithmetic += std::to_string(leaf->cells[6].value);
                }
            }
            arithmetic = terms > 1 ? arithmetic + " = " + std::to_string(total) + " ≠ " + format_mention(m)
                                   : std::to_string(total) + " ≠ " + format_mention(m);
            Params p = {{"outcome", std::string(s.substr(kws[first].begin, last.end - kws[first].begin))},
                        {"said", format_mention(m)},
                        {"unit", std::string(m.unit)},
                        {"rows", row_names},
                        {"rows_en", row_names_en},
                        {"count", std::to_string(total)}};
            p["arithmetic"] = arithmetic;
            Finding& f = out.emit(Msg::NarrativeResultsCount, n.source(m.span.begin, ue), p);
            for (const Rows& r : rows)
                for (const Row* leaf : r.leaves) f.cells.push_back(cell_ref(3, *leaf, 6));
        }
    }
}

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::NarrativeResults)) return;
    check_results(narrative_of(ctx), ctx.report.table3, out);
}

}  // namespace

const RuleCheck& narrative_results_check() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
