// Whether each row's label, as the copy wrote it, is the template's wording:
// a fact the reader records (Row::label_differs) for the row-label rule.
#pragma once

#include "nianbao/model.h"

namespace nianbao {

void mark_label_wording(Table& table);

}  // namespace nianbao
