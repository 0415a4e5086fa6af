// Tests for step 1, byte decoding (core/src/decode/decode.cpp).
//
// The GB18030 and UTF-16 byte strings below were produced when the tests were
// written, with glibc iconv (GB18030-2022) and Python's codecs, and are
// embedded as literals: the tests need neither at run time.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "nianbao/decode.h"

using nianbao::decode_bytes;
using nianbao::Decoded;
using nianbao::Encoding;
using nianbao::encoding_name;
using nianbao::is_valid_utf8;
using nianbao::sanitize_utf8;

namespace {

// "D5 FE B8 AE" -> bytes.
std::string B(std::string_view hex) {
    std::string out;
    int hi = -1;
    for (char c : hex) {
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else continue;
        if (hi < 0) {
            hi = v;
        } else {
            out.push_back(static_cast<char>(hi * 16 + v));
            hi = -1;
        }
    }
    return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

// "政府信息公开工作年度报告（2023年）\n收费¥12.5万元€，生僻字𠀀。ḿ\n"
// in GB18030, from `iconv -f UTF-8 -t GB18030`: two-byte characters, ¥ as the
// four-byte 81 30 84 36, € as A2 E3, U+20000 as 95 32 82 36, ḿ as A8 BC.
const char kGbReport[] =
    "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6"
    "\xA3\xA8\x32\x30\x32\x33\xC4\xEA\xA3\xA9\x0A\xCA\xD5\xB7\xD1\x81\x30\x84\x36\x31\x32\x2E\x35\xCD"
    "\xF2\xD4\xAA\xA2\xE3\xA3\xAC\xC9\xFA\xC6\xA7\xD7\xD6\x95\x32\x82\x36\xA1\xA3\xA8\xBC\x0A";
const char kUtf8Report[] = "政府信息公开工作年度报告（2023年）\n收费¥12.5万元€，生僻字𠀀。ḿ\n";

std::string gb_report() { return std::string(kGbReport, sizeof(kGbReport) - 1); }

// Deterministic pseudo-random bytes.
struct Lcg {
    uint64_t state;
    explicit Lcg(uint64_t seed) : state(seed) {}
    uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(state >> 33);
    }
};

void check_invariants(std::string_view input, const Decoded& d) {
    CHECK(is_valid_utf8(d.text));
    if (d.lossy) {
        CHECK(d.first_bad_byte < input.size());
        CHECK(d.text.find(kFffd) != std::string::npos);
    } else {
        CHECK(d.first_bad_byte == 0);
    }
}

}  // namespace

TEST_CASE("encoding_name gives the stable names") {
    CHECK(std::string(encoding_name(Encoding::Utf8)) == "utf-8");
    CHECK(std::string(encoding_name(Encoding::Utf8Bom)) == "utf-8-bom");
    CHECK(std::string(encoding_name(Encoding::Utf16Le)) == "utf-16le");
    CHECK(std::string(encoding_name(Encoding::Utf16Be)) == "utf-16be");
    CHECK(std::string(encoding_name(Encoding::Gb18030)) == "gb18030");
    CHECK(std::string(encoding_name(Encoding::Unknown)) == "unknown");
}

TEST_CASE("empty input decodes to empty UTF-8 text") {
    const Decoded d = decode_bytes("");
    CHECK(d.text.empty());
    CHECK(d.encoding == Encoding::Utf8);
    CHECK_FALSE(d.lossy);
    CHECK(d.first_bad_byte == 0);
    CHECK_FALSE(d.binary);
    CHECK(is_valid_utf8(""));
    CHECK(sanitize_utf8("").empty());

    const std::string_view null_view;  // data() == nullptr
    CHECK(decode_bytes(null_view).text.empty());
    CHECK(is_valid_utf8(null_view));
    CHECK(sanitize_utf8(null_view).empty());
}

TEST_CASE("valid UTF-8 is taken as it is") {
    const Decoded d = decode_bytes(kUtf8Report);
    CHECK(d.text == kUtf8Report);
    CHECK(d.encoding == Encoding::Utf8);
    CHECK_FALSE(d.lossy);
    CHECK_FALSE(d.binary);
}

