// Source text and positions. Every finding and every table cell points back
// into the text the user gave us (after decoding to UTF-8), never into the
// normalized copy the reader works on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

// Half-open byte range [begin, end) in the decoded UTF-8 source text.
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool empty() const { return end <= begin; }
    uint32_t size() const { return end > begin ? end - begin : 0; }
};

// Spans in the order they begin: the one comparator the core sorts spans
// by (one std::sort in the wasm, where each lambda would make its own).
struct EarlierBegin {
    bool operator()(const Span& a, const Span& b) const { return a.begin < b.begin; }
};

// A position as users and the page need it: code points for humans and the
// CLI, UTF-16 units for JavaScript string indices, 1-based line and column.
struct Position {
    uint32_t byte = 0;
    uint32_t codepoint = 0;
    uint32_t utf16 = 0;
    uint32_t line = 1;
    uint32_t column = 1;  // in code points, 1-based
};

struct Location {
    Position start;
    Position end;
};

// Line index over the decoded source, to turn byte offsets into positions.
class LineIndex {
public:
    explicit LineIndex(std::string_view source);
    Position position(uint32_t byte) const;
    Location locate(Span span) const;
    // The whole line (without its newline) that contains `byte`.
    Span line_span(uint32_t byte) const;

private:
    std::string_view source_;
    std::vector<uint32_t> line_starts_;  // byte offset of each line start
    // Every ~128 bytes: a character boundary with its code point and UTF-16
    // offsets, so a position never scans more than that (a 10 MB line with
    // 100,000 findings stays linear), and short lines cost 4 bytes each.
    struct Checkpoint {
        uint32_t byte, codepoint, utf16;
    };
    Checkpoint offsets_at(uint32_t byte) const;
    std::vector<Checkpoint> checkpoints_;
};

}  // namespace nianbao
