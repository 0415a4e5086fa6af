// Real PDFs through the CLI's reader: the three WPS reports
// (tests/fixtures/pdf, from ../shared/real) and two web pages printed by
// Chromium (tests/layouts/printed). Their runs must be the ones pdf.js gives
// the page (tests/fixtures/runs, made by scripts/pdf_runs.mjs with the page's
// own runsOf), so the CLI and the page lay out the same text; and that text
// must read as the report's source text: the same cells of tables 二-四 and
// the same findings other than info. So must the PDFs of other producers
// (tests/fixtures/pdf/web, printed by Chromium; tests/fixtures/pdf/writer,
// exported by LibreOffice Writer; scripts/pdf_fixtures.mjs), each against the
// page or Word document it was printed from, as the CLI reads that.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "inflate.h"
#include "nianbao/inputs.h"
#include "nianbao/layout.h"
#include "nianbao/nianbao.h"
#include "pdf/document.h"
#include "pdf_input.h"
#include "report_builder.h"

using nianbao::TextRun;

namespace {

std::vector<TextRun> pdfjs_runs(const std::string& fixture) {
    const std::string text = nianbao::test::read_fixture(fixture);
    REQUIRE_MESSAGE(!text.empty(), fixture);
    const auto json = nlohmann::json::parse(text);
    std::vector<TextRun> runs;
    for (const auto& r : json.at("runs"))
        runs.push_back({r.at("page").get<int>(), r.at("x").get<double>(), r.at("y").get<double>(), r.at("w").get<double>(),
                        r.at("h").get<double>(), r.at("angle").get<double>(), r.at("text").get<std::string>()});
    return runs;
}

std::vector<nianbao::Ruling> pdfjs_rulings(const std::string& fixture) {
    const auto json = nlohmann::json::parse(nianbao::test::read_fixture(fixture));
    std::vector<nianbao::Ruling> rulings;
    for (const auto& r : json.at("rulings"))
        rulings.push_back({r.at("page").get<int>(), r.at("x0").get<double>(), r.at("y0").get<double>(),
                           r.at("x1").get<double>(), r.at("y1").get<double>()});
    return rulings;
}

// The text the page lays out of a PDF: pdf.js's runs, and its drawn lines
// where the tables read short without them (runs/NAME.pdf.json).
std::string pdfjs_text(const std::string& fixture) {
    return nianbao::lay_out_borders_if_wanted(pdfjs_runs(fixture), pdfjs_rulings(fixture)).text;
}

std::string pdf_bytes(const std::string& fixture) {
    const std::string bytes = nianbao::test::read_fixture(fixture);
    REQUIRE_MESSAGE(bytes.size() > 1000, fixture);
    return bytes;
}

std::string describe(const TextRun& r) {
    return std::to_string(r.page) + " (" + std::to_string(r.x) + ", " + std::to_string(r.y) + ") w " +
           std::to_string(r.width) + " size " + std::to_string(r.size) + " angle " + std::to_string(r.angle) + " " +
           r.text;
}

// Runs the same but for position and size within 0.02 (both are rounded to 1/100).
bool same_run(const TextRun& a, const TextRun& b) {
    const auto near = [](double x, double y) { return std::fabs(x - y) <= 0.02; };
    return a.page == b.page && a.text == b.text && near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) &&
           near(a.size, b.size) && near(a.angle, b.angle);
}

// The CLI's runs of a PDF against pdf.js's; returns the runs that differ
// (as "ours | pdf.js's"), the rest must match one to one.
std::vector<std::string> differing_runs(const std::string& pdf, const std::string& runs_fixture) {
    const cli::pdf::PdfRuns ours = cli::pdf::read_pdf_runs(pdf_bytes(pdf), cli::pdf::default_limits());
    REQUIRE(ours.error == cli::pdf::PdfError::None);
    const std::vector<TextRun> theirs = pdfjs_runs(runs_fixture);
    REQUIRE(ours.runs.size() == theirs.size());
    std::vector<std::string> differ;
    for (size_t k = 0; k < theirs.size(); ++k)
        if (!same_run(ours.runs[k], theirs[k])) differ.push_back(describe(ours.runs[k]) + " | " + describe(theirs[k]));
    // The drawn lines, in the order drawn, the same within 0.02.
    const std::vector<nianbao::Ruling> lines = pdfjs_rulings(runs_fixture);
    CHECK(ours.rulings.size() == lines.size());
    const auto near = [](double x, double y) { return std::fabs(x - y) <= 0.02; };
    for (size_t k = 0; k < lines.size() && k < ours.rulings.size(); ++k) {
        const auto &a = ours.rulings[k], &b = lines[k];
        if (a.page != b.page || !near(a.x0, b.x0) || !near(a.y0, b.y0) || !near(a.x1, b.x1) || !near(a.y1, b.y1))
            differ.push_back("ruling " + std::to_string(k) + " differs");
    }
    return differ;
}

