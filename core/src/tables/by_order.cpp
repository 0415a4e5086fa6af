#include "tables/by_order.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "tables/glued.h"
#include "tables/labels.h"
#include "tables/tokens.h"

namespace nianbao {

namespace {

bool is_value_row(const ObservedRow& r) { return count_written(r.values) > 0; }

int cells_of(const TableSpec& spec, size_t j) {
    return spec.rows[j].cells > 0 ? spec.rows[j].cells : static_cast<int>(spec.columns.size());
}

// How far the row's numbers are from the template row's cells: 0 when they
// fit (blank cells counted; one run of glued digits where the row has a sum
// to split it by), else the difference in count.
int misfit(const ObservedRow& r, int cells) {
    const int n = static_cast<int>(r.values.size());
    if (n == cells || (n < cells && n + static_cast<int>(r.trailing_blanks.size()) >= cells)) return 0;
    if (cells >= 4 && count_written(r.values) == 1) return 0;
    return std::abs(n - cells);
}

// Label text holding several rows' labels (a block of labels copied apart
// from their values) places no row: its last label is only the block's end.
bool label_block(const ObservedRow& r) { return marker_positions(r.joined).size() >= 3; }

// No label text: nothing but a marker, spaces and punctuation. An ideograph
// other than a numeral is label text (markers are numerals, digits and
// brackets), which settles most rows without decoding them.
bool unlabelled(const ObservedRow& r) {
    const std::string_view s = r.joined;
    for (size_t i = 0; i + 2 < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0xE4 || b > 0xE9) continue;
        const char32_t cp = char32_t(b & 0x0F) << 12 | char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6 |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        const bool numeral = std::u32string_view(U"〇零一二三四五六七八九十").find(cp) != std::u32string_view::npos;
        if (cp >= 0x4E00 && cp <= 0x9FFF && !numeral) return false;
    }
    return canonical_label(s).empty();
}

// The label text [from, to) of `r` (to within joined_at) as an observed row without values.
ObservedRow atom_of(const ObservedRow& r, size_t from, size_t to) {
    ObservedRow a;
    a.joined = r.joined.substr(from, to - from);
    a.joined_at.assign(r.joined_at.begin() + static_cast<std::ptrdiff_t>(from),
                       r.joined_at.begin() + static_cast<std::ptrdiff_t>(to));
    for (size_t s : r.line_starts)
        if (s > from && s < to) a.line_starts.push_back(s - from);
    a.last_atom = a.joined;
    a.marker = parse_marker(a.joined);
    a.same_line_begin = a.joined.size();
    a.begin = a.joined_at.front();
    a.end = a.joined_at.back() + 1;
    return a;
}

// Every enumerated label of the table's text, in the order written, each an
// observed row without values: the labels of a block copied apart and those
// still beside their numbers.
// `others_only`: without each row of numbers' own label (its last), only
// the labels written before it and after the table.
std::vector<ObservedRow> label_atoms(const std::vector<ObservedRow>& rows, const ObservedRow& tail,
                                     bool others_only = false) {
    std::vector<ObservedRow> atoms;
    auto cut = [&](const ObservedRow& r, bool own_last) {
        const auto at = marker_positions(r.joined);
        for (size_t k = 0; k + (own_last && others_only ? 1 : 0) < at.size(); ++k) {
            size_t from = at[k], to = k + 1 < at.size() ? at[k + 1] : r.joined.size();
            while (to > from && r.joined[to - 1] == ' ') --to;
            if (to == from || to > r.joined_at.size()) continue;
            atoms.push_back(atom_of(r, from, to));
        }
    };
    for (const auto& r : rows) cut(r, true);
    cut(tail, false);
    return atoms;
}

// The template rows the copy's labels name, in template order: data rows
// whose label is found, and (`with_groups`) groups none of whose rows is,
// which the copy gives as one row (2019 style).
std::vector<size_t> named_rows(const TableSpec& spec, const std::vector<int>& label_match, bool with_groups) {
    std::vector<size_t> named;
    for (size_t j = 0; j < spec.rows.size(); ++j) {
        const RowSpec& r = spec.rows[j];
        if (r.cells > 0) {
            if (label_match[j] >= 0) named.push_back(j);
            continue;
        }
        if (!with_groups) continue;
        const std::string group = std::string(r.marker) + std::string(r.label);
        bool has_rows = false, any_named = false;
        for (size_t k = j + 1; k < spec.rows.size() && spec.rows[k].parent == group; ++k) {
            has_rows = true;
            any_named |= label_match[k] >= 0;
        }
        if (has_rows && !any_named) named.push_back(j);
    }
    return named;
}

// The rows of numbers fit the template rows one by one: at most one in
// five off by one number (cell-count tells of it), none further off.
bool fits(const std::vector<ObservedRow>& rows, const std::vector<size_t>& values, const TableSpec& spec,
          const std::vector<size_t>& targets) {
    if (values.empty() || values.size() != targets.size()) return false;
    size_t off = 0;
    for (size_t k = 0; k < values.size(); ++k) {
        const int m = misfit(rows[values[k]], cells_of(spec, targets[k]));
        if (m > 1) return false;
        off += m;
    }
    return off <= std::max<size_t>(1, values.size() / 5);
}

// A label copied apart may carry a piece of a neighbouring cell on one of its
// lines ("（二）部分公开（区分处理的，只 / 理结果 / 记这一情形…", where 理结果
// ends the group label 三、本年度办理结果): keep the longest run of its first
// lines that reads as the official label cut short, if there is one.
void trim_to_label(ObservedRow& atom, const std::u32string& official) {
    if (atom.line_starts.empty() || !label_deviates(canonical_label(atom.joined), official)) return;
    for (size_t k = atom.line_starts.size(); k-- > 0;) {
        const size_t end = atom.line_starts[k];
        if (label_deviates(canonical_label(std::string_view(atom.joined).substr(0, end)), official)) continue;
        size_t to = end;
        while (to > 0 && atom.joined[to - 1] == ' ') --to;
        atom.joined.resize(to);
        atom.joined_at.resize(to);
        atom.line_starts.resize(k);
        atom.last_atom = atom.joined;
        atom.same_line_begin = to;
        return;
    }
}

// The row sums of `spec`'s table (row_sums: table 三's six applicants make
// 总计, each of 四's groups of five its total) hold for `values`; false for
// table 二, which has none to tell a reading by.
bool row_adds_up(const TableSpec& spec, const Token* values, size_t n) {
    const RowSums sums = row_sums(spec.number, static_cast<int>(n));
    if (sums.blocks.empty()) return false;
    for (const auto& [first, count] : sums.blocks) {
        int64_t sum = 0, total = 0;
        for (int k = 0; k < count; ++k) {
            const Token& v = values[first + k];
            if (v.kind != TokenKind::Number) return false;
            int64_t x = 0;
            for (char c : v.text) {
                if (c == ',') continue;
                if (c < '0' || c > '9' || x > 99'999'999'999'999) return false;
                x = x * 10 + (c - '0');
            }
            (k + 1 < count ? sum : total) += x;
        }
        if (sum != total) return false;
    }
    return true;
}

// A run of `rows` rows of `width` numbers each written column by column (the
// first column's numbers one under another, then the second's: pdfminer
// writes a PDF's table so, a page at a time): read so when more rows add up
// that way than row by row, all but one in five at least (a report's own
// wrong sum stays one finding, not a table misread). The total's column may
// come before a column left of it (pdfminer put 总计 before 其他): the other
// columns are tried as the total too, from the last; the first reading with
// the most rows adding up is taken. Rearranges `values` into row order and
// says whether it did.
bool read_by_columns(const TableSpec& spec, std::vector<Token>& values, size_t rows, size_t width) {
    if (rows < 2 || width < 2 || values.size() != rows * width) return false;
    auto adding_up = [&](const std::vector<Token>& v) {
        size_t n = 0;
        for (size_t r = 0; r < rows; ++r) n += row_adds_up(spec, &v[r * width], width);
        return n;
    };
    size_t best = adding_up(values);
    if (best == rows) return false;
    std::vector<Token> reading(values.size()), chosen;
    // Only table 三's rows are one sum (四's five-cell groups keep their order).
    // `total`: the written column read as the last (width - 1: as written).
    const size_t last_total = spec.number == 3 ? 0 : width - 1;
    for (size_t total = width; total-- > last_total;) {
        for (size_t r = 0; r < rows; ++r)
            for (size_t c = 0, to = 0; c < width; ++c)
                reading[r * width + (c == total ? width - 1 : to++)] = values[c * rows + r];
        const size_t n = adding_up(reading);
        if (n > best) {
            best = n;
            chosen = reading;
        }
    }
    if (chosen.empty() || best + std::max<size_t>(1, rows / 5) < rows) return false;
    values = std::move(chosen);
    return true;
}

// Line breaks lost between rows of numbers copied apart from their labels: one
// run of numbers holds several template rows' cells, in order. When every run
// is exactly as long as the cells of consecutive `targets`, cut the runs into
// one row per target (the first piece keeps the run's label text) and renumber
// `match`. False, and nothing changed, when the counts do not add up or no run
// spans two rows.
bool split_runs(std::vector<ObservedRow>& rows, const std::vector<size_t>& values, const TableSpec& spec,
                const std::vector<size_t>& targets, std::vector<int>& match) {
    std::vector<std::vector<int>> widths(values.size());  // the cells of each run's pieces
    // A run in which every cell is written but empty cells stand between the
    // rows (pipe-table rows run together: `| 0 | 0 | | 0 | 0 |`) counts its
    // numbers only; a run with fewer numbers than cells keeps its empty cells
    // as blank cells.
    std::vector<bool> drop_empty(values.size(), false);
    size_t t = 0;
    bool spans = false;
    bool by_count = true;
    for (size_t k = 0; k < values.size() && by_count; ++k) {
        const ObservedRow& run = rows[values[k]];
        const int written = count_written(run.values);
        int reach = 0;  // the cells of the targets the run's numbers reach
        for (size_t u = t; u < targets.size() && reach < written; ++u) reach += cells_of(spec, targets[u]);
        const int all = static_cast<int>(run.values.size());
        drop_empty[k] = all != reach && written == reach;
        const int n = drop_empty[k] ? written : all;
        int taken = 0;
        while (taken < n && t < targets.size()) {
            widths[k].push_back(cells_of(spec, targets[t++]));
            taken += widths[k].back();
        }
        if (taken != n) by_count = false;
        spans |= widths[k].size() > 1;
    }
    if (!by_count || t != targets.size()) {
        // The counts do not add up (a row with a number too many or too few,
        // as the copy's source had it): pipe rows run together still show
        // where each row ends, at the empty cells between them. One row per
        // group of written cells, when the groups are as many as the targets.
        t = 0;
        spans = false;
        for (size_t k = 0; k < values.size(); ++k) {
            widths[k].clear();
            int group = 0;
            for (const Token& v : rows[values[k]].values) {
                if (v.kind != TokenKind::Empty) ++group;
                else if (group > 0) widths[k].push_back(std::exchange(group, 0));
            }
            if (group > 0) widths[k].push_back(group);
            if (widths[k].empty()) return false;
            drop_empty[k] = true;
            t += widths[k].size();
            spans |= widths[k].size() > 1;
        }
        if (t != targets.size()) return false;
    }
    if (!spans) return false;
    for (size_t k = values.size(); k-- > 0;) {
        if (widths[k].size() < 2) continue;
        const size_t at = values[k];
        ObservedRow run = std::move(rows[at]);
        if (drop_empty[k])
            run.values.erase(std::remove_if(run.values.begin(), run.values.end(),
                                            [](const Token& v) { return v.kind == TokenKind::Empty; }),
                             run.values.end());
        std::vector<ObservedRow> pieces(widths[k].size());
        size_t from = 0;
        for (size_t q = 0; q < pieces.size(); ++q) {
            ObservedRow& piece = pieces[q];
            if (q == 0) piece = run;  // the label text before the run
            const auto first = run.values.begin() + static_cast<std::ptrdiff_t>(from);
            piece.values.assign(first, first + widths[k][q]);
            from += static_cast<size_t>(widths[k][q]);
            piece.trailing_blanks.clear();
            if (q > 0) piece.begin = piece.values.front().begin;
            piece.end = piece.values.back().end;
        }
        pieces.back().trailing_blanks = std::move(run.trailing_blanks);
        rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(at));
        rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(pieces.begin()),
                    std::make_move_iterator(pieces.end()));
        const int added = static_cast<int>(pieces.size()) - 1;
        for (int& m : match)
            if (m > static_cast<int>(at)) m += added;
    }
    return true;
}

