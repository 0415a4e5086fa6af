// A table template's row labels prepared for matching observed rows to them:
// each canonical label as a bit-parallel LCS pattern, each marker parsed, and
// which rows use each character. Prepared once for the official formats.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "nianbao/format.h"
#include "tables/labels.h"

namespace nianbao {

// One observed label text, with how many of its characters occur in each
// template row's label: a cheap filter before the LCS, so junk lines cost little.
struct Candidate {
    std::u32string text;
    std::vector<uint16_t> hits;  // per template row
};

struct RowTemplate {
    explicit RowTemplate(const TableSpec& spec);
    // `text` (a canonical label) with its character overlap with every row:
    // one pass over the text.
    Candidate candidate(std::u32string text) const;

    std::vector<LabelPattern> official;  // per row: canonical_label(row.label)
    std::vector<Marker> markers;         // per row: parse_marker(row.marker)

private:
    // character << kRowBits | row, sorted: a code point (21 bits) and a row
    // fit a size_t even in the wasm (32 bits), whose sort the core already has;
    // a template has a few dozen rows, far below kRows.
    static constexpr size_t kRowBits = 11, kRows = size_t{1} << kRowBits;
    std::vector<size_t> rows_by_char_;
};

// The template of `spec`: shared for the tables of format_2021() and
// format_2019() (they live as long as the program), made for any other.
std::shared_ptr<const RowTemplate> row_template(const TableSpec& spec);

}  // namespace nianbao
