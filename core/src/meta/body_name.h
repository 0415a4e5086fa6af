// A body's name without what marks its kind of body, for telling whether two
// names are one body (body-mismatch; same_body() in the public API, which the
// page's batch view uses to pair two years and find duplicates).
#pragma once

#include <string_view>
#include <vector>

namespace nianbao {

// The code points of `name` without spaces and without trailing 人民政府,
// 管理委员会, 办公室… (repeatedly; a name that is only a suffix stays whole).
std::vector<char32_t> body_core_name(std::string_view name);

}  // namespace nianbao
