#include "rules/table_sums.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

namespace nianbao {

bool row_read(const Row& row) {
    return row.found && row.numbers_found == static_cast<int>(row.cells.size()) && row.extra.empty();
}

// Table 三's constraints, from the row roles of the template.
std::vector<Constraint> table3_sums(const Report& r) {
    std::vector<Constraint> out;
    const Table& t = r.table3;
    if (!t.found) return out;
    const size_t cols = t.spec->columns.size();  // 7; the last is 总计
    std::vector<size_t> result_rows;
    size_t new_row = SIZE_MAX, in_row = SIZE_MAX, total_row = SIZE_MAX, out_row = SIZE_MAX;
    bool results_complete = true;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const Row& row = t.rows[i];
        const RowSpec& s = *row.spec;
        bool data = s.cells > 0 || row.collapsed_group;
        if (data && row.found && row.cells.size() == cols) {
            Constraint c{Msg::ApplyRowTotalRow, &s, -1, nullptr, {}, {}, {3, i, static_cast<int>(cols - 1)}};
            c.lhs.reserve(cols - 1);
            for (size_t k = 0; k + 1 < cols; ++k) c.lhs.push_back({3, i, static_cast<int>(k)});
            c.rhs.push_back({3, i, static_cast<int>(cols - 1)});
            out.push_back(std::move(c));
        }
        switch (s.role) {
            case RowRole::NewApplications: new_row = i; break;
            case RowRole::CarriedIn: in_row = i; break;
            case RowRole::ResultTotal: total_row = i; break;
            case RowRole::CarriedOut: out_row = i; break;
            case RowRole::Result:
                if (row.found) result_rows.push_back(i);
                else {
                    // covered by its group given as one row (2019 style)?
                    bool covered = false;
                    for (size_t k = 0; k < i; ++k)
                        if (t.rows[k].collapsed_group &&
                            std::string(t.rows[k].spec->marker) + std::string(t.rows[k].spec->label) == s.parent)
                            covered = true;
                    if (!covered) results_complete = false;
                }
                break;
            case RowRole::None:
                if (row.collapsed_group) result_rows.push_back(i);
                break;
        }
    }
    for (size_t k = 0; k < cols; ++k) {
        int col = static_cast<int>(k);
        if (new_row != SIZE_MAX && in_row != SIZE_MAX && total_row != SIZE_MAX && out_row != SIZE_MAX) {
            Constraint c{Msg::ApplyIdentityColumn, nullptr, col, nullptr,
                         {{3, new_row, col}, {3, in_row, col}}, {{3, total_row, col}, {3, out_row, col}},
                         {3, total_row, col}};
            out.push_back(std::move(c));
        }
        if (total_row != SIZE_MAX && results_complete && !result_rows.empty()) {
            Constraint c{Msg::ApplyResultTotalColumn, nullptr, col, nullptr, {}, {{3, total_row, col}},
                         {3, total_row, col}};
            c.lhs.reserve(result_rows.size());
            for (size_t i : result_rows) c.lhs.push_back({3, i, col});
            out.push_back(std::move(c));
        }
    }
    return out;
}

std::vector<Constraint> table4_sums(const Report& r) {
    std::vector<Constraint> out;
    const Table& t = r.table4;
    if (!t.found || t.rows.empty() || t.rows[0].cells.size() != t.spec->columns.size()) return out;
    // Each group's four outcomes add up to its 总计, columns named by key.
    static const char* groups[3][2] = {{"review", "行政复议"},
                                       {"direct", "行政诉讼 · 未经复议直接起诉"},
                                       {"after_review", "行政诉讼 · 复议后起诉"}};
    for (int k = 0; k < 3; ++k) {
        const std::string key = groups[k][0];
        const int total = t.spec->column_index(key + ".total");
        int parts[4];
        bool known = total >= 0;
        for (int j = 0; j < 4; ++j) {
            static const char* outcome[4] = {".upheld", ".corrected", ".other", ".pending"};
            parts[j] = t.spec->column_index(key + outcome[j]);
            known &= parts[j] >= 0;
        }
        if (!known) continue;
        Constraint c{k == 0 ? Msg::ReviewTotalGroup : Msg::LitigationTotalGroup, nullptr, -1, groups[k][1], {}, {{4, 0, total}},
                     {4, 0, total}};
        for (int j = 0; j < 4; ++j) c.lhs.push_back({4, 0, parts[j]});
        out.push_back(std::move(c));
    }
    return out;
}

bool BlankLines::contains(const Term& t) const {
    for (const BlankLine& line : lines)
        for (const Term& c : line.cells)
            if (same(c, t)) return true;
    return false;
}

