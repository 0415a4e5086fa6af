// narrative-review: what the text says about 行政复议 and 行政诉讼 (none, or a
// count) against table 四.
#include <algorithm>

#include "rules/narrative_text.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using namespace narrative_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeReview, Severity::Error)
            .title("正文的复议诉讼情况与表四不符", "Review and litigation in the text differ from Table 4")
            .checks("正文说没有发生政府信息公开行政复议或行政诉讼（“未发生行政复议”“无行政复议和行政诉讼”“未被申请行政复议”），而表四有；"
                    "或正文给出的行政复议、行政诉讼件数与表四的总计（复议总计；诉讼为直接起诉总计加复议后起诉总计）不同。"
                    "“其中结果维持 72 件”这样的分项不与总计比较。"
                    "正文说复议或诉讼案件都被维持（“均获维持”“全部维持”“均被维持”），而表四该组（复议，或直接起诉与复议后起诉）"
                    "的结果纠正、其他结果或尚未审结大于 0（说“已审结的均获维持”时不看尚未审结）。",
                    "The text says there was no 行政复议 / 行政诉讼 while Table 4 shows some, or gives a count that differs from it, "
                    "or says they were all upheld (均获维持, 全部维持) while Table 4 shows 纠正, 其他结果 or 尚未审结 above zero "
                    "in the group the sentence is about.")
            .matters("复议和诉讼情况是条例要求年度报告载明的内容，正文与表四矛盾会误导读者。",
                     "Text and tables must tell the same story.")
            .for_example("本年度未发生政府信息公开行政复议、行政诉讼（表四行政复议总计为 2）",
                         "「本年度未发生政府信息公开行政复议、行政诉讼」 (no review or litigation this year; Table 4's 行政复议 total is 2)")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::NarrativeReviewNone, "正文说“{phrase}”，但表四{group}为 {count} 件。",
         "The text says 「{phrase}」, but Table 4 shows {count} {group_en} {count|case|cases}.",
         "核对正文和表四，改正说错的一方。",
         "Check the text against Table 4 and correct whichever is wrong."},
        {Msg::NarrativeReviewUpheld, "正文说“{phrase}”，但表四有{shown}。",
         "The text says 「{phrase}」 (all upheld), but Table 4 shows {shown_en}.",
         "核对正文和表四：结果并非全部维持的，改写这句话；否则改正表四。",
         "Check the text against Table 4 and correct whichever is wrong."},
        {Msg::NarrativeReviewCount, "正文说{group} {said} {unit}，表四{group}总计为 {count}。",
         "The text gives {said} {group_en} {said|case|cases}; Table 4 totals {count}.",
         "核对正文和表四，使件数一致。",
         "Make the count agree with Table 4."},
    };
    return m;
}

// What may stand between 复议 / 诉讼 and the number: "行政复议 351 件",
// "被提起行政诉讼案件 1 件", "行政复议申请共 3 件".
constexpr std::string_view kAfterCase[] = {"案件", "案", "申请", "共计", "合计", "总计", "数量", "件数", "共",
                                           "为", "达", "计", "了", "的", "是", "有", "事项", "：", ":"};


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

// Table 四's cells in this order (by column key, wherever the revision puts
// them): 行政复议, 未经复议直接起诉, 复议后起诉; each 维持, 纠正, 其他, 尚未审结, 总计.
constexpr const char* kReviewColumns[15] = {
    "review.upheld",         "review.corrected",         "review.other",         "review.pending",         "review.total",
    "direct.upheld",         "direct.corrected",         "direct.other",         "direct.pending",         "direct.total",
    "after_review.upheld",   "after_review.corrected",   "after_review.other",   "after_review.pending",   "after_review.total"};