// Rows of numbers without labels of their own, one after another (a run of
// one number a line cut into rows), may hold a block written column by
// column: each block (a row with its label text, then the unlabelled rows
// after it) is read so when read_by_columns() finds it adds up that way.
void read_blocks_by_columns(std::vector<ObservedRow>& rows, const std::vector<size_t>& values,
                            const TableSpec& spec, const std::vector<size_t>& targets) {
    for (size_t a = 0; a < values.size();) {
        size_t b = a + 1;
        while (b < values.size() && values[b] == values[b - 1] + 1 && unlabelled(rows[values[b]])) ++b;
        const size_t width = rows[values[a]].values.size();
        bool even = b - a >= 2;
        for (size_t k = a; k < b && even; ++k) {
            const ObservedRow& r = rows[values[k]];
            even = r.values.size() == width && count_written(r.values) == static_cast<int>(width) &&
                   cells_of(spec, targets[k]) == static_cast<int>(width);
        }
        if (even) {
            std::vector<Token> block;
            for (size_t k = a; k < b; ++k)
                block.insert(block.end(), rows[values[k]].values.begin(), rows[values[k]].values.end());
            if (read_by_columns(spec, block, b - a, width))
                for (size_t k = a; k < b; ++k) {
                    ObservedRow& r = rows[values[k]];
                    const auto first = block.begin() + static_cast<std::ptrdiff_t>((k - a) * width);
                    r.values.assign(first, first + static_cast<std::ptrdiff_t>(width));
                    size_t end = 0;
                    for (const Token& v : r.values) end = std::max(end, v.end);
                    r.end = end;
                }
        }
        a = b;
    }
}

