// Running text for sentence-level checks: the line wraps of PDF and Word
// copies undone, sentences and clauses found, every byte mapped back to the
// source so that findings point at what the user wrote.
//
// Pure functions over UTF-8 text: no I/O, no exceptions, linear time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/text.h"

namespace nianbao {

// Text joined from byte ranges of a source.
struct JoinedText {
    // Paragraphs separated by '\n'. Inside a paragraph the lines are joined
    // without a break (a space only between two ASCII letters or digits),
    // and white space between two non-ASCII characters is dropped
    // ("尚 未 审结" -> "尚未审结"); other white space is kept as written.
    std::string text;
    // The source byte that text[i] was copied from. A byte the joining
    // inserted ('\n', ' ') maps to the last source byte before it.
    uint32_t source_at(size_t i) const;
    // The source span of text bytes [b, e) (b < e).
    Span to_source(size_t b, size_t e) const;

    // The map behind source_at, as runs (a few per line, not four bytes per
    // byte: a 10 MB report must not need 40 MB for it). Bytes of a copied run
    // come from consecutive source bytes; an inserted run maps to one byte.
    struct Run {
        uint32_t text_begin = 0;
        uint32_t source_begin = 0;
        bool inserted = false;
    };
    std::vector<Run> runs;
};

// Join the lines of `ranges` (byte ranges of `source`, in order and not
// overlapping). A line break ends a paragraph when
//  * it is the end of a range,
//  * the line before is a heading: it starts with '#' or with an enumerator
//    (一、 （一） (一) 1. 1、 （1）) and has no comma, colon or full stop,
//  * the next line starts with '#' or with an enumerator,
//  * either line contains a tab (table material);
// otherwise the break is a wrap inside a paragraph (blank lines included:
// PDF copies put them mid-sentence). Lines that are page numbers ("- 2 -",
// "第 2 页") are dropped; CR, and white space at both ends of a line, too.
// At most `max_runs` runs: the text stops before the line or piece that
// would need one more (a bound on memory for text of nothing but short lines).
JoinedText join_lines(std::string_view source, const std::vector<Span>& ranges, size_t max_runs = SIZE_MAX);

// Sentences of joined text: split after 。！？!?；; and at '\n'. Spans index
// into `text`, without the terminator, trimmed of white space; empty
// sentences are dropped. At most `max` sentences, the first ones.
std::vector<Span> split_sentences(std::string_view text, size_t max = SIZE_MAX);

// Is the code point starting at byte `i` of `text` a clause separator:
// ，、；：,;: (ASCII ',' and ':' only when not between two digits, as in
// "3,119" or "9:30"), 。！？!? or '\n'? Returns its length in bytes, 0 if not.
uint32_t clause_separator_at(std::string_view text, size_t i);

}  // namespace nianbao
