// A PDF CMap's text (a font's /ToUnicode, or an embedded /Encoding CMap):
// how a string's bytes split into codes (codespace ranges), what Unicode a
// code stands for (bfchar, bfrange: its start form and its array form, UTF-16
// with surrogate pairs) and which CID it selects (cidchar, cidrange).
// No qpdf here: the text of the stream in, tables out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cli::pdf {

struct CodespaceRange {
    int bytes = 1;            // 1 to 4
    uint32_t low = 0, high = 0;
};

struct CMap {
    std::vector<CodespaceRange> codespace;
    // Keys are code | bytes << 32: <41> and <0041> are two codes.
    std::unordered_map<uint64_t, std::string> unicode;  // UTF-8
    std::unordered_map<uint64_t, uint32_t> cid;

    static uint64_t key(uint32_t code, int bytes) { return uint64_t(code) | uint64_t(bytes) << 32; }
    // The code at the start of `s` and its length, by the codespace ranges
    // (as PDF 32000 9.7.6.2: the shortest matching prefix; a code matching no
    // range takes the length of the shortest range). Empty codespace: 0.
    int code_length(std::string_view s) const;
    const std::string* unicode_of(uint32_t code, int bytes) const;
};

// Parses what it can; anything malformed is skipped. A range of more than
// kMaxRange codes is cut there, and each code mapped takes one of
// `entries_left` (the document's budget): a hostile CMap cannot make the
// tables large.
CMap parse_cmap(std::string_view text, size_t& entries_left);
constexpr uint32_t kMaxRange = 0x10000;

// UTF-16BE (surrogate pairs joined) -> UTF-8; a lone surrogate is U+FFFD.
std::string utf16be_to_utf8(std::string_view bytes);
void append_utf8(std::string& out, uint32_t cp);

}  // namespace cli::pdf
