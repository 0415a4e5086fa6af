#include "format/format_common.h"

namespace nianbao {

std::vector<SectionSpec> standard_sections() {
    return {
        {1, "一", "总体情况", {"概述", "总体概述"}, {"总体情况", "概述", "总体", "基本情况", "概况"}},
        {2, "二", "主动公开政府信息情况", {"主动公开情况"}, {"主动公开"}},
        {3, "三", "收到和处理政府信息公开申请情况", {"依申请公开情况"}, {"收到和处理", "收到及处理", "依申请"}},
        {4, "四", "政府信息公开行政复议、行政诉讼情况",
         {"因政府信息公开工作被申请行政复议和提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"},
         {"行政复议", "行政诉讼"}},
        {5, "五", "存在的主要问题及改进情况",
         {"政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进情况", "存在主要问题及改进情况",
          "存在的问题及改进情况", "存在的主要问题及改进措施"},
         {"问题", "改进"}},
        {6, "六", "其他需要报告的事项", {"其他需要报告事项", "其他事项"}, {"其他需要报告", "其他事项", "需要报告"}},
    };
}

TableSpec standard_table3(bool other_handling_split) {
    TableSpec t;
    t.number = 3;
    t.name = "收到和处理政府信息公开申请情况";
    t.columns = {
        {"natural", "自然人", "申请人情况"},
        {"business", "商业企业", "法人或其他组织"},
        {"research", "科研机构", "法人或其他组织"},
        {"public_welfare", "社会公益组织", "法人或其他组织"},
        {"legal_service", "法律服务机构", "法人或其他组织"},
        {"other", "其他", "法人或其他组织"},
        {"total", "总计", "申请人情况"},
    };
    const auto R = RowRole::Result;
    t.rows = {
        {"t3.new", "一、", "本年新收政府信息公开申请数量", "", 7, RowRole::NewApplications},
        {"t3.carried_in", "二、", "上年结转政府信息公开申请数量", "", 7, RowRole::CarriedIn},
        {"t3.results", "三、", "本年度办理结果", "", 0},
        {"t3.disclosed", "（一）", "予以公开", "三、本年度办理结果", 7, R},
        {"t3.partly", "（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果", 7, R},
        {"t3.refused", "（三）", "不予公开", "三、本年度办理结果", 0},
        {"t3.refused.1", "1.", "属于国家秘密", "（三）不予公开", 7, R},
        {"t3.refused.2", "2.", "其他法律行政法规禁止公开", "（三）不予公开", 7, R},
        {"t3.refused.3", "3.", "危及“三安全一稳定”", "（三）不予公开", 7, R},
        {"t3.refused.4", "4.", "保护第三方合法权益", "（三）不予公开", 7, R},
        {"t3.refused.5", "5.", "属于三类内部事务信息", "（三）不予公开", 7, R},
        {"t3.refused.6", "6.", "属于四类过程性信息", "（三）不予公开", 7, R},
        {"t3.refused.7", "7.", "属于行政执法案卷", "（三）不予公开", 7, R},
        {"t3.refused.8", "8.", "属于行政查询事项", "（三）不予公开", 7, R},
        {"t3.unable", "（四）", "无法提供", "三、本年度办理结果", 0},
        {"t3.unable.1", "1.", "本机关不掌握相关政府信息", "（四）无法提供", 7, R},
        {"t3.unable.2", "2.", "没有现成信息需要另行制作", "（四）无法提供", 7, R},
        {"t3.unable.3", "3.", "补正后申请内容仍不明确", "（四）无法提供", 7, R},
        {"t3.declined", "（五）", "不予处理", "三、本年度办理结果", 0},
        {"t3.declined.1", "1.", "信访举报投诉类申请", "（五）不予处理", 7, R},
        {"t3.declined.2", "2.", "重复申请", "（五）不予处理", 7, R},
        {"t3.declined.3", "3.", "要求提供公开出版物", "（五）不予处理", 7, R},
        {"t3.declined.4", "4.", "无正当理由大量反复申请", "（五）不予处理", 7, R},
        {"t3.declined.5", "5.", "要求行政机关确认或重新出具已获取信息", "（五）不予处理", 7, R},
    };
    if (other_handling_split) {
        t.rows.push_back({"t3.other", "（六）", "其他处理", "三、本年度办理结果", 0});
        t.rows.push_back({"t3.other.1", "1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                          "（六）其他处理", 7, R});
        t.rows.push_back({"t3.other.2", "2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                          "（六）其他处理", 7, R});
        t.rows.push_back({"t3.other.3", "3.", "其他", "（六）其他处理", 7, R});
    } else {
        t.rows.push_back({"t3.other", "（六）", "其他处理", "三、本年度办理结果", 7, R});
    }
    t.rows.push_back({"t3.total", "（七）", "总计", "三、本年度办理结果", 7, RowRole::ResultTotal});
    t.rows.push_back({"t3.carried_out", "四、", "结转下年度继续办理", "", 7, RowRole::CarriedOut});
    return t;
}

TableSpec standard_table4() {
    TableSpec t;
    t.number = 4;
    t.name = "政府信息公开行政复议、行政诉讼情况";
    t.columns = {
        {"review.upheld", "结果维持", "行政复议"},
        {"review.corrected", "结果纠正", "行政复议"},
        {"review.other", "其他结果", "行政复议"},
        {"review.pending", "尚未审结", "行政复议"},
        {"review.total", "总计", "行政复议"},
        {"direct.upheld", "结果维持", "行政诉讼·未经复议直接起诉"},
        {"direct.corrected", "结果纠正", "行政诉讼·未经复议直接起诉"},
        {"direct.other", "其他结果", "行政诉讼·未经复议直接起诉"},
        {"direct.pending", "尚未审结", "行政诉讼·未经复议直接起诉"},
        {"direct.total", "总计", "行政诉讼·未经复议直接起诉"},
        {"after_review.upheld", "结果维持", "行政诉讼·复议后起诉"},
        {"after_review.corrected", "结果纠正", "行政诉讼·复议后起诉"},
        {"after_review.other", "其他结果", "行政诉讼·复议后起诉"},
        {"after_review.pending", "尚未审结", "行政诉讼·复议后起诉"},
        {"after_review.total", "总计", "行政诉讼·复议后起诉"},
    };
    t.rows = {{"t4.counts", "", "行政复议、行政诉讼", "", 15}};
    return t;
}

int TableSpec::column_index(std::string_view key) const {
    for (size_t k = 0; k < columns.size(); ++k)
        if (columns[k].key == key) return static_cast<int>(k);
    return -1;
}

const TableSpec& FormatSpec::table(int number) const {
    return number == 2 ? table2 : number == 3 ? table3 : table4;
}

}  // namespace nianbao
