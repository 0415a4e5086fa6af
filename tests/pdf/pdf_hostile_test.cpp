// PDFs the CLI cannot or must not read whole: each gives one clear line
// (read_pdf_input's error, to which the CLI adds the file's name), never a
// crash, a hang or memory out of bounds: damaged files, a password, no text,
// too many pages, and content past each of the caps (pdf::default_limits).
#include <doctest/doctest.h>

#include <string>

#include "pdf/document.h"
#include "pdf_builder.h"
#include "pdf_input.h"
#include "report_builder.h"

using pdftest::PdfBuilder;

namespace {

std::string error_of(const std::string& bytes) {
    const nianbao::InputText read = cli::read_pdf_input(bytes);
    CHECK(!read.ok);
    CHECK(read.error.find('\n') == std::string::npos);
    return read.error;
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string hello_pdf(const std::string& password = "", bool owner_only = false) {
    PdfBuilder b;
    b.page("BT /F1 12 Tf 72 720 Td (Hello, PDF) Tj ET", pdftest::font_resources(b.simple_font()));
    return b.bytes(password, owner_only);
}

// One page whose content is `content`, with /F1 a simple font.
std::string page_of(const std::string& content) {
    PdfBuilder b;
    b.page(content, pdftest::font_resources(b.simple_font()));
    return b.bytes();
}

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t k = 0; k < n; ++k) out += s;
    return out;
}

}  // namespace

TEST_CASE("pdf hostile: damaged files say so in one line") {
    CHECK(starts(error_of("%PDF-1.7\n"), "damaged PDF, not readable: "));
    CHECK(starts(error_of("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
                 "damaged PDF, not readable: "));
    CHECK(starts(error_of(std::string("%PDF-1.7\n\0\0\xFF garbage (((( <<<< ", 30)), "damaged PDF, not readable: "));
}

TEST_CASE("pdf hostile: a real PDF cut in half or with bytes overwritten reads what qpdf recovers, or says it is damaged") {
    const std::string whole = nianbao::test::read_fixture("pdf/006_huaian_city_2024.pdf");
    REQUIRE(whole.size() > 100000);
    for (size_t cut : {whole.size() / 2, whole.size() - 200, size_t(2000)}) {
        CAPTURE(cut);
        const nianbao::InputText read = cli::read_pdf_input(whole.substr(0, cut));
        if (!read.ok) CHECK(read.error.find('\n') == std::string::npos);
        else CHECK(!read.decoded.text.empty());
    }
    std::string scribbled = whole;
    for (size_t at = 1000; at < scribbled.size(); at += 997) scribbled[at] = static_cast<char>(scribbled[at] ^ 0x5A);
    const nianbao::InputText read = cli::read_pdf_input(scribbled);
    if (!read.ok) CHECK(read.error.find('\n') == std::string::npos);
}

TEST_CASE("pdf hostile: a PDF that needs a password says so; one with only an owner password reads") {
    CHECK(starts(error_of(hello_pdf("secret")), "the PDF is protected by a password"));
    const nianbao::InputText read = cli::read_pdf_input(hello_pdf("secret", true));
    REQUIRE(read.ok);
    CHECK(read.decoded.text == "Hello, PDF");
}

TEST_CASE("pdf hostile: a PDF of no text (a scan) says there is nothing to read") {
    CHECK(error_of(page_of("q 500 0 0 700 50 50 cm 0 0 1 1 re f Q")) ==
          "no text in the PDF (1 page): a scan or pictures of text cannot be checked; use the report's text, Word or "
          "web version");
    CHECK(starts(error_of(page_of("BT /F1 12 Tf 72 720 Td (   ) Tj ET")), "no text in the PDF (1 page)"));
}

TEST_CASE("pdf hostile: more pages than the cap are refused before their content is read") {
    PdfBuilder b;
    const std::string resources = pdftest::font_resources(b.simple_font());
    for (int k = 0; k < 1001; ++k) b.page("BT /F1 12 Tf 72 720 Td (x) Tj ET", resources);
    CHECK(error_of(b.bytes()) == "the PDF has 1001 pages, more than the 1000 nianbao reads (PDF 超过 1000 页)");
}

TEST_CASE("pdf hostile: content past a cap stops the reading with a message that names the cap") {
    const cli::pdf::Limits caps = cli::pdf::default_limits();
    SUBCASE("content bytes: a flate bomb stops at the cap, not at its expansion") {
        // qpdf's writer deflates the stream: 33 MB of spaces become some 33 KB.
        const std::string bytes = page_of(std::string(caps.content_bytes + 1000, ' '));
        CHECK(bytes.size() < 200000);
        CHECK(error_of(bytes) == "the PDF holds more than nianbao reads: over its cap on content bytes");
    }
    SUBCASE("content objects: operands without end") {
        CHECK(error_of(page_of(repeat("1 ", caps.objects + 1))) ==
              "the PDF holds more than nianbao reads: over its cap on content objects");
    }
    SUBCASE("glyphs: one string of millions") {
        CHECK(error_of(page_of("BT /F1 1 Tf 10 800 Td (" + std::string(caps.glyphs + 1, 'a') + ") Tj ET")) ==
              "the PDF holds more than nianbao reads: over its cap on glyphs");
    }
    SUBCASE("text items") {
        CHECK(error_of(page_of("/F1 10 Tf " + repeat("BT 10 700 Td (ab) Tj ET ", caps.items + 1))) ==
              "the PDF holds more than nianbao reads: over its cap on text items");
    }
    SUBCASE("text bytes: codes that stand for long strings") {
        PdfBuilder b;
        // Code 1 stands for 32 characters of three bytes: 96 bytes a glyph.
        const std::string font = b.cid_font("1 beginbfchar\n<0001> <" + repeat("4E2D", 32) + ">\nendbfchar\n");
        // Tz 0: the glyphs stay on the page.
        b.page("BT /F1 1 Tf 0 Tz 10 800 Td <" + repeat("0001", caps.text_bytes / 96 + 1) + "> Tj ET",
               pdftest::font_resources(font));
        CHECK(error_of(b.bytes()) == "the PDF holds more than nianbao reads: over its cap on text bytes");
    }
}

TEST_CASE("pdf hostile: forms nested past the cap are not drawn; the text outside them still reads") {
    PdfBuilder b;
    const std::string font = b.simple_font();
    std::string inner = b.stream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Resources << /Font << /F1 " + font +
                                     " >> >>",
                                 "BT /F1 10 Tf 100 100 Td (deep) Tj ET");
    for (int k = 0; k < 20; ++k)
        inner = b.stream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Resources << /XObject << /X " + inner +
                             " >> >>",
                         "/X Do");
    b.page("BT /F1 10 Tf 100 700 Td (top) Tj ET /X Do", "<< /Font << /F1 " + font + " >> /XObject << /X " + inner + " >> >>");
    const nianbao::InputText read = cli::read_pdf_input(b.bytes());
    REQUIRE(read.ok);
    CHECK(read.decoded.text == "top");
}