TEST_CASE("GB18030 Chinese text round-trips to UTF-8") {
    const std::string gb = gb_report();
    const Decoded d = decode_bytes(gb);
    CHECK(d.encoding == Encoding::Gb18030);
    CHECK(d.text == kUtf8Report);
    CHECK_FALSE(d.lossy);
    CHECK_FALSE(d.binary);
}

TEST_CASE("GB18030 two-byte, four-byte and supplementary-plane characters decode") {
    struct Case {
        const char* gb;
        const char* utf8;
    };
    const Case cases[] = {
        {"D5 FE B8 AE", "政府"},
        {"81 30 84 36", "¥"},                  // U+00A5, four-byte BMP
        {"81 30 81 30", "\xC2\x80"},           // U+0080, first four-byte code
        {"84 31 A4 39", "\xEF\xBF\xBF"},       // U+FFFF, last four-byte BMP code
        {"95 32 82 36", "𠀀"},                 // U+20000
        {"90 30 81 30", "\xF0\x90\x80\x80"},   // U+10000, first supplementary code
        {"E3 32 9A 35", "\xF4\x8F\xBF\xBF"},   // U+10FFFF, last supplementary code
        {"A2 E3", "€"},                        // GB18030-2005 euro
        {"80", "€"},                           // CP936 / TextDecoder euro
        {"A1 A1", "\xE3\x80\x80"},             // U+3000 ideographic space
        {"A3 A8 A3 A9", "（）"},
        {"A8 BC", "ḿ"},                        // U+1E3F per GB18030-2005
        {"81 35 F4 37", "\xEE\x9F\x87"},       // U+E7C7 per GB18030-2005
        {"A6 D9 A6 DA A6 DB", "︐︒︑"},          // U+FE10 U+FE12 U+FE11 per GB18030-2022
        {"FE 59", "\xE9\xBE\xB4"},             // U+9FB4 per GB18030-2022
        {"82 35 90 37", "\xE9\xBE\xB4"},       // its four-byte code still decodes (WHATWG)
        {"FE 51", "\xEE\xA0\x96"},             // U+E816, as in WHATWG
    };
    for (const Case& c : cases) {
        CAPTURE(c.gb);
        const Decoded d = decode_bytes(B(c.gb));
        CHECK(d.encoding == Encoding::Gb18030);
        CHECK(d.text == c.utf8);
        CHECK_FALSE(d.lossy);
    }
}

TEST_CASE("GB18030 four-byte codes outside the mapped ranges are replaced as a whole") {
    // 84 31 A5 30 is just past U+FFFF; E3 32 9A 36 just past U+10FFFF;
    // FE 39 FE 39 is the last four-byte code.
    for (const char* bad : {"84 31 A5 30", "E3 32 9A 36", "FE 39 FE 39", "8F 39 FE 39"}) {
        CAPTURE(bad);
        const std::string in = B("D5 FE B8 AE") + B(bad) + B("D5 FE");
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Gb18030);
        CHECK(d.lossy);
        CHECK(d.first_bad_byte == 4);
        CHECK(d.text == "政府" + kFffd + "政");
    }
}

TEST_CASE("GB18030 bad second bytes replace the lead and keep the next byte") {
    // D5 followed by '\n': the lead is replaced, the newline is kept.
    const Decoded d = decode_bytes(B("D5 FE B8 AE D5 0A B8 AE FF"));
    CHECK(d.encoding == Encoding::Gb18030);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 4);
    CHECK(d.text == "政府" + kFffd + "\n府" + kFffd);
    // Four-byte code with a bad third / fourth byte: only the lead is replaced.
    const Decoded e = decode_bytes(B("D5 FE B8 AE 81 30 20 30 D5 FE 81 30 81 41"));
    CHECK(e.encoding == Encoding::Gb18030);
    CHECK(e.first_bad_byte == 4);
    CHECK(e.text == "政府" + kFffd + "0 0政" + kFffd + "0" + "\xE4\xB8\x84");  // 81 41 = U+4E04
}

TEST_CASE("UTF-8 with BOM is stripped and reported") {
    const std::string in = "\xEF\xBB\xBF" + std::string(kUtf8Report);
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Utf8Bom);
    CHECK(d.text == kUtf8Report);
    CHECK_FALSE(d.lossy);

    const Decoded only = decode_bytes("\xEF\xBB\xBF");
    CHECK(only.encoding == Encoding::Utf8Bom);
    CHECK(only.text.empty());
    CHECK_FALSE(only.lossy);

    // A BOM settles the encoding: bad bytes after it are replaced, offsets
    // count the BOM.
    const Decoded bad = decode_bytes("\xEF\xBB\xBF" "ab\xFF" "c");
    CHECK(bad.encoding == Encoding::Utf8Bom);
    CHECK(bad.text == "ab" + kFffd + "c");
    CHECK(bad.lossy);
    CHECK(bad.first_bad_byte == 5);
}

