// libFuzzer target: the reader alone, text -> model (read_report): sections,
// title, the three tables with every cell, dates, what could not be read.
// No rules, no output, so many more executions a second than check_fuzz.
// Besides the sanitizers, it checks that every span of the model points into
// the source, in order, and that each row has its template's cell count.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "nianbao/nianbao.h"
#include "targets.h"

using fuzz::require;

namespace {

void in_source(const nianbao::Span& s, size_t n) { require(s.begin <= s.end && s.end <= n); }

}  // namespace

void fuzz::reader(const uint8_t* data, size_t size) {
    const nianbao::Report r = nianbao::read_report(text_of(data, size));
    const size_t n = r.source.size();
    require(nianbao::is_valid_utf8(r.source));
    if (r.title_span) in_source(*r.title_span, n);
    for (const auto& s : r.sections) {
        if (!s.found) continue;
        in_source(s.heading_span, n);
        in_source(s.body, n);
        require(nianbao::is_valid_utf8(s.heading));
    }
    for (const nianbao::Table* t : {&r.table2, &r.table3, &r.table4}) {
        if (t->found) in_source(t->span, n);
        for (const auto& row : t->rows) {
            require(row.spec != nullptr);
            // A group row read with numbers of its own (the 2019 layout) has the table's columns.
            const size_t cells = row.collapsed_group && t->spec ? t->spec->columns.size() : static_cast<size_t>(row.spec->cells);
            require(row.cells.size() == cells);
            if (!row.found) continue;
            in_source(row.label_span, n);
            for (const auto& c : row.cells) in_source(c.span, n);
            for (const auto& c : row.extra) in_source(c.span, n);
            require(row.glued_candidates.size() <= 8);
            for (const auto& reading : row.glued_candidates) require(reading.size() == row.cells.size());
        }
        for (const auto& h : t->headers) in_source(h.span, n);
    }
    uint32_t last = 0;
    for (const auto& d : r.dates) {
        in_source(d.span, n);
        require(d.span.begin >= last);
        last = d.span.begin;
    }
    for (const auto& y : r.years) in_source(y.span, n);
    if (r.signed_date) in_source(r.signed_date->span, n);
    if (r.published_date) in_source(r.published_date->span, n);
    in_source(r.signed_body_span, n);
    for (const auto& u : r.unread) in_source(u.span, n);
}

NIANBAO_FUZZ_ENTRY(reader)
