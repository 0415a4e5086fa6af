#include "tables/rows.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace nianbao {

namespace {

bool ends_non_ascii(const std::string& s) { return !s.empty() && static_cast<unsigned char>(s.back()) >= 0x80; }

// Label text is what stands since the previous row: a row's label, a block of
// labels copied apart (a few KB), or prose before the table. Past this much
// only its end is kept, so a megabyte of prose costs no more than a label.
constexpr size_t kMaxLabelBytes = 8192;

void keep_label_tail(ObservedRow& row) {
    if (row.joined.size() <= 2 * kMaxLabelBytes) return;
    size_t cut = row.joined.size() - kMaxLabelBytes;
    while (cut < row.joined.size() && (static_cast<unsigned char>(row.joined[cut]) & 0xC0) == 0x80) ++cut;
    row.joined.erase(0, cut);
    row.trimmed += cut;
    row.joined_at.erase(row.joined_at.begin(), row.joined_at.begin() + static_cast<std::ptrdiff_t>(cut));
    std::vector<size_t> starts;
    for (size_t s : row.line_starts)
        if (s >= cut) starts.push_back(s - cut);
    row.line_starts = std::move(starts);
}

void append_label(ObservedRow& row, std::string_view text, const std::vector<Token>& label, bool new_line) {
    for (size_t k = 0; k < label.size(); ++k) {
        const Token& t = label[k];
        if (!row.joined.empty()) {
            // Lines wrapped inside a CJK label join without a space (PDF copies);
            // cells and words keep a space so markers stay recognisable.
            bool glue = new_line && k == 0 && ends_non_ascii(row.joined) &&
                        static_cast<unsigned char>(text[t.begin]) >= 0x80;
            if (!glue) {
                row.joined += ' ';
                row.joined_at.push_back(static_cast<uint32_t>(t.begin));
            }
        }
        // A word longer than what is kept: only its end, from a character start.
        size_t from = t.begin;
        if (t.end - t.begin > kMaxLabelBytes) {
            from = t.end - kMaxLabelBytes;
            while (from < t.end && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
        }
        if (new_line && k == 0) row.line_starts.push_back(row.joined.size());
        row.joined.append(text.substr(from, t.end - from));
        const size_t at = row.joined_at.size();
        row.joined_at.resize(at + (t.end - from));
        for (size_t i = from; i < t.end; ++i) row.joined_at[at + (i - from)] = static_cast<uint32_t>(i);
        keep_label_tail(row);
    }
}

void finish_label(ObservedRow& row) {
    auto positions = marker_positions(row.joined);
    row.last_atom_begin = positions.empty() ? 0 : positions.back();
    row.last_atom = row.joined.substr(row.last_atom_begin);
    row.marker = parse_marker(row.last_atom);
}

// How many cells the table's rows of numbers span after their label (values
// and the empty cells after them), at most: 7 in a web page's table 三, 8
// where Word ends every row with a tab.
size_t cells_after_label(const std::vector<LineTokens>& lines) {
    size_t width = 0;
    for (const auto& line : lines)
        if (line.tabbed && !line.blank && line.has_values())
            width = std::max(width, line.values.size() + line.trailing_empty.size());
    return width;
}

// A row from the label gathered so far (`row`) and the line that closes it:
// its label cells, then `values`.
void close_row(ObservedRow& row, bool has_pending_label, const LineTokens& line, std::string_view text,
               std::vector<Token> values, std::vector<Token> trailing_blanks) {
    if (!has_pending_label) row.begin = line.label.empty() ? values.front().begin : line.label.front().begin;
    const size_t before = row.joined.size(), trimmed = row.trimmed;
    append_label(row, text, line.label, true);
    // Where this line's label begins in `joined` now (a long label is kept
    // to its tail, which may have cut before it too)...
    const size_t cut = row.trimmed - trimmed;
    const size_t start = before > cut ? before - cut : 0;
    // ... after the joining space, if there is one (lines glued inside a CJK
    // label have none).
    row.same_line_begin = start > 0 && start < row.joined.size() && row.joined[start] == ' ' ? start + 1 : start;
    for (size_t k = 0; k < line.label.size(); ++k) {
        const Token& t = line.label[k];
        if (k > 0) {
            // Cells keep their tab (one byte, as the space in `joined`),
            // so the last label cell can be told apart.
            const Token& prev = line.label[k - 1];
            bool cell = text.substr(prev.end, t.begin - prev.end).find('\t') != std::string_view::npos;
            row.same_line += cell ? '\t' : ' ';
        }
        row.same_line.append(text.substr(t.begin, t.end - t.begin));
    }
    row.values = std::move(values);
    row.trailing_blanks = std::move(trailing_blanks);
    // A row left all blank ends at its label; the others at their last number.
    row.end = row.values.empty() || row.values.back().kind == TokenKind::Empty ? line.label.back().end
                                                                               : row.values.back().end;
    finish_label(row);
    // Tab-separated: the row's label is its last label cell; the cells
    // before it are group labels ("三、本年度办理结果	予以公开").
    const size_t tab = row.same_line.rfind('\t');
    // The last cell counted from the end of `joined`, which ends with it
    // (the line's start may have been cut off).
    const size_t last_cell = tab == std::string::npos ? 0 : std::min(row.same_line.size() - tab - 1, row.joined.size());
    if (tab != std::string::npos && row.joined.size() - last_cell > row.last_atom_begin) {
        row.last_atom_begin = row.joined.size() - last_cell;
        row.last_atom = row.joined.substr(row.last_atom_begin);
        row.marker = parse_marker(row.last_atom);
    }
}

// A number or two without a label between a full row and the next label
// are more numbers of that row (one cell a line, a row with a cell too many:
// cell-count's business), not a row of their own.
void absorb_stray_numbers(std::vector<ObservedRow>& rows, int expected) {
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        ObservedRow& r = rows[i];
        const bool stray = kept > 0 && r.joined.empty() && !r.after_break && count_written(r.values) * 2 < expected &&
                           !rows[kept - 1].joined.empty() && count_written(rows[kept - 1].values) >= expected &&
                           (i + 1 == rows.size() || !rows[i + 1].joined.empty());
        if (stray) {
            ObservedRow& last = rows[kept - 1];
            last.values.insert(last.values.end(), r.values.begin(), r.values.end());
            last.trailing_blanks = std::move(r.trailing_blanks);
            last.end = r.end;
            continue;
        }
        if (kept != i) rows[kept] = std::move(r);
        ++kept;
    }
    rows.resize(kept);
}

}  // namespace

