// The single-byte encodings of simple fonts (PDF 32000 Annex D) and the glyph
// names /Differences uses, as Unicode. Only what Latin text needs: a simple
// font in a Chinese report carries digits, punctuation and Latin letters
// (Chinese text is in Type0 fonts, read through their /ToUnicode).
#pragma once

#include <cstdint>
#include <string_view>

namespace cli::pdf {

enum class BaseEncoding { Standard, WinAnsi, MacRoman };

// The code point of a code in a base encoding, 0 where the encoding has none.
uint32_t encoding_unicode(BaseEncoding encoding, unsigned char code);

// The code point of a glyph name: the Adobe Glyph List's names of the three
// encodings above, "uniXXXX" and "uXXXX[XX]"; 0 for any other name (g12, cid7).
uint32_t glyph_unicode(std::string_view name);

}  // namespace cli::pdf
