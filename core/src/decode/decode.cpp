// Step 1 of the pipeline: bytes -> UTF-8 text (see nianbao/decode.h).
//
// Detection, in order:
//   1. BOM: EF BB BF -> UTF-8 (BOM stripped), FF FE -> UTF-16LE, FE FF -> UTF-16BE.
//      A BOM settles the encoding; bad sequences after it are replaced.
//      Without a BOM, UTF-16 by its NUL bytes: mostly on one side of
//      each byte pair (see utf16_without_bom()).
//   2. Valid UTF-8 -> taken as is.
//   3. UTF-8 cut off inside its last character -> UTF-8, lossy. Checked before
//      GB18030 because UTF-8 Chinese text cut short is often valid GB18030
//      byte for byte, and decoding it so gives mojibake.
//   4. Valid GB18030 -> GB18030, unless the UTF-8 reading has at least four
//      valid multi-byte characters per bad sequence.
//   5. Neither valid: UTF-8 when it is mostly UTF-8 (four valid multi-byte
//      characters per run of adjacent bad sequences), else the decoding with
//      fewer bad sequences (ties go to UTF-8), lossy. When that last choice is
//      made for input that also looks binary, the encoding is reported as
//      Encoding::Unknown. See choose() for the numbers behind this.
//
// Bad sequences become U+FFFD. UTF-8 uses the "maximal subpart" rule of the
// Unicode standard (what TextDecoder does), so the page and the CLI agree.
// GB18030 follows the WHATWG gb18030 decoder: a bad lead byte is replaced and
// the bytes after it are looked at again; a complete but unmapped code is
// replaced as a whole; a sequence cut off at the end of the input becomes one
// U+FFFD. Like TextDecoder (and Windows code page 936), the single byte 0x80
// decodes to U+20AC.
//
// Every loop moves forward at least one byte per step and the four-byte GB
// lookup is a binary search over a fixed table, so all of this is linear.
// No exceptions, no I/O, no globals with dynamic initialisation (the two-byte
// table is summed on first use).
#include "nianbao/decode.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "gb18030_table.h"
#include "text/swar.h"

namespace nianbao {

namespace {

using Byte = unsigned char;

constexpr uint64_t kNoBadByte = std::numeric_limits<uint64_t>::max();

// Reserve n * num / den bytes when that does not overflow; a hint only.
inline void reserve_scaled(std::string& out, size_t n, size_t num, size_t den) {
    if (n > (out.max_size() - out.size()) / num) return;
    out.reserve(out.size() + n * num / den);
}

// Appends UTF-8 to a string through a raw pointer: the string is grown ahead
// (amortised doubling) and cut back to the written length by finish(). Much
// faster than std::string::append per character.
class Utf8Writer {
public:
    explicit Utf8Writer(std::string& out) : out_(out), len_(out.size()) {}
    Utf8Writer(const Utf8Writer&) = delete;
    Utf8Writer& operator=(const Utf8Writer&) = delete;

