// The sums of tables 三 and 四 as constraints over cells, and the facts about
// them that both the table rules (rules/tables.cpp) and the arithmetic
// (rules/arithmetic.cpp) read: which rows were read with their cells in their
// columns, and which blank cells are a whole line of a table left blank
// (blank-by-cascade: not 0, so the sums through them are not checked).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rules/rule.h"

namespace nianbao {

struct Term {
    int table;
    size_t row;   // index into Table::rows
    int column;
};

inline bool same(const Term& a, const Term& b) { return a.table == b.table && a.row == b.row && a.column == b.column; }

// One sum: the cells of `lhs` add up to those of `rhs` (the total, or for
// table 三's identity, （七）总计 + 四).
struct Constraint {
    Msg msg;
    // What the message names, worked out only when the sum is broken: a row
    // of table 三, a column (by index), or a group of table 四.
    const RowSpec* row = nullptr;
    int column = -1;
    const char* group = nullptr;
    std::vector<Term> lhs, rhs;
    Term anchor;  // the cell the finding points at when no single cell is to blame
};

// A row read with its cells in their columns: found, and as many numbers as
// the template has cells. A row with too few or too many has its numbers in
// the wrong columns: it was not read (cell-count, table-unreadable).
bool row_read(const Row& row);

// Every sum of table 三 / 四 the template defines for the rows found, whether
// or not its cells could be read (callers keep those they can use).
std::vector<Constraint> table3_sums(const Report& r);
std::vector<Constraint> table4_sums(const Report& r);

// A whole row or column of a table left blank where the sums say it cannot
// be 0: only the totals filled (the parts blank under a total above 0), or
// only the totals missing (blank totals over parts that add up to more
// than 0), in two or more cells of one row or one column. A single such
// blank among filled cells is no line: it reads as 0, as every blank does.
struct BlankLine {
    int table = 0;
    bool is_column = false;   // the cells of one column (else of one row)
    size_t row = 0;           // the row (a row line) or the first cell's row
    int column = -1;          // the column (a column line) or the first cell's column
    std::vector<Term> cells;  // in table order
    // What the table determines each cell to be (a blank total is the sum of
    // its parts); nullopt where it does not (blank parts under a total).
    std::vector<std::optional<int64_t>> values;
};

struct BlankLines {
    std::vector<BlankLine> lines;
    bool contains(const Term& t) const;
};

// The blank lines of tables 三 and 四, worked out once per check.
const BlankLines& blank_lines(const Context& ctx);

}  // namespace nianbao
