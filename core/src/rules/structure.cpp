// Structure: the title and the six sections, present, in order, named as the
// template names them.
#include "meta/scan_util.h"
#include "rules/describe.h"
#include "rules/registry.h"
#include "tables/labels.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::TitleMissing, Severity::Warning)
            .title("缺少标题", "Title missing")
            .checks("报告开头没有写明机关名称、年度和“政府信息公开工作年度报告”的标题；标题写成“政务公开工作年度报告”的也报。",
                    "No title naming the body, the year and 政府信息公开工作年度报告 near the top; a title saying 政务公开工作年度报告 instead is reported too.")
            .matters("标题让读者知道是哪个机关哪一年的报告，也是公开目录归档的依据。",
                     "The title tells readers and evaluators whose report for which year this is.")
            .for_example("开头直接是“一、总体情况”",
                         "The text begins with 「一、总体情况」 (no title)")
            .based_on("《中华人民共和国政府信息公开工作年度报告格式》"),
        RuleDoc(Rule::SectionMissing, Severity::Error)
            .title("缺少部分", "Section missing")
            .checks("六个部分（一、总体情况 … 六、其他需要报告的事项）中缺少某一部分。",
                    "One of the six sections (一 … 六) of the template is absent.")
            .matters("条例第五十条规定了年度报告必须包括的内容，格式把它们固定为六个部分。",
                     "The template prescribes all six sections; a missing one is a missing part of the report.")
            .for_example("没有“五、存在的主要问题及改进情况”",
                         "There is no 「五、存在的主要问题及改进情况」 (Section 5)")
            .based_on("《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号"),
        RuleDoc(Rule::SectionNumbering, Severity::Warning)
            .title("部分编号不对", "Section numbered wrongly")
            .checks("某部分的标题在，但编号与格式不同（如二的位置写成“一、主动公开政府信息情况”，或各部分都从“一、”编起）；"
                    "按标题认定各部分，每个编错的标题报告一次，不再报“缺少部分”。",
                    "A section is present under the wrong number (一、主动公开政府信息情况 where 二 belongs, several sections numbered from 一); one finding per misnumbered heading, with the number it should have, never a cascade of section-missing.")
            .matters("格式规定了六个部分的编号，统一的编号便于汇总和比对；编号错乱也常说明报告沿用了别的提纲。",
                     "The template numbers the six sections; a report numbered otherwise is harder to compare and often follows another outline.")
            .for_example("总体情况下设“二、……六、”小标题，之后“一、主动公开政府信息情况”",
                         "Under 总体情况 (the overview), subheadings numbered 「二、」 to 「六、」, then 「一、主动公开政府信息情况」 where 「二、」 belongs")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::SectionOrder, Severity::Warning)
            .title("部分顺序不对", "Sections out of order")
            .checks("六个部分都在，但顺序与格式不一致；或整篇报告重复出现（粘贴了不止一次）。",
                    "The sections are present but out of order (or the report was pasted twice).")
            .matters("统一的顺序便于上级汇总和公众比较。",
                     "The template fixes the order; readers and evaluators look for each part in its place.")
            .for_example("“三、收到和处理……”出现在“二、主动公开……”之前",
                         "「三、收到和处理……」 (Section 3) comes before 「二、主动公开……」 (Section 2)")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::SectionTitle, Severity::Info)
            .title("部分标题与格式用语不同", "Section heading differs from the template")
            .checks("某部分的标题与格式的标准用语不同（如“五、存在主要问题及改进情况”）；建议使用标准用语。",
                    "A section heading deviates from the official wording; the official one is suggested.")
            .matters("标准标题便于检索和比对；旧格式的标题也提示报告可能沿用了旧模板。",
                     "The official headings make reports comparable across bodies and years.")
            .for_example("五、存在主要问题及改进情况",
                         "「五、存在主要问题及改进情况」 (the template's heading has 存在的)")
            .based_on("国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::TitleMissingNone, "报告开头没有标题（应写明机关名称、年度和“政府信息公开工作年度报告”）。",
         "No title at the top naming the body, the year and 政府信息公开工作年度报告.",
         "在开头加上标题，如“××镇人民政府2024年政府信息公开工作年度报告”。",
         "Add a title such as ××镇人民政府2024年政府信息公开工作年度报告."},
        {Msg::TitleMissingWording, "标题“{title}”没有写明“政府信息公开工作年度报告”（政务公开是更宽的概念）。",
         "The title 「{title}」 does not say 政府信息公开工作年度报告 (政务公开 is a wider notion).",
         "标题应为“××（机关名称）××××年政府信息公开工作年度报告”。",
         "The title should give the body's name, the year and 政府信息公开工作年度报告, e.g. 「××镇人民政府2024年政府信息公开工作年度报告」."},
        {Msg::SectionMissingMissing, "缺少第{numeral}部分“{official}”。",
         "Section {number} ({official}) is missing.",
         "补上“{numeral}、{official}”一节。",
         "Add the section 「{numeral}、{official}」."},
        {Msg::SectionNumberingWrong, "第{numeral}部分“{heading}”编号写成了“{written}、”，应为“{numeral}、”。",
         "Section {number} ({heading}) is numbered 「{written}、」; it should be 「{numeral}、」.",
         "改为“{numeral}、{heading}”。",
         "Number it 「{numeral}、{heading}」."},
        {Msg::SectionOrderOrder, "第{numeral}部分“{heading}”出现在第{prev_numeral}部分之前，顺序与格式不一致。",
         "Section {number} ({heading}) comes before Section {prev_number}; the template's order differs.",
         "按一至六的顺序排列各部分。",
         "Put the sections in the order 一 to 六."},
        {Msg::SectionOrderRepeated, "“{heading}”在文中出现了 {count} 次：报告全文似乎被重复粘贴，各部分反复出现。",
         "「{heading}」 appears {count} {count|time|times}: the report seems to have been pasted more than once.",
         "只保留一份报告全文后再检查。",
         "Keep one copy of the report and check again."},
        {Msg::SectionTitleWording, "第{numeral}部分标题“{heading}”与格式用语不同。",
         "The heading of Section {number} ({heading}) differs from the template's wording.",
         "改为“{numeral}、{official}”。",
         "Use 「{numeral}、{official}」."},
    };
    return m;
}

