// narrative-fee-notice: applications dropped for unpaid fees (table 三 （六）2)
// while the text never mentions fees.
#include "rules/describe.h"
#include "rules/narrative_text.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

using namespace narrative_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::NarrativeFeeNotice, Severity::Info)
            .title("有逾期未缴费的申请，正文未提收费", "Unpaid-fee applications, but no word on fees")
            .checks("表三“（六）其他处理 · 2.申请人逾期未按收费通知要求缴纳费用”总计大于 0，但正文没有提到收费通知、缴纳费用或信息处理费。",
                    "Table 3 row （六）2 (fees not paid after a fee notice) is above zero but the text never mentions fees.")
            .matters("有申请因未缴费而不再处理，说明本机关发出过收费通知；报告应说明信息处理费的收取情况。",
                     "Charging information processing fees must be explained in the report.")
            .for_example("表三（六）2 为 6，第六部分只写“无其他需要报告的事项”",
                         "Table 3, row 「（六）2」 is 6; Section 6 says only 「无其他需要报告的事项」 (nothing else to report)")
            .based_on("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::NarrativeFeeNoticeSilent, "表三“{row}”总计为 {count}，但正文没有提到收费通知或信息处理费。",
         "Table 3, row 「{row}」, totals {count}, but the text never mentions a fee notice or 信息处理费.",
         "在正文（如第六部分）说明发出收费通知和收取信息处理费的情况。",
         "Say in the text (e.g. Section 6) how fee notices were sent and what 信息处理费 was charged."},
    };
    return m;
}

bool mentions_fees(std::string_view s) {
    if (has_any(s, {"收费通知", "缴费", "缴纳", "处理费", "费用"})) return true;
    for (size_t p = scan::find_text(s, "收费"); p != npos; p = scan::find_text(s, "收费", p + 6))
        if (!ends(s, p, "事业性")) return true;
    return false;
}

void check_fee_notice(const Narrative& n, const Table& t3, Emitter& out) {
    const Row* row = t3.found_row("t3.other.2");
    const Cell* total = usable_cell(row, 6);
    if (!total || total->value <= 0) return;
    if (mentions_fees(n.text)) return;
    Params p = {{"row", row_name(*row->spec)}, {"count", std::to_string(total->value)}};
    const Span at = total->span.empty() ? row->span : total->span;
    out.emit(Msg::NarrativeFeeNoticeSilent, at, p).cells.push_back(cell_ref(3, *row, 6));
}

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::NarrativeFeeNotice)) return;
    check_fee_notice(narrative_of(ctx), ctx.report.table3, out);
}

}  // namespace

const RuleCheck& narrative_fee_notice_check() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