std::vector<std::string> cells(const nianbao::Report& r) {
    std::vector<std::string> out;
    for (int n : {2, 3, 4})
        for (const auto& row : r.table(n).rows) {
            if (row.spec->cells == 0) continue;
            std::string s = std::string(row.spec->key) + ":";
            if (!row.found) s += "-";
            for (const auto& c : row.cells) s += " " + (c.raw.empty() ? std::string("_") : c.raw);
            out.push_back(s);
        }
    return out;
}

std::string text_of_pdf(const std::string& fixture) {
    const nianbao::InputText read = cli::read_pdf_input(pdf_bytes(fixture));
    REQUIRE_MESSAGE(read.ok, read.error);
    return read.decoded.text;
}

// Two texts of one report read alike: the same cells of tables 二-四, the same findings but info.
void check_same_reading(const std::string& text, const std::string& source_text) {
    const auto from_pdf = nianbao::check(text);
    const auto source = nianbao::check(source_text);
    const auto a = cells(from_pdf.report), b = cells(source.report);
    REQUIRE(a.size() == b.size());
    for (size_t k = 0; k < a.size(); ++k) CHECK(a[k] == b[k]);
    CHECK(nianbao::test::not_info(from_pdf) == nianbao::test::not_info(source));
}

}  // namespace

TEST_CASE("pdf: the three real WPS PDFs give pdf.js's runs, but for vertical writing, which is read whole and turned") {
    CHECK(differing_runs("pdf/006_huaian_city_2024.pdf", "runs/006_huaian_city_2024.pdf.json").empty());
    // pdf.js keeps 三、本年 (2023) and 三、本 (2024) of the header standing in
    // table 三's first column (an Identity-V font) and drops the rest near
    // the bottom of the page; the CLI reads it whole, as a turned run.
    const std::vector<std::string> hongze_2023 = {
        "3 (90.580000, 606.530000) w 90.230000 size 9.950000 angle -90.000000 三、本年度办理结果 | "
        "3 (90.580000, 606.530000) w 9.950000 size 9.950000 angle 0.000000 三、本年"};
    CHECK(differing_runs("pdf/007_hongze_district_2023.pdf", "runs/007_hongze_district_2023.pdf.json") == hongze_2023);
    const std::vector<std::string> hongze_2024 = {
        "3 (90.520000, 614.630000) w 90.230000 size 9.950000 angle -90.000000 三、本年度办理结果 | "
        "3 (90.520000, 614.630000) w 9.950000 size 9.950000 angle 0.000000 三、本"};
    CHECK(differing_runs("pdf/008_hongze_district_2024.pdf", "runs/008_hongze_district_2024.pdf.json") == hongze_2024);
}

TEST_CASE("pdf: two web pages printed to PDF by Chromium give pdf.js's runs and lay out to the page's text") {
    for (const char* name : {"001_web_blank_cells", "004_web"}) {
        CAPTURE(name);
        const std::string pdf = std::string("../layouts/printed/") + name + ".pdf";
        const std::string runs = std::string("runs/") + name + ".pdf.json";
        CHECK(differing_runs(pdf, runs).empty());
        CHECK(text_of_pdf(pdf) == pdfjs_text(runs));
    }
}

TEST_CASE("pdf: the real WPS PDFs read by the CLI give their source text's cells and findings") {
    for (const char* name : {"006_huaian_city_2024", "007_hongze_district_2023", "008_hongze_district_2024"}) {
        CAPTURE(name);
        check_same_reading(text_of_pdf(std::string("pdf/") + name + ".pdf"),
                           nianbao::test::read_fixture(std::string("real/") + name + ".txt"));
    }
    // The one the page laid out the same way reads to the very same text.
    CHECK(text_of_pdf("pdf/006_huaian_city_2024.pdf") ==
          pdfjs_text("runs/006_huaian_city_2024.pdf.json"));
}

