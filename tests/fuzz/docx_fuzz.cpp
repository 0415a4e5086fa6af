// libFuzzer target: the Word reader. Inputs starting with "PK" are whole
// .docx files (the zip reader, word/document.xml inflated by zlib as the CLI
// does, read_input_bytes); any other input is word/document.xml itself
// (docx_document_to_text), where nearly all the fuzzing goes: a mutated zip
// rarely inflates to XML at all.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "fuzz_zlib.h"
#include "nianbao/docx.h"
#include "nianbao/inputs.h"
#include "targets.h"

void fuzz::docx(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.substr(0, 2) == "PK") {
        const nianbao::InputText t = nianbao::read_input_bytes(bytes, inflater());
        require(nianbao::is_valid_utf8(t.decoded.text));
        require(t.ok || !t.error.empty());
        return;
    }
    const std::string text = nianbao::docx_document_to_text(bytes);
    (void)nianbao::decode_bytes(text);
}

NIANBAO_FUZZ_ENTRY(docx)
