#include "tables/row_template.h"

#include <algorithm>

namespace nianbao {

RowTemplate::RowTemplate(const TableSpec& spec) {
    official.reserve(spec.rows.size());
    markers.reserve(spec.rows.size());
    for (const auto& row : spec.rows) {
        official.emplace_back(canonical_label(row.label));
        markers.push_back(parse_marker(row.marker));
    }
    for (size_t j = 0; j < official.size() && j < kRows; ++j)
        for (char32_t c : official[j].label()) rows_by_char_.push_back(size_t{c} << kRowBits | j);
    std::sort(rows_by_char_.begin(), rows_by_char_.end());
    rows_by_char_.erase(std::unique(rows_by_char_.begin(), rows_by_char_.end()), rows_by_char_.end());
}

Candidate RowTemplate::candidate(std::u32string text) const {
    Candidate c{std::move(text), std::vector<uint16_t>(official.size(), 0)};
    for (char32_t ch : c.text) {
        auto it = std::lower_bound(rows_by_char_.begin(), rows_by_char_.end(), size_t{ch} << kRowBits);
        for (; it != rows_by_char_.end() && *it >> kRowBits == ch; ++it) ++c.hits[*it & (kRows - 1)];
    }
    return c;
}

std::shared_ptr<const RowTemplate> row_template(const TableSpec& spec) {
    static const auto known = [] {
        std::vector<std::pair<const TableSpec*, std::shared_ptr<const RowTemplate>>> out;
        for (const FormatSpec* f : formats())
            for (const TableSpec* t : {&f->table2, &f->table3, &f->table4})
                out.emplace_back(t, std::make_shared<const RowTemplate>(*t));
        return out;
    }();
    for (const auto& k : known)
        if (k.first == &spec) return k.second;
    return std::make_shared<const RowTemplate>(spec);
}

}  // namespace nianbao
