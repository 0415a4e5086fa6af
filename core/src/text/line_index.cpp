#include "nianbao/text.h"

#include <algorithm>

namespace nianbao {

namespace {
// Length in bytes of the UTF-8 sequence starting with `lead` (text is valid UTF-8).
inline int utf8_len(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
}  // namespace

LineIndex::LineIndex(std::string_view source) : source_(source) {
    uint32_t cp = 0, u16 = 0;
    line_starts_.push_back(0);
    line_codepoints_.push_back(0);
    line_utf16_.push_back(0);
    checkpoints_.push_back({0, 0, 0});
    for (size_t i = 0; i < source.size();) {
        if (i - checkpoints_.back().byte >= 256)
            checkpoints_.push_back({static_cast<uint32_t>(i), cp, u16});
        int n = utf8_len(static_cast<unsigned char>(source[i]));
        cp += 1;
        u16 += n == 4 ? 2 : 1;
        bool newline = source[i] == '\n';
        i += n;
        if (newline) {
            line_starts_.push_back(static_cast<uint32_t>(i));
            line_codepoints_.push_back(cp);
            line_utf16_.push_back(u16);
        }
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
    for (size_t i = start; i < byte;) {
        int n = utf8_len(static_cast<unsigned char>(source_[i]));
        cp += 1;
        u16 += n == 4 ? 2 : 1;
        i += n;
    }
    p.codepoint = cp;
    p.utf16 = u16;
    p.column = cp - line_codepoints_[line] + 1;
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
