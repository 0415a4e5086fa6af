#include "meta/sentences.h"

#include <algorithm>
#include <array>

#include "meta/scan_util.h"

namespace nianbao {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;

uint32_t JoinedText::source_at(size_t i) const {
    auto it = std::upper_bound(runs.begin(), runs.end(), i,
                               [](size_t pos, const Run& r) { return pos < r.text_begin; });
    if (it == runs.begin()) return 0;
    --it;
    return it->inserted ? it->source_begin : it->source_begin + static_cast<uint32_t>(i - it->text_begin);
}

Span JoinedText::to_source(size_t b, size_t e) const {
    if (text.empty() || b >= e || b >= text.size()) return {};
    if (e > text.size()) e = text.size();
    return {source_at(b), source_at(e - 1) + 1};
}

namespace {

bool is_ws(char32_t c) { return scan::is_space(c) || c == U'\r' || c == 0xFEFF; }

bool is_ascii_alnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool is_dash(char32_t c) { return c == U'-' || c == U'—' || c == U'－' || c == U'–' || c == U'―'; }

// [b, e) of `s` without white space at either end.
void trim(std::string_view s, size_t& b, size_t& e) {
    while (b < e) {
        const Cp c = decode_at(s, b);
        if (!is_ws(c.cp)) break;
        b += c.len;
    }
    while (e > b) {
        const Cp c = decode_before(s, e);
        if (!is_ws(c.cp)) break;
        e -= c.len;
    }
}

// "- 2 -", "— 12 —", "第 2 页", "第2页 共7页".
bool is_page_number(std::string_view line) {
    if (line.empty()) return false;
    const Cp first = decode_at(line, 0);
    const Cp last = decode_before(line, line.size());
    if (is_dash(first.cp) && is_dash(last.cp) && line.size() > first.len + last.len) {
        int digits = 0;
        for (size_t i = first.len; i < line.size() - last.len;) {
            const Cp c = decode_at(line, i);
            if (scan::is_digit(c.cp)) ++digits;
            else if (!scan::is_space(c.cp)) return false;
            i += c.len;
        }
        return digits >= 1 && digits <= 4;
    }
    if (first.cp == U'第' && last.cp == U'页') {
        int digits = 0;
        for (size_t i = 0; i < line.size();) {
            const Cp c = decode_at(line, i);
            if (scan::is_digit(c.cp)) ++digits;
            else if (!(scan::is_space(c.cp) || c.cp == U'第' || c.cp == U'页' || c.cp == U'共' || c.cp == U'，' ||
                       c.cp == U',' || c.cp == U'/'))
                return false;
            i += c.len;
        }
        return digits >= 1 && digits <= 8;
    }
    return false;
}

// Does the line start with an enumerator: （一） (一) （1） 一、 1、 1. 1．
bool starts_with_marker(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (line[i] == '*' || line[i] == ' ')) ++i;
    Cp c = decode_at(line, i);
    if (c.cp == U'（' || c.cp == U'(') {
        i += c.len;
        int n = 0;
        for (;;) {
            c = decode_at(line, i);
            if (n < 3 && (scan::is_cn_numeral(c.cp) || scan::is_digit(c.cp))) {
                ++n;
                i += c.len;
                continue;
            }
            break;
        }
        return n > 0 && (c.cp == U'）' || c.cp == U')');
    }
    int cn = 0, dg = 0;
    for (;;) {
        c = decode_at(line, i);
        if (cn + dg < 3 && dg == 0 && scan::is_cn_numeral(c.cp)) {
            ++cn;
        } else if (cn + dg < 2 && cn == 0 && scan::is_digit(c.cp)) {
            ++dg;
        } else {
            break;
        }
        i += c.len;
    }
    if (cn > 0) return c.cp == U'、';
    if (dg > 0) {
        if (c.cp == U'、') return true;
        if (c.cp == U'.' || c.cp == U'．') return !scan::is_digit(decode_at(line, i + c.len).cp);
    }
    return false;
}

// A heading line: starts with '#', or with an enumerator and has no comma,
// colon or full stop (and is short).
bool is_heading_line(std::string_view line) {
    if (!line.empty() && line[0] == '#') return true;
    if (!starts_with_marker(line)) return false;
    size_t cps = 0;
    for (size_t i = 0; i < line.size();) {
        const Cp c = decode_at(line, i);
        switch (c.cp) {
            case U'，': case U',': case U'。': case U'：': case U':': case U'；': case U';':
                return false;
            default:
                break;
        }
        ++cps;
        i += c.len;
    }
    return cps <= 40;
}

class Joiner {
public:
    Joiner(std::string_view src, size_t max_runs) : src_(src), max_runs_(max_runs) {}

    bool full() const { return full_; }

    void range(Span r) {
        size_t pos = r.begin;
        const size_t end = r.end < src_.size() ? r.end : src_.size();
        bool have_prev = false, prev_heading = false, prev_tab = false;
        while (pos < end && !full_) {
            size_t nl = src_.find('\n', pos);
            if (nl == std::string_view::npos || nl > end) nl = end;
            size_t b = pos, e = nl;
            pos = nl < end ? nl + 1 : end;
            trim(src_, b, e);
            if (b >= e) continue;
            const std::string_view line = src_.substr(b, e - b);
            if (is_page_number(line)) continue;
            const bool tab = line.find('\t') != std::string_view::npos;
            const bool heading = is_heading_line(line);
            if (have_prev) {
                if (prev_heading || prev_tab || tab || line[0] == '#' || starts_with_marker(line)) {
                    insert('\n');
                } else if (!out_.text.empty()) {
                    const Cp last = decode_before(out_.text, out_.text.size());
                    if (is_ascii_alnum(last.cp) && is_ascii_alnum(decode_at(line, 0).cp)) insert(' ');
                }
            }
            copy_line(b, e);
            have_prev = true;
            prev_heading = heading;
            prev_tab = tab;
        }
        if (!out_.text.empty() && out_.text.back() != '\n') insert('\n');
    }

