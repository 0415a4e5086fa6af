#include "normalize/relineate.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "meta/scan_util.h"
#include "tables/labels.h"

namespace nianbao {

namespace {

// Byte by byte: called at most characters of a text, with patterns of a few
// bytes, where a call to memcmp costs more than the comparison.
bool starts_with(std::string_view s, size_t at, std::string_view p) {
    if (at > s.size() || s.size() - at < p.size()) return false;
    for (size_t k = 0; k < p.size(); ++k)
        if (s[at + k] != p[k]) return false;
    return true;
}
bool contains(std::string_view s, std::string_view n) { return s.find(n) != std::string_view::npos; }

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六"};

// A closing mark that belongs to the heading line: "一、总体情况。", "五、…情况："
size_t past_closing(std::string_view text, size_t e) {
    for (std::string_view c : {"。", "：", ":", "."})
        if (starts_with(text, e, c)) return e + c.size();
    return e;
}

bool sentence_mark(std::string_view text, size_t i) {
    for (std::string_view c : {"。", "，", "；", ":", ";", ",", "！", "？"})
        if (starts_with(text, i, c)) return true;
    return false;
}

// "第三部分" (and its separator): the section number, and the bytes it takes.
int part_marker(std::string_view text, size_t at, size_t& length) {
    if (!starts_with(text, at, "第")) return 0;
    for (int n = 1; n <= 6; ++n) {
        if (!starts_with(text, at + 3, kNumerals[n - 1]) || !starts_with(text, at + 6, "部分")) continue;
        length = 12;
        for (std::string_view sep : {"：", ":", "、", "，", ","})
            if (starts_with(text, at + length, sep)) {
                length += sep.size();
                break;
            }
        return n;
    }
    return 0;
}

// "- 5 -" (or "— 5 —") not inside a number or a date ("2024-1-5"): a page
// footer of a PDF that a copy ran into the text. Where it ends, or 0.
size_t dash_at(std::string_view text, size_t i) {
    if (i < text.size() && text[i] == '-') return 1;
    if (starts_with(text, i, "—") || starts_with(text, i, "–")) return 3;
    return 0;
}

size_t page_footer_end(std::string_view text, size_t p) {
    // Most bytes are neither '-' nor the lead byte 0xE2 of "—" and "–".
    if (text[p] != '-' && static_cast<unsigned char>(text[p]) != 0xE2) return 0;
    const size_t d1 = dash_at(text, p);
    if (d1 == 0) return 0;
    if (p > 0 && text[p - 1] == '-') return 0;
    if (p >= 3 && (starts_with(text, p - 3, "—") || starts_with(text, p - 3, "–"))) return 0;
    // After a number ("769- 5 -", a row's last cell before the footer) only
    // the spaced form: "2024-5-" is a date.
    const bool after_digit = p > 0 && text[p - 1] >= '0' && text[p - 1] <= '9';
    size_t i = p + d1;
    const size_t open = i;
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || i - digits > 3) return 0;
    const size_t close = i;
    while (i < text.size() && text[i] == ' ') ++i;
    if (after_digit && (digits == open || i == close)) return 0;
    const size_t d2 = dash_at(text, i);
    if (d2 == 0) return 0;
    i += d2;
    const bool spaced = digits != open && i - d2 != close;
    if (i < text.size() && (dash_at(text, i) || (text[i] >= '0' && text[i] <= '9' && !spaced))) return 0;
    return i;
}

// 一 … 六 or 第 at p: the characters a heading can open with. Asked of
// every character of a text, so one switch on its three bytes.
bool heading_lead(std::string_view text, size_t p) {
    const unsigned char c = static_cast<unsigned char>(text[p]);
    if (c < 0xE4 || c > 0xE7 || p + 3 > text.size()) return false;
    const uint32_t bytes = uint32_t{c} << 16 | uint32_t{static_cast<unsigned char>(text[p + 1])} << 8 |
                           static_cast<unsigned char>(text[p + 2]);
    switch (bytes) {
        case 0xE4B880:  // 一
        case 0xE4BA8C:  // 二
        case 0xE4B889:  // 三
        case 0xE59B9B:  // 四
        case 0xE4BA94:  // 五
        case 0xE585AD:  // 六
        case 0xE7ACAC:  // 第
            return true;
        default:
            return false;
    }
}

// 一 … 六 and 第 by their first two bytes (kHeadingLeads.may_start).
constexpr scan::ThreeBytePrefixes kHeadingLeads = [] {
    scan::ThreeBytePrefixes p;
    for (char32_t c : {U'一', U'二', U'三', U'四', U'五', U'六', U'第'}) p.add(c);
    return p;
}();

// Past the characters from `p` on that can neither end a line, open a page
// footer ('-', and 0xE2 for — and –) nor open a heading: most of a text is
// passed with a test or two a character.
size_t skip_plain(std::string_view text, size_t p) {
    const size_t n = text.size();
    while (p < n) {
        const auto c = static_cast<unsigned char>(text[p]);
        if (c < 0x80) {
            if (c == '\n' || c == '-') return p;
            ++p;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (c == 0xE2 || p + 1 >= n || kHeadingLeads.may_start(c, static_cast<unsigned char>(text[p + 1]))) return p;
            p += 3;
        } else {
            p += c >= 0xF0 ? 4 : 1;
        }
    }
    return n;
}

}  // namespace

