// A PDF font as text extraction needs it: how a shown string's bytes split
// into codes, each code's Unicode and advance. Simple fonts (Type1, TrueType,
// Type3): one byte a code, Unicode from /ToUnicode, else /Differences' glyph
// names, else the base encoding; widths from /Widths and /FirstChar. Type0
// (CID) fonts: codes by the /Encoding CMap (Identity-H/V: two bytes, CID =
// code; the Unicode and GB CMaps; an embedded CMap's codespace and CIDs),
// Unicode from /ToUnicode, widths from the descendant's /W and /DW (/W2 and
// /DW2 when vertical). A code with no Unicode is U+FFFD: never made-up text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pdf/cmap.h"
#include "pdf/encodings.h"

class QPDFObjectHandle;

namespace cli::pdf {

struct Glyph {
    std::string unicode;      // UTF-8; U+FFFD when the font does not say
    double width = 0;         // horizontal advance, glyph space (1/1000 em but in Type3)
    double vertical_advance = -1000;  // w1y, vertical fonts
    bool word_space = false;  // the single-byte code 32, to which Tw applies
};

// What a document's fonts may take in all: CMap bytes decoded, codes mapped
// (ToUnicode, CIDs, widths). A font past it reads as far as it got.
struct FontBudget {
    size_t stream_bytes = 0;
    size_t entries = 0;
};

class Font {
public:
    // Reads a font dictionary; what it cannot read falls back (no widths:
    // 1000 for CID fonts as /DW's default, 500 for simple ones).
    static std::unique_ptr<Font> load(QPDFObjectHandle dict, FontBudget& budget);
    ~Font();

    const std::string& name() const { return name_; }  // /BaseFont
    bool vertical() const { return vertical_; }
    double matrix0() const { return matrix0_; }          // FontMatrix[0]

    // The glyphs of a shown string, in order, at most `max` of them (out is
    // cleared first); returns the bytes they took.
    size_t glyphs(std::string_view bytes, std::vector<Glyph>& out, size_t max);

private:
    enum class Codes { Simple, Identity, Ucs2, Utf16, Gb, Embedded, TwoByte };
    Font() = default;
    int code_length(std::string_view s) const;
    uint32_t cid_of(uint32_t code, int bytes) const;
    std::string unicode_of(uint32_t code, int bytes, std::string_view raw);
    double width_of(uint32_t code, int bytes) const;

    std::string name_;
    bool vertical_ = false;
    double matrix0_ = 0.001;
    Codes codes_ = Codes::Simple;
    CMap to_unicode_;
    CMap encoding_cmap_;  // Codes::Embedded
    // Simple fonts.
    BaseEncoding base_ = BaseEncoding::Standard;
    std::unordered_map<int, uint32_t> differences_;  // code -> code point (0: a name with none)
    int first_char_ = 0;
    std::vector<double> widths_;
    double missing_width_ = 500;
    // CID fonts.
    std::unordered_map<uint32_t, double> cid_widths_;
    double default_width_ = 1000;
    std::unordered_map<uint32_t, double> cid_vertical_;
    double default_vertical_ = -1000;
    // GB codes decoded by iconv, once each.
    std::unordered_map<uint64_t, std::string> gb_cache_;
    void* gb_iconv_ = nullptr;
};

}  // namespace cli::pdf
