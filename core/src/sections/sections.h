// Step 3: find the six sections. A heading is a short line that starts with
// the section's numeral (一、 二. 三，…) and names the section (keywords from
// the template); "四、结转下年度继续办理" inside table 三 starts with 四、 but
// names no section, so it is not one.
#pragma once

#include <array>

#include "nianbao/model.h"
#include "normalize/normalize.h"

namespace nianbao {

struct SectionHit {
    int number = 0;
    bool found = false;
    size_t line_begin = 0, line_end = 0;  // normalized offsets of the heading line
    size_t title_begin = 0;               // after the numeral and separator
    // The number the heading is written with when it is not the section's
    // ("一、主动公开政府信息情况" where 二 belongs); 0 when it is.
    int written_number = 0;
};

std::array<SectionHit, 6> find_sections(const NormalizedText& norm, const FormatSpec& format);

}  // namespace nianbao
