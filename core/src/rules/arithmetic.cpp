// Arithmetic: the sums tables 三 and 四 must satisfy. Each broken sum is one
// finding that shows both sides and lists every cell involved. When changing
// one cell alone would make every broken sum hold (and break none that holds),
// that cell is named with the value it should have.
#include <algorithm>
#include <set>

#include "rules/describe.h"
#include "rules/registry.h"
#include "rules/table_sums.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::ApplyIdentity, Severity::Error)
            .title("表三勾稽关系不成立", "Table 3 balance does not hold")
            .checks("表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）。",
                    "Table 3, each column: 一 (new) + 二 (carried in) = 三（七）total + 四 (carried out), the identity the table's own note states.")
            .matters("这是表格自身注明的勾稽关系：收到的申请要么办结，要么结转下年。",
                     "Applications received must be either answered or carried over; if the identity fails, some are missing or counted twice.")
            .for_example("新收 5 + 结转 0 ≠ 总计 4 + 结转下年 0",
                         "New 5 + carried in 0 ≠ results total 4 + carried out 0")
            .based_on("国办公开办函〔2021〕30号 表三注：“第一项加第二项之和，等于第三项加第四项之和”"),
        RuleDoc(Rule::ApplyRowTotal, Severity::Error)
            .title("表三行合计不对", "Table 3 row total wrong")
            .checks("表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。",
                    "Table 3, each row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.")
            .matters("总计列是各类申请人之和；不等说明某个数填错了。",
                     "The total column must be the sum of the applicant columns.")
            .for_example("（一）予以公开 2 0 0 0 0 0 总计 0",
                         "Row 「（一）予以公开」 (disclosed): 2 0 0 0 0 0, 总计 (total) 0")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::ApplyResultTotal, Severity::Error)
            .title("表三办理结果总计不对", "Table 3 results total wrong")
            .checks("表三每一列：（七）总计 =（一）+（二）+（三）（四）（五）（六）各小项之和。",
                    "Table 3, each column: （七）总计 = （一）+（二）+ the sub-rows of （三）（四）（五）（六）.")
            .matters("（七）总计是各种办理结果之和；不等说明漏计或多计了某项。",
                     "The results total must be the sum of the results.")
            .for_example("予以公开 2，其余 0，（七）总计 0",
                         "「予以公开」 (disclosed) 2, every other result 0, 「（七）总计」 (total) 0")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::ReviewTotal, Severity::Error)
            .title("行政复议总计不对", "Administrative review total wrong")
            .checks("表四：行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。",
                    "Table 4: 行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.")
            .matters("总计应是四种结果之和。",
                     "The total of administrative reviews must be the sum of their outcomes.")
            .for_example("10 1 0 0 总计 0",
                         "行政复议 (administrative review): 10 1 0 0, 总计 (total) 0")
            .based_on("国办公开办函〔2021〕30号"),
        RuleDoc(Rule::LitigationTotal, Severity::Error)
            .title("行政诉讼总计不对", "Administrative litigation total wrong")
            .checks("表四：未经复议直接起诉、复议后起诉两组，各自的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。",
                    "Table 4: the same sum for 未经复议直接起诉 and for 复议后起诉.")
            .matters("总计应是四种结果之和。",
                     "Each litigation total must be the sum of its outcomes.")
            .for_example("复议后起诉 5 0 0 0 总计 0",
                         "复议后起诉 (sued after a review): 5 0 0 0, 总计 (total) 0")
            .based_on("国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::ApplyIdentityColumn, "表三“{column}”列：一（本年新收）+ 二（上年结转）= {lhs}，三（七）总计 + 四（结转下年度）= {rhs}，两者不等。",
         "Table 3, column 「{column}」: new + carried in = {lhs}, but results total + carried out = {rhs}.",
         "",
         ""},
        {Msg::ApplyRowTotalRow, "表三“{row}”行：各类申请人之和为 {lhs}，总计却是 {rhs}。",
         "Table 3, row 「{row}」: the applicant columns add up to {lhs}, but 总计 is {rhs}.",
         "",
         ""},
        {Msg::ApplyResultTotalColumn, "表三“{column}”列：各项办理结果之和为 {lhs}，（七）总计却是 {rhs}。",
         "Table 3, column 「{column}」: the results add up to {lhs}, but 「（七）总计」 is {rhs}.",
         "",
         ""},
        {Msg::ReviewTotalGroup, "表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为 {lhs}，总计却是 {rhs}。",
         "Table 4, administrative review: the four results add up to {lhs}, but 总计 is {rhs}.",
         "",
         ""},
        {Msg::LitigationTotalGroup, "表四“{group}”：结果维持、结果纠正、其他结果、尚未审结之和为 {lhs}，总计却是 {rhs}。",
         "Table 4, 「{group}」: the four results add up to {lhs}, but 总计 is {rhs}.",
         "",
         ""},
    };
    return m;
}

