// The core's readers of whole input files, one per kind of input, as the
// table in inputs.cpp names them. Each is bytes -> text; zip kinds get the
// host's inflater.
#pragma once

#include <string>
#include <string_view>

#include "nianbao/inputs.h"

namespace nianbao {

// Text files and saved web pages: decoded (decode_bytes), a page read as its
// text with table rows as tab-separated cells (html_to_text).
InputText read_text_input(std::string_view bytes, const zip::Inflate& inflate);

// Word (.docx): word/document.xml, then docx_document_to_text. The entries'
// reader (the page's, in rounds) and the whole file's (the CLI's, zlib).
InputText read_docx_entries(ZipEntries& entries);
InputText read_docx_input(std::string_view bytes, const zip::Inflate& inflate);

// OFD (GB/T 33190): OFD.xml -> Document.xml -> each page's TextCodes as
// positioned runs, through the layout step (nianbao/layout.h). Likewise.
InputText read_ofd_entries(ZipEntries& entries);
InputText read_ofd_input(std::string_view bytes, const zip::Inflate& inflate);

// "no word/document.xml or OFD.xml in the archive": a zip of no kind the
// input table knows (inputs.cpp).
std::string no_zip_kind();

}  // namespace nianbao
