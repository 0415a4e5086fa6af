#include "normalize/normalize.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "meta/scan_util.h"
#include "text/swar.h"

namespace nianbao {

// One UTF-8 decoder for the core (meta/scan_util.h); this is its older spelling.
char32_t decode_at(std::string_view s, size_t i, int* len) {
    const scan::Cp c = scan::decode_at(s, i);
    *len = c.len > 0 ? static_cast<int>(c.len) : 1;
    return c.cp;
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
    // A line break restored where the copy had none (relineate.h) stands
    // before the character it maps to: a span ending with it ends there.
    if (text[end - 1] == '\n' && source[last] != '\n' && source[last] != '\r') e = last;
    if (e < b) e = b;
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


// Markdown markers of the canonical line in out from `begin` removed, cells
// of a pipe row joined by tabs, each byte keeping its origin. In place: the
// edit only drops bytes or turns '|' into a tab, so what is written never
// passes what is still to read (a copy of the line would cost ten times a
// line of megabytes, with its origins).
void edit_line(NormalizedText& out, size_t begin) {
    char* const text = out.text.data() + begin;
    uint32_t* const origin = out.origin.data() + begin;
    const std::string_view line(text, out.text.size() - begin);
    const LineEdit e = inspect_line(line);
    size_t w = 0;  // bytes kept so far
    auto keep = [&](size_t from, size_t to) {  // line[from, to) kept as it is
        if (w != from) {
            std::memmove(text + w, text + from, to - from);
            std::memmove(origin + w, origin + from, (to - from) * sizeof(uint32_t));
        }
        w += to - from;
    };
    if (!e.rule_line) {
        size_t k = e.skip_prefix;
        // A pipe row's leading and trailing '|' frame the row; inner ones
        // separate cells.
        size_t last = line.size();
        if (e.pipe_row) {
            while (k < line.size() && (line[k] == ' ' || line[k] == '|')) {
                const bool was_pipe = line[k] == '|';
                ++k;
                if (was_pipe) break;
            }
            while (last > k && (line[last - 1] == ' ' || line[last - 1] == '\t')) --last;
            if (last > k && line[last - 1] == '|') --last;
        }
        const std::string_view special = e.pipe_row ? "*_|" : "*_";
        while (k < last) {
            // Runs without a marker are kept whole.
            const size_t run_end = std::min(last, line.find_first_of(special, k));
            keep(k, run_end);
            k = run_end;
            if (k >= last) break;
            const char c = line[k];
            if ((c == '*' || c == '_') && k + 1 < last && line[k + 1] == c) {
                k += 2;  // emphasis marker
                continue;
            }
            keep(k, k + 1);
            if (c == '|') text[w - 1] = '\t';
            ++k;
        }
    }
    out.text.resize(begin + w);
    out.origin.resize(begin + w);
}


// Lead bytes of the only non-ASCII characters canonical() changes: U+00A0,
// U+00AD (C2), U+1680 (E1), U+2000-U+2060 (E2), U+3000 (E3), U+FEFF and
// full-width ASCII (EF). Every other byte is copied as it is.
bool may_change(unsigned char b) { return b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF; }

// The bytes that may end a run copied as it is: line ends and those leads.
// A table, as every byte of the text is looked up.
constexpr std::array<bool, 256> kMayEndRun = [] {
    std::array<bool, 256> t{};
    for (unsigned b : {unsigned{'\n'}, unsigned{'\r'}, 0xC2u, 0xE1u, 0xE2u, 0xE3u, 0xEFu}) t[b] = true;
    return t;
}();

// Whether canonical() changes the character at i. Most characters with those
// lead bytes (、。《》 and full-width ，：（）) stay as they are.
bool changes_at(std::string_view s, size_t i) {
    int len = 1;
    const char32_t cp = decode_at(s, i, &len);
    return canonical(cp) != cp;
}

// Does the line (canonical, in out.text from `begin`) need Markdown edits?
bool needs_edit(const LineEdit& e, std::string_view line) {
    if (e.rule_line || e.pipe_row || e.skip_prefix > 0) return true;
    for (size_t k = 0; k + 1 < line.size(); ++k)
        if ((line[k] == '*' || line[k] == '_') && line[k + 1] == line[k]) return true;
    return false;
}

// Any '|', '*' or '_' in the line: asked of every line, a word at a time.
bool has_markdown_byte(std::string_view line) {
    size_t i = 0;
    for (; i + 8 <= line.size(); i += 8) {
        const uint64_t w = swar::load8(line.data() + i);
        if (swar::any_equal(w, '|') || swar::any_equal(w, '*') || swar::any_equal(w, '_')) return true;
    }
    for (; i < line.size(); ++i)
        if (line[i] == '|' || line[i] == '*' || line[i] == '_') return true;
    return false;
}

// The line just written to `out` from `begin`, with its Markdown markers
// removed. Most lines have none and stay where they are.
void finish_line(NormalizedText& out, size_t begin) {
    const std::string_view line(out.text.data() + begin, out.text.size() - begin);
    if (line.empty()) return;
    // Most lines: no Markdown at the start ('>', '#', or an indent before
    // them) and no '|', '*' or '_' anywhere.
    if (line[0] != ' ' && line[0] != '>' && line[0] != '#' && !has_markdown_byte(line)) return;
    if (!needs_edit(inspect_line(line), line)) return;
    edit_line(out, begin);
}

}  // namespace

// One pass: code points to their canonical form and line ends unified, written
// straight to the output; then each line's Markdown markers removed in place.
// Every byte of a character maps to the character's first source byte.
NormalizedText normalize(std::string_view source) {
    NormalizedText out;
    out.source = source;
    out.text.reserve(source.size());
    out.origin.reserve(source.size() + 1);

    const size_t n = source.size();
    size_t line_begin = 0;
    uint32_t char_begin = 0;
    for (size_t i = 0; i < n;) {
        const auto b = static_cast<unsigned char>(source[i]);
        if (b == '\n' || b == '\r') {
            finish_line(out, line_begin);
            out.text += '\n';
            out.origin.push_back(static_cast<uint32_t>(i));
            i += b == '\r' && i + 1 < n && source[i + 1] == '\n' ? 2 : 1;
            line_begin = out.text.size();
            continue;
        }
        if (!may_change(b) || !changes_at(source, i)) {  // a run of characters copied as they are
            // A character at a time (the source is valid UTF-8): the bytes that
            // may end a run only ever lead a character.
            size_t j = i + static_cast<size_t>(utf8_length(b));
            while (j < n) {
                const auto c = static_cast<unsigned char>(source[j]);
                if (kMayEndRun[c] && (c == '\n' || c == '\r' || changes_at(source, j))) break;
                j += static_cast<size_t>(utf8_length(c));
            }
            if (j > n) j = n;  // a character cut off at the end
            out.text.append(source.data() + i, j - i);
            const size_t at = out.origin.size();
            out.origin.resize(at + (j - i));
            uint32_t* origin = out.origin.data() + at;
            for (size_t k = i; k < j;) {  // every byte of a character maps to its first
                const size_t len = std::min<size_t>(utf8_length(static_cast<unsigned char>(source[k])), j - k);
                for (size_t l = 0; l < len; ++l) *origin++ = static_cast<uint32_t>(k);
                k += len;
            }
            i = j;
            continue;
        }
        int len = 1;
        const char32_t cp = decode_at(source, i, &len);
        const char32_t mapped = canonical(cp);
        const size_t before = out.text.size();
        if (mapped == cp) out.text.append(source.data() + i, static_cast<size_t>(len));
        else if (mapped != 0) append_utf8(out.text, mapped);
        char_begin = static_cast<uint32_t>(i);
        out.origin.resize(out.origin.size() + (out.text.size() - before), char_begin);
        i += static_cast<size_t>(len);
    }
    finish_line(out, line_begin);
    out.origin.push_back(static_cast<uint32_t>(n));
    return out;
}

}  // namespace nianbao
