// Small shared helpers for the hand-written scanners in this folder
// (numerals, dates, pii): UTF-8 stepping, character classes and checked
// arithmetic. Everything here is O(1) per call (or bounded by an explicit
// limit), never throws and never reads outside the string_view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// --- searching ----------------------------------------------------------------

// Where `needle` occurs in `hay` at or after `from`; npos if it does not.
// std::string_view::find stops at every byte equal to the needle's first,
// and in Chinese text that is a lead byte shared by thousands of characters
// (其 and 年 both start with E5); the last byte of a character varies far
// more, so this looks for that one and compares backwards.
inline size_t find_text(std::string_view hay, std::string_view needle, size_t from = 0) {
    constexpr size_t npos = std::string_view::npos;
    if (from > hay.size()) return npos;
    const size_t m = needle.size();
    if (m == 0) return from;
    if (hay.size() - from < m) return npos;
    const char* const begin = hay.data();
    const char* const end = begin + hay.size();
    const char last = needle[m - 1];
    for (const char* p = begin + from + m - 1; p < end; ++p) {
        p = static_cast<const char*>(std::memchr(p, last, static_cast<size_t>(end - p)));
        if (!p) return npos;
        if (std::memcmp(p - (m - 1), needle.data(), m - 1) == 0) return static_cast<size_t>(p - (m - 1) - begin);
    }
    return npos;
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

// Every Chinese numeral (常用, 大写 financial and traditional forms) with its
// value: a digit (〇 and 零 are 0, 两/兩 is 2) or a unit (十 百 千 万 亿).
struct CnNumeral {
    char32_t c;
    int digit;     // -1 for a unit
    int64_t unit;  // 0 for a digit
};
inline constexpr CnNumeral kCnNumeralTable[] = {
    {U'〇', 0, 0}, {U'零', 0, 0}, {U'一', 1, 0}, {U'壹', 1, 0}, {U'二', 2, 0}, {U'两', 2, 0}, {U'兩', 2, 0},
    {U'贰', 2, 0}, {U'貳', 2, 0}, {U'三', 3, 0}, {U'叁', 3, 0}, {U'參', 3, 0}, {U'四', 4, 0}, {U'肆', 4, 0},
    {U'五', 5, 0}, {U'伍', 5, 0}, {U'六', 6, 0}, {U'陆', 6, 0}, {U'陸', 6, 0}, {U'七', 7, 0}, {U'柒', 7, 0},
    {U'八', 8, 0}, {U'捌', 8, 0}, {U'九', 9, 0}, {U'玖', 9, 0},
    {U'十', -1, 10}, {U'拾', -1, 10}, {U'百', -1, 100}, {U'佰', -1, 100}, {U'千', -1, 1000}, {U'仟', -1, 1000},
    {U'万', -1, 10000}, {U'萬', -1, 10000}, {U'亿', -1, 100000000}, {U'億', -1, 100000000},
};

// The same characters as a bit set: every scanner asks whether each
// character is a numeral, and a bit test costs less than a search.
class CnNumeralSet {
public:
    constexpr CnNumeralSet() {
        for (const CnNumeral& n : kCnNumeralTable) bits_[(n.c - kFirst) >> 6] |= uint64_t{1} << ((n.c - kFirst) & 63);
    }
    constexpr bool contains(char32_t c) const {
        const char32_t k = c - kFirst;  // wraps below kFirst
        return k < kSize && ((bits_[k >> 6] >> (k & 63)) & 1) != 0;
    }

private:
    static constexpr char32_t kFirst = 0x3000;  // 〇 U+3007 .. 陸 U+9678
    static constexpr char32_t kSize = 0x7000;
    uint64_t bits_[kSize / 64] = {};
};
inline constexpr CnNumeralSet kCnNumerals{};

// Which (lead, second byte) pairs of three-byte UTF-8 sequences begin one
// of a set of characters: a filter that passes over most Chinese text
// without decoding it.
class ThreeBytePrefixes {
public:
    constexpr void add(char32_t c) {
        if (c < 0x800 || c > 0xFFFF) return;
        const unsigned k = ((c >> 12) & 0x0F) << 6 | ((c >> 6) & 0x3F);
        bits_[k >> 6] |= uint64_t{1} << (k & 63);
    }
    // `lead` in E0..EF, `second` the byte after it.
    constexpr bool may_start(unsigned char lead, unsigned char second) const {
        const unsigned k = (lead & 0x0Fu) << 6 | (second & 0x3Fu);
        return ((bits_[k >> 6] >> (k & 63)) & 1) != 0;
    }

private:
    uint64_t bits_[16] = {};
};

// Where a number or a date can start: a full-width digit, a Chinese numeral, 元 (元月).
inline constexpr ThreeBytePrefixes kNumeralPrefixes = [] {
    ThreeBytePrefixes p;
    for (const CnNumeral& n : kCnNumeralTable) p.add(n.c);
    for (char32_t c = 0xFF10; c <= 0xFF19; ++c) p.add(c);
    p.add(U'元');
    return p;
}();

// Is the three-byte character at `i` (its first two bytes passed by
// kNumeralPrefixes) one a number or a date starts with? Those two bytes are
// shared by common characters (一 with 不 上 中 为, a full-width digit with
// ，（）：, 元 with 全): decoded, they cost less than the scanners' own tests.
// A malformed sequence is left to the scanners.
inline bool numeral_char_at(std::string_view s, size_t i) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return true;
    const char32_t cp = char32_t(static_cast<unsigned char>(s[i]) & 0x0F) << 12 | char32_t(b1 & 0x3F) << 6 | (b2 & 0x3F);
    return kCnNumerals.contains(cp) || (cp >= 0xFF10 && cp <= 0xFF19) || cp == U'元';
}