size_t heading_title_end(std::string_view text, size_t at, const SectionSpec& section) {
    // The template's wordings first, the longest that is there.
    size_t best = 0;
    auto try_form = [&](std::string_view form) {
        if (starts_with(text, at, form) && at + form.size() > best) best = at + form.size();
    };
    try_form(section.official);
    for (auto v : section.variants) try_form(v);
    if (best) return past_closing(text, best);
    // Else a short phrase with one of the section's keywords, ending in a word
    // headings end with, before any sentence mark or line end.
    constexpr size_t kMaxTitleBytes = 40 * 3;
    for (size_t i = at; i < text.size() && i - at <= kMaxTitleBytes && !sentence_mark(text, i);) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // A title has no numbers or cells, and ends before the next marker.
        if (c == '\n' || c == '\t' || (c >= '0' && c <= '9')) break;
        if (i > at && parse_marker(std::string_view(text).substr(i, 12)).level > 0) break;
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        for (std::string_view ending : {"情况", "事项", "措施"}) {
            if (i < at + ending.size() || text.compare(i - ending.size(), ending.size(), ending) != 0) continue;
            const std::string_view title = text.substr(at, i - at);
            for (auto k : section.keywords)
                if (contains(title, k)) return past_closing(text, i);
        }
    }
    return 0;
}

NormalizedText restore_line_breaks(NormalizedText norm, const FormatSpec& format) {
    const std::string& text = norm.text;
    std::vector<size_t> breaks;  // normalized offsets to put a line break before
    size_t line_start = 0;
    // Whether only blanks stand between the line's start and x, in time
    // linear in the line however many headings it holds: the line is scanned
    // once, up to the furthest x asked, for its first non-blank character.
    size_t scanned = 0, first_content = std::string::npos;
    auto alone_before = [&](size_t x) {
        for (; scanned < x; ++scanned)
            if (first_content == std::string::npos && text[scanned] != ' ' && text[scanned] != '\t')
                first_content = scanned;
        return first_content == std::string::npos || first_content >= x;
    };
    for (size_t p = 0; p < text.size(); ++p) {
        p = skip_plain(text, p);
        if (p >= text.size()) break;
        if (text[p] == '\n') {
            line_start = scanned = p + 1;
            first_content = std::string::npos;
            continue;
        }
        if (const size_t footer = page_footer_end(text, p)) {
            if (!alone_before(p)) breaks.push_back(p);
            if (footer < text.size() && text[footer] != '\n') breaks.push_back(footer);
            p = footer - 1;
            continue;
        }
        // Headings open with a Chinese numeral (一、) or 第 (第一部分): skip
        // every other character, whole (the text is valid UTF-8), before
        // parsing a marker.
        if (!heading_lead(text, p)) {
            const unsigned char c = static_cast<unsigned char>(text[p]);
            if (c >= 0xE0) p += c >= 0xF0 ? 3 : 2;
            continue;
        }
        int number = 0;
        size_t length = 0;
        const Marker m = parse_marker(std::string_view(text).substr(p, 12));
        if (m.level == 1 && m.number >= 1 && m.number <= 6 && text.compare(p, 3, kNumerals[m.number - 1]) == 0) {
            number = m.number;
            length = m.length;
        } else {
            number = part_marker(text, p, length);
        }
        if (number == 0) continue;
        // "十一、", "第二、三项", "（一、": not a heading of its own.
        if (p >= 3) {
            const std::string_view prev = std::string_view(text).substr(p - 3, 3);
            if (prev == "十" || prev == "第" || prev == "（") continue;
            bool numeral = false;
            for (auto n : kNumerals) numeral |= prev == n;
            if (numeral) continue;
        }
        if (p >= 1 && text[p - 1] == '(') continue;
        size_t t = p + length;
        while (t < text.size() && text[t] == ' ') ++t;
        const size_t end = heading_title_end(text, t, format.sections[number - 1]);
        if (end == 0) continue;
        // Markdown's "#### " before a heading goes with it.
        size_t open = p;
        while (open > line_start && (text[open - 1] == '#' || text[open - 1] == '*' || text[open - 1] == ' ')) --open;
        while (open < p && text[open] == ' ') ++open;
        if (!alone_before(open)) breaks.push_back(open);
        size_t after = end;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
        if (after < text.size() && text[after] != '\n') breaks.push_back(end);
        p = end - 1;
    }
    if (breaks.empty()) return norm;

    // In place, from the back: a one-line copy is as large as the text gets,
    // and a second copy of text and map would double the reader's peak.
    std::string& out = norm.text;
    std::vector<uint32_t>& origin = norm.origin;
    const size_t old_size = out.size();
    out.resize(old_size + breaks.size());
    origin.resize(out.size() + 1);
    origin[out.size()] = origin[old_size];
    size_t end = old_size;
    for (size_t i = breaks.size(); i-- > 0;) {
        const size_t b = breaks[i];
        std::copy_backward(out.begin() + b, out.begin() + end, out.begin() + end + i + 1);
        std::copy_backward(origin.begin() + b, origin.begin() + end, origin.begin() + end + i + 1);
        // The break stands where the next character starts in the source.
        out[b + i] = '\n';
        origin[b + i] = origin[b + i + 1];
        end = b;
    }
    return norm;
}

}  // namespace nianbao
