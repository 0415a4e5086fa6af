#include "pdf/encodings.h"

namespace cli::pdf {

namespace {

// WinAnsiEncoding's 0x80-0x9F (Windows-1252); its unused codes show a bullet (Annex D, note 5).
constexpr uint16_t kWinAnsi80[32] = {
    0x20AC, 0x2022, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x2022, 0x017D, 0x2022, 0x2022, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x2022, 0x017E, 0x0178,
};

// MacRomanEncoding's 0x80-0xFF.
constexpr uint16_t kMacRoman80[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5,
    0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4,
    0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6,
    0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8, 0x221E, 0x00B1, 0x2264, 0x2265,
    0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF,
    0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5,
    0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044,
    0x00A4, 0x2039, 0x203A, 0xFB01, 0xFB02, 0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
    0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4, 0x0000, 0x00D2, 0x00DA, 0x00DB, 0x00D9,
    0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

// StandardEncoding's codes above 0x7E (the rest is ASCII but for ' and `).
struct CodeUnicode {
    unsigned char code;
    uint16_t unicode;
};
constexpr CodeUnicode kStandardHigh[] = {
    {0xA1, 0x00A1}, {0xA2, 0x00A2}, {0xA3, 0x00A3}, {0xA4, 0x2044}, {0xA5, 0x00A5}, {0xA6, 0x0192}, {0xA7, 0x00A7},
    {0xA8, 0x00A4}, {0xA9, 0x0027}, {0xAA, 0x201C}, {0xAB, 0x00AB}, {0xAC, 0x2039}, {0xAD, 0x203A}, {0xAE, 0xFB01},
    {0xAF, 0xFB02}, {0xB1, 0x2013}, {0xB2, 0x2020}, {0xB3, 0x2021}, {0xB4, 0x00B7}, {0xB6, 0x00B6}, {0xB7, 0x2022},
    {0xB8, 0x201A}, {0xB9, 0x201E}, {0xBA, 0x201D}, {0xBB, 0x00BB}, {0xBC, 0x2026}, {0xBD, 0x2030}, {0xBF, 0x00BF},
    {0xC1, 0x0060}, {0xC2, 0x00B4}, {0xC3, 0x02C6}, {0xC4, 0x02DC}, {0xC5, 0x00AF}, {0xC6, 0x02D8}, {0xC7, 0x02D9},
    {0xC8, 0x00A8}, {0xCA, 0x02DA}, {0xCB, 0x00B8}, {0xCD, 0x02DD}, {0xCE, 0x02DB}, {0xCF, 0x02C7}, {0xD0, 0x2014},
    {0xE1, 0x00C6}, {0xE3, 0x00AA}, {0xE8, 0x0141}, {0xE9, 0x00D8}, {0xEA, 0x0152}, {0xEB, 0x00BA}, {0xF1, 0x00E6},
    {0xF5, 0x0131}, {0xF8, 0x0142}, {0xF9, 0x00F8}, {0xFA, 0x0153}, {0xFB, 0x00DF},
};

// Glyph names of ASCII 0x20-0x7E, in code order (letters are their own names).
constexpr std::string_view kAsciiNames[] = {
    "space",      "exclam",    "quotedbl",     "numbersign", "dollar",      "percent", "ampersand",  "quotesingle",
    "parenleft",  "parenright", "asterisk",    "plus",       "comma",       "hyphen",  "period",     "slash",
    "zero",       "one",       "two",          "three",      "four",        "five",    "six",        "seven",
    "eight",      "nine",      "colon",        "semicolon",  "less",        "equal",   "greater",    "question",
    "at",         "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "bracketleft", "backslash",  "bracketright", "asciicircum", "underscore",
    "grave",      "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "",           "",            "",        "",           "",
    "",           "",          "",             "braceleft",  "bar",         "braceright", "asciitilde",
};

// Glyph names of Latin-1 0xA1-0xFF, in code order.
constexpr std::string_view kLatin1Names[] = {
    "exclamdown", "cent",        "sterling",     "currency",    "yen",         "brokenbar",  "section",
    "dieresis",   "copyright",   "ordfeminine",  "guillemotleft", "logicalnot", "hyphen",    "registered",
    "macron",     "degree",      "plusminus",    "twosuperior", "threesuperior", "acute",    "mu",
    "paragraph",  "periodcentered", "cedilla",   "onesuperior", "ordmasculine", "guillemotright", "onequarter",
    "onehalf",    "threequarters", "questiondown", "Agrave",    "Aacute",      "Acircumflex", "Atilde",
    "Adieresis",  "Aring",       "AE",           "Ccedilla",    "Egrave",      "Eacute",     "Ecircumflex",
    "Edieresis",  "Igrave",      "Iacute",       "Icircumflex", "Idieresis",   "Eth",        "Ntilde",
    "Ograve",     "Oacute",      "Ocircumflex",  "Otilde",      "Odieresis",   "multiply",   "Oslash",
    "Ugrave",     "Uacute",      "Ucircumflex",  "Udieresis",   "Yacute",      "Thorn",      "germandbls",
    "agrave",     "aacute",      "acircumflex",  "atilde",      "adieresis",   "aring",      "ae",
    "ccedilla",   "egrave",      "eacute",       "ecircumflex", "edieresis",   "igrave",     "iacute",
    "icircumflex", "idieresis",  "eth",          "ntilde",      "ograve",      "oacute",     "ocircumflex",
    "otilde",     "odieresis",   "divide",       "oslash",      "ugrave",      "uacute",     "ucircumflex",
    "udieresis",  "yacute",      "thorn",        "ydieresis",
};

struct NameUnicode {
    std::string_view name;
    uint16_t unicode;
};
// The other names of the three encodings.
constexpr NameUnicode kOtherNames[] = {
    {"Euro", 0x20AC},          {"quotesinglbase", 0x201A}, {"florin", 0x0192},     {"quotedblbase", 0x201E},
    {"ellipsis", 0x2026},      {"dagger", 0x2020},         {"daggerdbl", 0x2021},  {"circumflex", 0x02C6},
    {"perthousand", 0x2030},   {"Scaron", 0x0160},         {"guilsinglleft", 0x2039}, {"OE", 0x0152},
    {"Zcaron", 0x017D},        {"quoteleft", 0x2018},      {"quoteright", 0x2019}, {"quotedblleft", 0x201C},
    {"quotedblright", 0x201D}, {"bullet", 0x2022},         {"endash", 0x2013},     {"emdash", 0x2014},
    {"tilde", 0x02DC},         {"trademark", 0x2122},      {"scaron", 0x0161},     {"guilsinglright", 0x203A},
    {"oe", 0x0153},            {"zcaron", 0x017E},         {"Ydieresis", 0x0178},  {"fraction", 0x2044},
    {"fi", 0xFB01},            {"fl", 0xFB02},             {"dotlessi", 0x0131},   {"Lslash", 0x0141},
    {"lslash", 0x0142},        {"breve", 0x02D8},          {"dotaccent", 0x02D9},  {"ring", 0x02DA},
    {"hungarumlaut", 0x02DD},  {"ogonek", 0x02DB},         {"caron", 0x02C7},      {"minus", 0x2212},
    {"nbspace", 0x00A0},       {"sfthyphen", 0x00AD},      {"notequal", 0x2260},   {"infinity", 0x221E},
    {"lessequal", 0x2264},     {"greaterequal", 0x2265},   {"partialdiff", 0x2202}, {"summation", 0x2211},
    {"product", 0x220F},       {"pi", 0x03C0},             {"integral", 0x222B},   {"Omega", 0x2126},
    {"radical", 0x221A},       {"approxequal", 0x2248},    {"Delta", 0x2206},      {"lozenge", 0x25CA},
};

bool hex_digits(std::string_view s, uint32_t& value) {
    value = 0;
    for (char c : s) {
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return false;
        value = value << 4 | static_cast<uint32_t>(v);
    }
    return !s.empty();
}

}  // namespace

uint32_t encoding_unicode(BaseEncoding encoding, unsigned char code) {
    if (code < 0x20) return 0;
    if (code <= 0x7E) {
        if (encoding == BaseEncoding::Standard && code == 0x27) return 0x2019;
        if (encoding == BaseEncoding::Standard && code == 0x60) return 0x2018;
        return code;
    }
    switch (encoding) {
        case BaseEncoding::WinAnsi:
            if (code == 0x7F) return 0x2022;
            if (code < 0xA0) return kWinAnsi80[code - 0x80];
            return code;  // Latin-1 (0xA0 is a space, 0xAD a hyphen)
        case BaseEncoding::MacRoman:
            return code == 0x7F ? 0 : kMacRoman80[code - 0x80];
        case BaseEncoding::Standard:
            for (const auto& e : kStandardHigh)
                if (e.code == code) return e.unicode;
            return 0;
    }
    return 0;
}

uint32_t glyph_unicode(std::string_view name) {
    if (name.size() == 1 && ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
        return static_cast<unsigned char>(name[0]);
    uint32_t v = 0;
    if (name.size() == 7 && name.substr(0, 3) == "uni" && hex_digits(name.substr(3), v)) return v;
    if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u' && hex_digits(name.substr(1), v)) return v;
    for (size_t k = 0; k < sizeof kAsciiNames / sizeof kAsciiNames[0]; ++k)
        if (!kAsciiNames[k].empty() && kAsciiNames[k] == name) return static_cast<uint32_t>(0x20 + k);
    for (size_t k = 0; k < sizeof kLatin1Names / sizeof kLatin1Names[0]; ++k)
        if (kLatin1Names[k] == name) return static_cast<uint32_t>(0xA1 + k);
    for (const auto& e : kOtherNames)
        if (e.name == name) return e.unicode;
    return 0;
}

}  // namespace cli::pdf
