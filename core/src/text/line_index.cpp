#include "nianbao/text.h"

#include <algorithm>
#include <cstring>

namespace nianbao {

namespace {

// Code points and UTF-16 units of the valid UTF-8 bytes [b, e): every byte
// but a continuation byte starts a character, a four-byte one takes two
// UTF-16 units. One branch-free pass, which compilers vectorize.
struct Counts {
    uint32_t codepoints = 0, utf16 = 0;
};
Counts count_units(const char* b, const char* e) {
    uint32_t starts = 0, wide = 0;
    for (const char* p = b; p < e; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        starts += (c & 0xC0) != 0x80;
        wide += c >= 0xF0;
    }
    return {starts, starts + wide};
}

}  // namespace

LineIndex::LineIndex(std::string_view source) : source_(source) {
    line_starts_.push_back(0);
    line_codepoints_.push_back(0);
    line_utf16_.push_back(0);
    checkpoints_.push_back({0, 0, 0});
    const char* text = source.data();
    const size_t n = source.size();
    uint32_t cp = 0, u16 = 0;
    auto advance = [&](size_t b, size_t e) {
        const Counts c = count_units(text + b, text + e);
        cp += c.codepoints;
        u16 += c.utf16;
    };
    size_t i = 0;
    while (i < n) {
        // A block of about 256 bytes, its line starts found with memchr.
        const size_t block_end = std::min(n, i + 256);
        while (i < block_end) {
            const void* nl = std::memchr(text + i, '\n', block_end - i);
            if (!nl) break;
            const size_t after = static_cast<size_t>(static_cast<const char*>(nl) - text) + 1;
            advance(i, after);
            i = after;
            line_starts_.push_back(static_cast<uint32_t>(i));
            line_codepoints_.push_back(cp);
            line_utf16_.push_back(u16);
        }
        advance(i, block_end);
        i = block_end;
        while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;  // to a character boundary
        if (i < n) checkpoints_.push_back({static_cast<uint32_t>(i), cp, u16});
    }
}

Position LineIndex::position(uint32_t byte) const {
    if (byte > source_.size()) byte = static_cast<uint32_t>(source_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
    size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
    Position p;
    p.byte = byte;
    p.line = static_cast<uint32_t>(line + 1);
    uint32_t start = line_starts_[line], cp = line_codepoints_[line], u16 = line_utf16_[line];
    // Start from the last checkpoint inside this line, if there is one.
    auto cpt = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                                [](uint32_t b, const Checkpoint& c) { return b < c.byte; });
    if (cpt != checkpoints_.begin()) {
        const Checkpoint& c = *(cpt - 1);
        if (c.byte > start) {
            start = c.byte;
            cp = c.codepoint;
            u16 = c.utf16;
        }
    }
    // A byte inside a character counts that character, as a position at its end would.
    const Counts c = count_units(source_.data() + start, source_.data() + byte);
    p.codepoint = cp + c.codepoints;
    p.utf16 = u16 + c.utf16;
    p.column = p.codepoint - line_codepoints_[line] + 1;
    return p;
}

Location LineIndex::locate(Span span) const {
    return {position(span.begin), position(std::max(span.begin, span.end))};
}

Span LineIndex::line_span(uint32_t byte) const {
    if (byte > source_.size()) byte = static_cast<uint32_t>(source_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
    size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
    uint32_t begin = line_starts_[line];
    uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1
                                                  : static_cast<uint32_t>(source_.size());
    if (end > begin && source_[end - 1] == '\r') --end;
    return {begin, end};
}

}  // namespace nianbao
