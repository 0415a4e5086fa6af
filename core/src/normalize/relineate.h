// Step 2b of the pipeline: lines are evidence, not structure. A copy that lost
// its line breaks (a web page saved as one line, lines joined by spaces) still
// has its section headings in the running text: "…工作。二、主动公开政府信息情况
// 第二十条…". This puts a line break before such a heading and after its
// title, so the line-based steps after it read the copy as they read the
// original. The breaks are inserted into the normalized text only; each maps to
// the source offset of the character after it, so spans stay source spans.
#pragma once

#include "nianbao/format.h"
#include "normalize/normalize.h"

namespace nianbao {

// A heading is a level-1 marker (一、 二. 第三部分) followed by a title of the
// template (official wording or a variant) or a short phrase with the
// section's keywords ending in 情况/事项/措施. Headings already alone on their
// line are left as they are, so a copy with its lines reads unchanged.
// Page footers ("- 5 -") run into the text get a line of their own too.
NormalizedText restore_line_breaks(NormalizedText norm, const FormatSpec& format);

// Where the section title that starts at `at` ends (the title only: without
// the marker before it, with a closing 。 or ：), or 0 when none starts there.
size_t heading_title_end(std::string_view text, size_t at, const SectionSpec& section);

}  // namespace nianbao
