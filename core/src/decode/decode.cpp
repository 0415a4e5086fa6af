// Step 1 of the pipeline: bytes -> UTF-8 text (see nianbao/decode.h).
//
// Detection, in order:
//   1. BOM: EF BB BF -> UTF-8 (BOM stripped), FF FE -> UTF-16LE, FE FF -> UTF-16BE.
//   2. Valid UTF-8 -> taken as is.
//   3. Mostly UTF-8 (valid multi-byte characters outnumber the bad sequences
//      4 to 1, or the only fault is a sequence cut off at the end) -> UTF-8,
//      lossy. Checked before GB18030 because UTF-8 Chinese text cut short is
//      often valid GB18030 byte for byte, and decoding it so gives mojibake.
//   4. Valid GB18030 -> GB18030.
//   5. Otherwise the decoding with fewer bad sequences (ties go to UTF-8), lossy;
//      reported as Encoding::Unknown when the input also looks binary.
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
// No exceptions, no I/O, no globals with dynamic initialisation.
#include "nianbao/decode.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "gb18030_table.h"

namespace nianbao {

namespace {

using Byte = unsigned char;

constexpr uint64_t kNoBadByte = std::numeric_limits<uint64_t>::max();

inline void append_replacement(std::string& out) { out.append("\xEF\xBF\xBD", 3); }

inline void append_code_point(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 2);
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {  // never emit a surrogate
            append_replacement(out);
            return;
        }
        char b[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 3);
    } else if (cp <= 0x10FFFF) {
        char b[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 4);
    } else {
        append_replacement(out);
    }
}

// Reserve n * num / den bytes when that does not overflow; a hint only.
inline void reserve_scaled(std::string& out, size_t n, size_t num, size_t den) {
    if (n <= std::numeric_limits<size_t>::max() / num) out.reserve(n * num / den);
}

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
        while (i + 8 <= n && all_ascii8(s + i)) i += 8;
        if (i >= n) break;
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const Utf8Step st = utf8_step(s, n, i);
        if (st.length == 0) return i;
        i += st.length;
    }
    return n;
}

struct Utf8Stats {
    Faults faults;
    size_t multibyte = 0;      // valid characters of 2..4 bytes
    bool last_fault_cut = false;  // the last fault was a sequence cut off by the end
};

// Decodes s[start, n) into out, replacing bad sequences; fault offsets are from s.
void utf8_decode_lossy(const Byte* s, size_t n, size_t start, std::string& out, Utf8Stats& stats) {
    size_t i = start;
    while (i < n) {
        const size_t good_end = utf8_valid_until(s, n, i);
        out.append(reinterpret_cast<const char*>(s + i), good_end - i);
        for (size_t k = i; k < good_end; ++k) stats.multibyte += (s[k] >= 0xC0);
        i = good_end;
        if (i >= n) break;
        const Utf8Step st = utf8_step(s, n, i);
        stats.faults.add(i);
        stats.last_fault_cut = st.cut_at_end;
        append_replacement(out);
        i += st.subpart;
    }
}

// ---------------------------------------------------------------------------
// UTF-16

void utf16_decode(const Byte* s, size_t n, size_t start, bool big_endian, std::string& out,
                  Faults& faults) {
    size_t i = start;
    auto unit_at = [&](size_t k) -> uint32_t {
        return big_endian ? (uint32_t(s[k]) << 8) | s[k + 1] : (uint32_t(s[k + 1]) << 8) | s[k];
    };
    while (i + 2 <= n) {
        const uint32_t u = unit_at(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 <= n) {
                const uint32_t v = unit_at(i + 2);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    append_code_point(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                    i += 4;
                    continue;
                }
            }
            faults.add(i);  // high surrogate without a low one: replace it alone
            append_replacement(out);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            faults.add(i);  // lone low surrogate
            append_replacement(out);
            i += 2;
        } else {
            append_code_point(out, u);
            i += 2;
        }
    }
    if (i < n) {  // odd trailing byte
        faults.add(i);
        append_replacement(out);
    }
}

// ---------------------------------------------------------------------------
// GB18030

inline bool gb_lead(Byte b) { return b >= 0x81 && b <= 0xFE; }
inline bool gb_digit(Byte b) { return b >= 0x30 && b <= 0x39; }
inline bool gb_trail2(Byte b) { return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE); }

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

