// The reader's entry for a text known to be valid UTF-8 (a decoded file's,
// nianbao/decode.h): it becomes the report's source as it is, not validated
// again (validating costs 2% of a folder's check).
#pragma once

#include <string>

#include "nianbao/model.h"

namespace nianbao {

Report read_report_valid(std::string&& valid_utf8);

}  // namespace nianbao
