#include "tables/tables.h"

#include <algorithm>

#include "meta/scan_util.h"
#include "tables/by_order.h"
#include "tables/glued.h"
#include "tables/labels.h"
#include "tables/rows.h"
#include "tables/tokens.h"

namespace nianbao {

namespace {

Span region_span(const NormalizedText& norm, const std::vector<LineTokens>& lines) {
    size_t b = 0, e = 0;
    bool any = false;
    for (const auto& l : lines) {
        if (l.blank) continue;
        if (!any) b = l.begin;
        e = l.end;
        any = true;
    }
    return any ? norm.to_source(b, e) : Span{};
}

void note_page_numbers(const NormalizedText& norm, const std::vector<Span>& pages, std::vector<Unread>& unread) {
    for (const auto& p : pages) unread.push_back({norm.to_source(p.begin, p.end), "page number"});
}

void note_unmatched(const NormalizedText& norm, const std::vector<ObservedRow>& rows, const std::vector<int>& match,
                    std::vector<Unread>& unread, int table) {
    std::vector<bool> used(rows.size(), false);
    for (int m : match)
        if (m >= 0) used[m] = true;
    for (size_t i = 0; i < rows.size(); ++i)
        if (!used[i] && count_written(rows[i].values) > 0)  // a row of empty cells is a header or group line
            unread.push_back({norm.to_source(rows[i].joined.empty() ? rows[i].begin : rows[i].joined_at[rows[i].last_atom_begin],
                                             rows[i].end),
                              "numbers in table " + std::to_string(table) + " not matched to a template row", table});
}

// Fill the template rows from the alignment.
void fill_rows(Table& table, const NormalizedText& norm, const std::vector<ObservedRow>& rows,
               const std::vector<int>& match, bool prefer_row_total) {
    const TableSpec& spec = *table.spec;
    const auto tmpl = row_template(spec);
    table.rows.resize(spec.rows.size());
    for (size_t j = 0; j < spec.rows.size(); ++j) {
        Row& r = table.rows[j];
        r.spec = &spec.rows[j];
        int expected = spec.rows[j].cells;
        if (match[j] < 0) {
            r.cells.assign(expected, Cell{});
            continue;
        }
        if (expected == 0) {  // a group label with numbers of its own
            r.collapsed_group = true;
            expected = static_cast<int>(spec.columns.size());
        }
        fill_row(r, rows[match[j]], norm, expected, prefer_row_total, tmpl->official[j]);
    }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The template's words as the normalized text spells them (（） and ： in ASCII).
// （ ） ： are EF BC 88, EF BC 89, EF BC 9A: only EF BC is looked at twice.
std::string ascii_brackets(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const bool fullwidth = i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC';
        const char third = fullwidth ? s[i + 2] : 0;
        if (third == '\x88') { out += '('; i += 3; }
        else if (third == '\x89') { out += ')'; i += 3; }
        else if (third == '\x9A') { out += ':'; i += 3; }
        else out += s[i++];
    }
    return out;
}

// Table 二's block, header and row label run together on the line of the
// row's numbers (a copy that lost its line breaks):
// "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章 000".
// Cut the label's tokens at the template's words so each is a token of its
// own: the block (up to its 项), 信息内容, each column, the row label.
std::vector<Token> cut_table2_words(std::string_view text, const std::vector<Token>& label, const TableSpec& spec) {
    std::vector<size_t> cuts;
    auto cut_around = [&](size_t a, size_t b) {
        cuts.push_back(a);
        cuts.push_back(b);
    };
    for (const Token& tok : label) {
        const std::string_view w = text.substr(tok.begin, tok.end - tok.begin);
        for (size_t at = w.find("第二十条"); at != std::string_view::npos; at = w.find("第二十条", at + 1)) {
            const size_t item = w.find("项", at);
            cut_around(tok.begin + at, item == std::string_view::npos ? tok.begin + at : tok.begin + item + 3);
        }
        for (size_t at = w.find("信息内容"); at != std::string_view::npos; at = w.find("信息内容", at + 1))
            cut_around(tok.begin + at, tok.begin + at + 12);
        for (const auto& r : spec.rows) {
            for (auto c : r.columns) {
                const std::string col = ascii_brackets(c);
                for (size_t at = w.find(col); at != std::string_view::npos; at = w.find(col, at + 1))
                    cut_around(tok.begin + at, tok.begin + at + col.size());
            }
            // The row label ends the run of words.
            const std::string row = ascii_brackets(r.label);
            if (w.size() > row.size() && w.substr(w.size() - row.size()) == row)
                cuts.push_back(tok.end - row.size());
        }
    }
    std::sort(cuts.begin(), cuts.end());
    std::vector<Token> out;
    for (const Token& tok : label) {
        size_t from = tok.begin;
        for (size_t c : cuts) {
            if (c <= from || c >= tok.end) continue;
            out.push_back({TokenKind::Text, from, c, text.substr(from, c - from)});
            from = c;
        }
        out.push_back({TokenKind::Text, from, tok.end, text.substr(from, tok.end - from)});
    }
    return out;
}

// Rows read under a label of their own (or one from the labels copied apart):
// numbers alone, however many, do not make a table.
int labelled_rows(const Table& t) {
    int n = 0;
    for (const Row& r : t.rows) n += r.found && !r.raw_label.empty();
    return n;
}

int widest_row(const TableSpec& spec) {
    int widest = 0;
    for (const auto& r : spec.rows) widest = std::max(widest, r.cells);
    return widest;
}

// The format's signatures as the normalized text spells them: they are
// written with full-width brackets.
std::vector<std::string> ascii_signatures_of(const FormatSpec& format) {
    std::vector<std::string> out;
    for (std::string_view sig : format.signatures) {
        std::string ascii;
        for (size_t i = 0; i < sig.size();) {
            if (sig.compare(i, 3, "（") == 0) { ascii += '('; i += 3; }
            else if (sig.compare(i, 3, "）") == 0) { ascii += ')'; i += 3; }
            else ascii += sig[i++];
        }
        out.push_back(std::move(ascii));
    }
    return out;
}

// The same, made once for the official formats (every report asks of
// both); null for any other.
const std::vector<std::string>* official_ascii_signatures(const FormatSpec& format) {
    static const auto known = [] {
        std::vector<std::pair<const FormatSpec*, std::vector<std::string>>> out;
        for (const FormatSpec* f : formats()) out.emplace_back(f, ascii_signatures_of(*f));
        return out;
    }();
    for (const auto& k : known)
        if (k.first == &format) return &k.second;
    return nullptr;
}

}  // namespace

std::string compact_region(const NormalizedText& norm, size_t begin, size_t end) {
    // Table 二 and its words stand in the region's first 256 KB (a whole
    // report is ~20 KB).
    constexpr size_t kMaxRegionBytes = size_t(256) << 10;
    const std::string_view region = std::string_view(norm.text).substr(
        std::min(begin, norm.text.size()), std::min(end > begin ? end - begin : 0, kMaxRegionBytes));
    std::string compact(region.size(), '\0');
    size_t n = 0;
    for (const char c : region)
        if (c != ' ' && c != '\t' && c != '\n') compact[n++] = c;
    compact.resize(n);
    return compact;
}

int count_signatures(std::string_view compact, const FormatSpec& format) {
    const std::vector<std::string>* official = official_ascii_signatures(format);
    const std::vector<std::string> other = official ? std::vector<std::string>() : ascii_signatures_of(format);
    int n = 0;
    for (const std::string& sig : official ? *official : other)
        if (scan::find_text(compact, sig) != std::string::npos) ++n;
    return n;
}

Table read_table3(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec,
                  std::vector<Unread>& unread) {
    Table t;
    t.number = 3;
    t.spec = &spec;
    auto lines = tokenize_lines(norm.text, begin, end);
    auto obs = observe_rows(lines, norm.text, static_cast<int>(spec.columns.size()), widest_row(spec));
    auto match = align_rows(obs.rows, spec);
    const auto by_order = place_by_order(obs.rows, obs.tail, spec, match);
    fill_rows(t, norm, obs.rows, match, true);
    for (const auto& p : by_order) {  // the row is where its numbers are, its label elsewhere
        t.rows[p.row].by_order = true;
        t.rows[p.row].span = norm.to_source(p.values_begin, p.values_end);
    }
    t.found = labelled_rows(t) >= 3;
    // Labels the copy has whose numbers stand nowhere they can be placed:
    // the numbers it did place may be any row's (a column's values written
    // one under another), so none is read. A table none of whose rows could
    // be placed is still there when its labels are (a block of them apart
    // from numbers that are not in rows): unreadable, not missing.
    t.unplaced = unplaced_labels(obs.rows, obs.tail, spec, match);
    const bool placed = t.unplaced.size() < Table::kUnplacedUnread;
    if (!placed && labels_without_table(t.unplaced.size(), spec)) t.found = true;
    if (!t.found) t.unplaced.clear();
    if (!placed) {
        t.rows.clear();
        fill_rows(t, norm, obs.rows, std::vector<int>(spec.rows.size(), -1), true);
    }
    if (t.found && placed) resolve_glued(t, norm);
    if (t.found) {
        t.span = region_span(norm, lines);
        note_page_numbers(norm, obs.page_numbers, unread);
        if (placed) note_unmatched(norm, obs.rows, match, unread, 3);
    }
    return t;
}

namespace {

// Table 四's three groups (复议, 未经复议直接起诉, 复议后起诉) each add up:
// four results = the group's total.
bool review_groups_hold(const std::vector<Cell>& cells) {
    for (int g = 0; g < 3; ++g) {
        int64_t sum = 0;
        for (int k = 0; k < 4; ++k) sum += cells[static_cast<size_t>(g * 5 + k)].value;
        if (sum != cells[static_cast<size_t>(g * 5 + 4)].value) return false;
    }
    return true;
}

// Does the label-only line name one of the block's column headers (本年制发件数 …)?
bool names_column(const RowSpec& block_first, const LineTokens& line, std::string_view text) {
    const std::u32string own = canonical_label(text.substr(line.label.front().begin, line.label.back().end - line.label.front().begin));
    for (std::string_view c : block_first.columns)
        if (LabelPattern(canonical_label(c)).similarity(own) >= 0.8) return true;
    return false;
}

}  // namespace

Table read_table2(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec,
                  std::vector<Unread>& unread) {
    Table t;
    t.number = 2;
    t.spec = &spec;
    auto lines = tokenize_lines(norm.text, begin, end);
    // Block lines (第二十条第（一）项) and header lines (信息内容 …) are not row
    // labels: take them out, keeping the header cells for the row-label check.
    // A header copied from a PDF may give each cell a line of its own.
    std::string block;
    const RowSpec* block_first = nullptr;  // the block's first row: its columns are the header's
    std::vector<Token> header;             // header cells after 信息内容
    bool header_open = false;              // more header cells may follow, a line each
    auto note_header = [&]() {
        if (!block_first || header.size() != block_first->columns.size()) return;
        for (size_t k = 0; k < header.size(); ++k) {
            HeaderLabel h;
            h.block = block;
            h.column = static_cast<int>(k);
            h.official = std::string(block_first->columns[k]);
            h.span = norm.to_source(header[k].begin, header[k].end);
            h.raw = std::string(norm.source.substr(h.span.begin, h.span.size()));
            t.headers.push_back(h);
        }
    };
    // "第二十条第(一)项" as written: the block and its first row.
    auto enter_block = [&](const std::string& words) {
        const size_t open = words.find('(');
        const size_t close = words.find(')', open == std::string::npos ? 0 : open);
        block = open != std::string::npos && close != std::string::npos
                    ? "第二十条第（" + words.substr(open + 1, close - open - 1) + "）项"
                    : std::string();
        block_first = nullptr;
        for (const auto& r : spec.rows)
            if (r.block == block) {
                block_first = &r;
                break;
            }
    };
    for (auto& line : lines) {
        if (line.label.empty()) continue;
        if (line.has_values()) {
            header_open = false;
            std::string words;
            for (const auto& tok : line.label) words.append(tok.text);
            if (words.find("第二十条") == std::string::npos && words.find("信息内容") == std::string::npos) continue;
            // Block and header before the row's own label on its line.
            std::vector<Token> pieces = cut_table2_words(norm.text, line.label, spec);
            size_t k = 0;
            for (; k < pieces.size(); ++k) {
                const std::string_view w = pieces[k].text;
                if (starts_with(w, "第二十条")) {
                    // "第二十条 第（一）项": the block may take a few words.
                    std::string whole(w);
                    while (whole.find("项") == std::string::npos && k + 1 < pieces.size() && whole.size() < 40)
                        whole.append(pieces[++k].text);
                    enter_block(whole);
                    header.clear();
                } else if (w == "信息内容") {
                    header.clear();
                    header_open = true;
                } else if (header_open && block_first && header.size() < block_first->columns.size()) {
                    header.push_back(pieces[k]);
                    if (header.size() == block_first->columns.size()) {
                        note_header();
                        header_open = false;
                    }
                } else {
                    break;
                }
            }
            header_open = false;
            line.label.assign(pieces.begin() + static_cast<std::ptrdiff_t>(k), pieces.end());
            continue;
        }
        std::string compact;
        for (const auto& tok : line.label) compact.append(tok.text);
        if (starts_with(compact, "第二十条")) {
            enter_block(compact);
            header_open = false;
            line.blank = line.row_break = true;
            line.label.clear();
            continue;
        }
        if (starts_with(compact, "信息内容")) {
            header.assign(line.label.begin() + 1, line.label.end());
            header_open = header.empty();
            if (!header_open) note_header();
            line.blank = line.row_break = true;
            line.label.clear();
            continue;
        }
        // The next header cell on a line of its own: it reads as the column
        // the header has come to (本年制发件数, 本年收费金额（单位：万元）).
        if (header_open && block_first && header.size() < block_first->columns.size()) {
            const LabelPattern column(canonical_label(block_first->columns[header.size()]));
            std::string own;
            for (const auto& tok : line.label) own.append(tok.text);
            if (column.similarity(canonical_label(own)) >= 0.6) {
                header.push_back({TokenKind::Text, line.label.front().begin, line.label.back().end,
                                  std::string_view(norm.text).substr(line.label.front().begin,
                                                                     line.label.back().end - line.label.front().begin)});
                if (header.size() == block_first->columns.size()) {
                    note_header();
                    header_open = false;
                }
                line.blank = line.row_break = true;
                line.label.clear();
                continue;
            }
        }
        header_open = false;
        // A column's header apart from the header, after a row's label
        // (pdftotext: 信息内容 / 行政许可 / 本年处理决定数量 / 9487): no row's label.
        if (block_first && names_column(*block_first, line, norm.text)) {
            line.blank = true;
            line.label.clear();
        }
    }
    // A row's numbers may each stand on a line of their own (PDF copies).
    auto obs = observe_rows(lines, norm.text, widest_row(spec), widest_row(spec));
    auto match = align_rows(obs.rows, spec);
    const auto by_order = place_table2_by_order(obs.rows, spec, match, norm.text);
    fill_rows(t, norm, obs.rows, match, false);
    for (const auto& p : by_order) {  // the row is where its numbers are, its label elsewhere
        Row& row = t.rows[p.row];
        row.by_order = true;
        row.span = norm.to_source(p.values_begin, p.values_end);
        if (p.by_columns.empty()) continue;
        row.glued = Row::Glued::Ambiguous;
        row.order_open = true;
        std::vector<int64_t> by_columns;
        for (const Token& v : p.by_columns) by_columns.push_back(read_cell(v, norm, true, false).value);
        row.glued_candidates = {std::vector<int64_t>(), std::move(by_columns)};
        for (const Cell& c : row.cells) row.glued_candidates[0].push_back(c.value);
        row.glued_candidate_count = 2;
        row.glued_span = row.span;
        row.glued_raw = std::string(norm.source.substr(row.span.begin, row.span.size()));
        // Neither reading is the row's: no rule reads its numbers.
        for (Cell& c : row.cells) {
            c.status = CellStatus::Missing;
            c.value = 0;
        }
    }
    t.found = labelled_rows(t) >= 2;
    if (!t.found) {
        // A block of labels, then rows of another count of numbers.
        t.unplaced = table2_labels(obs.rows, obs.tail, spec);
        t.found = labels_without_table(t.unplaced.size(), spec);
        if (!t.found) t.unplaced.clear();
    }
    if (t.found && t.unplaced.empty()) resolve_glued(t, norm);
    if (t.found) {
        t.span = region_span(norm, lines);
        note_page_numbers(norm, obs.page_numbers, unread);
    }
    return t;
}

Table read_table4(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec, bool in_section,
                  std::vector<Unread>& unread) {
    Table t;
    t.number = 4;
    t.spec = &spec;
    auto lines = tokenize_lines(norm.text, begin, end);
    std::vector<Token> values;  // the numbers (and blank markers)
    ObservedRow obs;            // the same with the empty cells between and after them
    bool header = false;
    bool interleaved = false;  // header words between numbers (pdftotext writes the cells in another order)
    size_t first = std::string::npos, last = 0;
    for (const auto& line : lines) {
        if (line.page_number) {
            unread.push_back({norm.to_source(line.begin, line.end), "page number"});
            continue;
        }
        std::string label;
        for (const auto& tok : line.label) label.append(tok.text);
        const bool header_words = label.find("结果") != std::string::npos || label.find("审结") != std::string::npos ||
                                  label.find("行政复议") != std::string::npos;
        header |= header_words;
        if (!line.has_values()) {
            interleaved |= header_words && !values.empty();
            continue;
        }
        // Sentences with numbers belong to the narrative, not to the table;
        // a long label is the table's header run together with its numbers
        // (a copy that lost its line breaks) only when it has the header's words.
        if (label.find("。") != std::string::npos || label.find("，") != std::string::npos ||
            label.find(',') != std::string::npos || (label.size() > 60 && !header_words))
            continue;
        for (const auto& v : line.values)
            if (v.kind != TokenKind::Empty) values.push_back(v);
        obs.values.insert(obs.values.end(), line.values.begin(), line.values.end());
        obs.trailing_blanks = line.trailing_empty;
        if (first == std::string::npos) first = line.begin;
        last = line.end;
    }
    // Outside its section, only under its header: numbers alone are no table.
    t.found = (in_section && values.size() >= 5) || (header && !values.empty());
    const int expected = static_cast<int>(spec.columns.size());
    Row r;
    r.spec = &spec.rows[0];
    if (!values.empty()) {
        obs.begin = values.front().begin;
        obs.end = values.back().end;
        fill_row(r, obs, norm, expected, false, row_template(spec)->official[0]);
        // One stray number: keep the window of 15 whose three totals hold.
        if (static_cast<int>(values.size()) > expected) {
            for (size_t s = 0; s + expected <= values.size() && s <= kMaxExtraCells; ++s) {
                std::vector<Cell> cells;
                for (int k = 0; k < expected; ++k) cells.push_back(read_cell(values[s + k], norm, false, false));
                if (review_groups_hold(cells)) {
                    r.cells = cells;
                    r.extra.clear();
                    for (size_t k = 0; k < values.size() && r.extra.size() < kMaxExtraCells; ++k)
                        if (k < s || k >= s + expected) r.extra.push_back(read_cell(values[k], norm, true, true));
                    break;
                }
            }
        }
    } else {
        r.cells.assign(expected, Cell{});
    }
    // Numbers the copy wrote among the header's words (a column here, a
    // column there) that do not add up in the template's order: their order
    // is lost, not the report's sums.
    if (interleaved && static_cast<int>(r.cells.size()) == expected && !review_groups_hold(r.cells)) {
        t.scattered = true;
        r = Row{};
        r.spec = &spec.rows[0];
        r.cells.assign(expected, Cell{});
    }
    t.rows.push_back(r);
    if (t.found && !t.scattered) resolve_glued(t, norm);
    if (t.found) {
        t.span = first == std::string::npos ? region_span(norm, lines) : norm.to_source(first, last);
        Span whole = region_span(norm, lines);
        if (!whole.empty()) t.span = whole;
    }
    return t;
}

}  // namespace nianbao