    void reserve(size_t bytes) {
        out_.text.reserve(bytes);
        if (max_runs_ != SIZE_MAX) out_.runs.reserve(max_runs_);
    }

    JoinedText take() { return std::move(out_); }

private:
    // No room for one more run: the text ends here.
    bool no_room() {
        if (out_.runs.size() < max_runs_) return false;
        full_ = true;
        return true;
    }

    void insert(char ch) {
        if (no_room()) return;
        out_.runs.push_back({static_cast<uint32_t>(out_.text.size()), last_src_, true});
        out_.text.push_back(ch);
    }

    void copy(size_t b, size_t e) {
        if (e <= b || full_) return;
        const auto at = static_cast<uint32_t>(out_.text.size());
        const bool continues = !out_.runs.empty() && !out_.runs.back().inserted &&
                               out_.runs.back().source_begin + (at - out_.runs.back().text_begin) == b;
        if (!continues) {
            if (no_room()) return;
            out_.runs.push_back({at, static_cast<uint32_t>(b), false});
        }
        out_.text.append(src_.data() + b, e - b);
        if (e > b) last_src_ = static_cast<uint32_t>(e - 1);
    }

    // Copy a trimmed line: white space between two non-ASCII characters is
    // dropped, a run with a tab becomes a paragraph break.
    void copy_line(size_t b, size_t e) {
        size_t i = b;
        while (i < e && !full_) {
            const size_t run_end = ws_at_or_after(i, e);
            if (run_end > i) {  // a run without white space, copied whole
                copy(i, run_end);
                i = run_end;
                continue;
            }
            size_t j = i;
            bool tab = false;
            while (j < e) {
                const Cp w = decode_at(src_, j);
                if (!is_ws(w.cp)) break;
                tab |= w.cp == U'\t';
                j += w.len;
            }
            if (tab) {
                insert('\n');
            } else {
                const Cp before = decode_before(src_, i);
                const Cp after = decode_at(src_, j);
                if (!(before.cp >= 0x80 && after.cp >= 0x80)) copy(i, j);
            }
            i = j;
        }
    }

    // The first white-space character in [i, e), or e. Only bytes that can
    // start one (ASCII space, tab, CR; C2, E2, E3, EF leads) are decoded.
    size_t ws_at_or_after(size_t i, size_t e) const {
        static constexpr std::array<bool, 256> kMayStartWs = [] {
            std::array<bool, 256> t{};
            for (unsigned b : {unsigned{' '}, unsigned{'\t'}, unsigned{'\r'}, 0xC2u, 0xE2u, 0xE3u, 0xEFu}) t[b] = true;
            return t;
        }();
        for (; i < e; ++i) {
            if (kMayStartWs[static_cast<unsigned char>(src_[i])]) {
                const Cp c = decode_at(src_, i);
                if (is_ws(c.cp)) return i;
                i += c.len - 1;
            }
        }
        return e;
    }

    std::string_view src_;
    size_t max_runs_;
    bool full_ = false;
    JoinedText out_;
    uint32_t last_src_ = 0;
};

}  // namespace

JoinedText join_lines(std::string_view source, const std::vector<Span>& ranges, size_t max_runs) {
    Joiner j(source, max_runs);
    size_t total = 0;
    for (const Span& r : ranges) total += r.size();
    j.reserve(total);
    for (const Span& r : ranges)
        if (!r.empty() && !j.full()) j.range(r);
    return j.take();
}

std::vector<Span> split_sentences(std::string_view text, size_t max) {
    std::vector<Span> out;
    size_t start = 0;
    auto flush = [&](size_t b, size_t e) {
        trim(text, b, e);
        if (b < e && out.size() < max) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    };
    for (size_t i = 0; i < text.size() && out.size() < max;) {
        // Terminators are ASCII or start with E3 (。) or EF (！？；).
        static constexpr std::array<bool, 256> kMayEnd = [] {
            std::array<bool, 256> t{};
            for (unsigned b : {unsigned{'!'}, unsigned{'?'}, unsigned{';'}, unsigned{'\n'}, 0xE3u, 0xEFu}) t[b] = true;
            return t;
        }();
        const auto b = static_cast<unsigned char>(text[i]);
        if (!kMayEnd[b]) {
            i += b < 0xE0 ? 1 : b < 0xF0 ? 3 : 4;  // a whole character (valid UTF-8)
            continue;
        }
        const Cp c = decode_at(text, i);
        switch (c.cp) {
            case U'。': case U'！': case U'？': case U'!': case U'?': case U'；': case U';': case U'\n':
                flush(start, i);
                start = i + c.len;
                break;
            default:
                break;
        }
        i += c.len;
    }
    flush(start, text.size());
    return out;
}

uint32_t clause_separator_at(std::string_view text, size_t i) {
    const Cp c = decode_at(text, i);
    switch (c.cp) {
        case U'，': case U'、': case U'；': case U'：': case U';': case U'。': case U'！': case U'？':
        case U'!': case U'?': case U'\n':
            return c.len;
        case U',': case U':':
            return scan::is_digit(decode_before(text, i).cp) && scan::is_digit(decode_at(text, i + 1).cp) ? 0 : 1;
        default:
            return 0;
    }
}

}  // namespace nianbao
