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

// The text of [begin, end) without white space (its first 256 KB), as
// count_signatures() looks for the formats' words in it.
std::string compact_region(const NormalizedText& norm, size_t begin, size_t end);

// How many of the format's signature words occur in a compact_region().
int count_signatures(std::string_view compact, const FormatSpec& format);

}  // namespace nianbao