RowObservation observe_rows(const std::vector<LineTokens>& lines, std::string_view text, int expected, int widest) {
    RowObservation out;
    ObservedRow pending;
    bool pending_has_label = false;
    const size_t width = cells_after_label(lines);
    // Empty cells every full row ends with are layout, not blanks.
    const size_t layout_tail = width > static_cast<size_t>(widest) ? width - widest : 0;
    auto trailing_blanks = [&](const LineTokens& line) {
        std::vector<Token> blanks;
        if (line.trailing_empty.size() > layout_tail)
            blanks.assign(line.trailing_empty.begin(), line.trailing_empty.end() - static_cast<std::ptrdiff_t>(layout_tail));
        return blanks;
    };
    bool after_break = false;  // a row break since the last row closed
    for (const auto& line : lines) {
        if (line.page_number) {
            out.page_numbers.push_back({static_cast<uint32_t>(line.begin), static_cast<uint32_t>(line.end)});
            continue;
        }
        after_break |= line.row_break;
        if (line.blank) continue;
        if (!line.has_values()) {
            const bool all_blank_row = line.tabbed && !line.label.empty() && width > 0 &&
                                       line.trailing_empty.size() >= std::max(width, static_cast<size_t>(widest));
            if (all_blank_row) {
                close_row(pending, pending_has_label, line, text, trailing_blanks(line), {});
                out.rows.push_back(std::move(pending));
                pending = ObservedRow{};
                pending_has_label = false;
                after_break = false;
            } else if (!line.label.empty()) {
                if (!pending_has_label) pending.begin = line.label.front().begin;
                append_label(pending, text, line.label, true);
                pending_has_label = true;
            }
            continue;
        }
        if (line.label.empty() && !pending_has_label && !out.rows.empty() && !after_break) {
            ObservedRow& last = out.rows.back();
            if (count_written(last.values) < expected) {  // the row's numbers wrapped onto this line
                for (const auto& v : line.values) last.values.push_back(v);
                last.end = line.values.back().end;
                last.trailing_blanks = trailing_blanks(line);
                continue;
            }
        }
        close_row(pending, pending_has_label, line, text, line.values, trailing_blanks(line));
        pending.after_break = after_break;
        out.rows.push_back(std::move(pending));
        pending = ObservedRow{};
        pending_has_label = false;
        after_break = false;
    }
    if (pending_has_label) {
        finish_label(pending);
        out.tail = std::move(pending);
    }
    absorb_stray_numbers(out.rows, expected);
    return out;
}

