// regulation-scope: 规章 reported by a body that cannot make them.
#include <string>
#include <vector>

#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::RegulationScope, Severity::Warning)
            .title("无权制定规章的机关填报了规章", "Rules (规章) reported by a body that cannot make them")
            .checks("表二“规章”一行的本年制发或本年废止件数大于 0，而报告机关是乡镇（街道）、县级人民政府（县、区、旗）或县、区"
                    "政府的部门。只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定规章；市人民政府可能是设区的市，"
                    "不报此项。",
                    "Table 2 reports rules (规章) made or repealed by a body that cannot make them (only State Council departments, provincial and 设区的市 governments can).")
            .matters("规章的制定权由立法法规定；乡镇、县级政府和部门的文件是行政规范性文件，填在“规章”一行是统计错误。",
                     "Such a figure is impossible and usually means the rows of Table 2 were filled in the wrong place.")
            .for_example("××镇人民政府：规章\t1\t0\t1",
                         "「××镇人民政府」 (a township) reports rules (规章): 1 0 1")
            .based_on("《中华人民共和国立法法》第九十一条、第九十三条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::RegulationScopeScope, "表二“规章”一行填报了{counts}，但{body}是{who}，无权制定规章（只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定）。",
         "Table 2 reports rules (规章): {counts_en}; but {body} is {who_en}, which cannot make rules (规章) (only State Council departments, provincial governments and governments of cities with districts can).",
         "核对：{who}制发的文件属于行政规范性文件，应计入“行政规范性文件”一行，“规章”一行填 0。",
         "Check: documents issued by {who_en} are normative documents (行政规范性文件); count them in that row and write 0 in the row of rules (规章)."},
    };
    return m;
}

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

std::string body_label(const Report& r) { return r.body_name.empty() ? "本机关" : r.body_name; }


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

}  // namespace

const RuleCheck& regulation_scope_check() {
    static const RuleCheck check{docs(), messages(), {}, check_regulation_scope};
    return check;
}

}  // namespace nianbao
