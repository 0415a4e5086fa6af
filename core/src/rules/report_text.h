// Small text helpers of the rules about the report as a whole (fee-statement,
// format-outdated, section5-content, regulation-scope, year-mismatch,
// publish-late). Spans are byte ranges of the source; every search looks for
// whole UTF-8 sequences, so it never matches inside a character.
#pragma once

#include <algorithm>
#include <string_view>

#include "meta/scan_util.h"
#include "rules/rule.h"

namespace nianbao::report_text {

inline std::string_view slice(const Report& r, Span s) {
    if (s.begin >= r.source.size() || s.empty()) return {};
    return std::string_view(r.source).substr(s.begin, std::min<size_t>(s.size(), r.source.size() - s.begin));
}

inline bool contains(std::string_view s, std::string_view n) { return scan::find_text(s, n) != std::string_view::npos; }

inline bool contains_any(std::string_view s, const std::string_view* words, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (contains(s, words[i])) return true;
    return false;
}

// The text of at most `chars` code points before byte `at`.
inline std::string_view before(std::string_view s, size_t at, int chars) {
    size_t b = std::min(at, s.size());
    for (int k = 0; k < chars; ++k) {
        const scan::Cp c = scan::decode_before(s, b);
        if (c.len == 0) break;
        b -= c.len;
    }
    return s.substr(b, std::min(at, s.size()) - b);
}

// The text of at most `chars` code points from byte `at`.
inline std::string_view after(std::string_view s, size_t at, int chars) {
    if (at >= s.size()) return {};
    size_t e = at;
    for (int k = 0; k < chars; ++k) {
        const scan::Cp c = scan::decode_at(s, e);
        if (c.len == 0) break;
        e += c.len;
    }
    return s.substr(at, e - at);
}

inline bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

inline Span trimmed(const Report& r, Span s) {
    std::string_view t = slice(r, s);
    size_t b = 0, e = t.size();
    while (b < e && (t[b] == ' ' || t[b] == '\t' || t[b] == '\n' || t[b] == '\r')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
    return {static_cast<uint32_t>(s.begin + b), static_cast<uint32_t>(s.begin + e)};
}

// The first non-empty line, for findings about the report as a whole.
inline Span report_anchor(const Context& ctx) {
    const Report& r = ctx.report;
    if (r.title_span) return *r.title_span;
    for (uint32_t b = 0; b < r.source.size();) {
        Span line = ctx.lines.line_span(b);
        Span t = trimmed(r, line);
        if (!t.empty()) return t;
        if (line.end < b) break;
        b = line.end + 1;
    }
    return {0, 0};
}

// The kind of body: the option, else what the text says.
inline BodyKind effective_kind(const Context& ctx) {
    return ctx.options.body_kind.value_or(ctx.report.body_kind);
}

}  // namespace nianbao::report_text
