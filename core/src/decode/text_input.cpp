// Text files and saved web pages as inputs: decoded as the CLI always has
// (UTF-8 with or without BOM, UTF-16 with or without BOM, GB18030); a page, recognised
// by its content whatever its name, is read as its text.
#include "nianbao/html.h"
#include "decode/input_readers.h"

namespace nianbao {

InputText read_text_input(std::string_view bytes, const zip::Inflate&) {
    InputText out;
    out.decoded = decode_bytes(bytes);
    if (looks_like_html(out.decoded.text)) out.decoded.text = html_to_text(out.decoded.text);
    out.ok = true;
    return out;
}

}  // namespace nianbao
