// .docx files for the CLI: the zip container opened with zlib, then the
// core's reading of word/document.xml.
#pragma once

#include <string>
#include <string_view>

namespace cli {

// Does the file start like a zip archive ("PK\3\4")?
bool looks_like_zip(std::string_view bytes);

// The text of a .docx (see nianbao::docx_document_to_text). False with a
// one-line `error` when the archive has no readable word/document.xml.
bool docx_to_text(std::string_view bytes, std::string& text, std::string& error);

}  // namespace cli
