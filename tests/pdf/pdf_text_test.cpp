// How the CLI's PDF reader turns shown strings into runs: ToUnicode CMaps
// (bfchar, both forms of bfrange, surrogate pairs, code spaces), simple
// fonts' encodings, TJ's kerning, the text and graphics state, Form
// XObjects, turned and cropped pages, vertical writing. PDFs are built here
// with qpdf (pdf_builder.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nianbao/nianbao.h"
#include "pdf/cmap.h"
#include "pdf/document.h"
#include "pdf_builder.h"
#include "pdf_input.h"

using cli::pdf::PdfError;
using nianbao::TextRun;
using pdftest::PdfBuilder;

namespace {

std::vector<TextRun> runs_of(const std::string& bytes) {
    const cli::pdf::PdfRuns r = cli::pdf::read_pdf_runs(bytes, cli::pdf::default_limits());
    CHECK(r.error == PdfError::None);
    return r.runs;
}

std::vector<std::string> texts(const std::vector<TextRun>& runs) {
    std::vector<std::string> out;
    for (const auto& r : runs) out.push_back(r.text);
    return out;
}

// 中 华 人 民 (U+4E2D U+534E U+4EBA U+6C11) at codes 1-4, 𠀀 (U+20000) at 5;
// digits 0-9 at 16-25 by a range.
const std::string kChineseCMap =
    "4 beginbfchar\n<0001> <4E2D>\n<0002> <534E>\n<0003> <4EBA>\n<0004> <6C11>\nendbfchar\n"
    "1 beginbfchar\n<0005> <D840DC00>\nendbfchar\n"
    "1 beginbfrange\n<0010> <0019> <0030>\nendbfrange\n";

std::string one_page(const std::string& content, const std::string& bf = kChineseCMap, const std::string& widths = "16 25 500") {
    PdfBuilder b;
    b.page(content, pdftest::font_resources(b.cid_font(bf, widths)));
    return b.bytes();
}

}  // namespace

TEST_CASE("pdf cmap: bfchar, bfrange from a start and from an array, UTF-16 surrogate pairs, code lengths") {
    const std::string text =
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n"
        "2 beginbfchar <41> <0041> <8141> <D83DDE00> endbfchar\n"
        "2 beginbfrange <8150> <8152> <4E00> <81FE> <8201> <00FF>\n"
        "<8160> <8162> [<6C11> <0031 0032> <FFFD>] endbfrange\nendcmap";
    size_t budget = 1000;
    const cli::pdf::CMap m = cli::pdf::parse_cmap(text, budget);
    auto u = [&](uint32_t code, int bytes) {
        const std::string* s = m.unicode_of(code, bytes);
        return s ? *s : std::string("(none)");
    };
    CHECK(u(0x41, 1) == "A");
    CHECK(u(0x8141, 2) == "\xF0\x9F\x98\x80");  // U+1F600 from a surrogate pair
    CHECK(u(0x8150, 2) == "一");
    CHECK(u(0x8152, 2) == "\xE4\xB8\x82");    // U+4E02: the last byte counts up
    CHECK(u(0x81FE, 2) == "\xC3\xBF");        // U+00FF
    CHECK(u(0x81FF, 2) == "\xC4\x80");        // U+0100: 00FF + 1 carries into the byte before
    CHECK(u(0x8201, 2) == "\xC4\x82");
    CHECK(u(0x8160, 2) == "民");
    CHECK(u(0x8161, 2) == "12");              // one code, two characters
    CHECK(u(0x41, 2) == "(none)");            // <0041> is another code than <41>
    CHECK(m.code_length("A\x81\x41") == 1);
    CHECK(m.code_length("\x81\x41") == 2);
    CHECK(budget == 1000 - 2 - 3 - 4 - 3);
}

TEST_CASE("pdf cmap: a hostile range is cut at 65,536 codes and the budget caps what is mapped") {
    size_t budget = 100000;
    const cli::pdf::CMap m = cli::pdf::parse_cmap("1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange", budget);
    CHECK(m.unicode.size() == 65536);
    size_t small = 10;
    CHECK(cli::pdf::parse_cmap("1 beginbfrange <0000> <FFFF> <0041> endbfrange", small).unicode.size() == 10);
    CHECK(small == 0);
}

