#include "report_builder.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace nianbao::test {

namespace {

const char* kRows3[25] = {
    "一、本年新收政府信息公开申请数量\t",
    "二、上年结转政府信息公开申请数量\t",
    "三、本年度办理结果\t(一) 予以公开",
    "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
    "\t(三) 不予公开\t1. 属于国家秘密",
    "\t\t2. 其他法律行政法规禁止公开",
    "\t\t3. 危及“三安全一稳定”",
    "\t\t4. 保护第三方合法权益",
    "\t\t5. 属于三类内部事务信息",
    "\t\t6. 属于四类过程性信息",
    "\t\t7. 属于行政执法案卷",
    "\t\t8. 属于行政查询事项",
    "\t(四) 无法提供\t1. 本机关不掌握相关政府信息",
    "\t\t2. 没有现成信息需要另行制作",
    "\t\t3. 补正后申请内容仍不明确",
    "\t(五) 不予处理\t1. 信访举报投诉类申请",
    "\t\t2. 重复申请",
    "\t\t3. 要求提供公开出版物",
    "\t\t4. 无正当理由大量反复申请",
    "\t\t5. 要求行政机关确认或重新出具已获取信息",
    "\t(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "\t\t3. 其他",
    "\t(七) 总计",
    "\t四、结转下年度继续办理\t",
};

}  // namespace

void ReportText::set_row3(int r, std::array<long long, 6> parts) {
    long long sum = 0;
    for (int k = 0; k < 6; ++k) {
        table3[r][k] = parts[k];
        sum += parts[k];
    }
    table3[r][6] = sum;
}

std::string ReportText::str() const {
    const std::string y = std::to_string(year);
    std::string s;
    s += body + y + "年政府信息公开工作年度报告\n\n";
    if (!intro.empty()) s += intro + "\n\n";
    s += "一、总体情况\n\n" + section1 + "\n";
    s += "二、主动公开政府信息情况\n\n";
    s += "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n";
    s += "规章\t" + table2[0] + "\t" + table2[1] + "\t" + table2[2] + "\n";
    s += "行政规范性文件\t" + table2[3] + "\t" + table2[4] + "\t" + table2[5] + "\n";
    s += "第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t" + table2[6] + "\t\t\n";
    s += "第二十条第（六）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n";
    s += "行政处罚\t" + table2[7] + "\t\t\n行政强制\t" + table2[8] + "\t\t\n";
    s += "第二十条第（八）项\t\t\t\n信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t" + table2[9] + "\t\t\n\n";
    s += "三、收到和处理政府信息公开申请情况\n\n";
    s += "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\n";
    s += "\t\t自然人\t法人或其他组织\t\t\t\t\t\n";
    s += "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";
    for (int r = 0; r < 25; ++r) {
        s += kRows3[r];
        for (int k = 0; k < 7; ++k) s += "\t" + std::to_string(table3[r][k]);
        s += "\n";
    }
    s += "\n四、政府信息公开行政复议、行政诉讼情况\n\n";
    s += "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n";
    s += "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n";
    s += "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n";
    for (int k = 0; k < 15; ++k) s += (k ? "\t" : "") + std::to_string(table4[k]);
    s += "\n\n五、存在的主要问题及改进情况\n\n" + section5 + "\n";
    s += "六、其他需要报告的事项\n\n" + section6 + "\n";
    s += signature;
    return s;
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(NIANBAO_FIXTURES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<Finding> findings_with(const Result& r, std::string_view id) {
    std::vector<Finding> out;
    for (const Finding& f : r.findings)
        if (f.id == id) out.push_back(f);
    return out;
}

std::vector<std::string> not_info(const Result& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings)
        if (f.severity != Severity::Info) out.push_back(f.id + ":" + severity_name(f.severity));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace nianbao::test
