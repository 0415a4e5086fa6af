// The running text of a report as the narrative rules read it: everything
// outside the tables, the title and the section headings, with the line wraps
// of PDF copies undone (meta/sentences.h), sentence by sentence; and the small
// text and table helpers those rules share. Every pattern built on them errs
// on the side of silence: a sentence that could be read two ways is not reported.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "meta/dates.h"
#include "meta/numerals.h"
#include "meta/scan_util.h"
#include "meta/sentences.h"
#include "rules/rule.h"

namespace nianbao::narrative_text {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;
using Words = std::initializer_list<std::string_view>;

// --- text helpers -------------------------------------------------------------

inline constexpr size_t npos = std::string_view::npos;

inline size_t cp_len(std::string_view s) {
    size_t n = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++n;
    return n;
}

inline bool has(std::string_view hay, std::string_view needle) { return scan::find_text(hay, needle) != npos; }

inline bool has_any(std::string_view hay, Words words) {
    for (std::string_view w : words)
        if (has(hay, w)) return true;
    return false;
}

template <size_t N>
inline bool has_any(std::string_view hay, const std::string_view (&words)[N]) {
    for (std::string_view w : words)
        if (has(hay, w)) return true;
    return false;
}

inline bool starts(std::string_view s, size_t pos, std::string_view w) {
    return pos <= s.size() && s.size() - pos >= w.size() && s.compare(pos, w.size(), w) == 0;
}

inline bool ends(std::string_view s, size_t pos, std::string_view w) {
    return pos <= s.size() && pos >= w.size() && s.compare(pos - w.size(), w.size(), w) == 0;
}

// Byte offset `n` code points before `pos`, not before `floor`.
inline size_t back_cp(std::string_view s, size_t pos, size_t floor, int n) {
    for (int k = 0; k < n && pos > floor; ++k) pos -= decode_before(s, pos).len;
    return pos < floor ? floor : pos;
}

// Byte offset `n` code points after `pos`, not past `ceil`.
inline size_t fwd_cp(std::string_view s, size_t pos, size_t ceil, int n) {
    for (int k = 0; k < n && pos < ceil; ++k) pos += decode_at(s, pos).len;
    return pos > ceil ? ceil : pos;
}

inline bool is_bracket(char32_t c) {
    return c == U'（' || c == U'(' || c == U'）' || c == U')' || c == U'【' || c == U'】' || c == U'[' ||
           c == U']';
}

// Where the clause around `pos` starts: after the nearest separator (and
// bracket, if `brackets`) before it, at most `limit` code points back.
inline size_t clause_begin(std::string_view s, size_t pos, size_t floor, bool brackets, int limit = 80) {
    for (int k = 0; k < limit && pos > floor; ++k) {
        const Cp c = decode_before(s, pos);
        if (clause_separator_at(s, pos - c.len) || (brackets && is_bracket(c.cp))) return pos;
        pos -= c.len;
    }
    return pos;
}

// With `lists`, 、 (which joins the items of a list) does not end the clause.
inline size_t clause_end(std::string_view s, size_t pos, size_t ceil, bool brackets, int limit = 80, bool lists = false) {
    for (int k = 0; k < limit && pos < ceil; ++k) {
        const Cp c = decode_at(s, pos);
        if ((clause_separator_at(s, pos) && !(lists && c.cp == U'、')) || (brackets && is_bracket(c.cp))) return pos;
        pos += c.len;
    }
    return pos;
}

// No clause separator or bracket in [b, e).
inline bool one_clause(std::string_view s, size_t b, size_t e) {
    for (size_t i = b; i < e;) {
        const Cp c = decode_at(s, i);
        if (clause_separator_at(s, i) || is_bracket(c.cp)) return false;
        i += c.len;
    }
    return true;
}

inline std::string format_scaled(int64_t v, int decimals) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    if (decimals > 0) {
        while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
        digits.insert(digits.end() - decimals, '.');
    }
    return (v < 0 ? "-" : "") + digits;
}

inline std::string format_mention(const NumberMention& m) { return format_scaled(m.value, m.decimals); }

inline size_t unit_end(const NumberMention& m) { return m.unit.empty() ? m.span.end : m.unit_span.end; }

// --- the narrative text ------------------------------------------------------

