// fee-statement: section 六 says whether 信息处理费 were charged.
#include "rules/registry.h"
#include "rules/report_text.h"

namespace nianbao {

namespace {

using namespace report_text;

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::FeeStatement, Severity::Warning)
            .title("未说明信息处理费收取情况", "No statement on information processing fees")
            .checks("第六部分“其他需要报告的事项”没有说明本年度是否收取信息处理费（如“本年度未收取信息处理费”“共收取信息处理费"
                    " 3940 元”）。第六部分未提及而正文其他部分写明了“信息处理费”的，视为已说明。表二的“行政事业性收费”是另一回事，"
                    "不算说明。该办法自 2021 年起施行，2019、2020 年度的报告不检查此项。",
                    "Section 6 does not say whether information processing fees (信息处理费) were charged (reports on 2021 and later: the fee began in 2021).")
            .matters("《政府信息公开信息处理费管理办法》施行后，各地要求在年度报告中逐年说明信息处理费的收取情况。",
                     "Every current report states it and provinces require it; it is a different thing from 行政事业性收费 in Table 2.")
            .for_example("六、其他需要报告的事项\n我镇无其他需要报告的事项。",
                         "Section 6 says only 「我镇无其他需要报告的事项。」 (nothing else to report) and nothing about fees")
            .based_on("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::FeeStatementMissing, "第六部分“其他需要报告的事项”没有说明本年度是否收取信息处理费。",
         "Section 6 (其他需要报告的事项) does not say whether information processing fees (信息处理费) were charged.",
         "写明信息处理费的收取情况，如“本年度未收取信息处理费”或“本年度共收取信息处理费 X 元”（表二的行政事业性收费是另一回事）。",
         "State whether fees were charged, e.g. 本年度未收取信息处理费 or 本年度共收取信息处理费 X 元 (Table 2's 行政事业性收费 is a different thing)."},
    };
    return m;
}

// Does `t` (section 六) say whether fees were charged? 行政事业性收费 and the
// table's 收费通知 do not count.
bool states_fee(std::string_view t) {
    if (contains(t, "处理费") || contains(t, "免费")) return true;
    for (size_t i = 0; (i = scan::find_text(t, "收费", i)) != std::string_view::npos; i += 6) {
        if (contains(before(t, i, 3), "事业性")) continue;  // 行政事业性收费
        if (after(t, i + 6, 2) == "通知") continue;          // 收费通知
        return true;
    }
    for (size_t i = 0; (i = scan::find_text(t, "费用", i)) != std::string_view::npos; i += 6) {
        std::string_view lead = before(t, i, 10);
        if (contains(lead, "收") || contains(lead, "缴") || contains(lead, "产生")) return true;
    }
    return false;
}

void check_fee_statement(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Section& six = r.section(6);
    if (!six.found) return;  // section-missing says it
    // The fee exists since 2021 (国办函〔2020〕109号): a report on 2019 or
    // 2020 has nothing to state.
    if (r.year > 0 && r.year < 2021) return;
    if (states_fee(slice(r, six.body))) return;
    // Said elsewhere in the narrative (e.g. in 一), in so many words.
    if (contains(r.source, "处理费")) return;
    out.emit(Msg::FeeStatementMissing, six.heading_span);
}

}  // namespace

const RuleCheck& fee_statement_check() {
    static const RuleCheck check{docs(), messages(), {}, check_fee_statement};
    return check;
}

}  // namespace nianbao
