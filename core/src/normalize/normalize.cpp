#include "normalize/normalize.h"

namespace nianbao {

char32_t decode_at(std::string_view s, size_t i, int* len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = utf8_length(c);
    if (i + n > s.size()) n = 1;
    char32_t cp = c;
    if (n == 2) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    if (n == 3) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (n == 4) cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    *len = n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Span NormalizedText::to_source(size_t begin, size_t end) const {
    if (end > text.size()) end = text.size();
    if (begin >= end) {
        uint32_t at = origin[begin < origin.size() ? begin : origin.size() - 1];
        return {at, at};
    }
    uint32_t b = origin[begin];
    uint32_t last = origin[end - 1];
    uint32_t e = last + static_cast<uint32_t>(utf8_length(static_cast<unsigned char>(source[last])));
    if (source[last] == '\r' && last + 1 < source.size() && source[last + 1] == '\n') e = last + 2;
    return {b, e};
}

namespace {

// Maps one code point to its canonical form; returns 0 to drop it.
char32_t canonical(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII
    switch (cp) {
        case 0x3000: case 0x00A0: case 0x202F: case 0x205F: case 0x1680:
            return U' ';
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
            return 0;
        default:
            break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return U' ';
    return cp;
}

// Per-line Markdown clean-up on the already canonical line.
struct LineEdit {
    size_t skip_prefix = 0;   // bytes of '#'/'>' markers to drop
    bool pipe_row = false;    // '|' separates cells
    bool rule_line = false;   // a pipe-table '---' line: drop its content
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

LineEdit inspect_line(std::string_view line) {
    LineEdit e;
    size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] == '>') {
        ++j;
        while (j < line.size() && line[j] == ' ') ++j;
    }
    size_t h = j;
    while (h < line.size() && line[h] == '#') ++h;
    if (h > j && h - j <= 6 && (h == line.size() || is_space(line[h]))) {
        while (h < line.size() && is_space(line[h])) ++h;
        j = h;
    }
    e.skip_prefix = j;
    int pipes = 0;
    bool only_rule_chars = true;
    for (size_t k = j; k < line.size(); ++k) {
        char c = line[k];
        if (c == '|') ++pipes;
        else if (c != '-' && c != ':' && c != ' ' && c != '\t') only_rule_chars = false;
    }
    e.pipe_row = pipes >= 2;
    e.rule_line = e.pipe_row && only_rule_chars;
    return e;
}

}  // namespace

NormalizedText normalize(std::string_view source) {
    NormalizedText out;
    out.source = source;
    out.text.reserve(source.size());
    out.origin.reserve(source.size() + 1);

    // Pass 1: code points -> canonical code points, line ends unified.
    std::string canon;
    std::vector<uint32_t> canon_origin;
    canon.reserve(source.size());
    canon_origin.reserve(source.size() + 1);
    for (size_t i = 0; i < source.size();) {
        int len = 1;
        char32_t cp = decode_at(source, i, &len);
        const auto at = static_cast<uint32_t>(i);
        const char32_t mapped = cp == U'\r' ? U'\n' : canonical(cp);
        if (mapped == cp) {  // most characters: copy the bytes as they are
            canon.append(source.data() + i, static_cast<size_t>(len));
            canon_origin.insert(canon_origin.end(), static_cast<size_t>(len), at);
            i += len;
            continue;
        }
        i += len;
        if (cp == U'\r' && i < source.size() && source[i] == '\n') ++i;
        if (mapped == 0) continue;
        const size_t before = canon.size();
        append_utf8(canon, mapped);
        canon_origin.insert(canon_origin.end(), canon.size() - before, at);
    }

    // Pass 2: Markdown markers, line by line.
    size_t pos = 0;
    while (pos <= canon.size()) {
        size_t nl = canon.find('\n', pos);
        size_t end = nl == std::string::npos ? canon.size() : nl;
        std::string_view line(canon.data() + pos, end - pos);
        LineEdit e = inspect_line(line);
        if (!e.rule_line) {
            size_t k = e.skip_prefix;
            // A pipe row's leading and trailing '|' frame the row; inner ones
            // separate cells.
            size_t last = line.size();
            if (e.pipe_row) {
                while (k < line.size() && (line[k] == ' ' || line[k] == '|')) {
                    bool was_pipe = line[k] == '|';
                    ++k;
                    if (was_pipe) break;
                }
                while (last > k && (line[last - 1] == ' ' || line[last - 1] == '\t')) --last;
                if (last > k && line[last - 1] == '|') --last;
            }
            for (; k < last; ++k) {
                char c = line[k];
                if ((c == '*' || c == '_') && k + 1 < last && line[k + 1] == c) {
                    ++k;  // emphasis marker
                    continue;
                }
                out.text += (e.pipe_row && c == '|') ? '\t' : c;
                out.origin.push_back(canon_origin[pos + k]);
            }
        }
        if (nl == std::string::npos) break;
        out.text += '\n';
        out.origin.push_back(canon_origin[nl]);
        pos = nl + 1;
    }
    out.origin.push_back(static_cast<uint32_t>(source.size()));
    return out;
}

}  // namespace nianbao
