// Glued cells: a PDF or web copy that loses the gaps between cells turns
// 713 | 0 | 0 | 0 | 0 | 0 | 713 into "71300000713", and the row comes out
// short (cell-count). Of all the ways to cut the glued digits back into the
// missing cells, propose the one that makes the row's sums — and the table's
// column sums, where they can be checked — hold, when exactly one does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nianbao/model.h"

namespace nianbao {

struct GluedSplit {
    size_t cell = 0;             // index into the row's cells of the glued number
    std::vector<int64_t> parts;  // what it should read, in order
};

std::optional<GluedSplit> propose_split(const Table& table, size_t row_index);

}  // namespace nianbao
