// The reader: decoded text -> model. Reads top-down like the pipeline:
// normalize, find the sections, the title, then the tables in their sections.
#include <algorithm>
#include <utility>

#include "meta/signature.h"
#include "meta/title.h"
#include "nianbao/decode.h"
#include "nianbao/nianbao.h"
#include "reader.h"
#include "normalize/normalize.h"
#include "normalize/relineate.h"
#include "sections/sections.h"
#include "tables/tables.h"
#include "tables/wording.h"

namespace nianbao {

namespace {

struct Region {
    size_t begin = 0, end = 0;
};

// The body of section `number`: after its heading line, up to the next heading.
Region section_body(const std::array<SectionHit, 6>& hits, int number, size_t text_size) {
    const SectionHit& h = hits[number - 1];
    Region r{h.line_end, text_size};
    for (const auto& other : hits)
        if (other.found && other.line_begin > h.line_begin && other.line_begin < r.end) r.end = other.line_begin;
    return r;
}

}  // namespace

Report read_report(std::string_view input) {
    return read_report_valid(sanitize_utf8(input));  // a valid text copied as it is
}

Report read_report_text(std::string&& input) {
    if (!is_valid_utf8(input)) return read_report_valid(sanitize_utf8(input));
    return read_report_valid(std::move(input));
}

// `input` is valid UTF-8: it becomes the report's source without a copy.
Report read_report_valid(std::string&& input) {
    Report report;
    report.source = std::move(input);
    // The revisions share their sections; the tables tell them apart (below).
    const FormatSpec& in_force = *formats().front();
    const NormalizedText norm = restore_line_breaks(normalize(report.source), in_force);
    const std::string& text = norm.text;

    auto hits = find_sections(norm, in_force);
    for (int s = 1; s <= 6; ++s) {
        const SectionHit& h = hits[s - 1];
        Section& sec = report.sections[s - 1];
        sec.number = s;
        if (!h.found) continue;
        sec.found = true;
        sec.heading_span = norm.to_source(h.line_begin, h.line_end);
        Span title = norm.to_source(h.title_begin, h.line_end);
        sec.heading = report.source.substr(title.begin, title.size());
        sec.written_number = h.written_number;
        Region body = section_body(hits, s, text.size());
        sec.body = norm.to_source(body.begin, body.end);
    }

    size_t preamble_end = hits[0].found ? hits[0].line_begin : std::min<size_t>(text.size(), 3000);
    TitleInfo title = read_title(norm, preamble_end);
    if (title.found) {
        report.title_span = title.span;
        report.title = title.title;
        report.title_names_disclosure = title.names_disclosure;
        report.body_name = title.body_name;
        report.body_kind = title.body_kind;
        report.year = title.year;
    }
    if (report.body_kind == BodyKind::Unknown) report.body_kind = body_kind_from_text(text);

    // Regions: a table sits in its section; when the section was not found,
    // look where it would be.
    Region r2{0, text.size()}, r3{0, text.size()}, r4{0, text.size()};
    if (hits[1].found) r2 = section_body(hits, 2, text.size());
    else if (hits[2].found) r2.end = hits[2].line_begin;
    if (hits[2].found) r3 = section_body(hits, 3, text.size());
    else if (hits[1].found) r3.begin = hits[1].line_end;
    if (hits[3].found) r4 = section_body(hits, 4, text.size());

    // The revision: the one whose own words (table 二's columns, its
    // citation) the text has most of; on a tie the one in force.
    int best = -1;
    const std::string table2_words = compact_region(norm, r2.begin, r2.end);
    for (const FormatSpec* f : formats()) {
        const int score = count_signatures(table2_words, *f);
        if (score > best) {
            best = score;
            report.format = f;
        }
    }

    report.table2 = read_table2(norm, r2.begin, r2.end, report.format->table2, report.unread);
    report.table3 = read_table3(norm, r3.begin, r3.end, report.format->table3, report.unread);
    if (!hits[3].found) {
        // Table 四 follows table 三: start after its last row, or after the
        // sections before it (never in table 二's numbers).
        if (report.table3.found) {
            uint32_t last = 0;
            for (const auto& row : report.table3.rows)
                if (row.found) last = std::max(last, row.span.end);
            r4.begin = static_cast<size_t>(std::lower_bound(norm.origin.begin(), norm.origin.end(), last) -
                                           norm.origin.begin());
        } else if (hits[2].found) {
            r4.begin = hits[2].line_end;
        } else if (hits[1].found) {
            r4.begin = r2.end;
        }
        r4.end = hits[4].found && hits[4].line_begin > r4.begin ? hits[4].line_begin : text.size();
    }
    report.table4 = read_table4(norm, r4.begin, r4.end, report.format->table4, hits[3].found, report.unread);
    for (Table* t : {&report.table2, &report.table3, &report.table4}) mark_label_wording(*t);
    // Every date, and the one the report is signed with.
    read_dates(report);
    return report;
}

}  // namespace nianbao
