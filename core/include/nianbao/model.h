// The model of a report the reader builds: sections with their spans, the
// three tables with every cell and its place in the text, and what could not
// be read. Rules only ever look at this (and the source text).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nianbao/format.h"
#include "nianbao/text.h"

namespace nianbao {

enum class CellStatus {
    Ok,        // a non-negative integer (or decimal where allowed)
    Blank,     // empty, "—", "/", "无": read as 0
    Invalid,   // negative, decimal where not allowed, garbage like "1O"
    Overflow,  // digits beyond what the type holds
    Missing,   // the row was found but this cell was not
};

struct Cell {
    CellStatus status = CellStatus::Missing;
    int64_t value = 0;        // the value used for sums (0 unless Ok)
    double amount = 0;        // the exact reading for decimal cells
    bool decimal = false;     // written with a decimal point
    bool fullwidth = false;   // written with full-width digits in the source
    std::string raw;          // the cell's text as written in the source
    Span span;                // where it is in the source
    bool usable() const { return status == CellStatus::Ok || status == CellStatus::Blank; }
};

struct Row {
    const RowSpec* spec = nullptr;  // the template row it was matched to
    bool found = false;
    std::string raw_label;          // label as written (joined if split over lines)
    Span label_span;
    bool label_differs = false;     // raw_label is not the template's wording (tables/wording.h)
    std::vector<Cell> cells;        // exactly spec->cells entries
    std::vector<Cell> extra;        // numbers beyond the template's count
    int numbers_found = 0;          // cells actually read (for cell-count)
    Span span;                      // label start to last cell end
    // A group row (（六）其他处理) that carries numbers of its own in place of
    // its sub-rows, as the 2019 layout did.
    bool collapsed_group = false;
    // Read by its place among the table's rows of numbers: the copy put the
    // labels apart from them (see tables/by_order.h).
    bool by_order = false;
    // The digits of several cells ran together in the copy ("640020470"):
    // Read when exactly one split makes the row and the table add up (the
    // cells hold it), Ambiguous when several do or none does (the cells are
    // left as written and the row stays out of the sums).
    enum class Glued { None, Read, Ambiguous };
    Glued glued = Glued::None;
    std::vector<std::vector<int64_t>> glued_candidates;  // Ambiguous: readings that fit (at most 8)
    size_t glued_candidate_count = 0;  // how many fit in all (0: no split adds up)
    std::string glued_raw;             // the numbers as written, e.g. "270020130"
    Span glued_span;                   // where they stand
    // Ambiguous not for glued digits but for a block's order: numbers one a
    // line apart from their labels that read differently by rows and by
    // columns (table 二 has no sums to tell); glued_candidates holds both.
    bool order_open = false;
};

// A column header as written, matched to the template (table 二's header
// lines, e.g. 本年度止件数 for 本年废止件数).
struct HeaderLabel {
    std::string block;        // table 二 block key, empty otherwise
    int column = -1;          // index into the block's columns
    std::string official;
    std::string raw;
    Span span;
};

struct Table {
    int number = 0;           // 2, 3, 4
    bool found = false;
    Span span;
    const TableSpec* spec = nullptr;
    std::vector<Row> rows;    // one per template row (data rows and groups), in template order
    std::vector<HeaderLabel> headers;
    // Data rows (template indexes) whose labels the copy has but whose numbers
    // could not be placed (labels apart from numbers not in rows). Two or
    // more and the table is not read: its rows stay unfound, and
    // table-unreadable says why, once.
    std::vector<size_t> unplaced;
    static constexpr size_t kUnplacedUnread = 2;
    // Table 四: its numbers stand among its header's words and do not add up
    // in the template's order: the copy lost their order; not read.
    bool scattered = false;
    const Row* row(std::string_view key) const;
    // The row with `key` if the table was found and the row read in it; else nullptr.
    const Row* found_row(std::string_view key) const;
};

struct Section {
    int number = 0;           // 1..6
    bool found = false;
    std::string heading;      // the heading text as written (without marker)
    Span heading_span;        // the heading line
    Span body;                // from after the heading to the next section
    // The number the heading is written with when another (一、主动公开… where
    // 二 belongs); 0 when it is the section's own.
    int written_number = 0;
};

enum class BodyKind { Unknown, Township, Department, Government };
const char* body_kind_name(BodyKind k);

struct Date {
    int year = 0, month = 0, day = 0;
    Span span;
    std::string raw;
    bool valid = true;        // a date that can exist
};

// A year named without a full date: "2024年", "2024 年度", "二〇二四年".
struct YearMention {
    int year = 0;
    Span span;
};

struct Unread {
    Span span;
    std::string what;         // short reason, English, e.g. "page number"
    int unmatched_row_of = 0; // a row of numbers in this table (2, 3, 4) that fits no template row; 0 otherwise
};

struct Report {
    std::string source;            // decoded UTF-8 text (what spans point into)
    // The revision of the template the tables were read with (the reader
    // scores every revision of formats()); rules ask this, never a year.
    const FormatSpec* format = nullptr;
    std::optional<Span> title_span;
    std::string title;             // joined title text
    bool title_names_disclosure = false;  // the title says 政府信息公开工作年度报告 (not 政务公开…)
    std::string body_name;         // 巴拉素镇人民政府
    BodyKind body_kind = BodyKind::Unknown;
    int year = 0;                  // report year from the title, 0 if unknown
    std::array<Section, 6> sections;
    Table table2, table3, table4;
    std::vector<Date> dates;       // every date in the text, in order
    std::vector<YearMention> years;  // every year mention outside a full date, in order
    std::optional<Date> signed_date;  // the date the report is signed, at the end
    // The body named on the signature: before the signed date on its line, or
    // on the line above it ("河曲县巡镇镇人民政府"); empty when none is written.
    std::string signed_body;
    Span signed_body_span;
    // A labelled date at the top, as a web page gives it ("发布日期：2020-01-31"),
    // when the report carries no signed date.
    std::optional<Date> published_date;
    std::vector<Unread> unread;
    const Section& section(int number) const { return sections[number - 1]; }
    const Table& table(int number) const {
        return number == 2 ? table2 : number == 3 ? table3 : table4;
    }
};

}  // namespace nianbao
