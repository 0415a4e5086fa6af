#include "rules/narrative_text.h"

#include <memory>

namespace nianbao::narrative_text {

namespace {

// What the narrative holds at most, per byte of text: joined runs, numbers,
// sentences. Reports have a run per 45 bytes or more, a number per 200 or
// more (a sentence per 100), so no report comes near; a text of nothing but
// numbers or short lines is read up to there, and its memory stays a small
// multiple of the input (scripts/bench_hostile.py, nianbao/limits.h).
constexpr size_t kBytesPerRun = 32, kBytesPerNumber = 64, kBytesPerSentence = 16;
size_t at_most(size_t bytes, size_t per) { return 4096 + bytes / per; }

void read_narrative(const Report& r, Narrative& n) {
    // Everything but the title, the section headings and the tables.
    std::vector<Span> cut;
    if (r.title_span) cut.push_back(*r.title_span);
    for (const auto& s : r.sections)
        if (s.found) cut.push_back(s.heading_span);
    for (int n : {2, 3, 4}) {
        const Table& t = r.table(n);
        if (t.found && !t.span.empty()) cut.push_back(t.span);
    }
    std::sort(cut.begin(), cut.end(), EarlierBegin());
    std::vector<Span> keep;
    uint32_t pos = 0;
    const auto size = static_cast<uint32_t>(r.source.size());
    for (const Span& c : cut) {
        if (c.begin > pos) keep.push_back({pos, std::min(c.begin, size)});
        pos = std::max(pos, c.end);
    }
    if (pos < size) keep.push_back({pos, size});

    n.joined = join_lines(r.source, keep, at_most(r.source.size(), kBytesPerRun));
    n.text = n.joined.text;
    const size_t max_numbers = at_most(n.text.size(), kBytesPerNumber);
    n.numbers = find_numbers(n.text, max_numbers);
    // At a cap the narrative ends where the last piece read does.
    if (n.numbers.size() >= max_numbers) n.text = n.text.substr(0, unit_end(n.numbers.back()));
    const size_t max_sentences = at_most(n.text.size(), kBytesPerSentence);
    n.sentences = split_sentences(n.text, max_sentences);
    if (n.sentences.size() >= max_sentences) {
        n.text = n.text.substr(0, n.sentences.back().end);
        while (!n.numbers.empty() && unit_end(n.numbers.back()) > n.text.size()) n.numbers.pop_back();
    }
    n.report_year = r.year;
}

}  // namespace

const Narrative& narrative_of(const Context& ctx) {
    if (!ctx.narrative) {
        auto n = std::make_shared<Narrative>();
        read_narrative(ctx.report, *n);
        ctx.narrative = n;
    }
    return *static_cast<const Narrative*>(ctx.narrative.get());
}

}  // namespace nianbao::narrative_text
