// libFuzzer target: the HTML reader (saved web pages, clipboard HTML from
// Word, WPS and browsers): html_to_text on the decoded bytes, which must stay
// valid UTF-8, and looks_like_html.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "nianbao/html.h"
#include "targets.h"

void fuzz::html(const uint8_t* data, size_t size) {
    const nianbao::Decoded d = nianbao::decode_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)nianbao::looks_like_html(d.text);
    const std::string text = nianbao::html_to_text(d.text);
    require(nianbao::is_valid_utf8(text));
}

NIANBAO_FUZZ_ENTRY(html)
