// A PDF file -> positioned text runs for the core's layout step
// (nianbao/layout.h), made as the page makes them from pdf.js's text items
// (web/pdftext.js runsOf): one run a text item, x and y of its first glyph's
// baseline with y down from the top of the page as shown (its CropBox within
// its MediaBox, turned by /Rotate), width its advance, size the effective
// font size, angle in degrees, all rounded to 1/100; and the horizontal and
// vertical lines its pages draw (nianbao/paths.h), in the same coordinates. qpdf opens the file
// (damaged cross-reference tables recovered, streams decoded, files
// encrypted with an empty user password decrypted); everything it throws is
// caught here and becomes an error kind.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/layout.h"
#include "pdf/font.h"

namespace cli::pdf {

struct Limits {
    size_t pages = 0;          // pages in the document
    size_t content_bytes = 0;  // content streams decoded, all pages and forms, each time drawn
    size_t objects = 0;        // content objects read: operators and operands
    size_t glyphs = 0;         // glyphs shown
    size_t items = 0;          // text items made
    size_t text_bytes = 0;     // UTF-8 of all runs
    size_t rulings = 0;        // drawn lines kept (more are not read)
    int form_depth = 0;        // Form XObjects inside forms
    FontBudget fonts;          // CMap bytes and codes mapped, all fonts
};

// The caps the CLI reads a PDF with.
Limits default_limits();

enum class PdfError { None, Damaged, Password, Unsupported, TooManyPages, TooMuchContent, NoText };

struct PdfRuns {
    PdfError error = PdfError::None;
    std::string detail;        // qpdf's words for Damaged/Unsupported; what ran out for TooMuchContent
    size_t pages = 0;
    std::vector<nianbao::TextRun> runs;
    std::vector<nianbao::Ruling> rulings;  // the lines it draws, on the page as shown
};

PdfRuns read_pdf_runs(std::string_view bytes, const Limits& limits);

}  // namespace cli::pdf
