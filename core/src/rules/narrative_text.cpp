#include "rules/narrative_text.h"

#include <memory>

namespace nianbao::narrative_text {

namespace {

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
    std::sort(cut.begin(), cut.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> keep;
    uint32_t pos = 0;
    const auto size = static_cast<uint32_t>(r.source.size());
    for (const Span& c : cut) {
        if (c.begin > pos) keep.push_back({pos, std::min(c.begin, size)});
        pos = std::max(pos, c.end);
    }
    if (pos < size) keep.push_back({pos, size});

    n.joined = join_lines(r.source, keep);
    n.text = n.joined.text;
    n.sentences = split_sentences(n.text);
    n.numbers = find_numbers(n.text);
    n.years = find_year_mentions(n.text);
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
