// Small shared helpers for the hand-written scanners in this folder
// (numerals, dates, pii): UTF-8 stepping, character classes and checked
// arithmetic. Everything here is O(1) per call (or bounded by an explicit
// limit), never throws and never reads outside the string_view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nianbao::scan {

// One decoded code point and the number of bytes it took.
struct Cp {
    char32_t cp = 0;
    uint32_t len = 0;  // 0 only at the ends of the text
};

// Decode the code point starting at byte `i`. Malformed or truncated
// sequences (the decoder upstream already replaced them with U+FFFD, but we
// never trust that) come back as U+FFFD with length 1, so callers always make
// progress. At or past the end: {0, 0}.
inline Cp decode_at(std::string_view s, size_t i) {
    if (i >= s.size()) return {0, 0};
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    uint32_t len = 0;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return {0xFFFD, 1};
    }
    if (len > s.size() - i) return {0xFFFD, 1};
    for (uint32_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, len};
}

// The code point that ends right before byte `i`. At the start: {0, 0}.
inline Cp decode_before(std::string_view s, size_t i) {
    if (i == 0 || i > s.size()) return {0, 0};
    size_t j = i - 1;
    int steps = 0;
    while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && steps < 3) {
        --j;
        ++steps;
    }
    const Cp c = decode_at(s, j);
    if (c.len == i - j) return c;
    return {0xFFFD, 1};
}

// --- character classes ------------------------------------------------------

// 0-9 for ASCII and full-width digits, -1 otherwise.
inline int digit_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
    return -1;
}
inline bool is_digit(char32_t c) { return digit_value(c) >= 0; }

inline bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
inline bool is_fullwidth_alpha(char32_t c) { return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A); }
inline bool is_letter(char32_t c) { return is_ascii_alpha(c) || is_fullwidth_alpha(c); }
inline bool is_alnum(char32_t c) { return is_digit(c) || is_letter(c); }

// Horizontal white space as it shows up inside numbers and dates copied out
// of PDFs: ASCII space and tab, no-break space, the en/em family, ideographic
// space. Line breaks are deliberately not included.
inline bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// Byte offset after at most `max` space code points starting at `i`.
inline size_t skip_spaces(std::string_view s, size_t i, int max = 4) {
    for (int k = 0; k < max; ++k) {
        const Cp c = decode_at(s, i);
        if (c.len == 0 || !is_space(c.cp)) break;
        i += c.len;
    }
    return i;
}

// Byte offset before at most `max` space code points ending at `i`.
inline size_t skip_spaces_back(std::string_view s, size_t i, int max = 4) {
    for (int k = 0; k < max; ++k) {
        const Cp c = decode_before(s, i);
        if (c.len == 0 || !is_space(c.cp)) break;
        i -= c.len;
    }
    return i;
}

// --- Chinese numerals -------------------------------------------------------

// 0-9 for a Chinese digit (常用, 大写 financial and traditional forms),
// -1 otherwise. 〇 and 零 are 0; 两/兩 is 2.
inline int cn_digit(char32_t c) {
    switch (c) {
        case U'〇': case U'零': return 0;
        case U'一': case U'壹': return 1;
        case U'二': case U'两': case U'兩': case U'贰': case U'貳': return 2;
        case U'三': case U'叁': case U'參': return 3;
        case U'四': case U'肆': return 4;
        case U'五': case U'伍': return 5;
        case U'六': case U'陆': case U'陸': return 6;
        case U'七': case U'柒': return 7;
        case U'八': case U'捌': return 8;
        case U'九': case U'玖': return 9;
        default: return -1;
    }
}

// The value of a Chinese unit character (十 百 千 万 亿 and their 大写 /
// traditional forms), 0 for anything else.
inline int64_t cn_unit(char32_t c) {
    switch (c) {
        case U'十': case U'拾': return 10;
        case U'百': case U'佰': return 100;
        case U'千': case U'仟': return 1000;
        case U'万': case U'萬': return 10000;
        case U'亿': case U'億': return 100000000;
        default: return 0;
    }
}

inline bool is_cn_numeral(char32_t c) { return cn_digit(c) >= 0 || cn_unit(c) > 0; }

// --- checked arithmetic -----------------------------------------------------

// v = v * m + a, false (v unspecified) on int64 overflow.
inline bool mul_add(int64_t& v, int64_t m, int64_t a) {
    int64_t t = 0;
    if (__builtin_mul_overflow(v, m, &t)) return false;
    if (__builtin_add_overflow(t, a, &v)) return false;
    return true;
}

}  // namespace nianbao::scan