// For each observed row, the template row `match` puts it in, or -1.
std::vector<int> placed_rows(const std::vector<int>& match, size_t rows) {
    std::vector<int> placed(rows, -1);
    for (size_t j = 0; j < match.size(); ++j)
        if (match[j] >= 0) placed[static_cast<size_t>(match[j])] = static_cast<int>(j);
    return placed;
}

std::vector<size_t> value_rows(const std::vector<ObservedRow>& rows) {
    std::vector<size_t> values;
    for (size_t i = 0; i < rows.size(); ++i)
        if (is_value_row(rows[i])) values.push_back(i);
    return values;
}

// How many of the template's data rows the label text names word for word
// (a block of labels copied apart: 规章 / 行政规范性文件).
size_t rows_named(const ObservedRow& r, const TableSpec& spec) {
    std::string compact;
    for (char c : r.joined)
        if (c != ' ') compact += c;
    size_t n = 0;
    for (const RowSpec& row : spec.rows)
        if (row.cells > 0 && !row.label.empty() && compact.find(row.label) != std::string::npos) ++n;
    return n;
}

// Each line of label text of `rows` as an observed row without values
// (table 二's labels have no enumerators to cut them by).
std::vector<ObservedRow> line_atoms(const std::vector<ObservedRow>& rows) {
    std::vector<ObservedRow> atoms;
    for (const auto& r : rows) {
        std::vector<size_t> starts = r.line_starts;
        if (starts.empty() || starts.front() != 0) starts.insert(starts.begin(), 0);
        for (size_t k = 0; k < starts.size(); ++k) {
            size_t from = starts[k], to = k + 1 < starts.size() ? starts[k + 1] : r.joined.size();
            while (from < to && r.joined[from] == ' ') ++from;
            while (to > from && r.joined[to - 1] == ' ') --to;
            if (to <= from || to > r.joined_at.size()) continue;
            atoms.push_back(atom_of(r, from, to));
        }
    }
    return atoms;
}

}  // namespace

