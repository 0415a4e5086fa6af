// The core's readers of whole input files, one per kind of input, as the
// table in inputs.cpp names them. Each is bytes -> text; zip kinds get the
// host's inflater.
#pragma once

#include <string_view>

#include "nianbao/inputs.h"

namespace nianbao {

// Text files and saved web pages: decoded (decode_bytes), a page read as its
// text with table rows as tab-separated cells (html_to_text).
InputText read_text_input(std::string_view bytes, const zip::Inflate& inflate);

// Word (.docx): word/document.xml through the zip reader, then docx_document_to_text.
InputText read_docx_input(std::string_view bytes, const zip::Inflate& inflate);

// OFD (GB/T 33190): OFD.xml -> Document.xml -> each page's TextCodes as
// positioned runs, through the layout step (nianbao/layout.h).
InputText read_ofd_input(std::string_view bytes, const zip::Inflate& inflate);

}  // namespace nianbao