namespace {

// A fixture's source (a web page, a Word document) as the CLI reads it.
std::string text_of_source(const std::string& fixture) {
    const std::string bytes = nianbao::test::read_fixture(fixture);
    REQUIRE_MESSAGE(!bytes.empty(), fixture);
    const nianbao::InputText read = nianbao::read_input_bytes(bytes, cli::zlib_inflate());
    REQUIRE_MESSAGE(read.ok, read.error);
    return read.decoded.text;
}

// The PDF (pdf/KIND/NAME.pdf) reads as its source: the CLI's runs are
// pdf.js's (runs/KIND_NAME.pdf.json), so the page lays out the same text, and
// that text has the source's cells and non-info findings.
void check_reads_as_source(const std::string& kind, const std::string& name, const std::string& source_ext) {
    const std::string pdf = "pdf/" + kind + "/" + name + ".pdf", runs = "runs/" + kind + "_" + name + ".pdf.json";
    CAPTURE(pdf);
    CHECK(differing_runs(pdf, runs).empty());
    CHECK(text_of_pdf(pdf) == pdfjs_text(runs));
    check_same_reading(text_of_pdf(pdf), text_of_source("pdf/" + kind + "/" + name + source_ext));
}

}  // namespace

TEST_CASE("pdf: web pages printed by Chromium read as the pages: rowspan/colspan headers, a standing header, blank cells") {
    // 006_blank_zeros leaves table 三's zeros blank: two of its columns have
    // no number in any row, and two rows none at all.
    for (const char* name : {"000_vertical_header", "004_narrow_header", "006_blank_zeros", "006_huaian_city_2024",
                             "008_hongze_district_2024"})
        check_reads_as_source("web", name, ".html");
}

// Table 三 with one number in all (its other cells blank) gives the numbers
// no columns to place empty cells in: the drawn cell borders place them.
TEST_CASE("pdf: a web page whose table 三 is blank but for one number reads as the page, by its drawn borders") {
    check_reads_as_source("web", "001_blank_zeros", ".html");
}

TEST_CASE("pdf: Word documents exported by LibreOffice Writer read as the documents: merged cells, vertical text") {
    for (const char* name : {"003_markdown_source", "007_hongze_district_2023"}) check_reads_as_source("writer", name, ".docx");
}

// pdf.js's operator lists (the drawn lines) cost the page as much again as
// the text, so both readers lay a PDF out without them first and read them
// only when its tables read short. Skipping them must never change a
// reading: wherever they are not wanted, the text with them reads the same.
TEST_CASE("pdf: the drawn borders are read only when the tables read short, and skipping them changes no reading") {
    size_t wanted = 0, fixtures = 0;
    for (const char* name :
         {"001_web_blank_cells", "004_web", "006_huaian_city_2024", "007_hongze_district_2023",
          "008_hongze_district_2024", "web_000_vertical_header", "web_001_blank_zeros", "web_004_narrow_header",
          "web_006_blank_zeros", "web_006_huaian_city_2024", "web_008_hongze_district_2024",
          "writer_003_markdown_source", "writer_007_hongze_district_2023"}) {
        CAPTURE(name);
        const std::string fixture = std::string("runs/") + name + ".pdf.json";
        const auto runs = pdfjs_runs(fixture);
        const auto rulings = pdfjs_rulings(fixture);
        const std::string plain = nianbao::lay_out(runs).text, ruled = nianbao::lay_out(runs, rulings).text;
        ++fixtures;
        if (nianbao::borders_wanted(plain)) {
            ++wanted;
            CHECK(pdfjs_text(fixture) == ruled);
        } else {
            CHECK(pdfjs_text(fixture) == plain);
            check_same_reading(plain, ruled);
        }
    }
    CHECK(fixtures == 13);
    // The table blank but for one number wants them; a complete table does not.
    CHECK(nianbao::borders_wanted(nianbao::lay_out(pdfjs_runs("runs/web_001_blank_zeros.pdf.json")).text));
    CHECK_FALSE(nianbao::borders_wanted(nianbao::lay_out(pdfjs_runs("runs/006_huaian_city_2024.pdf.json")).text));
    CHECK(wanted < fixtures);
}