TEST_CASE("UTF-16LE with BOM decodes, surrogate pairs included") {
    // FF FE + "年报𠀀\n" in UTF-16LE.
    const Decoded d = decode_bytes(B("FF FE 74 5E A5 62 40 D8 00 DC 0A 00"));
    CHECK(d.encoding == Encoding::Utf16Le);
    CHECK(d.text == "年报𠀀\n");
    CHECK_FALSE(d.lossy);
    CHECK_FALSE(d.binary);  // the zero bytes of UTF-16 are not NULs
}

TEST_CASE("UTF-16BE with BOM decodes, surrogate pairs included") {
    const Decoded d = decode_bytes(B("FE FF 5E 74 62 A5 D8 40 DC 00 00 0A"));
    CHECK(d.encoding == Encoding::Utf16Be);
    CHECK(d.text == "年报𠀀\n");
    CHECK_FALSE(d.lossy);
    CHECK_FALSE(d.binary);

    const Decoded only = decode_bytes(B("FE FF"));
    CHECK(only.encoding == Encoding::Utf16Be);
    CHECK(only.text.empty());
    CHECK_FALSE(only.lossy);
}

TEST_CASE("UTF-16 lone surrogates and an odd last byte become U+FFFD") {
    // LE: '年', lone high surrogate followed by 'a', lone low surrogate, '报'.
    const Decoded d = decode_bytes(B("FF FE 74 5E 40 D8 61 00 00 DC A5 62"));
    CHECK(d.encoding == Encoding::Utf16Le);
    CHECK(d.text == "年" + kFffd + "a" + kFffd + "报");
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 4);

    // BE: high surrogate at the very end.
    const Decoded e = decode_bytes(B("FE FF 5E 74 D8 40"));
    CHECK(e.text == "年" + kFffd);
    CHECK(e.first_bad_byte == 4);

    // Odd number of bytes.
    const Decoded f = decode_bytes(B("FF FE 74 5E 61"));
    CHECK(f.text == "年" + kFffd);
    CHECK(f.lossy);
    CHECK(f.first_bad_byte == 4);
}

// UTF-16 code units of a BMP text given as UTF-8 (the tests' own encoder).
std::string utf16_of(std::string_view utf8, bool big_endian) {
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp;
        if (c < 0x80) cp = c, i += 1;
        else if (c < 0xE0) cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F), i += 2;
        else cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F), i += 3;
        const char hi = static_cast<char>(cp >> 8), lo = static_cast<char>(cp & 0xFF);
        out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
}

const char kReportLines[] = "政府信息公开工作年度报告（2023年）\n一、总体情况\n规章\t0\t12\n";

TEST_CASE("UTF-16 without BOM is found by its NUL bytes, either byte order") {
    for (const bool be : {false, true}) {
        const Decoded d = decode_bytes(utf16_of(kReportLines, be));
        CHECK(d.encoding == (be ? Encoding::Utf16Be : Encoding::Utf16Le));
        CHECK(d.text == kReportLines);
        CHECK_FALSE(d.lossy);
        CHECK_FALSE(d.binary);
    }
    // Cut in the middle of its last character: the odd byte is replaced.
    const std::string cut = utf16_of(kReportLines, false) + "\x5E";
    const Decoded c = decode_bytes(cut);
    CHECK(c.encoding == Encoding::Utf16Le);
    CHECK(c.text == std::string(kReportLines) + kFffd);
    CHECK(c.lossy);
    CHECK(c.first_bad_byte == cut.size() - 1);
}