namespace {

// An observed row as score_row() needs it: its label candidates and how
// many values it carries, worked out once, not once per template row.
struct RowCandidates {
    std::vector<Candidate> cands;
    int values = 0;
    bool labelled = false;
};

double score_row(const RowCandidates& obs, const Marker& obs_marker, size_t row, const RowSpec& spec,
                 const LabelPattern& pattern, const Marker& spec_marker) {
    const std::u32string& official = pattern.label();
    if (spec.cells == 0 && obs.values == 0) return 0;
    if (!obs.labelled) return obs.values == spec.cells ? 0.3 : 0;
    double best = 0;
    for (const auto& c : obs.cands) {
        if (c.text.empty() || c.hits[row] < 0.5 * c.text.size()) continue;
        // A group label followed by more words ("本年度办理结果 予以公开") is
        // the group's first row written on the group's line, not the group
        // given as one row.
        if (spec.cells == 0 && c.text.size() > official.size() + 2) continue;
        best = std::max(best, pattern.similarity(c.text));
    }
    if (best == 0) return 0;
    if (obs_marker.level > 0 && spec_marker.level > 0) best += obs_marker == spec_marker ? 0.2 : -0.2;
    if (spec.cells == 0) best *= 0.95;  // a group label carrying numbers of its own
    return best >= 0.45 ? best : 0;
}

}  // namespace

