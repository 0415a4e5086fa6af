// Step 4: read tables 二, 三 and 四 from their regions of the normalized text.
#pragma once

#include <vector>

#include "nianbao/model.h"
#include "normalize/normalize.h"

namespace nianbao {

Table read_table2(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec,
                  std::vector<Unread>& unread);
Table read_table3(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec,
                  std::vector<Unread>& unread);
// `in_section`: the region is section 四's body; elsewhere only numbers under
// the table's header words are table 四.
Table read_table4(const NormalizedText& norm, size_t begin, size_t end, const TableSpec& spec, bool in_section,
                  std::vector<Unread>& unread);

// How many of the format's signature words occur in [begin, end).
int count_signatures(const NormalizedText& norm, size_t begin, size_t end, const FormatSpec& format);

}  // namespace nianbao
