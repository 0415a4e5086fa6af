// Lines of a table region split into tokens: text, numbers, blank markers.
// Works for tab-separated cells (Word, web pages, Markdown pipes after
// normalization) and for cells separated by runs of spaces (PDF copies).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace nianbao {

enum class TokenKind {
    Text,
    Number,    // 0, 3119, 3,119, 96171.6, -1
    Blank,     // —, -, /, 无: a cell left blank
    Garbage,   // looks like a number but is not: 1O, l0
    Empty,     // an empty tab-separated cell
};

struct Token {
    TokenKind kind = TokenKind::Text;
    size_t begin = 0, end = 0;   // offsets in the normalized text
    std::string_view text;
};

struct LineTokens {
    size_t begin = 0, end = 0;   // the line in the normalized text (no newline)
    bool tabbed = false;
    bool page_number = false;    // "- 5 -", "第 5 页": page furniture inside tables
    bool blank = true;           // no token at all (set again by a reader that drops the line)
    // A line a reader dropped that starts a new row whatever follows (table
    // 二's block and header lines): numbers after it never continue the row before.
    bool row_break = false;
    // The trailing run of value tokens (numbers, blanks, garbage, inner empty
    // cells) and the text before it.
    std::vector<Token> values;
    std::vector<Token> label;
    // Empty cells after the last value (tab-separated lines): layout in most
    // pastes (a Word row's closing tab, merged cells), blank cells in a row
    // that falls short of the template (a web page's trailing empty <td>s).
    std::vector<Token> trailing_empty;
    bool has_values() const;
};

// `scratch` holds the line's tokens while it is split (reused from line to line).
LineTokens tokenize_line(std::string_view text, size_t begin, size_t end, std::vector<Token>& scratch);
// The line's label, values and trailing empty cells from its tokens.
void split_values(LineTokens& line, const Token* tokens, size_t count);
// All lines of [begin, end) of the normalized text. Rows that follow each
// other on one line (a copy that lost its line breaks) are split into lines
// of their own, at a word that follows a row's numbers and is no sentence.
// Lines with nothing on them are left out. At most kMaxTableLines lines are
// read: a table is as long as its template, a few hundred lines even one cell
// a line, and a region of a million short lines (a hostile paste, or no
// section found) must not cost a million lines' worth of memory.
constexpr size_t kMaxTableLines = 2048;
// Of a line longer than this only its end is read: a table row is a few
// hundred bytes, a whole table run together a few thousand (tables 二-四 of
// a report all on one line, some 8 KB), and a line of
// megabytes (a hostile paste under a table's heading) must not cost a token
// for each of its words.
constexpr size_t kMaxTableLineBytes = 32 * 1024;
std::vector<LineTokens> tokenize_lines(std::string_view text, size_t begin, size_t end);

TokenKind classify_token(std::string_view token);

// How many of `values` are not empty cells: the numbers, blanks and garbage written.
int count_written(const std::vector<Token>& values);

}  // namespace nianbao
