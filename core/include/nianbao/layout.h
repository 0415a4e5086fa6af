// The layout step: a fixed-layout document (PDF through pdf.js, OFD) as
// positioned text runs -> the text the reader reads, with table rows as
// tab-separated cells, and a map from every byte of that text back to its run.
// No I/O: the page and the CLI hand the runs in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

// One run of text as the producer placed it. Units are the page's (points);
// y grows downwards from the page's top and is the run's baseline.
struct TextRun {
    int page = 1;
    double x = 0, y = 0;
    double width = 0;     // advance of the whole run; 0 if unknown
    double size = 0;      // font size (height)
    double angle = 0;     // degrees; 0 for horizontal text
    std::string text;     // UTF-8
};

// A line the producer drew: a table's cell border. Same units and axes as
// the runs; a thin filled rectangle comes as its centre line. Only the
// horizontal and vertical ones are used.
struct Ruling {
    int page = 1;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct LaidOutText {
    std::string text;
    // For each byte of `text`: the index of the run it comes from, or
    // kNoRun for the line breaks and cell tabs the layout put in.
    std::vector<uint32_t> run_of;
    static constexpr uint32_t kNoRun = 0xFFFFFFFFu;
};

// Lines from the runs' baselines, left to right; in a block of lines whose
// numbers stand in columns (a table), each number goes to its column and a
// column a row leaves empty stays an empty cell (two tabs), so a row reads
// as label, tab, cells. Runs not horizontal (a header cell written down its
// column) come after their page's lines, one line each, and are never cells.
// Where the numbers alone cannot place a row's cells (a table left blank but
// for a number or two), the drawn cell borders do: a row's cells are the
// boxes right of its label between the vertical rulings crossing it, and a
// row with none of its cells filled is its label and those boxes, empty.
LaidOutText lay_out(const std::vector<TextRun>& runs, const std::vector<Ruling>& rulings = {});

// Whether the drawn borders are wanted for this text, laid out from the runs
// alone: its tables read short (a table, a row or cells missing, cells blank
// or glued, sums that do not hold). Readers of a PDF (the page, whose borders
// cost pdf.js's operator lists, and the CLI) lay out without the borders
// first and again with them only then, so both read a PDF alike. Runs the
// check (core/src/borders_wanted.cpp).
bool borders_wanted(std::string_view laid_out_text);

// That reading in one call, for a reader that has the borders at hand (the
// CLI's PDF reader, the tests): lay_out(runs), or lay_out(runs, rulings)
// when the first borders_wanted().
LaidOutText lay_out_borders_if_wanted(const std::vector<TextRun>& runs, const std::vector<Ruling>& rulings);

}  // namespace nianbao
