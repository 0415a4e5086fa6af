// Step 2 of the pipeline: one canonical spelling of the pasted text, with a
// map back to the source so every span the reader finds is a source span.
//   - CRLF and lone CR -> LF
//   - full-width ASCII (０-９, Ａ-Ｚ, （）：，．／ …) -> ASCII; U+3000, NBSP and
//     other spaces -> ' '; zero-width characters and BOM dropped
//   - Markdown: heading '#' markers, '>' quotes, '**' / '__' emphasis dropped;
//     pipe-table rows become tab-separated cells, their '---' rule lines go
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/text.h"

namespace nianbao {

struct NormalizedText {
    std::string text;
    // For each byte of `text`: the source byte offset of the character it came
    // from. One extra entry at the end holds the source size.
    std::vector<uint32_t> origin;
    std::string_view source;

    // Source span of normalized bytes [begin, end).
    Span to_source(size_t begin, size_t end) const;
};

NormalizedText normalize(std::string_view source);

// Length of the UTF-8 sequence that starts with `lead` (a continuation byte
// is one): a table, as normalize() asks it of every character of a text.
inline constexpr std::array<uint8_t, 256> kUtf8Length = [] {
    std::array<uint8_t, 256> t{};
    for (unsigned b = 0; b < 256; ++b) t[b] = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    return t;
}();
inline int utf8_length(unsigned char lead) { return kUtf8Length[lead]; }
// Decode the code point at `i` (text is valid UTF-8); sets `len`.
char32_t decode_at(std::string_view s, size_t i, int* len);
void append_utf8(std::string& out, char32_t cp);

}  // namespace nianbao