namespace {

const Cell* cell_at(const Report& r, const Term& t) {
    const Table& table = r.table(t.table);
    if (t.row >= table.rows.size()) return nullptr;
    const Row& row = table.rows[t.row];
    if (!row_read(row) || t.column < 0 || t.column >= static_cast<int>(row.cells.size())) return nullptr;
    return &row.cells[t.column];
}

void find_lines(const Report& r, const std::vector<Constraint>& all, int table, BlankLines& out) {
    // The sums whose cells were all read; identity (two cells a side) defines
    // no total, and so no blank that is not 0.
    std::vector<const Constraint*> sums;
    for (const Constraint& c : all) {
        bool ok = c.rhs.size() == 1;
        for (const auto* side : {&c.lhs, &c.rhs})
            for (const Term& t : *side) {
                const Cell* cell = cell_at(r, t);
                ok &= cell && cell->usable();
            }
        if (ok) sums.push_back(&c);
    }
    auto blank = [&](const Term& t) { return cell_at(r, t)->status == CellStatus::Blank; };
    // Blanks the sums say are not 0: a blank total over parts above 0, and
    // parts all blank under a total above 0.
    std::map<std::pair<size_t, int>, Term> suspect;
    for (const Constraint* c : sums) {
        const Term& total = c->rhs[0];
        int64_t parts = 0;
        bool all_blank = true;
        for (const Term& t : c->lhs) {
            parts += cell_at(r, t)->value;
            all_blank &= blank(t);
        }
        if (blank(total) && parts > 0) suspect.emplace(std::make_pair(total.row, total.column), total);
        if (!blank(total) && cell_at(r, total)->value > 0 && all_blank)
            for (const Term& t : c->lhs) suspect.emplace(std::make_pair(t.row, t.column), t);
    }
    // Lines: the row or column holding the most such blanks first, while one
    // holds two or more.
    while (true) {
        std::map<size_t, int> by_row;
        std::map<int, int> by_column;
        for (const auto& s : suspect) {
            ++by_row[s.first.first];
            ++by_column[s.first.second];
        }
        int best = 1;
        bool is_column = false;
        size_t best_row = 0;
        int best_column = -1;
        for (const auto& c : by_column)
            if (c.second > best) best = c.second, is_column = true, best_column = c.first;
        for (const auto& rw : by_row)
            if (rw.second > best) best = rw.second, is_column = false, best_row = rw.first;
        if (best < 2) break;
        BlankLine line;
        line.table = table;
        line.is_column = is_column;
        for (auto it = suspect.begin(); it != suspect.end();) {
            const bool in = is_column ? it->first.second == best_column : it->first.first == best_row;
            if (in) {
                line.cells.push_back(it->second);
                it = suspect.erase(it);
            } else {
                ++it;
            }
        }
        // The other blank totals of that row or column belong to it too (a
        // blank 总计 over parts that are all 0 is 0, and says so once).
        for (const Constraint* c : sums) {
            const Term& total = c->rhs[0];
            const bool in = is_column ? total.column == best_column : total.row == best_row;
            if (!in || !blank(total) || out.contains(total)) continue;
            bool listed = false;
            for (const Term& t : line.cells) listed |= same(t, total);
            if (!listed) line.cells.push_back(total);
        }
        // In table order. A line is a row or a column of one table (at most
        // 25 cells): sorted by insertion, a few instructions in the wasm
        // where std::sort would instantiate a kilobyte for this one use.
        for (size_t k = 1; k < line.cells.size(); ++k)
            for (size_t i = k; i > 0; --i) {
                const Term& a = line.cells[i - 1];
                const Term& b = line.cells[i];
                if (a.row < b.row || (a.row == b.row && a.column <= b.column)) break;
                std::swap(line.cells[i - 1], line.cells[i]);
            }
        line.row = line.cells.front().row;
        line.column = line.cells.front().column;
        line.values.assign(line.cells.size(), std::nullopt);
        out.lines.push_back(std::move(line));
    }
    // What the table determines: a blank total of a line is the sum of its
    // parts once they are all known (read, or determined themselves).
    auto find = [&](const Term& t) -> std::optional<int64_t>* {
        for (BlankLine& line : out.lines)
            if (line.table == table)
                for (size_t i = 0; i < line.cells.size(); ++i)
                    if (same(line.cells[i], t)) return &line.values[i];
        return nullptr;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (const Constraint* c : sums) {
            std::optional<int64_t>* total = find(c->rhs[0]);
            if (!total || *total) continue;
            int64_t parts = 0;
            bool known = true;
            for (const Term& t : c->lhs) {
                const std::optional<int64_t>* v = find(t);
                if (v && !*v) known = false;
                else if (parts < INT64_MAX / 4) parts += v ? **v : cell_at(r, t)->value;
            }
            if (!known) continue;
            *total = parts;
            changed = true;
        }
    }
}

}  // namespace

const BlankLines& blank_lines(const Context& ctx) {
    if (!ctx.blank_lines) {
        auto lines = std::make_shared<BlankLines>();
        find_lines(ctx.report, table3_sums(ctx.report), 3, *lines);
        find_lines(ctx.report, table4_sums(ctx.report), 4, *lines);
        ctx.blank_lines = lines;
    }
    return *static_cast<const BlankLines*>(ctx.blank_lines.get());
}

}  // namespace nianbao
