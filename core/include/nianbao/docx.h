// Word documents (.docx): the text of word/document.xml as the reader wants
// it. The zip container is opened by the caller (the CLI with zlib, the page
// with DecompressionStream): the core does no I/O and carries no inflater.
#pragma once

#include <string>
#include <string_view>

namespace nianbao {

// Paragraphs become lines; a table row becomes one line of tab-separated
// cells, exactly one cell per <w:tc> as Word has them (a merged cell is one
// cell; a vertically merged continuation is an empty one); paragraphs inside
// a cell are joined by a space. Tabs and breaks inside a cell are spaces.
// Deleted text (w:delText) and field codes (w:instrText) are not text.
// Entities are decoded. Malformed XML gives whatever text could be read.
std::string docx_document_to_text(std::string_view document_xml);

}  // namespace nianbao