TEST_CASE("NUL bytes on one side are not UTF-16 when too few, faulty or binary") {
    // Too few: one NUL in seven bytes.
    CHECK(decode_bytes(std::string("abc\0def", 7)).encoding == Encoding::Utf8);
    // A lone low surrogate (61 DC) among them.
    const std::string faulty = B("61 00 62 00 63 00 64 00 61 DC 65 00 66 00 67 00");
    CHECK(decode_bytes(faulty).encoding != Encoding::Utf16Le);
    // Control characters: a binary file with NULs on one side only.
    const std::string controls = B("01 00 02 00 03 00 04 00 05 00 06 00 07 00 08 00");
    const Decoded b = decode_bytes(controls);
    CHECK(b.encoding == Encoding::Utf8);
    CHECK(b.binary);
}

TEST_CASE("controls over a tenth of the characters make a text binary, wherever they stand") {
    // Tabs, line ends, CR and form feeds are a report's own; other C0 controls are not.
    const std::string report = "一、总体情况\r\n\t本机关\f公开 12 条\n";
    CHECK_FALSE(decode_bytes(report).binary);
    // Characters count, not bytes: 5 controls among 41 characters (113 bytes) are
    // more than a tenth of them; among 56 characters, less.
    std::string cjk;
    for (int i = 0; i < 35; ++i) cjk += "政";
    CHECK(decode_bytes(cjk + "\x01\x02\x03\x04\x05" + "政").binary);
    CHECK_FALSE(decode_bytes(cjk + "政政政政政政政政政政政政政政政政" + "\x01\x02\x03\x04\x05").binary);
    // In the last bytes of a text (after its last whole word of eight) and in its first.
    CHECK(decode_bytes("ab\x01\x02").binary);
    CHECK(decode_bytes("\x1B\x1B" "abcdefghijklmnopq").binary);
}

TEST_CASE("invalid UTF-8 that is not GB18030 either is lossy with the exact first bad byte") {
    // 0xFF is invalid in both.
    const Decoded d = decode_bytes("abc\xFF\xFF" "def");
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 3);
    CHECK(d.text == "abc" + kFffd + kFffd + "def");
    CHECK_FALSE(d.binary);
    check_invariants("abc\xFF\xFF" "def", d);
}

TEST_CASE("mostly UTF-8 with a stray byte stays UTF-8") {
    // 12 Chinese characters, a stray Latin-1 byte, a full stop.
    const std::string in = std::string("政府信息公开工作年度报告") + "\xB7" + "。\n";
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 36);
    CHECK(d.text == "政府信息公开工作年度报告" + kFffd + "。\n");
}

TEST_CASE("UTF-8 with a byte inserted inside a character stays UTF-8") {
    // 0xFF inside 信 (E4 BF A1): E4, FF, BF and A1 are four bad sequences in a
    // row, in an otherwise valid UTF-8 text.
    const std::string in = std::string("政府") + "\xE4\xFF\xBF\xA1" + "息公开工作年度报告";
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 6);
    CHECK(d.text == "政府" + kFffd + kFffd + kFffd + kFffd + "息公开工作年度报告");
}

TEST_CASE("mostly GB18030 with a stray byte stays GB18030") {
    const std::string in = gb_report() + "\xFF" + gb_report();
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Gb18030);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == sizeof(kGbReport) - 1);
    CHECK(d.text == std::string(kUtf8Report) + kFffd + kUtf8Report);
}

TEST_CASE("truncated sequences at the end are replaced") {
    SUBCASE("UTF-8 cut inside a three-byte character") {
        // "政府" + the first two bytes of "信": also valid GB18030 byte for
        // byte, but the text is UTF-8 cut short.
        const std::string in = std::string("政府") + "\xE4\xBF";
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Utf8);
        CHECK(d.text == "政府" + kFffd);
        CHECK(d.lossy);
        CHECK(d.first_bad_byte == 6);
        uint64_t bad = 99;
        CHECK_FALSE(is_valid_utf8(in, &bad));
        CHECK(bad == 6);
    }
    SUBCASE("UTF-8 cut inside a four-byte character") {
        const std::string in = std::string("年报") + "\xF0\xA0\x80";
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Utf8);
        CHECK(d.text == "年报" + kFffd);
        CHECK(d.first_bad_byte == 6);
    }
    SUBCASE("GB18030 cut after a two-byte lead") {
        const Decoded d = decode_bytes(B("D5 FE B8 AE D5"));
        CHECK(d.encoding == Encoding::Gb18030);
        CHECK(d.text == "政府" + kFffd);
        CHECK(d.lossy);
        CHECK(d.first_bad_byte == 4);
    }
    SUBCASE("GB18030 cut inside a four-byte code") {
        for (const char* tail : {"81 30", "81 30 84", "95 32 82"}) {
            CAPTURE(tail);
            const Decoded d = decode_bytes(B("D5 FE B8 AE") + B(tail));
            CHECK(d.encoding == Encoding::Gb18030);
            CHECK(d.text == "政府" + kFffd);  // one U+FFFD for the cut code
            CHECK(d.lossy);
            CHECK(d.first_bad_byte == 4);
        }
    }
    SUBCASE("UTF-16 cut inside a surrogate pair") {
        const Decoded d = decode_bytes(B("FF FE 74 5E 40 D8 00"));
        CHECK(d.text == "年" + kFffd + kFffd);
        CHECK(d.first_bad_byte == 4);
    }
}