std::vector<PlacedByOrder> place_by_order(std::vector<ObservedRow>& rows, const ObservedRow& tail,
                                          const TableSpec& spec, std::vector<int>& match) {
    std::vector<size_t> values = value_rows(rows);
    if (values.empty()) return {};
    std::vector<int> placed = placed_rows(match, rows.size());
    // Most copies: every row of numbers placed by a label of its own.
    bool all_placed = true;
    for (size_t i : values)
        all_placed &= placed[i] >= 0 && !unlabelled(rows[i]) &&
                      misfit(rows[i], cells_of(spec, static_cast<size_t>(placed[i]))) <= 1;
    if (all_placed) return {};
    const auto atoms = label_atoms(rows, tail);
    const auto label_match = align_rows(atoms, spec);
    std::vector<size_t> data;
    for (size_t j = 0; j < spec.rows.size(); ++j)
        if (spec.rows[j].cells > 0) data.push_back(j);
    const std::vector<size_t> candidates[] = {named_rows(spec, label_match, true), named_rows(spec, label_match, false),
                                              data};
    if (values.size() < data.size())
        for (const auto& candidate : candidates)
            if (split_runs(rows, values, spec, candidate, match)) {
                values = value_rows(rows);
                placed = placed_rows(match, rows.size());
                break;
            }
    std::vector<size_t> targets;
    for (const auto& candidate : candidates)
        if (fits(rows, values, spec, candidate)) {
            targets = candidate;
            break;
        }
    if (targets.empty()) return {};
    read_blocks_by_columns(rows, values, spec, targets);

    std::vector<size_t> moved;  // indexes into values
    for (size_t k = 0; k < values.size(); ++k) {
        const ObservedRow& r = rows[values[k]];
        const int j = placed[values[k]];
        if (j == static_cast<int>(targets[k]) && !unlabelled(r)) continue;  // its own label agrees
        // A row its own label puts elsewhere: the copy is not in template order.
        if (j >= 0 && j != static_cast<int>(targets[k]) && !unlabelled(r) && !label_block(r)) return {};
        moved.push_back(k);
    }
    if (moved.empty()) return {};

    std::vector<PlacedByOrder> out;
    const auto tmpl = row_template(spec);
    match.assign(spec.rows.size(), -1);
    for (size_t k = 0; k < values.size(); ++k) match[targets[k]] = static_cast<int>(values[k]);
    for (size_t k : moved) {
        ObservedRow& r = rows[values[k]];
        const size_t j = targets[k];
        size_t begin = r.end;
        for (const Token& v : r.values)
            if (v.kind != TokenKind::Empty) {
                begin = v.begin;
                break;
            }
        ObservedRow labelled = label_match[j] >= 0 ? atoms[static_cast<size_t>(label_match[j])] : ObservedRow{};
        if (!labelled.joined.empty()) trim_to_label(labelled, tmpl->official[j].label());
        if (labelled.joined.empty()) labelled.begin = begin;
        labelled.values = std::move(r.values);
        labelled.trailing_blanks = std::move(r.trailing_blanks);
        labelled.end = r.end;
        r = std::move(labelled);
        out.push_back({j, begin, r.end});
    }
    return out;
}

