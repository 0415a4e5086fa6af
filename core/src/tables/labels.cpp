#include "tables/labels.h"

#include <algorithm>

#include "normalize/normalize.h"

namespace nianbao {

namespace {

int chinese_digit(char32_t c) {
    switch (c) {
        case U'一': return 1; case U'二': return 2; case U'三': return 3; case U'四': return 4;
        case U'五': return 5; case U'六': return 6; case U'七': return 7; case U'八': return 8;
        case U'九': return 9; case U'十': return 10;
        default: return 0;
    }
}

// Labels are decoded by the ten thousand: ASCII and well-formed three-byte
// characters (all of Chinese) inline, anything else by decode_at().
std::u32string decode(std::string_view s) {
    std::u32string out(s.size(), U'\0');
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            out[n++] = b0;
            ++i;
            continue;
        }
        if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            const char32_t cp = char32_t(b0 & 0x0F) << 12 | char32_t(b1 & 0x3F) << 6 | (b2 & 0x3F);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
                out[n++] = cp;
                i += 3;
                continue;
            }
        }
        int len = 1;
        out[n++] = decode_at(s, i, &len);
        i += static_cast<size_t>(len);
    }
    out.resize(n);
    return out;
}

bool is_punct_or_space(char32_t c) {
    if (c <= 0x7F) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    switch (c) {  // a switch, not a search: this runs for every character of every label
        case U'，': case U'、': case U'。': case U'：': case U'；': case U'“': case U'”': case U'‘':
        case U'’': case U'（': case U'）': case U'【': case U'】': case U'《': case U'》': case U'〈':
        case U'〉': case U'—': case U'…': case U'·': case U'－': case U'　': case U'「': case U'」':
        case U'『': case U'』': case U'！': case U'？': case U'〔': case U'〕':
            return true;
        default:
            return false;
    }
}

// Chinese numeral 1..99 at s[i..]: returns value and advances i.
int read_chinese_number(std::u32string_view s, size_t& i) {
    size_t start = i;
    int value = 0;
    int d = i < s.size() ? chinese_digit(s[i]) : 0;
    if (d == 0) return 0;
    if (d == 10) {            // 十, 十一
        value = 10;
        ++i;
        if (i < s.size() && chinese_digit(s[i]) > 0 && chinese_digit(s[i]) < 10) value += chinese_digit(s[i++]);
    } else {
        value = d;
        ++i;
        if (i < s.size() && s[i] == U'十') {
            value *= 10;
            ++i;
            if (i < s.size() && chinese_digit(s[i]) > 0 && chinese_digit(s[i]) < 10) value += chinese_digit(s[i++]);
        }
    }
    if (i == start) return 0;
    return value;
}

size_t utf8_bytes(std::u32string_view s, size_t n) {
    size_t b = 0;
    for (size_t i = 0; i < n && i < s.size(); ++i) {
        char32_t c = s[i];
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return b;
}

Marker parse_marker_cp(std::u32string_view s, size_t from) {
    Marker m;
    size_t i = from;
    while (i < s.size() && (s[i] == U' ' || s[i] == U'\t')) ++i;
    if (i < s.size() && (s[i] == U'(' || s[i] == U'（')) {
        size_t j = i + 1;
        while (j < s.size() && s[j] == U' ') ++j;
        int n = 0;
        if (j < s.size() && chinese_digit(s[j])) {
            n = read_chinese_number(s, j);
            m.level = 2;
        } else {
            while (j < s.size() && s[j] >= U'0' && s[j] <= U'9' && n < 1000) n = n * 10 + (s[j++] - U'0');
            m.level = 3;
        }
        while (j < s.size() && s[j] == U' ') ++j;
        if (n > 0 && j < s.size() && (s[j] == U')' || s[j] == U'）')) {
            m.number = n;
            m.length = utf8_bytes(s, j + 1) - utf8_bytes(s, from);
            return m;
        }
        return {};
    }
    if (i < s.size() && chinese_digit(s[i])) {
        size_t j = i;
        int n = read_chinese_number(s, j);
        if (n > 0 && j < s.size() && (s[j] == U'、' || s[j] == U'.' || s[j] == U'．')) {
            m.level = 1;
            m.number = n;
            m.length = utf8_bytes(s, j + 1) - utf8_bytes(s, from);
            return m;
        }
        return {};
    }
    if (i < s.size() && s[i] >= U'0' && s[i] <= U'9') {
        size_t j = i;
        int n = 0;
        while (j < s.size() && s[j] >= U'0' && s[j] <= U'9' && n < 1000) n = n * 10 + (s[j++] - U'0');
        if (n > 0 && n < 100 && j < s.size() && (s[j] == U'.' || s[j] == U'、' || s[j] == U'．' || s[j] == U',') &&
            !(j + 1 < s.size() && s[j + 1] >= U'0' && s[j + 1] <= U'9')) {
            m.level = 3;
            m.number = n;
            m.length = utf8_bytes(s, j + 1) - utf8_bytes(s, from);
            return m;
        }
    }
    return {};
}

}  // namespace

