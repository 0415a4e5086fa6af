// 国办公开办函〔2019〕60号: the template of the 2019 and 2020 reports. Tables
// 三 and 四 are the 2021 ones except that （六）其他处理 is a single data row.
#include "format/format_common.h"

namespace nianbao {

const FormatSpec& format_2019() {
    static const FormatSpec spec = [] {
        FormatSpec f;
        f.id = "2019";
        f.basis = "国办公开办函〔2019〕60号";
        f.citation_year = "2019";
        f.citation_number = "60";
        f.first_year = 2019;
        f.last_year = 2020;
        f.sections = standard_sections();

        const std::vector<std::string_view> made = {"本年新制作数量", "本年新公开数量", "对外公开总数量"};
        const std::vector<std::string_view> items = {"上一年项目数量", "本年增/减", "处理决定数量"};
        const std::vector<std::string_view> fee = {"上一年项目数量", "本年增/减"};
        const std::vector<std::string_view> purchase = {"采购项目数量", "采购总金额"};
        f.table2.number = 2;
        f.table2.name = "主动公开政府信息情况";
        f.table2.rows = {
            {"t2.regulation", "", "规章", "", 3, RowRole::None, "第二十条第（一）项", made},
            {"t2.normative", "", "规范性文件", "", 3, RowRole::None, "第二十条第（一）项", made},
            {"t2.permit", "", "行政许可", "", 3, RowRole::None, "第二十条第（五）项", items, false, true, 1},
            {"t2.other_services", "", "其他对外管理服务事项", "", 3, RowRole::None, "第二十条第（五）项", items, false, true, 1},
            {"t2.penalty", "", "行政处罚", "", 3, RowRole::None, "第二十条第（六）项", items, false, true, 1},
            {"t2.enforcement", "", "行政强制", "", 3, RowRole::None, "第二十条第（六）项", items, false, true, 1},
            {"t2.fee", "", "行政事业性收费", "", 2, RowRole::None, "第二十条第（八）项", fee, false, true, 1},
            {"t2.purchase", "", "政府集中采购", "", 2, RowRole::None, "第二十条第（九）项", purchase, true},
        };

        f.table3 = standard_table3(/*other_handling_split=*/false);
        f.table4 = standard_table4();
        f.signatures = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "其他对外管理服务事项",
                        "第二十条第（九）项", "〔2019〕60号", "上一年项目数量"};
        return f;
    }();
    return spec;
}

}  // namespace nianbao
