// Digits glued across a row: a copy that lost the separators between a row's
// cells ("一、本年新收…640020470" is 64 0 0 2 0 4 70). The template's own
// arithmetic finds the split: each row of 三 (six applicant cells = 总计), each
// group of 四 (four parts = 总计), and table 三's columns (一 + 二 = （七）+ 四,
// the result rows add up to （七）), the rows resolved jointly. Exactly one
// reading that adds up is read (Row::Glued::Read); several, or none, leave the
// row as written (Row::Glued::Ambiguous, with the readings that fit). Never a
// silent guess.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/model.h"
#include "normalize/normalize.h"

namespace nianbao {

// The sums a row must satisfy: blocks of consecutive cells whose last is the
// sum of the others (table 三: one block of 7; 四: three of 5; 二: none).
struct RowSums {
    std::vector<std::pair<int, int>> blocks;  // first cell, cells in the block
};

// The sums of a row of `cells` cells of table `table` (2, 3 or 4).
RowSums row_sums(int table, int cells);

struct Splits {
    std::vector<std::vector<int64_t>> readings;  // at most `cap`
    uint64_t count = 0;                          // in all (capped at 2^62)
    bool gave_up = false;                        // the search hit its budget
};

// Every way to cut each digit string of `numbers` into one or more counts
// (no leading zeros, at most 15 digits each), `cells` counts in all, that
// satisfies `sums`. Dynamic programming over digit positions with memoized
// counts, bounded work (a 40-digit run does not blow up): a budget of states
// and of steps; `steps_left`, when given, is a budget several searches share
// (a table's rows) and is counted down. A search out of budget gave up.
Splits split_glued(const std::vector<std::string>& numbers, int cells, const RowSums& sums, size_t cap,
                   size_t* steps_left = nullptr);

// Resolve the glued rows of a table just read (2, 3 or 4).
void resolve_glued(Table& table, const NormalizedText& norm);

}  // namespace nianbao
