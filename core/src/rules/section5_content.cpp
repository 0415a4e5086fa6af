// section5-content: section 五 names both the problems and the measures.
#include <iterator>
#include <string>

#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::Section5Content, Severity::Warning)
            .title("第五部分内容不全", "Section 5 incomplete")
            .checks("第五部分“存在的主要问题及改进情况”没有同时写明存在的问题（问题、不足、差距、短板、薄弱……）和改进措施（改进、"
                    "措施、下一步、将/拟……加强/提升/完善……、针对上述问题……、一是加强……），例如只写一个“无”。",
                    "Section 5 does not give both the problems and the improvements (e.g. only 无).")
            .matters("条例第五十条要求年度报告包括“存在的主要问题及改进情况”，两者缺一不可。",
                     "The template asks for both; an empty Section 5 is a common reason for a poor evaluation.")
            .for_example("五、存在的主要问题及改进情况\n无。",
                         "Section 5 (存在的主要问题及改进情况) says only 「无。」 (none)")
            .based_on("《中华人民共和国政府信息公开条例》第五十条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
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
    };
    return m;
}

// Words for section 五: the problems, and the measures.
const std::string_view kProblemWords[] = {"问题", "不足", "差距", "短板", "薄弱", "欠缺", "有待", "不够", "弱项", "缺乏"};
const std::string_view kMeasureWords[] = {"改进", "措施", "下一步", "今后", "整改", "举措"};
// "将" followed closely by one of these: "我们将进一步加强…"
const std::string_view kWillVerbs[] = {"加强", "提升", "完善", "推进", "提高", "优化", "强化", "健全", "规范",
                                       "加大", "做好", "落实", "拓展", "拓宽", "丰富", "深化", "抓好", "创新"};


// The sentence around `at` up to it: from the previous 。；! or line start.
std::string_view sentence_before(std::string_view t, size_t at) {
    size_t from = 0;
    for (std::string_view mark : {"。", "；", "！", "\n"}) {
        const size_t k = t.rfind(mark, at);
        if (k != std::string_view::npos && k + mark.size() > from && k < at) from = k + mark.size();
    }
    return t.substr(from, at - from);
}

// Words that make a sentence describe a problem ("仍存在将……割裂、未能统筹推进的问题").
const std::string_view kProblemSentence[] = {"存在", "仍有", "尚有", "不足", "有待", "不够", "未能"};
// Before 进一步: a need, not a measure ("有待进一步提高").
const std::string_view kNeed[] = {"有待", "需要", "亟需", "亟待", "尚需", "仍需"};

// An improving verb shortly after `at` (in the same sentence).
bool improving_after(std::string_view t, size_t at, int chars) {
    std::string_view next = after(t, at, chars);
    next = next.substr(0, next.find("。"));
    return contains_any(next, kWillVerbs, std::size(kWillVerbs));
}

// Does `t` say what will be done? 改进/措施/下一步…; 将 or 拟 followed by a
// verb of improving in the same sentence ("2021 年，我局将根据…要求，进一步提高
// 认识"), unless the sentence describes a problem; 针对上述问题 followed by
// what is done; an enumeration 一是加强…; 进一步 + a verb of improving, unless
// it is a need (有待进一步提高).
bool names_measures(std::string_view t) {
    if (contains_any(t, kMeasureWords, std::size(kMeasureWords))) return true;
    for (std::string_view will : {"将", "拟"})
        for (size_t i = 0; (i = scan::find_text(t, will, i)) != std::string_view::npos; i += 3) {
            if (!improving_after(t, i + 3, 40)) continue;
            if (contains_any(sentence_before(t, i), kProblemSentence, std::size(kProblemSentence))) continue;
            return true;
        }
    for (size_t i = 0; (i = scan::find_text(t, "针对", i)) != std::string_view::npos; i += 6)
        if (improving_after(t, i + 6, 80) || scan::find_text(after(t, i, 40), "一是") != std::string_view::npos) return true;
    for (size_t i = 0; (i = scan::find_text(t, "一是", i)) != std::string_view::npos; i += 6)
        if (improving_after(t, i + 6, 8)) return true;
    for (size_t i = 0; (i = scan::find_text(t, "进一步", i)) != std::string_view::npos; i += 9) {
        if (!improving_after(t, i + 9, 4)) continue;
        const std::string_view before = sentence_before(t, i);
        const std::string_view close = before.substr(before.size() > 12 ? before.size() - 12 : 0);
        if (!contains_any(close, kNeed, std::size(kNeed))) return true;
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

}  // namespace

const RuleCheck& section5_content_check() {
    static const RuleCheck check{docs(), messages(), {}, check_section5};
    return check;
}

}  // namespace nianbao