struct ReviewTable {
    const Row* row = nullptr;
    int64_t v[15] = {};
    bool ok[15] = {};
    int column[15] = {};  // index of each in the table's row
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

// "均获维持", "全部予以维持": every case of the group upheld.
constexpr std::string_view kAllUpheld[] = {"均获得维持", "全部获得维持", "全部予以维持", "均予以维持", "均依法维持",
                                           "均被维持",   "均获维持",     "全部被维持",   "均予维持",   "全部维持",
                                           "均维持",     "全部获维持"};

// What follows 维持 when it means "kept at" ("维持在较低水平"), not "upheld".
constexpr std::string_view kNotOutcomeAfter[] = {"在", "稳", "不变", "较", "良好", "现", "高", "低", "正常"};

// The keywords a phrase at `pos` is about: those of its own clause (a list
// joined by 、和及 stays one clause), else those of the nearest clause before
// it in the sentence that has any.
std::vector<Keyword> subject_of(std::string_view s, size_t sb, size_t pos, const std::vector<Keyword>& kws) {
    size_t end = pos;
    while (end > sb) {
        size_t b = end;
        while (b > sb) {
            const Cp c = decode_before(s, b);
            if (clause_separator_at(s, b - c.len) && c.cp != U'、') break;
            b -= c.len;
        }
        std::vector<Keyword> in;
        for (const Keyword& k : kws)
            if (k.begin >= b && k.end <= end) in.push_back(k);
        if (!in.empty()) return in;
        if (b == sb) break;
        end = b - decode_before(s, b).len;
    }
    return {};
}

void check_upheld(const Narrative& n, const ReviewTable& t, size_t sb, size_t se, const std::vector<Keyword>& kws,
                  Emitter& out) {
    const std::string_view s = n.text;
    for (std::string_view w : kAllUpheld) {
        for (size_t p = scan::find_text(s.substr(0, se), w, sb); p != npos; p = scan::find_text(s.substr(0, se), w, p + w.size())) {
            const size_t pe = p + w.size();
            const std::vector<Keyword> about = subject_of(s, sb, p, kws);
            if (about.empty()) continue;
            // "并非均获维持", "除 1 件外均获维持", a part ("其中 2 件均获维持"),
            // another year, a wish ("力争全部维持").
            const size_t cb = clause_begin(s, p, sb, false);
            const std::string_view lead = s.substr(back_cp(s, p, sb, 2), p - back_cp(s, p, sb, 2));
            if (has_any(lead, {"未", "不", "非", "没"})) continue;
            // A number in the clause is the group's count ("行政复议 2 件均获维持"),
            // not a part ("3 件中 2 件均获维持").
            if (n.number_in(cb, p)) {
                const NumberMention& m = n.numbers[n.first_number(cb)];
                if (n.number_in(m.span.end, p)) continue;
                bool count = false;
                for (const Keyword& k : about)
                    if (k.end <= m.span.begin && only_words(s.substr(k.end, m.span.begin - k.end), kAfterCase))
                        count = true;
                if (!count) continue;
            }
            // "维持在较低水平", "纠错率全部维持在 5% 以下": not an outcome.
            const size_t next = scan::skip_spaces(s, pe);
            if (has_any(s.substr(cb, p - cb), {"率", "水平"}) ||
                std::any_of(std::begin(kNotOutcomeAfter), std::end(kNotOutcomeAfter),
                            [&](std::string_view w) { return starts(s, next, w); }))
                continue;
            const std::string_view before = s.substr(sb, p - sb);
            if (has_any(before, {"除", "其中", "上年", "去年", "上一年", "同比", "累计", "历年", "以来", "如", "若",
                                  "力争", "确保", "争取", "目标"}))
                continue;
            if (n.other_year(sb, pe)) continue;
            // "已审结的均获维持": the pending ones are not said upheld.
            const bool decided_only = has_any(s.substr(cb, p - cb), {"审结", "已结", "结案", "判决", "决定"});
            int groups[3] = {0, 0, 0};  // 复议, 直接起诉, 复议后起诉
            for (const Keyword& k : about) {
                if (k.kind == Proc::Review) groups[0] = 1;
                if (k.kind == Proc::Direct) groups[1] = 1;
                if (k.kind == Proc::AfterReview) groups[2] = 1;
                if (k.kind == Proc::Litigation) groups[1] = groups[2] = 1;
            }
            struct G {
                int first;
                const char* zh;
                const char* en;
            } const kGroups[] = {{0, "行政复议", "administrative review"},
                                  {5, "未经复议直接起诉", "direct litigation"},
                                  {10, "复议后起诉", "litigation after review"}};
            std::string shown, shown_en;
            std::vector<int> cols;
            bool cols_ok = true;
            for (int g = 0; g < 3; ++g) {
                if (!groups[g]) continue;
                static const char* const kCol[] = {"结果纠正", "其他结果", "尚未审结"};
                static const char* const kColEn[] = {"corrected", "other", "pending"};
                for (int c = 1; c <= (decided_only ? 2 : 3); ++c) {
                    const int col = kGroups[g].first + c;
                    cols_ok &= t.ok[col];
                    if (t.v[col] <= 0) continue;
                    cols.push_back(col);
                    if (!shown.empty()) shown += "，";
                    if (!shown_en.empty()) shown_en += ", ";
                    shown += std::string(kGroups[g].zh) + kCol[c - 1] + " " + std::to_string(t.v[col]) + " 件";
                    shown_en += std::string(kGroups[g].en) + " " + kColEn[c - 1] + " " + std::to_string(t.v[col]);
                }
            }
            if (cols.empty() || !cols_ok) continue;
            Params pr = {{"phrase", std::string(s.substr(about.front().begin, pe - about.front().begin))},
                         {"shown", shown},
                         {"shown_en", shown_en}};
            Finding& f = out.emit(Msg::NarrativeReviewUpheld, n.source(p, pe), pr);
            for (int c : cols) f.cells.push_back(cell_ref(4, *t.row, t.column[c]));
        }
    }
}

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
            for (int c : groups[g].cols) f.cells.push_back(cell_ref(4, *t.row, t.column[c]));
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

        // (4) All upheld: "行政复议 2 件，均获维持", "行政复议和行政诉讼案件全部维持".
        check_upheld(n, t, sb, se, kws, out);

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
            for (int c : cols) f.cells.push_back(cell_ref(4, *t.row, t.column[c]));
        }
    }
}

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::NarrativeReview)) return;
    ReviewTable rt;
    rt.row = ctx.report.table4.found_row("t4.counts");
    const TableSpec* spec = ctx.report.table4.spec;
    if (rt.row && spec) {
        rt.usable = true;
        for (int k = 0; k < 15; ++k) {
            rt.column[k] = spec->column_index(kReviewColumns[k]);
            rt.usable &= rt.column[k] >= 0 && static_cast<size_t>(rt.column[k]) < rt.row->cells.size();
        }
    }
    if (rt.usable) {
        for (int k = 0; k < 15; ++k) {
            const Cell& c = rt.row->cells[static_cast<size_t>(rt.column[k])];
            rt.ok[k] = c.usable();
            rt.v[k] = c.usable() ? c.value : 0;
        }
    }
    check_review(narrative_of(ctx), rt, out);
}

}  // namespace

const RuleCheck& narrative_review_check() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
