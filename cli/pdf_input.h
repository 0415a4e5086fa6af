// PDF for the CLI, the reader it supplies for the input table's "pdf" kind
// (the core has none: it does no I/O and links no PDF library). Built with
// Debian's libqpdf (Apache-2.0), which opens the file; cli/pdf/ extracts the
// text as positioned runs the way the page gets them from pdf.js, and the
// core's layout step (nianbao::lay_out) makes the text, as for an OFD.
// Without libqpdf at configure time every PDF says "PDF support not built in".
#pragma once

#include <string_view>

#include "nianbao/inputs.h"

namespace cli {

// Whether this build reads PDF.
bool pdf_supported();

// A PDF's text, or a one-line error (the caller adds the file's name):
// damaged, protected by a password, no text (a scan), past a cap.
nianbao::InputText read_pdf_input(std::string_view bytes);

}  // namespace cli