std::vector<int> align_rows(const std::vector<ObservedRow>& rows, const TableSpec& spec) {
    const size_t n = rows.size(), m = spec.rows.size();
    const auto tmpl_owner = row_template(spec);
    const RowTemplate& tmpl = *tmpl_owner;
    std::vector<RowCandidates> cands(n);
    for (size_t i = 0; i < n; ++i) {
        const auto& r = rows[i];
        RowCandidates& c = cands[i];
        std::u32string last = canonical_label(r.last_atom);
        // The label on the values' line or, when the values stand on lines of
        // their own, the label's last line (a header above it is not the label).
        // Mostly the same words as the last atom: then not read twice.
        const std::string_view same_text = r.same_line.empty() && !r.line_starts.empty()
                                               ? std::string_view(r.joined).substr(r.line_starts.back())
                                               : std::string_view(r.same_line);
        const bool same_words = same_text == r.last_atom;
        std::u32string same = same_words ? std::u32string() : canonical_label(same_text);
        const bool distinct = !same_words && same != last;
        c.cands.push_back(tmpl.candidate(std::move(last)));
        if (distinct) c.cands.push_back(tmpl.candidate(std::move(same)));
        if (r.marker.level == 0) {  // no enumerator: the tail of all the label text
            std::u32string all = canonical_label(r.joined);
            if (all.size() > 60) all = all.substr(all.size() - 60);
            c.cands.push_back(tmpl.candidate(std::move(all)));
        }
        c.values = count_written(r.values);
        for (const auto& cand : c.cands) c.labelled |= !cand.text.empty();
    }
    // score[i][j], then a weighted longest common subsequence.
    std::vector<double> score(n * m, 0);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            score[i * m + j] = score_row(cands[i], rows[i].marker, j, spec.rows[j], tmpl.official[j], tmpl.markers[j]);
    std::vector<double> dp((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> double& { return dp[i * (m + 1) + j]; };
    for (size_t i = 1; i <= n; ++i)
        for (size_t j = 1; j <= m; ++j) {
            double best = std::max(at(i - 1, j), at(i, j - 1));
            double s = score[(i - 1) * m + (j - 1)];
            if (s > 0) best = std::max(best, at(i - 1, j - 1) + s);
            at(i, j) = best;
        }
    std::vector<int> match(m, -1);
    size_t i = n, j = m;
    while (i > 0 && j > 0) {
        double s = score[(i - 1) * m + (j - 1)];
        if (s > 0 && at(i, j) == at(i - 1, j - 1) + s) {
            match[j - 1] = static_cast<int>(i - 1);
            --i;
            --j;
        } else if (at(i, j) == at(i - 1, j)) {
            --i;
        } else {
            --j;
        }
    }
    // The alignment keeps the template's order. Rows given out of it are put
    // right below by label; only clearly labelled rows move.
    constexpr double kClear = 0.9;
    // Two rows given in each other's place: when their labels share words
    // (行政处罚 / 行政强制) the order-keeping alignment gives each the other's
    // template row. Exchange two matches when both rows fit better the other way.
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t a = 0; a < m; ++a)
            for (size_t b = a + 1; b < m; ++b) {
                const int ia = match[a], ib = match[b];
                if (ia < 0 || ib < 0) continue;
                if (score[ia * m + b] > score[ia * m + a] && score[ib * m + a] > score[ib * m + b]) {
                    std::swap(match[a], match[b]);
                    changed = true;
                }
            }
    }
    // A row the order pushed onto a template row it fits worse (（一）予以公开
    // given after （二）, taken for the group （三）不予公开) moves to the
    // clearly better template row nobody took.
    for (size_t j = 0; j < m; ++j) {
        const int i = match[j];
        if (i < 0) continue;
        size_t best = m;
        for (size_t k = 0; k < m; ++k)
            if (match[k] < 0 && spec.rows[k].cells > 0 && score[i * m + k] >= kClear &&
                score[i * m + k] > score[i * m + j] && (best == m || score[i * m + k] > score[i * m + best]))
                best = k;
        if (best < m) {
            match[best] = i;
            match[j] = -1;
        }
    }
    // Rows given out of the template's order: the alignment keeps the order,
    // so a row written before its predecessor is left over. Match what is
    // left by label, when the observed row and the template row are each
    // other's best clearly labelled match.
    std::vector<bool> used(n, false);
    for (int mi : match)
        if (mi >= 0) used[mi] = true;
    auto best_row_for = [&](size_t tj) {
        int best = -1;
        for (size_t oi = 0; oi < n; ++oi)
            if (!used[oi] && score[oi * m + tj] >= kClear && (best < 0 || score[oi * m + tj] > score[best * m + tj]))
                best = static_cast<int>(oi);
        return best;
    };
    auto best_spec_for = [&](size_t oi) {
        int best = -1;
        for (size_t tj = 0; tj < m; ++tj)
            if (match[tj] < 0 && spec.rows[tj].cells > 0 && (best < 0 || score[oi * m + tj] > score[oi * m + best]))
                best = static_cast<int>(tj);
        return best;
    };
    for (size_t tj = 0; tj < m; ++tj) {
        if (match[tj] >= 0 || spec.rows[tj].cells == 0) continue;
        int oi = best_row_for(tj);
        if (oi >= 0 && best_spec_for(static_cast<size_t>(oi)) == static_cast<int>(tj)) {
            match[tj] = oi;
            used[oi] = true;
        }
    }
    return match;
}

