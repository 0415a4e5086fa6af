#include "decode/entities.h"

#include <cstdint>

#include "normalize/normalize.h"

namespace nianbao {

namespace {

struct NamedEntity {
    const char* name;
    char32_t cp;
};

// The entities Word, WPS and browsers actually write into report pages.
const NamedEntity kEntities[] = {
    {"nbsp", 0xA0}, {"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},    {"apos", '\''},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"hellip", 0x2026}, {"middot", 0xB7}, {"emsp", 0x2003}, {"ensp", 0x2002},
    {"thinsp", 0x2009}, {"times", 0xD7}, {"divide", 0xF7}, {"yen", 0xA5}, {"copy", 0xA9}, {"reg", 0xAE},
    {"deg", 0xB0}, {"plusmn", 0xB1}, {"permil", 0x2030}, {"bull", 0x2022}, {"shy", 0xAD}, {"zwsp", 0x200B},
};

}  // namespace

size_t decode_entity(std::string_view s, size_t at, std::string& out) {
    // Look for ';' only as far as the longest entity: searching the rest of
    // the text made a page of '&' without ';' quadratic (1 MB: 20 s).
    const size_t semi_in = s.substr(at, 14).find(';');
    if (semi_in == std::string_view::npos || semi_in > 12) return 0;
    const size_t semi = at + semi_in;
    std::string_view body = s.substr(at + 1, semi - at - 1);
    if (body.empty()) return 0;
    char32_t cp = 0;
    if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        size_t i = hex ? 2 : 1;
        if (i >= body.size()) return 0;
        uint32_t v = 0;
        for (; i < body.size(); ++i) {
            char c = body[i];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return 0;
            v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
            if (v > 0x10FFFF) return 0;
        }
        cp = (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : v;
    } else {
        for (const auto& e : kEntities)
            if (body == e.name) cp = e.cp;
        if (!cp) return 0;
    }
    append_utf8(out, cp);
    return semi - at + 1;
}

void append_xml_text(std::string& out, std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const size_t n = text[i] == '&' ? decode_entity(text, i, out) : 0;
        if (n) {
            i += n;
            continue;
        }
        const size_t next = text.find('&', i + 1);
        const size_t end = next == std::string_view::npos ? text.size() : next;
        out.append(text.substr(i, end - i));
        i = end;
    }
}

}  // namespace nianbao
