// format-outdated: a report for 2021 or later in the 2019 layout, or citing it.
#include <string>

#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::FormatOutdated, Severity::Warning)
            .title("沿用旧格式", "Outdated report format")
            .checks("2021 年及以后的年度报告仍使用 2019 年格式（国办公开办函〔2019〕60号）的表格（表二的“本年新制作数量”“本年新公开"
                    "数量”“对外公开总数量”、“其他对外管理服务事项”、第二十条第（九）项），或以〔2019〕60号为编制依据。2019、2020 年度"
                    "的报告按 2019 年格式检查，不报此项。",
                    "A report for 2021 or later still uses the 2019 layout (国办公开办函〔2019〕60号) or cites it as its basis.")
            .matters("2021 年起年度报告统一使用国办公开办函〔2021〕30号的格式，旧表格的统计口径不同，无法汇总比较。",
                     "Since 2021 the 2021 template (国办公开办函〔2021〕30号) applies; the old layout lacks rows and columns.")
            .for_example("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
                         "A 2021 or later report whose Table 2 has the 2019 columns 「本年新制作数量」, 「本年新公开数量」, 「对外公开总数量」")
            .based_on("国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::FormatOutdatedLayout, "{year}年度报告仍使用 {old} 年格式（{old_basis}）的表格（“{word}”）。",
         "The {year} report still uses the {old} layout ({old_basis}): 「{word}」.",
         "按{basis}的格式重制表格：表二第二十条第（一）项为{normative_columns}，不再有第（九）项。",
         "Redo the tables in the {now} format ({basis}): Table 2 (一) has {normative_columns_en}, and no block (九)."},
        {Msg::FormatOutdatedBasis, "{year}年度报告以已被替代的{old_basis}为依据（“{raw}”）。",
         "The {year} report cites the superseded {old_basis} (「{raw}」) as its basis.",
         "{now} 年起的年度报告按{basis}的格式编制，并改正所引文号。",
         "Reports from {now} on follow {basis}; cite that instead."},
    };
    return m;
}

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

// The columns of 行政规范性文件 in `f`, joined for a message.
std::string normative_columns(const FormatSpec& f, const char* joint) {
    std::string s;
    for (const RowSpec& row : f.table2.rows)
        if (row.key == "t2.normative")
            for (std::string_view c : row.columns) s += (s.empty() ? "" : joint) + std::string(c);
    return s;
}

void check_format_outdated(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    // No revision before the oldest one known (reports before 2019 had none of these tables).
    if (r.year < formats().back()->first_year) return;
    // The revision that applies to the year, and those it replaced.
    const FormatSpec& applies = format_for_year(r.year);
    Params p = {{"year", std::to_string(r.year)},
                {"now", std::string(applies.id)},
                {"basis", std::string(applies.basis)},
                {"normative_columns", normative_columns(applies, "、")},
                {"normative_columns_en", normative_columns(applies, " / ")}};
    const FormatSpec* read = r.format;
    if (read && read->first_year < applies.first_year) {
        p["old"] = std::string(read->id);
        p["old_basis"] = std::string(read->basis);
        // Point at the first word of table 二 only the old revision has.
        Span where = r.table2.found ? r.table2.span : r.section(2).found ? r.section(2).heading_span : report_anchor(ctx);
        // The header lines carry the words; they may lie before the table's span.
        Span region = r.section(2).found ? r.section(2).body : Span{0, static_cast<uint32_t>(r.source.size())};
        std::string_view t = slice(r, region);
        size_t best = std::string_view::npos;
        std::string_view word;
        for (std::string_view w : read->signatures) {
            if (contains(w, std::string(read->citation_number) + "号")) continue;
            size_t at = scan::find_text(t, w);
            if (at != std::string_view::npos && at < best) {
                best = at;
                word = w;
            }
        }
        if (best != std::string_view::npos) where = {static_cast<uint32_t>(region.begin + best), static_cast<uint32_t>(region.begin + best + word.size())};
        p["word"] = word.empty() ? std::string(read->signatures.front()) : std::string(word);
        out.emit(Msg::FormatOutdatedLayout, where, p);
    }
    // Cites a replaced revision as its basis (and not the one that applies: a
    // report may mention both when it explains the change).
    if (!find_citation(r.source, applies.citation_year, applies.citation_number).empty()) return;
    for (const FormatSpec* old : formats()) {
        if (old->first_year >= applies.first_year) continue;
        const Span cite = find_citation(r.source, old->citation_year, old->citation_number);
        if (cite.empty()) continue;
        p["old"] = std::string(old->id);
        p["old_basis"] = std::string(old->basis);
        p["raw"] = std::string(slice(r, cite));
        out.emit(Msg::FormatOutdatedBasis, cite, p);
        return;
    }
}

}  // namespace

const RuleCheck& format_outdated_check() {
    static const RuleCheck check{docs(), messages(), {}, check_format_outdated};
    return check;
}

}  // namespace nianbao
