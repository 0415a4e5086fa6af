// Step 1 of the pipeline: bytes -> UTF-8 text.
// The CLI and the page (through the wasm binding's readText) both hand us a
// file's raw bytes, which may be UTF-8, UTF-8 with BOM, UTF-16 with or without
// BOM or GB18030 (what Chinese Windows and WPS save as "ANSI"): one decoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nianbao {

enum class Encoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Gb18030, Unknown };

const char* encoding_name(Encoding e);

struct Decoded {
    std::string text;           // always valid UTF-8
    Encoding encoding = Encoding::Utf8;
    // True when some bytes could not be decoded in the detected encoding and
    // were replaced by U+FFFD: the text is kept, but the input is reported.
    bool lossy = false;
    uint64_t first_bad_byte = 0;  // offset in the input bytes, when lossy
    bool binary = false;          // NUL bytes or mostly control characters
};

// Never fails: unknown bytes become U+FFFD and `lossy` is set.
Decoded decode_bytes(std::string_view bytes);

// Valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF)?
bool is_valid_utf8(std::string_view bytes, uint64_t* first_bad = nullptr);

// Replace every invalid UTF-8 sequence with U+FFFD.
std::string sanitize_utf8(std::string_view bytes);

}  // namespace nianbao