std::vector<size_t> table2_labels(const std::vector<ObservedRow>& rows, const ObservedRow& tail, const TableSpec& spec) {
    std::vector<ObservedRow> atoms = line_atoms(rows);
    for (auto& a : line_atoms({tail})) atoms.push_back(std::move(a));
    const auto label_match = align_rows(atoms, spec);
    std::vector<size_t> out;
    for (size_t j = 0; j < spec.rows.size(); ++j)
        if (spec.rows[j].cells > 0 && label_match[j] >= 0) out.push_back(j);
    return out;
}

bool labels_without_table(size_t labels, const TableSpec& spec) {
    return labels >= Table::kUnplacedUnread && labels >= spec.rows.size() / 2;
}

std::vector<size_t> unplaced_labels(const std::vector<ObservedRow>& rows, const ObservedRow& tail,
                                    const TableSpec& spec, const std::vector<int>& match) {
    bool all_filled = true;
    for (size_t j = 0; j < spec.rows.size(); ++j) all_filled &= spec.rows[j].cells == 0 || match[j] >= 0;
    if (all_filled) return {};
    // Each row of numbers has a label of its own: the labels that can stand
    // apart are the others (few in most copies, so this costs little).
    const auto label_match = align_rows(label_atoms(rows, tail, true), spec);
    std::vector<size_t> out;
    for (size_t j = 0; j < spec.rows.size(); ++j)
        if (spec.rows[j].cells > 0 && match[j] < 0 && label_match[j] >= 0) out.push_back(j);
    return out;
}