TEST_CASE("pdf: a Type0 font's codes read through its ToUnicode; a code it does not map is U+FFFD, never made up") {
    const auto runs = runs_of(one_page("BT /F1 12 Tf 100 700 Td <0001000200030004> Tj <00050099> Tj <00110013> Tj ET"));
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].text == "中华人民\xF0\xA0\x80\x80\xEF\xBF\xBD" "13");
    CHECK(runs[0].x == 100);
    CHECK(runs[0].y == 842 - 700);
    CHECK(runs[0].size == 12);
    // Six glyphs of 1000 and two of 500 thousandths of 12 points.
    CHECK(runs[0].width == doctest::Approx(6 * 12 + 2 * 6));
}

TEST_CASE("pdf: Type0 fonts without ToUnicode read through the GB and Unicode CMaps they name") {
    PdfBuilder b;
    const std::string cid = b.object(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (GB1) /Supplement 4 >> /DW 1000 >>");
    const std::string gbk = b.object("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H "
                                     "/DescendantFonts [" + cid + "] >>");
    const std::string ucs2 = b.object("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                                      "/DescendantFonts [" + cid + "] >>");
    // GBK: two bytes from 0x81, one below (2024 in one-byte codes, a space too).
    b.page("BT /F1 10 Tf 100 700 Td <D6D0B9FA> Tj (2024) Tj ET BT /F2 10 Tf 100 600 Td <4E2D534E> Tj ET",
           "<< /Font << /F1 " + gbk + " /F2 " + ucs2 + " >> >>");
    CHECK(texts(runs_of(b.bytes())) == std::vector<std::string>{"中国2024", "中华"});
}

TEST_CASE("pdf: simple fonts read through WinAnsi and /Differences' glyph names") {
    PdfBuilder b;
    const std::string font = b.simple_font("<< /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /Euro] >>");
    b.page("BT /F1 10 Tf 50 800 Td (AB C\\200\\351) Tj ET", pdftest::font_resources(font));
    const auto runs = runs_of(b.bytes());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].text == "中€ C€é");
}

TEST_CASE("pdf: TJ's numbers move the next glyph; a gap of a third of the size is a space, of a size a new run") {
    // Digits 0-9 are half an em wide at 10 points: 5 points each.
    const auto runs = runs_of(one_page("BT /F1 10 Tf 100 700 Td [<0011> 20 <0012> -333 <0013> -1200 <0014>] TJ ET"));
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].text == "12 3");                // -20/1000 em is kerning; 333 is a space
    CHECK(runs[1].text == "4");
    CHECK(runs[1].x == doctest::Approx(100 + 5 - 0.2 + 5 + 3.33 + 5 + 12));
}

TEST_CASE("pdf: runs break as pdf.js breaks them: a change of size, a move back, another line") {
    const auto runs = runs_of(one_page(
        "BT /F1 10 Tf 100 700 Td <0001> Tj ET BT /F1 10 Tf 110 700 Td <0002> Tj ET "  // continues: one run
        "BT /F1 11 Tf 120 700 Td <0003> Tj ET "                                      // another size
        "BT /F1 11 Tf 100 680 Td <0004> Tj ET "                                      // the next line
        "BT /F1 11 Tf 50 680 Td <0001> Tj ET"));                                     // back to the left
    CHECK(texts(runs) == std::vector<std::string>{"中华", "人", "民", "中"});
}

TEST_CASE("pdf: the text state: Tc and Tz widen, Ts raises, TL and T* go down a line, ' and \" show on the next") {
    const auto runs = runs_of(one_page("BT /F1 10 Tf 14 TL 0.5 Tc 100 700 Td <0011001200130014> Tj "
                                       "0 Tc 50 Tz T* <0011> Tj 100 Tz 3 Ts (\\000\\022) ' 0 Ts 0 0 (\\000\\023) \" ET"));
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].text == "1234");
    CHECK(runs[0].width == doctest::Approx(4 * 5 + 3 * 0.5));  // Tc after each glyph; the last one's is no part of it
    CHECK(runs[1].text == "1");
    CHECK(runs[1].y == 842 - 686);
    CHECK(runs[1].width == doctest::Approx(2.5));            // Tz 50: half as wide
    CHECK(runs[2].text == "2");
    CHECK(runs[2].y == 842 - 672 - 3);                        // raised by Ts 3
    CHECK(runs[3].text == "3");
    CHECK(runs[3].y == 842 - 658);
}