Cell read_cell(const Token& token, const NormalizedText& norm, bool allow_decimal, bool allow_negative) {
    Cell c;
    c.span = norm.to_source(token.begin, token.end);
    c.raw = std::string(norm.source.substr(c.span.begin, c.span.size()));
    // Full-width digits in the source: EF BC 90..99.
    for (size_t i = c.span.begin; i + 2 < c.span.end; ++i) {
        if (static_cast<unsigned char>(norm.source[i]) == 0xEF && static_cast<unsigned char>(norm.source[i + 1]) == 0xBC &&
            static_cast<unsigned char>(norm.source[i + 2]) >= 0x90 && static_cast<unsigned char>(norm.source[i + 2]) <= 0x99)
            c.fullwidth = true;
    }
    switch (token.kind) {
        case TokenKind::Empty:
        case TokenKind::Blank:
            c.status = CellStatus::Blank;
            return c;
        case TokenKind::Garbage:
        case TokenKind::Text:
            c.status = CellStatus::Invalid;
            return c;
        case TokenKind::Number:
            break;
    }
    std::string_view t = token.text;
    bool negative = false;
    size_t i = 0;
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
        negative = t[0] == '-';
        ++i;
    }
    // At most 15 digits (999,999,999,999,999): any sum the rules form over a
    // table's cells then fits int64 (near INT64_MAX, two cells overflowed).
    constexpr int64_t kMaxCell = 999'999'999'999'999;
    int64_t v = 0;
    bool overflow = false;
    for (; i < t.size() && t[i] != '.'; ++i) {
        if (t[i] == ',') continue;
        int d = t[i] - '0';
        if (v > (kMaxCell - d) / 10) overflow = true;
        else v = v * 10 + d;
    }
    double frac = 0, scale = 0.1;
    bool nonzero_frac = false;
    if (i < t.size() && t[i] == '.') {
        c.decimal = true;
        for (++i; i < t.size(); ++i) {
            frac += (t[i] - '0') * scale;
            scale /= 10;
            nonzero_frac |= t[i] != '0';
        }
    }
    if (overflow) {
        c.status = CellStatus::Overflow;
        return c;
    }
    c.value = negative ? -v : v;
    c.amount = (negative ? -1.0 : 1.0) * (static_cast<double>(v) + frac);
    c.status = CellStatus::Ok;
    if ((negative && v != 0 && !allow_negative) || (c.decimal && !allow_decimal)) c.status = CellStatus::Invalid;
    (void)nonzero_frac;
    if (c.status != CellStatus::Ok) c.value = 0;
    return c;
}

