// Rows as they appear in the text, and their alignment to the template.
// A row is the label text gathered since the previous row plus the values
// that follow it; numbers wrapped onto the next line continue their row.
// Rows are matched to the template by label (and enumerator), in order, by a
// sequence alignment: a stray or missing row never shifts the others.
#pragma once

#include <string>
#include <vector>

#include "nianbao/model.h"
#include "normalize/normalize.h"
#include "tables/labels.h"
#include "tables/row_template.h"
#include "tables/tokens.h"

namespace nianbao {

struct ObservedRow {
    std::string joined;          // label text since the previous row, lines joined
    std::vector<uint32_t> joined_at;  // normalized offset of each byte of `joined` (inputs stay under 4 GB)
    std::string last_atom;       // from the last enumerator marker to the end
    size_t last_atom_begin = 0;  // offset in `joined`
    std::string same_line;       // label text on the line that holds the values
    size_t same_line_begin = 0;  // where it starts in `joined`
    size_t trimmed = 0;          // bytes cut from the front of `joined` (kept to its tail)
    std::vector<size_t> line_starts;  // where each source line starts in `joined`
    std::vector<Token> values;
    // Empty cells after the values beyond the table's usual layout tail:
    // blank cells when the row falls short (see observe_rows).
    std::vector<Token> trailing_blanks;
    size_t begin = 0, end = 0;   // normalized offsets: label start .. last value end
    Marker marker;               // marker of the last atom
    bool after_break = false;    // numbers after a row break (LineTokens::row_break): no part of the row before
};

struct RowObservation {
    std::vector<ObservedRow> rows;
    std::vector<Span> page_numbers;  // normalized offsets (as Span) of page furniture
    // Label text after the last row of numbers (labels copied below their
    // table); empty `joined` when there is none.
    ObservedRow tail;
};

// `expected` is the usual number of values in a row (7 in table 三); numbers
// on a line of their own continue the previous row while it has fewer.
// `widest` is the most cells a template row has (7 in table 三, 3 in 二).
// Tab-separated tables show their blank cells as empty cells: a row's empty
// cells past its last number are blank cells when the table's other rows do
// not end in as many empty cells (a web page's row ends at its last cell, a
// Word row in one layout tab), and a label followed by nothing but empty
// cells, at least as many as the table is wide, is a row left all blank.
RowObservation observe_rows(const std::vector<LineTokens>& lines, std::string_view text, int expected, int widest);

// For each template row (index into spec.rows), the observed row matched to
// it, or -1.
std::vector<int> align_rows(const std::vector<ObservedRow>& rows, const TableSpec& spec);

// A row keeps at most this many numbers beyond its template's count (the
// count itself stays whole, for cell-count), and a stray number is looked
// for among its first windows only: a row of thousands of numbers is a
// hostile paste, not a table.
constexpr size_t kMaxExtraCells = 64;

// Fill a model row from an observed row: cells, extra numbers, spans.
// `official`: the row's label from the template (row_template()).
void fill_row(Row& row, const ObservedRow& obs, const NormalizedText& norm, int expected, bool prefer_row_total,
              const LabelPattern& official);

Cell read_cell(const Token& token, const NormalizedText& norm, bool allow_decimal, bool allow_negative);

}  // namespace nianbao
