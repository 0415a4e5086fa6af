#include "tables/row_template.h"

#include <algorithm>

namespace nianbao {

namespace {

size_t slot_hash(char32_t c, size_t mask) { return (static_cast<size_t>(c) * 0x9E3779B1u >> 7) & mask; }

}  // namespace

RowTemplate::RowTemplate(const TableSpec& spec) {
    official.reserve(spec.rows.size());
    markers.reserve(spec.rows.size());
    for (const auto& row : spec.rows) {
        official.emplace_back(canonical_label(row.label));
        markers.push_back(parse_marker(row.marker));
    }
    std::vector<std::pair<char32_t, uint16_t>> rows_by_char;  // (character, row)
    for (size_t j = 0; j < official.size(); ++j)
        for (char32_t c : official[j].label()) rows_by_char.push_back({c, static_cast<uint16_t>(j)});
    std::sort(rows_by_char.begin(), rows_by_char.end());
    rows_by_char.erase(std::unique(rows_by_char.begin(), rows_by_char.end()), rows_by_char.end());
    size_t distinct = 0;
    for (size_t k = 0; k < rows_by_char.size(); ++k) distinct += k == 0 || rows_by_char[k].first != rows_by_char[k - 1].first;
    size_t size = 16;
    while (size < 2 * distinct) size *= 2;
    slots_.assign(size, Slot{});
    size_t at = 0;  // the slot of the character being added
    for (size_t k = 0; k < rows_by_char.size(); ++k) {
        const char32_t c = rows_by_char[k].first;
        if (k == 0 || c != rows_by_char[k - 1].first) {
            at = slot_hash(c, size - 1);
            while (slots_[at].count) at = (at + 1) & (size - 1);
            slots_[at] = {c, static_cast<uint32_t>(rows_.size()), 0};
        }
        rows_.push_back(rows_by_char[k].second);
        ++slots_[at].count;
    }
}

const RowTemplate::Slot* RowTemplate::slot_of(char32_t c) const {
    const size_t mask = slots_.size() - 1;
    for (size_t h = slot_hash(c, mask);; h = (h + 1) & mask) {
        if (slots_[h].c == c && slots_[h].count) return &slots_[h];
        if (!slots_[h].count) return nullptr;
    }
}

Candidate RowTemplate::candidate(std::u32string text) const {
    Candidate c{std::move(text), std::vector<uint16_t>(official.size(), 0)};
    for (char32_t ch : c.text)
        if (const Slot* s = slot_of(ch))
            for (uint32_t k = 0; k < s->count; ++k) ++c.hits[rows_[s->first + k]];
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