TEST_CASE("pdf: q/Q and cm place the text; a Form XObject's text goes through its /Matrix, once even if it draws itself") {
    PdfBuilder b;
    const std::string font = b.cid_font(kChineseCMap, "16 25 500");
    // The form draws its own name again: drawn once, not forever.
    const std::string form =
        b.stream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [2 0 0 2 10 20]",
                 "BT /F1 5 Tf 0 0 Td <00030004> Tj ET /Me Do");
    b.set(form, "/Resources", "<< /Font << /F1 " + font + " >> /XObject << /Me " + form + " >> >>");
    b.page("q 1 0 0 1 100 100 cm BT /F1 10 Tf 0 500 Td <0001> Tj ET Q BT /F1 10 Tf 10 10 Td <0002> Tj ET "
           "q 1 0 0 1 200 300 cm /Fm Do Q",
           "<< /Font << /F1 " + font + " >> /XObject << /Fm " + form + " >> >>");
    const auto runs = runs_of(b.bytes());
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].text == "中");
    CHECK(runs[0].x == 100);
    CHECK(runs[0].y == 842 - 600);
    CHECK(runs[1].text == "华");
    CHECK(runs[1].x == 10);  // after Q: no cm
    CHECK(runs[2].text == "人民");
    CHECK(runs[2].x == 210);
    CHECK(runs[2].y == 842 - 320);
    CHECK(runs[2].size == 10);  // 5 points, the form's matrix doubles them
}

TEST_CASE("pdf: a page turned by /Rotate reads as shown; y counts from the top of the CropBox") {
    PdfBuilder b;
    const std::string font = b.cid_font(kChineseCMap, "16 25 500");
    // Drawn going up the unturned page, shown left to right once turned 90° clockwise.
    b.page("BT /F1 10 Tf 0 1 -1 0 100 200 Tm <00010002> Tj ET", pdftest::font_resources(font), "/Rotate 90");
    b.page("BT /F1 10 Tf 100 700 Td <0003> Tj ET", pdftest::font_resources(font), "/CropBox [50 100 545 800]");
    const auto runs = runs_of(b.bytes());
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].text == "中华");
    CHECK(runs[0].angle == 0);
    CHECK(runs[0].x == 200);
    CHECK(runs[0].y == 100);
    CHECK(runs[1].x == 50);
    CHECK(runs[1].y == 100);
    CHECK(runs[1].page == 2);
}

TEST_CASE("pdf: vertical writing (Identity-V) is one turned run down the page, which the layout keeps out of cells") {
    PdfBuilder b;
    const std::string font = b.cid_font(kChineseCMap, "", true);
    b.page("BT /F1 10 Tf 60 700 Td <0001000200030004> Tj ET", pdftest::font_resources(font));
    const auto runs = runs_of(b.bytes());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].text == "中华人民");
    CHECK(runs[0].angle == -90);
    CHECK(runs[0].width == 40);
}

TEST_CASE("pdf: text in private-use code points passes through, and the check says it cannot be read") {
    std::string bf = "1 beginbfrange\n<0001> <0010> <E000>\nendbfrange\n";
    std::string content = "BT /F1 12 Tf 80 700 Td <";
    for (int k = 0; k < 12; ++k) content += "0001000200030004";
    content += "> Tj ET";
    const nianbao::InputText read = cli::read_pdf_input(one_page(content, bf, ""));
    REQUIRE(read.ok);
    CHECK(read.decoded.text.rfind("\xEE\x80\x80\xEE\x80\x81", 0) == 0);  // U+E000 U+E001
    const auto result = nianbao::check(read.decoded.text);
    REQUIRE(!result.findings.empty());
    CHECK(result.findings[0].id == "input-encoding");
}