Marker parse_marker(std::string_view text) {
    // A marker is a few characters after the indent ("（十二）", "12.", "（ 二十三 ）"
    // at most 10): decode only that much, not a whole label (this runs for
    // every observed row and every line of a report).
    size_t indent = 0;
    while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
    // Most lines open with no marker: their first character says so.
    if (indent >= text.size()) return {};
    int first_len = 1;
    const char32_t first = decode_at(text, indent, &first_len);
    if (first != U'(' && first != U'（' && !(first >= U'0' && first <= U'9') && !chinese_digit(first)) return {};
    size_t end = std::min(text.size(), indent + 30);
    while (end < text.size() && end > indent && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    char32_t decoded[30];  // at most one code point per byte of the 30: no allocation
    size_t n = 0;
    for (size_t i = indent; i < end;) {
        int len = 1;
        decoded[n++] = decode_at(text, i, &len);
        i += static_cast<size_t>(len);
    }
    Marker m = parse_marker_cp(std::u32string_view(decoded, n), 0);
    if (m.level > 0) m.length += indent;  // the indent is part of what the marker takes
    return m;
}

std::vector<size_t> marker_positions(std::string_view text) {
    std::u32string s = decode(text);
    std::vector<size_t> out;
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t prev = i > 0 ? s[i - 1] : U' ';
        // "第三、四项", "1.2" and digits inside words do not start items
        if (prev == U'第' || (prev >= U'0' && prev <= U'9') || chinese_digit(prev)) continue;
        if (prev == U'(' || prev == U'（') continue;
        // A marker opens with a bracket or a digit (spaces before it do not count here).
        const char32_t c = s[i];
        if (c != U'(' && c != U'（' && !chinese_digit(c) && !(c >= U'0' && c <= U'9')) continue;
        Marker m = parse_marker_cp(s, i);
        if (m.level > 0 && (s[i] != U' ' && s[i] != U'\t')) out.push_back(utf8_bytes(s, i));
    }
    return out;
}

std::u32string canonical_label(std::string_view text) {
    std::u32string s = decode(text);
    // Labels as written in the source may use full-width forms (１. 属于…,
    // （一）): compare them as the normalized text spells them.
    for (char32_t& c : s) {
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
        else if (c == 0x3000 || c == 0x00A0 || c == 0x202F || c == 0x205F || (c >= 0x2000 && c <= 0x200A)) c = U' ';
    }
    Marker m = parse_marker_cp(s, 0);
    size_t skip = 0;
    if (m.level > 0) {
        // convert the marker's byte length back to code points
        size_t bytes = 0;
        while (skip < s.size() && bytes < m.length) {
            char32_t c = s[skip++];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
    }
    size_t kept = 0;  // compacted in place: no second string
    for (size_t i = skip; i < s.size(); ++i)
        if (!is_punct_or_space(s[i])) s[kept++] = s[i];
    s.resize(kept);
    return s;
}

size_t lcs_length(const std::u32string& a, const std::u32string& b) {
    if (a.empty() || b.empty()) return 0;
    // Labels are short; cap the work for hostile input.
    const std::u32string& x = a.size() > 200 ? a.substr(a.size() - 200) : a;
    const std::u32string& y = b.size() > 200 ? b.substr(0, 200) : b;
    std::vector<size_t> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
    for (size_t i = 1; i <= x.size(); ++i) {
        for (size_t j = 1; j <= y.size(); ++j)
            cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

namespace {
double similarity_from_lcs(size_t lcs, const std::u32string& observed, const std::u32string& official) {
    double l = static_cast<double>(lcs);
    double precision = l / observed.size();
    double recall = l / official.size();
    return 0.7 * precision + 0.3 * recall;
}
}  // namespace

LabelPattern::LabelPattern(std::u32string label) : label_(std::move(label)) {
    if (label_.size() > 64) return;  // lcs() falls back to the quadratic one
    for (size_t i = 0; i < label_.size(); ++i) {
        auto it = std::lower_bound(masks_.begin(), masks_.end(), std::make_pair(label_[i], uint64_t{0}),
                                   [](const auto& a, const auto& b) { return a.first < b.first; });
        if (it == masks_.end() || it->first != label_[i]) it = masks_.insert(it, {label_[i], 0});
        it->second |= uint64_t{1} << i;
    }
}

uint64_t LabelPattern::mask(char32_t c) const {
    auto it = std::lower_bound(masks_.begin(), masks_.end(), std::make_pair(c, uint64_t{0}),
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    return it != masks_.end() && it->first == c ? it->second : 0;
}

size_t LabelPattern::lcs(const std::u32string& text) const {
    if (label_.size() > 64) return lcs_length(text, label_);
    const size_t m = label_.size();
    const uint64_t all = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
    uint64_t v = all;
    // the same window as lcs_length: the last 200 characters
    const size_t from = text.size() > 200 ? text.size() - 200 : 0;
    for (size_t k = from; k < text.size(); ++k) {
        const char32_t c = text[k];
        uint64_t u = v & mask(c);
        v = ((v + u) | (v - u)) & all;
    }
    size_t ones = 0;
    for (uint64_t x = v; x; x &= x - 1) ++ones;
    return m - ones;
}

double LabelPattern::similarity(const std::u32string& observed) const {
    if (observed.empty() || label_.empty()) return 0;
    if (observed == label_) return 1;
    if (observed.size() < 2) return 0;
    return similarity_from_lcs(lcs(observed), observed, label_);
}

double label_similarity(const std::u32string& observed, const std::u32string& official) {
    if (observed.empty() || official.empty()) return 0;
    if (observed == official) return 1;
    if (observed.size() < 2) return 0;
    double l = static_cast<double>(lcs_length(observed, official));
    double precision = l / observed.size();
    double recall = l / official.size();
    return 0.7 * precision + 0.3 * recall;
}

bool label_deviates(const std::u32string& observed, const std::u32string& official) {
    if (observed.empty()) return false;
    // Cut short by the copy: a prefix of the official wording.
    if (observed.size() <= official.size() && official.compare(0, observed.size(), observed) == 0) return false;
    // The official wording followed by a continuation that belongs elsewhere.
    if (observed.size() > official.size() && observed.compare(0, official.size(), official) == 0) return false;
    return true;
}

std::string to_utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

}  // namespace nianbao