    // Room for `k` more bytes.
    inline void ensure(size_t k) {
        if (out_.size() - len_ < k) grow(k);
    }
    inline void byte(char c) {
        ensure(1);
        out_[len_++] = c;
    }
    inline void bytes(const char* p, size_t k) {
        ensure(k);
        std::memcpy(&out_[len_], p, k);
        len_ += k;
    }
    inline void replacement() {
        ensure(3);
        char* p = &out_[len_];
        p[0] = '\xEF';
        p[1] = '\xBF';
        p[2] = '\xBD';
        len_ += 3;
    }
    inline void code_point(uint32_t cp) {
        ensure(4);
        char* p = &out_[len_];
        if (cp < 0x80) {
            p[0] = static_cast<char>(cp);
            len_ += 1;
        } else if (cp < 0x800) {
            p[0] = static_cast<char>(0xC0 | (cp >> 6));
            p[1] = static_cast<char>(0x80 | (cp & 0x3F));
            len_ += 2;
        } else if (cp < 0x10000) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {  // never emit a surrogate
                replacement();
                return;
            }
            p[0] = static_cast<char>(0xE0 | (cp >> 12));
            p[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            p[2] = static_cast<char>(0x80 | (cp & 0x3F));
            len_ += 3;
        } else if (cp <= 0x10FFFF) {
            p[0] = static_cast<char>(0xF0 | (cp >> 18));
            p[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            p[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            p[3] = static_cast<char>(0x80 | (cp & 0x3F));
            len_ += 4;
        } else {
            replacement();
        }
    }
    void finish() { out_.resize(len_); }

private:
    void grow(size_t k) {
        // Output is at most 3 bytes per input byte, so len_ + k cannot overflow.
        const size_t cap = out_.max_size();
        size_t want = out_.size() < 64 ? 64 : out_.size();
        want = want <= cap / 2 ? want * 2 : cap;
        if (want < len_ + k) want = len_ + k;
        out_.resize(want);
    }
    std::string& out_;
    size_t len_;
};

// Tracks the bad sequences of one decoding.
struct Faults {
    size_t count = 0;
    uint64_t first = kNoBadByte;
    void add(size_t offset) {
        if (count == 0) first = offset;
        ++count;
    }
};

// ---------------------------------------------------------------------------
// UTF-8

struct Utf8Step {
    size_t length;    // length of the valid sequence, 0 when invalid
    size_t subpart;   // when invalid: length of the maximal subpart (>= 1)
    bool cut_at_end;  // when invalid: the subpart is a valid prefix cut off by the end of input
};

// Looks at the sequence starting at s[i], i < n, s[i] >= 0x80.
inline Utf8Step utf8_step(const Byte* s, size_t n, size_t i) {
    const Byte b = s[i];
    size_t need;
    Byte lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;       // no overlongs
        else if (b == 0xED) hi = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;       // no overlongs
        else if (b == 0xF4) hi = 0x8F;  // <= U+10FFFF
    } else {
        return {0, 1, false};  // continuation byte, C0, C1, F5..FF
    }
    size_t k = 1;
    for (; k <= need; ++k) {
        if (i + k >= n) return {0, k, true};
        const Byte c = s[i + k];
        const Byte l = k == 1 ? lo : Byte(0x80);
        const Byte h = k == 1 ? hi : Byte(0xBF);
        if (c < l || c > h) return {0, k, false};
    }
    return {need + 1, 0, false};
}

inline bool all_ascii8(const Byte* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return (w & 0x8080808080808080ULL) == 0;
}

// Offset of the first invalid sequence at or after i, or n.
size_t utf8_valid_until(const Byte* s, size_t n, size_t i) {
    while (i < n) {
        if (s[i] < 0x80) {  // ASCII, eight bytes at a time where it runs long
            ++i;
            while (i + 8 <= n && all_ascii8(s + i)) i += 8;
            continue;
        }
        // Most of a Chinese text: three-byte characters of E1..EC, EE, EF,
        // which need no range checks beyond their continuation bytes.
        while (i + 2 < n && s[i] >= 0xE1 && s[i] != 0xED && s[i] <= 0xEF && (s[i + 1] & 0xC0) == 0x80 &&
               (s[i + 2] & 0xC0) == 0x80)
            i += 3;
        if (i >= n || s[i] < 0x80) continue;
        const Utf8Step st = utf8_step(s, n, i);
        if (st.length == 0) return i;
        i += st.length;
    }
    return n;
}

struct Utf8Stats {
    Faults faults;
    size_t multibyte = 0;         // valid characters of 2..4 bytes
    size_t bursts = 0;            // runs of adjacent bad sequences
    bool last_fault_cut = false;  // the last fault was a sequence cut off by the end
};

// Counts the valid multi-byte characters and the bad sequences of s[start, n)
// without building any text.
void utf8_scan(const Byte* s, size_t n, size_t start, Utf8Stats& stats) {
    size_t i = start;
    size_t last_fault_end = 0;
    while (i < n) {
        while (i + 8 <= n && all_ascii8(s + i)) i += 8;
        if (i >= n) break;
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const Utf8Step st = utf8_step(s, n, i);
        if (st.length != 0) {
            ++stats.multibyte;
            i += st.length;
        } else {
            if (stats.faults.count == 0 || i != last_fault_end) ++stats.bursts;
            stats.faults.add(i);
            stats.last_fault_cut = st.cut_at_end;
            i += st.subpart;
            last_fault_end = i;
        }
    }
}

// Appends s[start, n) to out, replacing each maximal subpart of a bad
// sequence with U+FFFD; fault offsets are from s.
void utf8_decode_lossy(const Byte* s, size_t n, size_t start, std::string& out, Faults& faults) {
    reserve_scaled(out, n - start, 1, 1);  // a hint: exact when there are few faults
    Utf8Writer w(out);
    size_t i = start;
    while (i < n) {
        const size_t good_end = utf8_valid_until(s, n, i);
        w.bytes(reinterpret_cast<const char*>(s + i), good_end - i);
        i = good_end;
        if (i >= n) break;
        faults.add(i);
        w.replacement();
        i += utf8_step(s, n, i).subpart;
    }
    w.finish();
}

// ---------------------------------------------------------------------------
// UTF-16

void utf16_decode(const Byte* s, size_t n, size_t start, bool big_endian, std::string& out,
                  Faults& faults) {
    reserve_scaled(out, n - start, 3, 2);
    Utf8Writer w(out);
    auto unit_at = [&](size_t k) -> uint32_t {
        return big_endian ? (uint32_t(s[k]) << 8) | s[k + 1] : (uint32_t(s[k + 1]) << 8) | s[k];
    };
    size_t i = start;
    while (i + 2 <= n) {
        const uint32_t u = unit_at(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 <= n) {
                const uint32_t v = unit_at(i + 2);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    w.code_point(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                    i += 4;
                    continue;
                }
            }
            faults.add(i);  // high surrogate without a low one: replaced alone
            w.replacement();
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            faults.add(i);  // lone low surrogate
            w.replacement();
        } else {
            w.code_point(u);
        }
        i += 2;
    }
    if (i < n) {  // odd trailing byte
        faults.add(i);
        w.replacement();
    }
    w.finish();
}

// ---------------------------------------------------------------------------
// GB18030

inline bool gb_lead(Byte b) { return b >= 0x81 && b <= 0xFE; }
inline bool gb_digit(Byte b) { return b >= 0x30 && b <= 0x39; }
inline bool gb_trail2(Byte b) { return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE); }

// The two-byte table's code points (gb18030_table.h), summed from its
// differences on first use (thread-safe: a function's static).
struct TwoByteTable {
    uint16_t cp[gb18030::kTwoByteCount];
    TwoByteTable() {
        uint16_t sum = 0;
        for (size_t k = 0; k < gb18030::kTwoByteCount; ++k) cp[k] = sum = static_cast<uint16_t>(sum + gb18030::kTwoByteDelta[k]);
    }
};

const uint16_t* two_byte_table() {
    static const TwoByteTable table;
    return table.cp;
}

// Code point of a four-byte code by its linear offset, 0 when unmapped.
uint32_t gb_four_byte(uint32_t linear) {
    using namespace gb18030;
    if (linear < kFourByteBmpEnd) {
        // Last range starting at or before `linear` (kFourByteBmp[0].linear == 0).
        size_t lo = 0, hi = kFourByteBmpCount;  // answer in [lo, hi)
        while (hi - lo > 1) {
            const size_t mid = lo + (hi - lo) / 2;
            if (kFourByteBmp[mid].linear <= linear) lo = mid;
            else hi = mid;
        }
        const FourByteRange& r = kFourByteBmp[lo];
        if (r.cp == 0 || r.linear > linear) return 0;
        return r.cp + (linear - r.linear);
    }
    if (linear >= kSupplementaryFirstLinear && linear <= kSupplementaryLastLinear)
        return 0x10000 + (linear - kSupplementaryFirstLinear);
    return 0;
}

// Appends the GB18030 decoding of s[0, n) to out.
void gb18030_decode(const Byte* s, size_t n, std::string& out, Faults& faults) {
    const uint16_t* two_byte = two_byte_table();
    reserve_scaled(out, n, 3, 2);
    Utf8Writer w(out);
    auto emit = [&](uint32_t cp) { w.code_point(cp); };
    auto bad = [&](size_t at) {
        faults.add(at);
        w.replacement();
    };
    size_t i = 0;
    while (i < n) {
        // Runs of ASCII are copied as they are.
        size_t j = i;
        while (j + 8 <= n && all_ascii8(s + j)) j += 8;
        while (j < n && s[j] < 0x80) ++j;
        if (j > i) {
            w.bytes(reinterpret_cast<const char*>(s + i), j - i);
            i = j;
            if (i >= n) break;
        }
        const Byte b1 = s[i];
        if (b1 == 0x80) {  // CP936 / WHATWG: euro sign
            emit(0x20AC);
            i += 1;
            continue;
        }
        if (!gb_lead(b1) || i + 1 >= n) {  // 0xFF, or a lead byte at the very end
            bad(i);
            i += 1;
            continue;
        }
        const Byte b2 = s[i + 1];
        if (gb_trail2(b2)) {
            const size_t index = size_t(b1 - 0x81) * 190 + size_t(b2 < 0x7F ? b2 - 0x40 : b2 - 0x41);
            const uint32_t cp = two_byte[index];
            if (cp != 0) {
                emit(cp);
                i += 2;
            } else {
                bad(i);
                i += (b2 < 0x80) ? 1 : 2;  // an ASCII trail is looked at again
            }
            continue;
        }
        if (!gb_digit(b2)) {  // bad second byte: replace the lead, look at the byte again
            bad(i);
            i += 1;
            continue;
        }
        // Four-byte code: lead, 0x30..0x39, 0x81..0xFE, 0x30..0x39.
        if (i + 2 >= n) {  // cut off after two bytes: one replacement
            bad(i);
            i = n;
            continue;
        }
        const Byte b3 = s[i + 2];
        if (!gb_lead(b3)) {
            bad(i);
            i += 1;
            continue;
        }
        if (i + 3 >= n) {  // cut off after three bytes: one replacement
            bad(i);
            i = n;
            continue;
        }
        const Byte b4 = s[i + 3];
        if (!gb_digit(b4)) {
            bad(i);
            i += 1;
            continue;
        }
        const uint32_t linear = ((uint32_t(b1 - 0x81) * 10 + uint32_t(b2 - 0x30)) * 126 + uint32_t(b3 - 0x81)) * 10 +
                                uint32_t(b4 - 0x30);
        const uint32_t cp = gb_four_byte(linear);
        if (cp != 0) emit(cp);
        else bad(i);
        i += 4;
    }
    w.finish();
}

// ---------------------------------------------------------------------------

// A C0 control other than those a text has (\t \n \r \f).
bool is_control(unsigned char b) { return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f'; }

// NUL characters, or more than 10% C0 controls other than \t \n \r \f, in the
// decoded text.
bool looks_binary(const std::string& text) {
    if (std::memchr(text.data(), 0, text.size())) return true;
    // Every input passes here and most have no control at all: words with no
    // byte below 0x20 are passed whole, and the characters are counted only
    // when there are controls to weigh.
    const char* const p = text.data();
    const size_t n = text.size();
    size_t controls = 0, i = 0;
    for (; i + 8 <= n; i += 8)
        if (swar::any_below(swar::load8(p + i), 0x20))
            for (size_t k = i; k < i + 8; ++k) controls += is_control(static_cast<Byte>(p[k]));
    for (; i < n; ++i) controls += is_control(static_cast<Byte>(p[i]));
    if (controls == 0) return false;
    size_t chars = 0;
    for (const char c : text) chars += (static_cast<Byte>(c) & 0xC0) != 0x80;
    return controls * 10 > chars;
}

// Which decoding to use when the input is not valid UTF-8. Read as UTF-8, a
// GB18030 text has about 0.17 valid multi-byte characters per bad sequence
// and 0.75 per run of adjacent bad sequences (measured on random GB2312 text;
// never above 1.5 for texts of 20 characters or more, up to 4 for texts of a
// few characters). A UTF-8 text with one bad byte has all its characters valid
// but one, whose pieces make one run of up to five bad sequences.
enum class Choice { Utf8, Gb18030, Utf8ByCount, Gb18030ByCount };

// UTF-8 whatever GB18030 makes of the input: UTF-8 cut off in the middle of
// its last character, or at least four valid multi-byte characters per bad
// sequence.
bool utf8_regardless(const Utf8Stats& u8) {
    if (u8.multibyte > 0 && u8.faults.count == 1 && u8.last_fault_cut) return true;
    return u8.faults.count <= u8.multibyte / 4;
}

Choice choose(const Utf8Stats& u8, size_t gb_faults) {
    if (utf8_regardless(u8)) return Choice::Utf8;
    // Valid GB18030 is strong evidence and wins over anything less.
    if (gb_faults == 0) return Choice::Gb18030;
    // Both have faults: mostly UTF-8 (four valid multi-byte characters per
    // run of bad sequences) stays UTF-8...
    if (u8.bursts <= u8.multibyte / 4) return Choice::Utf8;
    // ...otherwise the decoding with fewer bad sequences; ties go to UTF-8.
    return u8.faults.count <= gb_faults ? Choice::Utf8ByCount : Choice::Gb18030ByCount;
}

// UTF-16 without a byte order mark, as some tools save "Unicode" text. Every
// ASCII character and line break of it has a NUL byte, on the same side of
// its pair: NUL bytes mostly at odd offsets is little-endian, at even
// offsets big-endian. A report has them by the hundred (digits, tabs and line
// breaks are a sixth to a third of its characters); UTF-8 and GB18030 text
// has none, and a binary file has them on both sides. What decodes with a
// fault (other than an odd last byte) or looks binary is not taken. True
// when `d` was filled.
bool utf16_without_bom(const Byte* s, size_t n, Decoded& d, Faults& faults) {
    if (!std::memchr(s, 0, n)) return false;
    size_t nul[2] = {0, 0};
    for (size_t i = 0; i < n; ++i) nul[i & 1] += s[i] == 0;
    // At least 4 NUL bytes and one character in 16 with one.
    auto enough = [&](size_t side) { return side >= 4 && side * 32 >= n; };
    bool big_endian;
    // The other side has a few (一 is U+4E00, 开 U+5F00): at most a quarter as many.
    if (enough(nul[1]) && nul[0] * 4 <= nul[1]) big_endian = false;
    else if (enough(nul[0]) && nul[1] * 4 <= nul[0]) big_endian = true;
    else return false;
    std::string text;
    Faults f;
    utf16_decode(s, n, 0, big_endian, text, f);
    const bool only_odd_tail = f.count == 0 || (f.count == 1 && n % 2 == 1 && f.first == n - 1);
    if (!only_odd_tail || looks_binary(text)) return false;
    d.encoding = big_endian ? Encoding::Utf16Be : Encoding::Utf16Le;
    d.text = std::move(text);
    faults = f;
    return true;
}

void set_faults(Decoded& d, const Faults& f) {
    d.lossy = f.count > 0;
    d.first_bad_byte = f.count > 0 ? f.first : 0;
}

}  // namespace

const char* encoding_name(Encoding e) {
    switch (e) {
        case Encoding::Utf8: return "utf-8";
        case Encoding::Utf8Bom: return "utf-8-bom";
        case Encoding::Utf16Le: return "utf-16le";
        case Encoding::Utf16Be: return "utf-16be";
        case Encoding::Gb18030: return "gb18030";
        case Encoding::Unknown: return "unknown";
    }
    return "unknown";
}

bool is_valid_utf8(std::string_view bytes, uint64_t* first_bad) {
    const Byte* s = reinterpret_cast<const Byte*>(bytes.data());
    const size_t end = utf8_valid_until(s, bytes.size(), 0);
    if (end == bytes.size()) return true;
    if (first_bad) *first_bad = end;
    return false;
}

std::string sanitize_utf8(std::string_view bytes) {
    const Byte* s = reinterpret_cast<const Byte*>(bytes.data());
    const size_t n = bytes.size();
    const size_t good = utf8_valid_until(s, n, 0);
    if (good == n) return std::string(bytes);
    std::string out(bytes.data(), good);
    Faults faults;
    utf8_decode_lossy(s, n, good, out, faults);
    return out;
}

Decoded decode_bytes(std::string_view bytes) {
    Decoded d;
    const Byte* s = reinterpret_cast<const Byte*>(bytes.data());
    const size_t n = bytes.size();
    Faults faults;
    if (n == 0) return d;

    // 1. Byte order marks.
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        d.encoding = Encoding::Utf8Bom;
        utf8_decode_lossy(s, n, 3, d.text, faults);
    } else if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        const bool be = s[0] == 0xFE;
        d.encoding = be ? Encoding::Utf16Be : Encoding::Utf16Le;
        utf16_decode(s, n, 2, be, d.text, faults);
    } else if (utf16_without_bom(s, n, d, faults)) {
        // UTF-16 by its NUL bytes (see there).
    } else {
        // 2. Valid UTF-8.
        const size_t good = utf8_valid_until(s, n, 0);
        if (good == n) {
            d.encoding = Encoding::Utf8;
            d.text.assign(bytes.data(), n);
        } else {
            Utf8Stats u8;
            utf8_scan(s, n, 0, u8);
            Choice choice = Choice::Utf8;
            if (!utf8_regardless(u8)) {
                // Decode as GB18030 once; the text is kept if it wins.
                std::string gb_text;
                Faults gb;
                gb18030_decode(s, n, gb_text, gb);
                choice = choose(u8, gb.count);
                if (choice == Choice::Gb18030 || choice == Choice::Gb18030ByCount) {
                    d.encoding = Encoding::Gb18030;
                    d.text = std::move(gb_text);
                    faults = gb;
                }
            }
            if (choice == Choice::Utf8 || choice == Choice::Utf8ByCount) {
                d.encoding = Encoding::Utf8;
                d.text.assign(bytes.data(), good);
                utf8_decode_lossy(s, n, good, d.text, faults);
            }
            const bool by_count = choice == Choice::Utf8ByCount || choice == Choice::Gb18030ByCount;
            d.binary = looks_binary(d.text);
            if (d.binary && faults.count > 0 && by_count) d.encoding = Encoding::Unknown;
            set_faults(d, faults);
            return d;
        }
    }
    set_faults(d, faults);
    d.binary = looks_binary(d.text);
    return d;
}

}  // namespace nianbao