// The whole report pasted more than once: section 一's heading line recurs
// as a line of its own. One finding, at the second copy.
void check_repeated(const Report& r, Emitter& out) {
    const Section& s = r.section(1);
    if (!s.found) return;
    const std::string_view src = r.source;
    std::string_view line = src.substr(s.heading_span.begin, s.heading_span.size());
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.size() > 200) return;  // (bounds the search: linear time)
    size_t count = 0;
    Span second;
    for (size_t at = scan::find_text(src, line); at != std::string_view::npos; at = scan::find_text(src, line, at + line.size())) {
        size_t b = at, e = at + line.size();
        while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t')) --b;
        while (e < src.size() && (src[e] == ' ' || src[e] == '\t' || src[e] == '\r')) ++e;
        if ((b > 0 && src[b - 1] != '\n') || (e < src.size() && src[e] != '\n')) continue;
        if (++count == 2) second = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + line.size())};
    }
    if (count >= 2)
        out.emit(Msg::SectionOrderRepeated, second, {{"heading", std::string(line)}, {"count", std::to_string(count)}});
}

void run(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const FormatSpec& format = *r.format;
    if (!r.title_span) {
        Span first = ctx.lines.line_span(0);
        for (uint32_t b = 0; first.empty() && b < r.source.size(); b = first.end + 1) first = ctx.lines.line_span(b);
        out.emit(Msg::TitleMissingNone, first);
    } else if (!r.title_names_disclosure) {
        out.emit(Msg::TitleMissingWording, *r.title_span, {{"title", r.title}});
    }
    const Section* prev = nullptr;
    for (const auto& s : r.sections) {
        const SectionSpec& spec = format.sections[s.number - 1];
        Params p = {{"numeral", section_numeral(s.number)}, {"number", std::to_string(s.number)},
                    {"official", std::string(spec.official)}, {"heading", s.heading}};
        if (!s.found) {
            // Point at where it should be: the next section that is there.
            Span at{static_cast<uint32_t>(r.source.size()), static_cast<uint32_t>(r.source.size())};
            for (int n = s.number + 1; n <= 6; ++n)
                if (r.section(n).found) {
                    at = r.section(n).heading_span;
                    break;
                }
            out.emit(Msg::SectionMissingMissing, at, p);
            continue;
        }
        if (s.written_number != 0) {
            p["written"] = section_numeral(s.written_number);
            out.emit(Msg::SectionNumberingWrong, s.heading_span, p);
        }
        if (prev && prev->heading_span.begin > s.heading_span.begin) {
            p["prev_numeral"] = section_numeral(prev->number);
            p["prev_number"] = std::to_string(prev->number);
            out.emit(Msg::SectionOrderOrder, s.heading_span, p);
        }
        if (canonical_label(s.heading) != canonical_label(spec.official))
            out.emit(Msg::SectionTitleWording, s.heading_span, p);
        prev = &s;
    }
    check_repeated(r, out);
}

}  // namespace

const RuleCheck& structure_checks() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
