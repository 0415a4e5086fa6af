// 国办公开办函〔2021〕30号: the template of every report for 2021 and later.
// Pure data; see ../shared/spec/format-2021.md for where each line comes from.
#include "format/format_common.h"

namespace nianbao {

const FormatSpec& format_2021() {
    static const FormatSpec spec = [] {
        FormatSpec f;
        f.id = "2021";
        f.basis = "国办公开办函〔2021〕30号";
        f.citation_year = "2021";
        f.citation_number = "30";
        f.first_year = 2021;
        f.sections = standard_sections();

        const std::vector<std::string_view> made = {"本年制发件数", "本年废止件数", "现行有效件数"};
        const std::vector<std::string_view> decided = {"本年处理决定数量"};
        const std::vector<std::string_view> fee = {"本年收费金额（单位：万元）"};
        f.table2.number = 2;
        f.table2.name = "主动公开政府信息情况";
        f.table2.rows = {
            {"t2.regulation", "", "规章", "", 3, RowRole::None, "第二十条第（一）项", made},
            {"t2.normative", "", "行政规范性文件", "", 3, RowRole::None, "第二十条第（一）项", made},
            {"t2.permit", "", "行政许可", "", 1, RowRole::None, "第二十条第（五）项", decided},
            {"t2.penalty", "", "行政处罚", "", 1, RowRole::None, "第二十条第（六）项", decided},
            {"t2.enforcement", "", "行政强制", "", 1, RowRole::None, "第二十条第（六）项", decided},
            {"t2.fee", "", "行政事业性收费", "", 1, RowRole::None, "第二十条第（八）项", fee, true},
        };

        f.table3 = standard_table3(/*other_handling_split=*/true);
        f.table4 = standard_table4();
        f.signatures = {"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
                        "本年收费金额", "〔2021〕30号"};
        return f;
    }();
    return spec;
}

}  // namespace nianbao
