// Value rows whose labels stand apart from them. PDF-to-Markdown converters and
// `pdftotext -raw` keep a table's rows of numbers in the template's order but
// put the labels elsewhere: all before the table, after it, or some of them
// in between. When the rows of numbers match, in number and in cells, the
// template rows the labels name (or, with no labels to go by, the template's
// data rows), and the labels cannot place them, they are read by their order.
#pragma once

#include <string_view>
#include <vector>

#include "nianbao/format.h"
#include "tables/rows.h"

namespace nianbao {

struct PlacedByOrder {
    size_t row;                      // template row
    size_t values_begin, values_end;  // normalized offsets of its numbers
    // The row's numbers read by columns where the copy leaves open whether
    // its block went by rows (the numbers placed) or by columns (table 二,
    // see place_table2_by_order); empty when it does not.
    std::vector<Token> by_columns;
};

// `match` (template row -> observed row, from align_rows) is replaced by the
// reading by order when it applies, and each row so placed gets the label
// that names its template row (if the copy has one) in place of the label
// text it was gathered with. Returns the rows so placed; empty when the
// labels' own reading stands. `tail`: label text after the last numbers.
std::vector<PlacedByOrder> place_by_order(std::vector<ObservedRow>& rows, const ObservedRow& tail,
                                          const TableSpec& spec, std::vector<int>& match);

// Table 二 with its labels apart from its numbers (pdfminer writes a block's
// labels, then its numbers one a line): when the runs of numbers between
// labels hold, in order, exactly the cells of the template's data rows, each
// run is cut into those rows and each row gets the line of label text that
// names it, wherever it stands. Table 二 has no sums to tell a block written
// by columns from one written by rows: where a run of one number a line
// spans rows of several cells and the two readings differ, a row so read
// carries its reading by columns too (`by_columns`), for cell-ambiguous.
// `match` is replaced as in place_by_order; empty when the labels' own
// reading stands.
std::vector<PlacedByOrder> place_table2_by_order(std::vector<ObservedRow>& rows, const TableSpec& spec,
                                                 std::vector<int>& match, std::string_view text);

// Table 二's data rows whose labels stand on lines of the table's text
// (`rows`' label text and `tail`), whether or not numbers fill them.
std::vector<size_t> table2_labels(const std::vector<ObservedRow>& rows, const ObservedRow& tail, const TableSpec& spec);

// A table none of whose rows could be read is still there, unreadable and
// not missing, when the copy has the labels of half its rows (`labels` of
// them), apart from numbers that do not fit them.
bool labels_without_table(size_t labels, const TableSpec& spec);

// The data rows whose labels the copy has (as enumerated labels: 1.属于国家秘密)
// but which no row of numbers fills after the reading by labels and by
// order: the copy put the labels apart from numbers that are not in rows
// (pdftotext writes parts of a table column by column). Empty when every
// data row is filled, without looking further.
std::vector<size_t> unplaced_labels(const std::vector<ObservedRow>& rows, const ObservedRow& tail,
                                    const TableSpec& spec, const std::vector<int>& match);

}  // namespace nianbao
