#include "tables/wording.h"

#include <string>
#include <string_view>
#include <vector>

#include "tables/labels.h"
#include "tables/row_template.h"

namespace nianbao {

namespace {

// A PDF copy may put a piece of a group's label, written down its merged
// cell, inside a row's label ("2、申请人逾期未按收费通知要 他处理 求缴纳费用…":
// 他处理 ends （六）其他处理); such pieces, standing apart, are not the row's wording.
bool differs(const std::string& raw, const std::u32string& official, const std::vector<std::u32string>& groups) {
    if (!label_deviates(canonical_label(raw), official)) return false;
    std::string kept;
    bool dropped = false;
    size_t i = 0;
    for (bool first = true; i < raw.size(); first = false) {
        const size_t end = std::min(raw.find(' ', i), raw.size());
        const std::string_view piece = std::string_view(raw).substr(i, end - i);
        const std::u32string c = canonical_label(piece);
        bool group_piece = false;
        for (const auto& g : groups) group_piece |= !first && c.size() >= 2 && g.find(c) != std::u32string::npos;
        if (group_piece) dropped = true;
        else kept.append(piece).append(" ");
        i = raw.find_first_not_of(' ', end);
        if (i == std::string::npos) break;
    }
    return !dropped || label_deviates(canonical_label(kept), official);
}

// The label exactly as the template writes it, with or without its enumerator.
bool as_template(std::string_view raw, const RowSpec& row) {
    if (raw.size() >= row.marker.size() && raw.substr(0, row.marker.size()) == row.marker)
        if (raw.substr(row.marker.size()) == row.label) return true;
    return raw == row.label;
}

}  // namespace

void mark_label_wording(Table& table) {
    if (!table.spec) return;
    const TableSpec& spec = *table.spec;
    const auto tmpl = row_template(spec);
    std::vector<std::u32string> groups;
    for (size_t k = 0; k < spec.rows.size(); ++k)
        if (spec.rows[k].cells == 0) groups.push_back(tmpl->official[k].label());
    for (size_t j = 0; j < table.rows.size() && j < spec.rows.size(); ++j) {
        Row& row = table.rows[j];
        // Most labels are copied as the template writes them: no need to compare.
        row.label_differs = row.found && !row.raw_label.empty() && !spec.rows[j].label.empty() &&
                            !as_template(row.raw_label, spec.rows[j]) &&
                            differs(row.raw_label, tmpl->official[j].label(), groups);
    }
}

}  // namespace nianbao