void gb18030_decode(const Byte* s, size_t n, std::string& out, Faults& faults) {
    size_t i = 0;
    while (i < n) {
        // Runs of ASCII are copied as they are.
        size_t j = i;
        while (j + 8 <= n && all_ascii8(s + j)) j += 8;
        while (j < n && s[j] < 0x80) ++j;
        if (j > i) {
            out.append(reinterpret_cast<const char*>(s + i), j - i);
            i = j;
            if (i >= n) break;
        }
        const Byte b1 = s[i];
        if (b1 == 0x80) {  // CP936 / WHATWG: euro sign
            append_code_point(out, 0x20AC);
            i += 1;
            continue;
        }
        if (!gb_lead(b1) || i + 1 >= n) {  // 0xFF, or a lead byte at the very end
            faults.add(i);
            append_replacement(out);
            i += 1;
            continue;
        }
        const Byte b2 = s[i + 1];
        if (gb_digit(b2)) {
            // Four-byte code: lead, 0x30..0x39, 0x81..0xFE, 0x30..0x39.
            if (i + 2 >= n) {  // cut off after two bytes
                faults.add(i);
                append_replacement(out);
                i = n;
                continue;
            }
            const Byte b3 = s[i + 2];
            if (!gb_lead(b3)) {
                faults.add(i);
                append_replacement(out);
                i += 1;
                continue;
            }
            if (i + 3 >= n) {  // cut off after three bytes
                faults.add(i);
                append_replacement(out);
                i = n;
                continue;
            }
            const Byte b4 = s[i + 3];
            if (!gb_digit(b4)) {
                faults.add(i);
                append_replacement(out);
                i += 1;
                continue;
            }
            const uint32_t linear = ((uint32_t(b1 - 0x81) * 10 + uint32_t(b2 - 0x30)) * 126 + uint32_t(b3 - 0x81)) * 10 +
                                    uint32_t(b4 - 0x30);
            const uint32_t cp = gb_four_byte(linear);
            if (cp == 0) {
                faults.add(i);
                append_replacement(out);
            } else {
                append_code_point(out, cp);
            }
            i += 4;
            continue;
        }
        if (gb_trail2(b2)) {
            const size_t index = size_t(b1 - 0x81) * 190 + size_t(b2 < 0x7F ? b2 - 0x40 : b2 - 0x41);
            const uint32_t cp = gb18030::kTwoByte[index];
            if (cp == 0) {
                faults.add(i);
                append_replacement(out);
                i += (b2 < 0x80) ? 1 : 2;  // an ASCII trail is looked at again
            } else {
                append_code_point(out, cp);
                i += 2;
            }
            continue;
        }
        // Bad second byte: replace the lead and look at the byte again.
        faults.add(i);
        append_replacement(out);
        i += 1;
    }
}

// ---------------------------------------------------------------------------

// NUL characters, or more than 10% C0 controls other than \t \n \r \f, in the
// decoded text.
bool looks_binary(const std::string& text) {
    size_t chars = 0, controls = 0;
    for (const char c : text) {
        const Byte b = static_cast<Byte>(c);
        if ((b & 0xC0) != 0x80) ++chars;
        if (b < 0x20) {
            if (b == 0) return true;
            if (b != '\t' && b != '\n' && b != '\r' && b != '\f') ++controls;
        }
    }
    return chars > 0 && controls * 10 > chars;
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
    std::string out;
    reserve_scaled(out, n, 1, 1);
    out.append(bytes.data(), good);
    Utf8Stats stats;
    utf8_decode_lossy(s, n, good, out, stats);
    return out;
}

Decoded decode_bytes(std::string_view bytes) {
    Decoded d;
    const Byte* s = reinterpret_cast<const Byte*>(bytes.data());
    const size_t n = bytes.size();

    // 1. Byte order marks.
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        d.encoding = Encoding::Utf8Bom;
        const size_t good = utf8_valid_until(s, n, 3);
        if (good == n) {
            d.text.assign(bytes.data() + 3, n - 3);
        } else {
            reserve_scaled(d.text, n, 1, 1);
            d.text.append(bytes.data() + 3, good - 3);
            Utf8Stats stats;
            utf8_decode_lossy(s, n, good, d.text, stats);
            set_faults(d, stats.faults);
        }
        d.binary = looks_binary(d.text);
        return d;
    }
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        const bool be = s[0] == 0xFE;
        d.encoding = be ? Encoding::Utf16Be : Encoding::Utf16Le;
        reserve_scaled(d.text, n, 3, 2);
        Faults faults;
        utf16_decode(s, n, 2, be, d.text, faults);
        set_faults(d, faults);
        d.binary = looks_binary(d.text);
        return d;
    }

    // 2. Valid UTF-8.
    const size_t good = utf8_valid_until(s, n, 0);
    if (good == n) {
        d.encoding = Encoding::Utf8;
        d.text.assign(bytes.data(), n);
        d.binary = looks_binary(d.text);
        return d;
    }

    // Both candidate decodings, with their faults.
    std::string utf8_text;
    reserve_scaled(utf8_text, n, 1, 1);
    utf8_text.append(bytes.data(), good);
    Utf8Stats u8;
    for (size_t k = 0; k < good; ++k) u8.multibyte += (s[k] >= 0xC0);
    utf8_decode_lossy(s, n, good, utf8_text, u8);

    // 3. Mostly UTF-8.
    const bool only_cut_at_end = u8.faults.count == 1 && u8.last_fault_cut;
    const bool mostly_utf8 = u8.multibyte > 0 && (u8.faults.count * 4 <= u8.multibyte || only_cut_at_end);

    if (!mostly_utf8) {
        std::string gb_text;
        reserve_scaled(gb_text, n, 3, 2);
        Faults gb;
        gb18030_decode(s, n, gb_text, gb);
        // 4. Valid GB18030; 5. or fewer faults than UTF-8.
        if (gb.count < u8.faults.count) {
            d.encoding = Encoding::Gb18030;
            d.text = std::move(gb_text);
            set_faults(d, gb);
            d.binary = looks_binary(d.text);
            if (d.binary && d.lossy) d.encoding = Encoding::Unknown;
            return d;
        }
    }
    d.encoding = Encoding::Utf8;
    d.text = std::move(utf8_text);
    set_faults(d, u8.faults);
    d.binary = looks_binary(d.text);
    if (d.binary && !mostly_utf8) d.encoding = Encoding::Unknown;
    return d;
}

}  // namespace nianbao