std::vector<PlacedByOrder> place_table2_by_order(std::vector<ObservedRow>& rows, const TableSpec& spec,
                                                 std::vector<int>& match, std::string_view text) {
    // Most copies: every data row read from a row with its own label.
    bool all_read = true;
    for (size_t j = 0; j < spec.rows.size(); ++j)
        if (spec.rows[j].cells > 0)
            all_read &= match[j] >= 0 && misfit(rows[static_cast<size_t>(match[j])], cells_of(spec, j)) == 0;
    if (all_read) return {};
    // The numbers written, in order; `starts`: where each run of them begins (a
    // row with label text, then the unlabelled rows right after it).
    std::vector<Token> numbers;
    std::vector<size_t> starts;
    bool apart = false;
    for (size_t i = 0; i < rows.size(); ++i) {
        const ObservedRow& r = rows[i];
        if (!is_value_row(r)) continue;
        const bool bare = unlabelled(r);
        apart |= bare || rows_named(r, spec) >= 2;
        if (!bare || r.after_break || i == 0 || !is_value_row(rows[i - 1])) starts.push_back(numbers.size());
        for (const Token& v : r.values)
            if (v.kind != TokenKind::Empty) numbers.push_back(v);
    }
    if (!apart) return {};
    starts.push_back(numbers.size());
    // Each run exactly the cells of the next data rows, all of them in the end.
    // `ends[q]`: the data row after the last one run q holds.
    std::vector<size_t> ends;
    size_t j = 0, taken = 0;
    for (size_t q = 0; q + 1 < starts.size(); ++q) {
        while (taken < starts[q + 1] && j < spec.rows.size())
            if (spec.rows[j++].cells > 0) taken += static_cast<size_t>(spec.rows[j - 1].cells);
        if (taken != starts[q + 1]) return {};
        ends.push_back(j);
    }
    for (; j < spec.rows.size(); ++j)
        if (spec.rows[j].cells > 0) return {};

    const std::vector<int> before = match;
    const auto atoms = line_atoms(rows);
    const auto label_match = align_rows(atoms, spec);
    std::vector<ObservedRow> out;
    for (auto& r : rows)
        if (!is_value_row(r)) out.push_back(std::move(r));
    std::vector<PlacedByOrder> placed;
    match.assign(spec.rows.size(), -1);
    size_t row = 0;
    for (size_t q = 0; q < ends.size(); ++q) {
        // One number a line: nothing says whether the run went by rows or by columns.
        bool one_a_line = starts[q + 1] - starts[q] > 1;
        for (size_t k = starts[q] + 1; k < starts[q + 1] && one_a_line; ++k)
            one_a_line = text.substr(numbers[k - 1].end, numbers[k].begin - numbers[k - 1].end).find('\n') !=
                         std::string_view::npos;
        size_t from = starts[q];
        while (row < ends[q]) {
            if (spec.rows[row].cells == 0) {  // a group label: no numbers of its own
                ++row;
                continue;
            }
            // The data rows from `row` as wide as it: a block that may have gone by columns.
            const size_t width = static_cast<size_t>(spec.rows[row].cells);
            size_t n = 0, last = row;
            for (size_t k = row; k < ends[q]; ++k) {
                if (spec.rows[k].cells == 0) continue;
                if (static_cast<size_t>(spec.rows[k].cells) != width) break;
                ++n;
                last = k + 1;
            }
            const std::vector<Token> block(numbers.begin() + static_cast<std::ptrdiff_t>(from),
                                           numbers.begin() + static_cast<std::ptrdiff_t>(from + n * width));
            const bool open = one_a_line && n >= 2 && width >= 2;
            for (size_t u = 0; row < last; ++row) {
                if (spec.rows[row].cells == 0) continue;
                ObservedRow r = label_match[row] >= 0 ? atoms[static_cast<size_t>(label_match[row])] : ObservedRow{};
                r.values.assign(block.begin() + static_cast<std::ptrdiff_t>(u * width),
                                block.begin() + static_cast<std::ptrdiff_t>((u + 1) * width));
                PlacedByOrder p{row, r.values.front().begin, r.values.back().end, {}};
                bool differs = false;
                for (size_t c = 0; c < width && open; ++c) {
                    p.by_columns.push_back(block[c * n + u]);
                    differs |= p.by_columns.back().text != r.values[c].text;
                }
                if (!differs) p.by_columns.clear();
                if (r.joined.empty()) r.begin = p.values_begin;
                r.end = p.values_end;
                // A row its own label had placed with these same numbers is no reading by order.
                const int was = before[row];
                const bool own = was >= 0 && !rows[static_cast<size_t>(was)].values.empty() &&
                                 rows[static_cast<size_t>(was)].values.front().begin == p.values_begin &&
                                 rows_named(rows[static_cast<size_t>(was)], spec) < 2 && !differs;
                match[row] = static_cast<int>(out.size());
                out.push_back(std::move(r));
                if (!own) placed.push_back(std::move(p));
                ++u;
            }
            from += n * width;
        }
    }
    rows = std::move(out);
    return placed;
}

}  // namespace nianbao