struct Narrative {
    Narrative() = default;
    Narrative(const Narrative&) = delete;  // `text` views `joined.text`
    Narrative& operator=(const Narrative&) = delete;

    JoinedText joined;
    std::string_view text;
    std::vector<Span> sentences;
    std::vector<NumberMention> numbers;   // spans into text
    int report_year = 0;

    Span source(size_t b, size_t e) const { return joined.to_source(b, e); }

    // Is a year other than the report year named in [b, e)? The years are
    // read sentence by sentence when a check asks (few sentences are asked
    // about): a year mention ("2023年", "2023 年度") never runs past its
    // sentence, so a sentence read alone gives the mentions the whole text does.
    bool other_year(size_t b, size_t e) const {
        if (report_year == 0) return false;
        auto it = std::upper_bound(sentences.begin(), sentences.end(), b,
                                   [](size_t pos, const Span& s) { return pos < s.end; });
        for (; it != sentences.end() && it->begin < e; ++it)
            for (const YearMention& y : years_of(static_cast<size_t>(it - sentences.begin())))
                if (y.span.begin >= b && y.span.begin < e && y.year != report_year) return true;
        return false;
    }

    // Index of the first number mention starting at or after `pos`.
    size_t first_number(size_t pos) const {
        return static_cast<size_t>(
            std::lower_bound(numbers.begin(), numbers.end(), pos,
                             [](const NumberMention& m, size_t p) { return m.span.begin < p; }) -
            numbers.begin());
    }

    bool number_in(size_t b, size_t e) const {
        const size_t i = first_number(b);
        return i < numbers.size() && numbers[i].span.begin < e;
    }

    // "约 75 件", "3000 余件", "100 件以上": not a count to compare.
    bool approximate(const NumberMention& m) const {
        const size_t before = scan::skip_spaces_back(text, m.span.begin);
        for (std::string_view w : {"约", "近", "超", "逾", "过", "余", "多达", "大概", "左右"})
            if (ends(text, before, w)) return true;
        const size_t after = scan::skip_spaces(text, m.unit.empty() ? m.span.end : m.unit_span.begin);
        const size_t after_unit = scan::skip_spaces(text, unit_end(m));
        for (std::string_view w : {"余", "多"})
            if (starts(text, after, w)) return true;
        for (std::string_view w : {"以上", "左右", "上下", "以内", "之多", "余"})
            if (starts(text, after_unit, w)) return true;
        return false;
    }

private:
    // The year mentions of one sentence, spans into text; the last sentence
    // asked about is kept (the checks ask about a sentence several times in a row).
    const std::vector<YearMention>& years_of(size_t sentence) const {
        if (sentence != years_sentence_) {
            const Span& s = sentences[sentence];
            years_ = find_year_mentions(text.substr(s.begin, s.end - s.begin));
            for (YearMention& y : years_) {
                y.span.begin += s.begin;
                y.span.end += s.begin;
            }
            years_sentence_ = sentence;
        }
        return years_;
    }
    mutable size_t years_sentence_ = SIZE_MAX;
    mutable std::vector<YearMention> years_;
};

// The report's narrative, read once per check and shared by the rules.
const Narrative& narrative_of(const Context& ctx);

// --- table values -------------------------------------------------------------

// A cell of a found row, if it holds a usable value.
inline const Cell* usable_cell(const Row* row, size_t column) {
    if (!row || column >= row->cells.size() || !row->cells[column].usable()) return nullptr;
    return &row->cells[column];
}

inline CellRef cell_ref(int table, const Row& row, int column) {
    return {table, std::string(row.spec->key), column, row.cells[column].span, ""};
}

// Is `s` made only of white space and `words` (longest listed first)?
template <size_t N>
bool only_words(std::string_view s, const std::string_view (&words)[N]) {
    size_t i = 0;
    while (i < s.size()) {
        const Cp c = decode_at(s, i);
        if (scan::is_space(c.cp)) {
            i += c.len;
            continue;
        }
        bool matched = false;
        for (std::string_view w : words)
            if (starts(s, i, w)) {
                i += w.size();
                matched = true;
                break;
            }
        if (!matched) return false;
    }
    return true;
}

}  // namespace nianbao::narrative_text