// Which cell to correct, worked out from all the sums of the table.
const std::vector<FixSpec>& fixes() {
    static const std::vector<FixSpec> f = {
        {Fix::SumOneCell, "{cell} 应为 {value}（改这一个数，所有不平的合计都能对上）",
         "「{cell}」 should be {value} (changing this one cell makes every broken sum hold)."},
        {Fix::SumCheckTotal, "核对参与合计的各个数；若各项无误，{total} 应为 {should}",
         "Check the numbers in this sum; if the parts are right, 「{total}」 should be {should}."},
        {Fix::SumNoSingleCell, "没有哪一个单元格能单独解释所有不平的合计，请逐项核对这些数。",
         "No single cell explains every broken sum; check each of these numbers."},
    };
    return f;
}

Params constraint_params(const Report& r, const Constraint& c) {
    if (c.row) return {{"row", row_name(*c.row)}};
    if (c.group) return {{"group", c.group}};
    const Table& t = r.table3;
    return {{"column", column_name(*t.spec, *t.rows[0].spec, c.column)}};
}

struct Grid {
    const Report& report;
    const Cell& cell(const Term& t) const { return report.table(t.table).rows[t.row].cells[t.column]; }
    int64_t value(const Term& t) const { return cell(t).value; }
    bool usable(const Term& t) const {
        // A row not read (too few or too many numbers) has its cells in the
        // wrong columns: its sums are cell-count's (or table-unreadable's) business.
        const Row& r = report.table(t.table).rows[t.row];
        return row_read(r) && t.column < static_cast<int>(r.cells.size()) && r.cells[t.column].usable();
    }
};

int64_t side_sum(const Grid& g, const std::vector<Term>& side, const Term* changed = nullptr, int64_t to = 0) {
    int64_t s = 0;
    for (const auto& t : side) {
        int64_t v = changed && same(t, *changed) ? to : g.value(t);
        if (s > INT64_MAX / 2 || v > INT64_MAX / 2) return INT64_MAX / 2;  // absurd inputs stay finite
        s += v;
    }
    return s;
}

bool holds(const Grid& g, const Constraint& c, const Term* changed = nullptr, int64_t to = 0) {
    return side_sum(g, c.lhs, changed, to) == side_sum(g, c.rhs, changed, to);
}

// Sum as written: "2 + 0 + 1" (long sums show their non-zero terms).
std::string terms(const Grid& g, const std::vector<Term>& side) {
    std::string out;
    if (side.size() <= 7) {
        for (size_t i = 0; i < side.size(); ++i) out += (i ? " + " : "") + std::to_string(g.value(side[i]));
        return out;
    }
    size_t shown = 0;
    for (const auto& t : side)
        if (g.value(t) != 0) {
            out += (shown++ ? " + " : "") + std::to_string(g.value(t));
        }
    out += shown ? " + …" : "0 + … + 0";
    return out;
}

// The sums whose cells were all read, and none of them blank by cascade: a
// blank line (only the totals filled, or only the totals missing) is one
// cell-blank finding, not the sums it breaks (blank is not 0).
std::vector<Constraint> checkable(const Context& ctx, std::vector<Constraint> all) {
    const Grid g{ctx.report};
    const BlankLines& blanks = blank_lines(ctx);
    std::vector<Constraint> out;
    for (auto& c : all) {
        bool ok = true;
        for (const auto& side : {&c.lhs, &c.rhs})
            for (const auto& term : *side) ok = ok && g.usable(term) && !blanks.contains(term);
        if (ok) out.push_back(std::move(c));
    }
    return out;
}