TEST_CASE("overlong UTF-8 is rejected") {
    uint64_t bad = 99;
    CHECK_FALSE(is_valid_utf8("a\xC0\xAF", &bad));
    CHECK(bad == 1);
    CHECK(sanitize_utf8("a\xC0\xAF" "b") == "a" + kFffd + kFffd + "b");
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));     // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x9F\xBF"));     // overlong U+07FF
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // overlong U+FFFF
    CHECK(is_valid_utf8("\xC2\x80\xE0\xA0\x80\xF0\x90\x80\x80"));  // smallest non-overlongs
    // In a UTF-8 text the overlong is replaced...
    const std::string in = std::string("政府信息公开") + "\xC0\xAF" + "工作";
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 18);
    CHECK(d.text == "政府信息公开" + kFffd + kFffd + "工作");
    // ...but on their own, C0 AF are valid GB18030 (U+8721).
    const Decoded g = decode_bytes("abc\xC0\xAF");
    CHECK(g.encoding == Encoding::Gb18030);
    CHECK(g.text == "abc蜡");
    CHECK_FALSE(g.lossy);
}

TEST_CASE("surrogates encoded in UTF-8 are rejected") {
    uint64_t bad = 99;
    CHECK_FALSE(is_valid_utf8("ab\xED\xA0\x80", &bad));
    CHECK(bad == 2);
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));
    CHECK(is_valid_utf8("\xED\x9F\xBF"));  // U+D7FF is fine
    // Maximal subparts, as TextDecoder: ED alone, then A0 and 80 each.
    CHECK(sanitize_utf8("\xED\xA0\x80") == kFffd + kFffd + kFffd);
    const std::string in = std::string("政府信息公开工作年度报告") + "\xED\xA0\x80";
    const Decoded d = decode_bytes(in);
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.lossy);
    CHECK(d.first_bad_byte == 36);
    CHECK(d.text == "政府信息公开工作年度报告" + kFffd + kFffd + kFffd);
    check_invariants(in, d);
}

TEST_CASE("UTF-8 above U+10FFFF and stray bytes are rejected") {
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK_FALSE(is_valid_utf8("\xFE\xFF"));
    // A valid prefix is one U+FFFD; the byte that broke it is looked at again.
    CHECK(sanitize_utf8("\xE6\x94" "a") == kFffd + "a");
    CHECK(sanitize_utf8("\xF0\xA0\x80" "\xE6\x94\xBF") == kFffd + "政");
    CHECK(sanitize_utf8("政府") == "政府");
}

TEST_CASE("is_valid_utf8 reports the first bad byte past long ASCII runs") {
    std::string s(1000, 'a');
    s += "政";
    s += std::string(37, 'b');
    s += "\x80";
    uint64_t bad = 0;
    CHECK_FALSE(is_valid_utf8(s, &bad));
    CHECK(bad == 1000 + 3 + 37);
    s.pop_back();
    CHECK(is_valid_utf8(s));
}

TEST_CASE("NUL-containing input is flagged binary") {
    const std::string nul("abc\0def", 7);
    const Decoded d = decode_bytes(nul);
    CHECK(d.binary);
    CHECK(d.encoding == Encoding::Utf8);  // still valid UTF-8
    CHECK(d.text == nul);

    // A PNG header: NULs and bytes that are neither UTF-8 nor sensible text.
    const std::string png = B("89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52 00 00 01 00 FF FF");
    const Decoded p = decode_bytes(png);
    CHECK(p.binary);
    check_invariants(png, p);

    // Undecodable and binary: the encoding is reported unknown.
    const std::string junk = B("FF FF 00 00 01 02 FF");
    const Decoded j = decode_bytes(junk);
    CHECK(j.binary);
    CHECK(j.lossy);
    CHECK(j.encoding == Encoding::Unknown);
    CHECK(j.first_bad_byte == 0);
    check_invariants(junk, j);
}

