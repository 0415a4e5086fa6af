#include "nianbao/text.h"

#include <algorithm>
#include <cstring>

namespace nianbao {

namespace {

// Code points and UTF-16 units of the valid UTF-8 bytes [b, e): every byte
// but a continuation byte starts a character, a four-byte one takes two
// UTF-16 units. One branch-free pass, which compilers vectorize.
// Bytes between checkpoints: a finding's position counts half that on
// average (a report's JSON has thousands of positions); the checkpoints
// take 12 bytes each, a tenth of the text's size.
constexpr size_t kCheckpointBytes = 128;

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
    const char* text = source.data();
    const size_t n = source.size();
    // Sized once: short lines (a hostile paste of "1\n" lines) would
    // otherwise cost up to twice their 4 bytes a line while the vector grows.
    size_t lines = 1;
    for (const char* p = text; (p = static_cast<const char*>(std::memchr(p, '\n', text + n - p))) != nullptr; ++p) ++lines;
    line_starts_.reserve(lines);
    checkpoints_.reserve(n / kCheckpointBytes + 2);
    line_starts_.push_back(0);
    checkpoints_.push_back({0, 0, 0});
    uint32_t cp = 0, u16 = 0;
    size_t i = 0;
    while (i < n) {
        // A block of about kCheckpointBytes, its line starts found with memchr.
        const size_t block_end = std::min(n, i + kCheckpointBytes);
        for (size_t at = i; at < block_end;) {
            const void* nl = std::memchr(text + at, '\n', block_end - at);
            if (!nl) break;
            at = static_cast<size_t>(static_cast<const char*>(nl) - text) + 1;
            line_starts_.push_back(static_cast<uint32_t>(at));
        }
        size_t next = block_end;
        while (next < n && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;  // to a character boundary
        const Counts c = count_units(text + i, text + next);
        cp += c.codepoints;
        u16 += c.utf16;
        i = next;
        if (i < n) checkpoints_.push_back({static_cast<uint32_t>(i), cp, u16});
    }
}

LineIndex::Checkpoint LineIndex::offsets_at(uint32_t byte) const {
    // From the last checkpoint at or before `byte`: at most ~kCheckpointBytes to count.
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                               [](uint32_t b, const Checkpoint& c) { return b < c.byte; });
    const Checkpoint& from = *(it - 1);
    // A byte inside a character counts that character, as a position at its end would.
    const Counts c = count_units(source_.data() + from.byte, source_.data() + byte);
    return {byte, from.codepoint + c.codepoints, from.utf16 + c.utf16};
}

Position LineIndex::position(uint32_t byte) const {
    if (byte > source_.size()) byte = static_cast<uint32_t>(source_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
    size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
    const Checkpoint at = offsets_at(byte);
    Position p;
    p.byte = byte;
    p.line = static_cast<uint32_t>(line + 1);
    p.codepoint = at.codepoint;
    p.utf16 = at.utf16;
    // The column counts from the line's start: counted directly on a short
    // line (most are), else from the line start's own checkpoint.
    constexpr uint32_t kShortLineBytes = 512;
    const uint32_t line_start = line_starts_[line];
    p.column = (byte - line_start <= kShortLineBytes
                    ? count_units(source_.data() + line_start, source_.data() + byte).codepoints
                    : p.codepoint - offsets_at(line_start).codepoint) +
               1;
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
