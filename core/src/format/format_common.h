// Parts the 2019 and 2021 templates share.
#pragma once

#include "nianbao/format.h"

namespace nianbao {

std::vector<SectionSpec> standard_sections();
// Table 三; in 2021 （六）其他处理 is split into three data rows, in 2019 it is one.
TableSpec standard_table3(bool other_handling_split);
TableSpec standard_table4();

}  // namespace nianbao