TEST_CASE("control characters decide binary above ten percent") {
    CHECK_FALSE(decode_bytes("line one\tx\r\nline two\f\n").binary);
    CHECK(decode_bytes("\x01\x02\x03\x04 abcdef").binary);       // 4 of 11
    CHECK_FALSE(decode_bytes("\x1B" "abcdefghijk").binary);       // 1 of 12
    CHECK(decode_bytes("\x1B" "abcdefgh").binary);                // 1 of 9
    // Counted in characters, not bytes: 1 control among 10 Chinese characters.
    CHECK_FALSE(decode_bytes("\x07政府信息公开工作年度报").binary);
    // UTF-16: a U+0000 character is a NUL, the zero bytes of ASCII are not.
    CHECK_FALSE(decode_bytes(B("FF FE 61 00 62 00")).binary);
    CHECK(decode_bytes(B("FF FE 61 00 00 00")).binary);
}

TEST_CASE("a 1 MB input decodes in linear time") {
    SUBCASE("GB18030") {
        const std::string unit = gb_report();
        std::string in;
        while (in.size() < (1u << 20)) in += unit;
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Gb18030);
        CHECK_FALSE(d.lossy);
        std::string expected;
        for (size_t i = 0; i < in.size() / unit.size(); ++i) expected += kUtf8Report;
        CHECK(d.text == expected);
    }
    SUBCASE("UTF-8 with one bad byte at the end") {
        std::string in;
        while (in.size() < (1u << 20)) in += kUtf8Report;
        const size_t n = in.size();
        in += "\xFF";
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Utf8);
        CHECK(d.first_bad_byte == n);
        CHECK(d.text.size() == n + 3);
    }
    SUBCASE("UTF-16LE") {
        std::string in = B("FF FE");
        while (in.size() < (1u << 20)) in += B("74 5E A5 62 40 D8 00 DC 0A 00");
        const Decoded d = decode_bytes(in);
        CHECK(d.encoding == Encoding::Utf16Le);
        CHECK_FALSE(d.lossy);
    }
    SUBCASE("pathological repeats") {
        for (const char* unit : {"81", "81 30", "E6", "ED A0", "F0 90 80", "FF", "00", "95 32 82"}) {
            CAPTURE(unit);
            const std::string u = B(unit);
            std::string in;
            while (in.size() < (1u << 20)) in += u;
            const Decoded d = decode_bytes(in);
            check_invariants(in, d);
        }
    }
    SUBCASE("random bytes") {
        Lcg rng(12345);
        std::string in(1u << 20, '\0');
        for (char& c : in) c = static_cast<char>(rng.next() & 0xFF);
        const Decoded d = decode_bytes(in);
        CHECK(d.lossy);
        CHECK(d.binary);
        check_invariants(in, d);
    }
}

TEST_CASE("any input decodes to valid UTF-8 without crashing") {
    // Short inputs drawn from bytes that matter to the decoders.
    const unsigned char alphabet[] = {0x00, 0x01, 0x0A, 0x30, 0x39, 0x41, 0x7F, 0x80, 0x81, 0x8F,
                                      0x90, 0x9F, 0xA0, 0xA1, 0xBF, 0xC0, 0xC2, 0xD5, 0xE0, 0xE3,
                                      0xE6, 0xED, 0xEF, 0xBB, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF, 0x32};
    Lcg rng(2024);
    for (int iter = 0; iter < 20000; ++iter) {
        std::string in(rng.next() % 24, '\0');
        for (char& c : in) c = static_cast<char>(alphabet[rng.next() % sizeof(alphabet)]);
        if (iter % 7 == 0) in.insert(0, "\xFF\xFE");
        if (iter % 11 == 0) in.insert(0, "\xEF\xBB\xBF");
        const Decoded d = decode_bytes(in);
        check_invariants(in, d);
        const std::string s = sanitize_utf8(in);
        CHECK(is_valid_utf8(s));
        if (is_valid_utf8(in)) CHECK(s == in);
    }
}
