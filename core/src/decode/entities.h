// Character references in HTML pages and Word XML: "&amp;", "&#x4E00;",
// "&#20108;" and the named entities Word, WPS and browsers write.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nianbao {

// Decodes the reference at s[at] == '&' into `out`; returns its length, 0 if
// there is none (the '&' is then text). Looks no further than the longest
// reference, so a text of '&' without ';' stays linear.
size_t decode_entity(std::string_view s, size_t at, std::string& out);

// Appends XML text (between tags) to `out` with its character references decoded.
void append_xml_text(std::string& out, std::string_view text);

}  // namespace nianbao