void fill_row(Row& row, const ObservedRow& obs, const NormalizedText& norm, int expected, bool prefer_row_total,
              const LabelPattern& official) {
    row.found = true;
    // Without an enumerator the label is what stands on the values' line
    // (the lines above may be headers).
    size_t atom = obs.last_atom_begin;
    if (obs.marker.level == 0 && !obs.same_line.empty()) atom = std::max(obs.same_line_begin, obs.last_atom_begin);
    else if (obs.marker.level == 0 && !obs.line_starts.empty()) atom = std::max(obs.line_starts.back(), obs.last_atom_begin);
    atom = std::min(atom, obs.joined.size());
    // ... unless the label wraps: take in the lines above while that makes it
    // read more like the official label (they may be headers, which do not).
    if (obs.marker.level == 0 && row.spec && !row.spec->label.empty()) {
        double best = official.similarity(canonical_label(obs.joined.substr(atom)));
        for (size_t k = obs.line_starts.size(); k-- > 0;) {
            size_t from = obs.line_starts[k];
            if (from >= atom || from < obs.last_atom_begin) continue;
            double s = official.similarity(canonical_label(obs.joined.substr(from)));
            if (s <= best) continue;
            best = s;
            atom = from;
        }
    }
    size_t label_begin = atom < obs.joined_at.size() ? obs.joined_at[atom] : obs.begin;
    size_t label_end = obs.joined_at.empty() ? obs.begin : obs.joined_at.back() + 1;
    if (!obs.joined.empty()) {
        row.label_span = norm.to_source(label_begin, label_end);
        // As written in the source, with line breaks and cell gaps as one space.
        std::string_view raw = norm.source.substr(row.label_span.begin, row.label_span.size());
        for (size_t i = 0; i < raw.size(); ++i) {
            char c = raw[i];
            bool space = c == '\n' || c == '\t' || c == '\r';
            if (space) {
                if (!row.raw_label.empty() && row.raw_label.back() != ' ') row.raw_label += ' ';
            } else {
                row.raw_label += c;
            }
        }
    }
    row.span = norm.to_source(obs.joined.empty() ? obs.begin : label_begin, obs.end);

    std::vector<Token> filled;   // non-empty values
    filled.reserve(obs.values.size());
    for (const auto& v : obs.values)
        if (v.kind != TokenKind::Empty) filled.push_back(v);
    row.numbers_found = static_cast<int>(filled.size());
    // The row's cells with its blank ones: empty cells between its numbers,
    // then those after them while the row falls short.
    std::vector<Token> slots = obs.values;
    for (size_t k = 0; k < obs.trailing_blanks.size() && static_cast<int>(slots.size()) < expected; ++k)
        slots.push_back(obs.trailing_blanks[k]);
    std::vector<Token> chosen;
    const bool all_blank = filled.empty() && static_cast<int>(slots.size()) >= expected;
    if (static_cast<int>(filled.size()) < expected && (static_cast<int>(slots.size()) == expected || all_blank)) {
        chosen.assign(slots.begin(), slots.begin() + expected);  // empty cells are blank cells
        row.numbers_found = expected;
    } else if (static_cast<int>(filled.size()) > expected && prefer_row_total && expected >= 2) {
        // One stray number: keep the window whose last cell is the sum of the others.
        size_t best = 0;
        for (size_t s = 0; s + expected <= filled.size() && s <= kMaxExtraCells; ++s) {
            int64_t sum = 0, total = 0;
            bool ok = true;
            for (int k = 0; k < expected; ++k) {
                Cell c = read_cell(filled[s + k], norm, false, false);
                if (!c.usable()) ok = false;
                if (k + 1 < expected) sum += c.value;
                else total = c.value;
            }
            if (ok && sum == total) {
                best = s;
                break;
            }
        }
        chosen.assign(filled.begin() + best, filled.begin() + best + expected);
        for (size_t k = 0; k < filled.size() && row.extra.size() < kMaxExtraCells; ++k)
            if (k < best || k >= best + expected) row.extra.push_back(read_cell(filled[k], norm, true, true));
    } else {
        chosen = filled;
        if (static_cast<int>(chosen.size()) > expected) {
            for (size_t k = expected; k < chosen.size() && row.extra.size() < kMaxExtraCells; ++k)
                row.extra.push_back(read_cell(chosen[k], norm, true, true));
            chosen.resize(expected);
        }
    }
    row.cells.assign(expected, Cell{});
    for (size_t k = 0; k < chosen.size() && static_cast<int>(k) < expected; ++k) {
        const RowSpec* spec = row.spec;
        bool decimal = spec && spec->decimal;
        bool negative = spec && spec->signed_values && spec->signed_column == static_cast<int>(k);
        row.cells[k] = read_cell(chosen[k], norm, decimal, negative);
    }
}

}  // namespace nianbao
