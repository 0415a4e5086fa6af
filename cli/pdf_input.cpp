#include "pdf_input.h"

#include <string>

#include "nianbao/layout.h"

#ifdef NIANBAO_WITH_QPDF
#include "pdf/document.h"
#endif

namespace cli {

#ifdef NIANBAO_WITH_QPDF

namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

bool pdf_supported() { return true; }

nianbao::InputText read_pdf_input(std::string_view bytes) {
    nianbao::InputText out;
    const pdf::Limits caps = pdf::default_limits();
    pdf::PdfRuns pdf = pdf::read_pdf_runs(bytes, caps);
    switch (pdf.error) {
        case pdf::PdfError::None: break;
        case pdf::PdfError::Damaged: out.error = "damaged PDF, not readable: " + one_line(pdf.detail); return out;
        case pdf::PdfError::Password:
            out.error = "the PDF is protected by a password; save the report without one (or as .docx or .txt) to check it";
            return out;
        case pdf::PdfError::Unsupported:
            out.error = "the PDF uses something nianbao cannot read: " + one_line(pdf.detail);
            return out;
        case pdf::PdfError::TooManyPages:
            out.error = "the PDF has " + std::to_string(pdf.pages) + " pages, more than the " +
                        std::to_string(caps.pages) + " nianbao reads (PDF 超过 " + std::to_string(caps.pages) + " 页)";
            return out;
        case pdf::PdfError::TooMuchContent:
            out.error = "the PDF holds more than nianbao reads: over its cap on " + pdf.detail;
            return out;
        case pdf::PdfError::NoText:
            out.error = "no text in the PDF (" + std::to_string(pdf.pages) + (pdf.pages == 1 ? " page" : " pages") +
                        "): a scan or pictures of text cannot be checked; use the report's text, Word or web version";
            return out;
    }
    // The drawn borders only where the tables read short without them, as
    // the page reads a PDF (nianbao/layout.h borders_wanted). Text in
    // private-use code points is passed on: the check says it cannot be read
    // (input-encoding), as for an OFD.
    out.decoded = nianbao::decode_bytes(nianbao::lay_out_borders_if_wanted(pdf.runs, pdf.rulings).text);
    out.ok = true;
    return out;
}

#else

bool pdf_supported() { return false; }

nianbao::InputText read_pdf_input(std::string_view) {
    nianbao::InputText out;
    out.error = "PDF support not built in (this nianbao was built without libqpdf: install libqpdf-dev and rebuild, "
                "or check the PDF on the page)";
    return out;
}

#endif

}  // namespace cli