// Could a number or a date start at byte `i`? False for most bytes of a
// Chinese text: ASCII other than digits, continuation bytes, and three-byte
// characters other than numerals, full-width digits and 元.
inline bool may_start_numeral(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return b >= '0' && b <= '9';
    if (b < 0xE0 || b > 0xEF) return false;
    if (i + 1 >= s.size() || !kNumeralPrefixes.may_start(b, static_cast<unsigned char>(s[i + 1]))) return false;
    return i + 2 >= s.size() || numeral_char_at(s, i);
}

// Past the character at `i` when it is a well-formed three-byte one (lead
// E0..EF, two continuation bytes), else past one byte: scanners that reject
// a Chinese character by its first bytes pass over it in one step, and no
// byte of malformed text is passed unseen.
inline size_t past_three_byte_char(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xE0 || b > 0xEF || i + 2 >= s.size()) return i + 1;
    const bool whole = (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
                       (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80;
    return whole ? i + 3 : i + 1;
}

// The first byte at or after `i` where may_start_numeral() holds, s.size()
// if none. A three-byte character that cannot start a numeral is passed over
// whole: Chinese text costs one test per character, not three.
inline size_t next_numeral_start(std::string_view s, size_t i) {
    const size_t n = s.size();
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b >= '0' && b <= '9') return i;
            ++i;
        } else if (b >= 0xE0 && b <= 0xEF && i + 2 < n) {
            if (kNumeralPrefixes.may_start(b, static_cast<unsigned char>(s[i + 1])) && numeral_char_at(s, i)) return i;
            i = past_three_byte_char(s, i);
        } else {
            if (may_start_numeral(s, i)) return i;
            ++i;
        }
    }
    return n;
}

inline const CnNumeral* find_cn_numeral(char32_t c) {
    if (!kCnNumerals.contains(c)) return nullptr;
    for (const CnNumeral& n : kCnNumeralTable)
        if (n.c == c) return &n;
    return nullptr;
}

// 0-9 for a Chinese digit, -1 otherwise.
inline int cn_digit(char32_t c) {
    const CnNumeral* n = find_cn_numeral(c);
    return n ? n->digit : -1;
}

// The value of a Chinese unit character, 0 for anything else.
inline int64_t cn_unit(char32_t c) {
    const CnNumeral* n = find_cn_numeral(c);
    return n ? n->unit : 0;
}

inline bool is_cn_numeral(char32_t c) { return kCnNumerals.contains(c); }

// --- checked arithmetic -----------------------------------------------------

// v = v * m + a, false (v unspecified) on int64 overflow.
inline bool mul_add(int64_t& v, int64_t m, int64_t a) {
    int64_t t = 0;
    if (__builtin_mul_overflow(v, m, &t)) return false;
    if (__builtin_add_overflow(t, a, &v)) return false;
    return true;
}

}  // namespace nianbao::scan