std::string cell_name(const Report& r, const Term& t) {
    const Table& table = r.table(t.table);
    const RowSpec& row = *table.rows[t.row].spec;
    std::string col = column_name(*table.spec, row, t.column);
    if (t.table == 4) return col;
    return row_name(row) + " · " + col;
}

struct Blame {
    bool found = false;
    Term cell{};
    int64_t value = 0;
};

// The one cell whose change alone makes every broken constraint hold and
// keeps every holding one, if there is exactly one such cell.
Blame single_cell(const Grid& g, const std::vector<Constraint>& all, const std::vector<size_t>& broken) {
    std::vector<Blame> found;
    const Constraint& first = all[broken[0]];
    for (const auto* side : {&first.lhs, &first.rhs}) {
        for (const auto& cand : *side) {
            // implied value from the first broken constraint
            int64_t lhs = side_sum(g, first.lhs), rhs = side_sum(g, first.rhs);
            bool on_lhs = side == &first.lhs;
            int64_t to = g.value(cand) + (on_lhs ? rhs - lhs : lhs - rhs);
            if (to < 0) continue;
            bool ok = true;
            for (const auto& c : all) ok &= holds(g, c, &cand, to);
            if (ok) found.push_back({true, cand, to});
        }
    }
    if (found.size() == 1) return found[0];
    return {};
}

void report_table(const Context& ctx, Emitter& out, const std::vector<Constraint>& all) {
    const Grid g{ctx.report};
    std::vector<size_t> broken;
    for (size_t i = 0; i < all.size(); ++i)
        if (!holds(g, all[i])) broken.push_back(i);
    if (broken.empty()) return;
    Blame blame = single_cell(g, all, broken);
    for (size_t i : broken) {
        const Constraint& c = all[i];
        Params p = constraint_params(ctx.report, c);
        int64_t lhs = side_sum(g, c.lhs), rhs = side_sum(g, c.rhs);
        p["lhs"] = std::to_string(lhs);
        p["rhs"] = std::to_string(rhs);
        std::string lt = terms(g, c.lhs), rt = terms(g, c.rhs);
        p["arithmetic"] = lt + (c.lhs.size() > 1 ? " = " + std::to_string(lhs) : "") + " ≠ " + rt +
                          (c.rhs.size() > 1 ? " = " + std::to_string(rhs) : "");
        bool involved = false;
        if (blame.found)
            for (const auto* side : {&c.lhs, &c.rhs})
                for (const auto& t : *side) involved |= same(t, blame.cell);
        Fix fix = Fix::SumNoSingleCell;
        if (blame.found && involved) {
            fix = Fix::SumOneCell;
            p["cell"] = cell_name(ctx.report, blame.cell);
            p["value"] = std::to_string(blame.value);
        } else if (broken.size() == 1) {
            fix = Fix::SumCheckTotal;
            p["total"] = cell_name(ctx.report, c.rhs.back());
            p["should"] = std::to_string(c.rhs.size() == 1 ? lhs : g.value(c.rhs.back()) + lhs - rhs);
        }
        const Term& at = blame.found && involved ? blame.cell : c.anchor;
        Finding& f = out.emit(c.msg, fix, g.cell(at).span, p);
        for (const auto* side : {&c.lhs, &c.rhs})
            for (const auto& t : *side) {
                const Table& table = ctx.report.table(t.table);
                CellRef ref{t.table, std::string(table.rows[t.row].spec->key), t.column, g.cell(t).span, ""};
                if (blame.found && same(t, blame.cell)) ref.expected = std::to_string(blame.value);
                f.cells.push_back(ref);
            }
    }
}

void run(const Context& ctx, Emitter& out) {
    report_table(ctx, out, checkable(ctx, table3_sums(ctx.report)));
    // Table 四's three groups share no cell: each is diagnosed on its own.
    for (const auto& c : checkable(ctx, table4_sums(ctx.report))) report_table(ctx, out, {c});
}

}  // namespace

const RuleCheck& arithmetic_checks() {
    static const RuleCheck check{docs(), messages(), fixes(), run};
    return check;
}

}  // namespace nianbao
