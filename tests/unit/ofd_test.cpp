// OFD (GB/T 33190) through the zip reader and the layout step: the eleven
// files from real producers in tests/fixtures/ofd each open and give their text in
// reading order; layout-ano.ofd, whose text is in a subset font's private-use
// code points, gives input-encoding and nothing else; an OFD made here from a
// seed report reads as the seed; the page's reading in rounds (the worker
// inflates what the core names) gives the CLI's text, or its refusal.
// Native only (zlib inflates).
#include <doctest/doctest.h>

#ifdef NIANBAO_TESTS_ZLIB
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "nianbao/inputs.h"
#include "nianbao/layout.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"
#include "zip_builder.h"
#include "zlib_inflate.h"

namespace {

std::string file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string shared_ofd(const std::string& name) { return file(std::string(NIANBAO_SOURCE_DIR) + "/tests/fixtures/ofd/" + name); }

nianbao::InputText read_bytes(const std::string& bytes) { return nianbao::read_input_bytes(bytes, zlib_inflate); }

std::string escaped(const std::string& s) {
    std::string o;
    for (char c : s) o += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    return o;
}

size_t chars(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// An OFD package of pages' contents (each the objects of its one layer):
// OFD.xml -> Doc_0/Document.xml -> Doc_0/Pages/Page_N/Content.xml.
std::string ofd_package(const std::vector<std::string>& pages) {
    std::vector<nianbao::test::Part> parts = {
        {"OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
                    "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"}};
    std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages>";
    for (size_t p = 0; p < pages.size(); ++p) {
        doc += "<ofd:Page ID=\"" + std::to_string(p + 1) + "\" BaseLoc=\"Pages/Page_" + std::to_string(p) + "/Content.xml\"/>";
        parts.push_back({"Doc_0/Pages/Page_" + std::to_string(p) + "/Content.xml",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content>"
                         "<ofd:Layer ID=\"2\">" + pages[p] + "</ofd:Layer></ofd:Content></ofd:Page>"});
    }
    parts.push_back({"Doc_0/Document.xml", doc + "</ofd:Pages></ofd:Document>"});
    return nianbao::test::make_zip(parts);
}

// An OFD of a report text as a producer lays it out: 40 lines a page, each
// tab-separated cell its own TextObject (label at 20 mm, cells from 110 mm).
std::string ofd_of(const std::string& text) {
    std::vector<std::string> pages(1);
    int line_no = 0, id = 10;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line_no == 40) pages.emplace_back(), line_no = 0;
        const double y = 15 + 6.5 * line_no++;
        std::vector<std::string> cells;
        for (size_t at = 0;;) {
            const size_t tab = line.find('\t', at);
            cells.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
            if (tab == std::string::npos) break;
            at = tab + 1;
        }
        while (cells.size() > 1 && cells.back().empty()) cells.pop_back();  // a Word row's closing tab
        // The label cells join; the numbers (the row's last cells) get columns.
        size_t first_number = cells.size();
        while (first_number > 0 && !cells[first_number - 1].empty() &&
               std::all_of(cells[first_number - 1].begin(), cells[first_number - 1].end(), [](char c) { return c >= '0' && c <= '9'; }))
            --first_number;
        std::string label;
        for (size_t k = 0; k < first_number; ++k) label += (label.empty() || cells[k].empty() ? "" : " ") + cells[k];
        auto object = [&](double x, const std::string& s) {
            if (s.empty()) return;
            pages.back() += "<ofd:TextObject ID=\"" + std::to_string(id++) + "\" Boundary=\"" + std::to_string(x) + " " +
                            std::to_string(y) + " 80 5\" Font=\"3\" Size=\"3.5\"><ofd:TextCode X=\"0\" Y=\"3.5\" DeltaX=\"g " +
                            std::to_string(chars(s) > 0 ? chars(s) - 1 : 0) + " 3.5\">" +
                            escaped(s) + "</ofd:TextCode></ofd:TextObject>";
        };
        object(20, label);
        for (size_t k = first_number; k < cells.size(); ++k) object(110 + 12.0 * static_cast<double>(k - first_number), cells[k]);
    }
    return ofd_package(pages);
}

// The page's reading (read_zip_round, the worker's loop in web/worker.js)
// with zlib as the worker's inflater: the text, and how many rounds it took.
nianbao::InputText read_in_rounds(const std::string& bytes, int& rounds) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (rounds = 1;; ++rounds) {
        const nianbao::ZipRound round = nianbao::read_zip_round(bytes, parts);
        if (round.need.empty()) return round.read;
        REQUIRE(rounds < 10);
        uint64_t left = round.left;
        for (const auto& need : round.need) {
            const std::string_view packed = std::string_view(bytes).substr(need.offset, need.packed);
            std::string part;
            if (need.method == 0) part = std::string(packed);
            else REQUIRE(zlib_inflate(packed, std::min(need.limit, left), part));
            REQUIRE(part.size() <= left);
            left -= part.size();
            parts.push_back({need.name, part});
        }
    }
}

std::vector<std::string> cells(const nianbao::Report& r) {
    std::vector<std::string> out;
    for (int n : {2, 3, 4})
        for (const auto& row : r.table(n).rows) {
            std::string s = std::string(row.spec->key) + (row.found ? ":" : ":-");
            for (const auto& c : row.cells) s += " " + std::to_string(c.value);
            out.push_back(s);
        }
    return out;
}

// A number as an OFD producer writes it.
std::string mm(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", v);
    return b;
}

// An OFD of a PDF's runs and drawn lines (tests/fixtures/runs/NAME.pdf.json)
// in millimetres, as Suwell and WPS write one: each run a TextObject; the
// lines as PathObjects written three ways (a stroked line; a thin filled
// rectangle; a line drawn at half scale through its CTM), and, when `paths`
// is false, none. Every PathObject also carries a clipping area spanning
// the page, which is not drawn.
std::string ofd_of_runs(const std::string& fixture, bool paths) {
    const auto json = nlohmann::json::parse(nianbao::test::read_fixture(fixture));
    const double k = 25.4 / 72;
    std::vector<std::string> pages(json.at("pages").get<size_t>());
    int id = 10;
    for (const auto& r : json.at("runs")) {
        const std::string text = r.at("text").get<std::string>();
        const double h = r.at("h").get<double>() * k, w = r.at("w").get<double>() * k;
        const size_t n = chars(text);
        // The run's width is its advances and its last glyph (Size): the advances make up the rest.
        std::string delta;
        for (size_t g = 1; g < n; ++g) delta += (delta.empty() ? "" : " ") + mm((w - h) / static_cast<double>(n - 1));
        pages.at(r.at("page").get<size_t>() - 1) +=
            "<ofd:TextObject ID=\"" + std::to_string(id++) + "\" Boundary=\"" + mm(r.at("x").get<double>() * k) + " " +
            mm(r.at("y").get<double>() * k - h) + " " + mm(w + h) + " " + mm(h * 1.2) + "\" Font=\"3\" Size=\"" + mm(h) +
            "\"><ofd:TextCode X=\"0\" Y=\"" + mm(h) + "\"" + (delta.empty() ? "" : " DeltaX=\"" + delta + "\"") + ">" +
            escaped(text) + "</ofd:TextCode></ofd:TextObject>";
    }
    const std::string clip = "<ofd:Clips><ofd:Clip><ofd:Area><ofd:Path Boundary=\"0 0 210 297\" Fill=\"true\">"
                             "<ofd:AbbreviatedData>M 0 0 L 210 0 L 210 297 L 0 297 C</ofd:AbbreviatedData></ofd:Path>"
                             "</ofd:Area></ofd:Clip></ofd:Clips>";
    size_t way = 0;
    for (const auto& r : paths ? json.at("rulings") : nlohmann::json::array()) {
        const double x0 = r.at("x0").get<double>() * k, y0 = r.at("y0").get<double>() * k;
        const double dx = r.at("x1").get<double>() * k - x0, dy = r.at("y1").get<double>() * k - y0;
        std::string object = "<ofd:PathObject ID=\"" + std::to_string(id++) + "\" ";
        switch (way++ % 3) {
            case 0:  // stroked, from the Boundary's origin
                object += "Boundary=\"" + mm(x0) + " " + mm(y0) + " 300 300\" LineWidth=\"0.25\">" + clip +
                          "<ofd:AbbreviatedData>M 0 0 L " + mm(dx) + " " + mm(dy) + "</ofd:AbbreviatedData>";
                break;
            case 1: {  // filled, a rectangle 0.2 mm across around the line
                const double hx = dx == 0 ? 0.1 : 0, hy = dx == 0 ? 0 : 0.1;
                object += "Boundary=\"" + mm(x0 - hx) + " " + mm(y0 - hy) + " 300 300\" Stroke=\"false\" Fill=\"true\">" + clip +
                          "<ofd:AbbreviatedData>M 0 0 L " + mm(dx + 2 * hx) + " 0 L " + mm(dx + 2 * hx) + " " + mm(dy + 2 * hy) +
                          " L 0 " + mm(dy + 2 * hy) + " C</ofd:AbbreviatedData>";
                break;
            }
            default:  // at half scale through the CTM, from S
                object += "Boundary=\"" + mm(x0) + " " + mm(y0) + " 300 300\" CTM=\"0.5 0 0 0.5 0 0\">" + clip +
                          "<ofd:AbbreviatedData>S 0 0 L " + mm(2 * dx) + " " + mm(2 * dy) + "</ofd:AbbreviatedData>";
        }
        pages.at(r.at("page").get<size_t>() - 1) += object + "</ofd:PathObject>";
    }
    return ofd_package(pages);
}

// The text of the OFD of a runs fixture with its PathObjects, and without.
std::pair<std::string, std::string> ofd_texts(const std::string& fixture) {
    const auto bordered = read_bytes(ofd_of_runs(fixture, true));
    const auto bare = read_bytes(ofd_of_runs(fixture, false));
    REQUIRE(bordered.ok);
    REQUIRE(bare.ok);
    return {bordered.decoded.text, bare.decoded.text};
}

}  // namespace

// A table left blank but for one number gives its numbers no columns: an
// OFD's PathObjects, as a PDF's drawn lines, place its cells (the page
// printed to PDF by Chromium, tests/fixtures/pdf/web/001_blank_zeros).
TEST_CASE("ofd: a table's drawn borders (PathObjects: stroked, filled, scaled; clipping areas not drawn) place its blank cells") {
    const auto source = nianbao::read_input_bytes(nianbao::test::read_fixture("pdf/web/001_blank_zeros.html"), zlib_inflate);
    REQUIRE(source.ok);
    const auto [bordered, bare] = ofd_texts("runs/web_001_blank_zeros.pdf.json");
    const auto from_ofd = nianbao::check(bordered), expected = nianbao::check(source.decoded.text);
    CHECK(cells(from_ofd.report) == cells(expected.report));
    CHECK(nianbao::test::not_info(from_ofd) == nianbao::test::not_info(expected));
    // Without its borders the same OFD reads its tables short.
    CHECK(nianbao::borders_wanted(bare));
    CHECK(cells(nianbao::check(bare).report) != cells(expected.report));
}

// Where the numbers place every cell, the borders change nothing: the WPS
// report's OFD reads the same with and without them.
TEST_CASE("ofd: a complete table reads the same with its drawn borders as without") {
    const auto [bordered, bare] = ofd_texts("runs/006_huaian_city_2024.pdf.json");
    const auto a = nianbao::check(bordered), b = nianbao::check(bare);
    CHECK(cells(a.report) == cells(b.report));
    CHECK(nianbao::test::not_info(a) == nianbao::test::not_info(b));
    CHECK(nianbao::test::not_info(a).empty());
}

TEST_CASE("ofd: every real producer's file opens and gives its text in reading order") {
    const std::pair<const char*, const char*> starts[] = {
        {"converter-1.ofd", "浙江增值税电子普通发票"},
        {"converter-999.ofd", "壹万零陆佰圆整"},
        {"converter-helloworld.ofd", "你好呀，OFD Reader&Writer！"},
        {"converter-n.ofd", "路卫发〔2011〕76号\n关于同意张阿三同志辞职的批复\n区中医院："},
        {"converter-signout.ofd", "XX市政府文件处理"},
        {"converter-testPathFillOpacity.ofd", "关于加快南货场铁路涵洞下穿建设的函\n蚌山区政府："},
        {"converter-z.ofd", "CodePosition"},
        {"reader-chineseDir.ofd", "你好呀，OFD Reader&Writer！"},
        {"reader-multiKeywordInTextCode.ofd", "打发打发打发"},
        {"reader-path_unstd.ofd", "立案决定书"},
    };
    for (const auto& s : starts) {
        CAPTURE(s.first);
        const auto r = read_bytes(shared_ofd(s.first));
        REQUIRE(r.ok);
        CHECK(r.decoded.text.find(s.second) != std::string::npos);
    }
}

// Form-like producers draw what pages share on template pages (an invoice's
// labels, a decision's printed wording) and only the values on the pages:
// read without the templates, the values stand without their labels.
TEST_CASE("ofd: the template pages a page names are read with it: a form's labels beside their values") {
    const std::pair<const char*, const char*> lines[] = {
        {"converter-999.ofd", "发票代码：050001700111\n"},
        {"converter-999.ofd", "\n购买方名称：个人\t密码区"},
        {"converter-1.ofd", "\n购买方名称：江苏京利华新材料有限公司\t密码区"},
        {"reader-path_unstd.ofd", "\n    根据《中华人民共和国刑事诉讼法》第\t测试数据FLTK\n条之规定，决定对\t测试数据ajmc\n"},
    };
    for (const auto& [name, line] : lines) {
        CAPTURE(name);
        const auto r = read_bytes(shared_ofd(name));
        REQUIRE(r.ok);
        CHECK(r.decoded.text.find(line) != std::string::npos);
    }
}

// A package whose Document.xml names template pages (CommonData) and whose
// pages name them (Template, ZOrder Background by default or Foreground).
std::string ofd_with_templates(const std::vector<std::pair<std::string, std::string>>& templates,
                               const std::vector<std::pair<std::string, std::string>>& pages) {
    std::vector<nianbao::test::Part> parts = {
        {"OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
                    "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"}};
    std::string doc = "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData>";
    for (size_t t = 0; t < templates.size(); ++t) {
        doc += "<ofd:TemplatePage ID=\"" + templates[t].first + "\" BaseLoc=\"Tpls/Tpl_" + std::to_string(t) + "/Content.xml\"/>";
        parts.push_back({"Doc_0/Tpls/Tpl_" + std::to_string(t) + "/Content.xml",
                         "<ofd:Page><ofd:Content><ofd:Layer ID=\"1\">" + templates[t].second + "</ofd:Layer></ofd:Content></ofd:Page>"});
    }
    doc += "</ofd:CommonData><ofd:Pages>";
    for (size_t p = 0; p < pages.size(); ++p) {
        doc += "<ofd:Page ID=\"" + std::to_string(100 + p) + "\" BaseLoc=\"Pages/Page_" + std::to_string(p) + "/Content.xml\"/>";
        parts.push_back({"Doc_0/Pages/Page_" + std::to_string(p) + "/Content.xml",
                         "<ofd:Page>" + pages[p].first + "<ofd:Content><ofd:Layer ID=\"2\">" + pages[p].second + "</ofd:Layer></ofd:Content></ofd:Page>"});
    }
    parts.push_back({"Doc_0/Document.xml", doc + "</ofd:Pages></ofd:Document>"});
    return nianbao::test::make_zip(parts);
}

std::string text_object(double x, double y, const std::string& s) {
    return "<ofd:TextObject ID=\"9\" Boundary=\"" + std::to_string(x) + " " + std::to_string(y) + " 80 5\" Size=\"3.5\">"
           "<ofd:TextCode X=\"0\" Y=\"3.5\" DeltaX=\"g " + std::to_string(chars(s) - 1) + " 3.5\">" + s + "</ofd:TextCode></ofd:TextObject>";
}

TEST_CASE("ofd: a template under several pages gives its text on each; one over them too; an unknown template is nothing") {
    const std::string form = text_object(20, 20, "申请数量：") + text_object(20, 30, "办结数量：");
    const std::string stamp = text_object(20, 60, "（公章）");
    const auto bytes = ofd_with_templates(
        {{"7", form}, {"8", stamp}},
        {{"<ofd:Template TemplateID=\"7\"/><ofd:Template TemplateID=\"8\" ZOrder=\"Foreground\"/>",
          text_object(60, 20, "64") + text_object(60, 30, "60")},
         {"<ofd:Template TemplateID=\"7\" ZOrder=\"Background\"/><ofd:Template TemplateID=\"99\"/>",
          text_object(60, 20, "12") + text_object(60, 30, "11")}});
    const auto r = read_bytes(bytes);
    REQUIRE(r.ok);
    CHECK(r.decoded.text == "申请数量：\t64\n办结数量：\t60\n（公章）\n申请数量：\t12\n办结数量：\t11");
    int rounds = 0;
    const auto page = read_in_rounds(bytes, rounds);
    REQUIRE(page.ok);
    CHECK(page.decoded.text == r.decoded.text);
    CHECK(rounds == 5);  // OFD.xml, Document.xml, the pages, the templates they name, the text
}

// One template of 3 MB of text under 40 pages would be 120 MB of runs: the
// XML templates add counts with the pages' against the input limit (8 MB), so
// the template is read under the first pages only, and the text stays in bounds.
TEST_CASE("ofd: a large template under many pages is read only up to the input limit") {
    std::string big;
    for (int k = 0; big.size() < (3u << 20); ++k) big += text_object(20, 20 + (k % 200), "模板文字" + std::to_string(k));
    std::vector<std::pair<std::string, std::string>> pages(40, {"<ofd:Template TemplateID=\"1\"/>", text_object(20, 10, "页")});
    const auto r = read_bytes(ofd_with_templates({{"1", big}}, pages));
    REQUIRE(r.ok);
    const size_t one = read_bytes(ofd_with_templates({{"1", big}}, {pages[0]})).decoded.text.size();
    CHECK(r.decoded.text.size() < 3 * one);
    CHECK(r.decoded.text.size() > 2 * one);  // two uses fit in 8 MB with the pages, a third does not
}

TEST_CASE("ofd: text in an embedded font's private-use code points gives input-encoding and nothing else") {
    const auto r = read_bytes(shared_ofd("layout-ano.ofd"));
    REQUIRE(r.ok);
    const auto result = nianbao::check(r.decoded.text);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].id == "input-encoding");
    CHECK(result.findings[0].message_zh.find("私用区") != std::string::npos);
}

TEST_CASE("ofd: a seed report made into an OFD reads as the seed, cells and findings") {
    const std::string seed = nianbao::test::read_fixture("seeds/004_cefec1d860d17dad.txt");
    REQUIRE(!seed.empty());
    const auto r = read_bytes(ofd_of(seed));
    REQUIRE(r.ok);
    const auto from_ofd = nianbao::check(r.decoded.text, {}, nullptr);
    const auto original = nianbao::check(seed);
    CHECK(cells(from_ofd.report) == cells(original.report));
    CHECK(nianbao::test::not_info(from_ofd) == nianbao::test::not_info(original));
}

TEST_CASE("ofd: the page's reading in rounds gives the CLI's text") {
    std::vector<std::string> files;
    for (const char* name : {"converter-1.ofd", "converter-999.ofd", "converter-helloworld.ofd", "converter-n.ofd",
                             "converter-signout.ofd", "converter-testPathFillOpacity.ofd", "converter-z.ofd", "layout-ano.ofd",
                             "reader-chineseDir.ofd", "reader-multiKeywordInTextCode.ofd", "reader-path_unstd.ofd"})
        files.push_back(shared_ofd(name));
    files.push_back(ofd_of(nianbao::test::read_fixture("seeds/004_cefec1d860d17dad.txt")));
    for (size_t k = 0; k < files.size(); ++k) {
        CAPTURE(k);
        int rounds = 0;
        const auto page = read_in_rounds(files[k], rounds);
        const auto cli = read_bytes(files[k]);
        REQUIRE(page.ok);
        CHECK(page.decoded.text == cli.decoded.text);
        // OFD.xml, its Document.xml, then every page at once, then the
        // template pages they name (converter-1, -999, reader-path_unstd), then the text.
        CHECK(rounds == (files[k].find("Tpls/") != std::string::npos ? 5 : 4));
    }
}

TEST_CASE("ofd: the page's rounds refuse what the CLI refuses, with the same status") {
    const std::string ofd_xml = "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
    auto document = [](int pages) {
        std::string d = "<ofd:Document><ofd:Pages>";
        for (int p = 0; p < pages; ++p) d += "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>";
        return d + "</ofd:Pages></ofd:Document>";
    };
    // A page named that is not in the package.
    const std::string no_page = nianbao::test::make_zip({{"OFD.xml", ofd_xml}, {"Doc_0/Document.xml", document(1)}});
    // One 3 MB page named three times: 9 MB read in all, past the 8 MB budget.
    const std::string page(3u << 20, ' ');
    const std::string thrice = nianbao::test::make_zip(
        {{"OFD.xml", ofd_xml}, {"Doc_0/Document.xml", document(3)}, {"Doc_0/Pages/Page_0/Content.xml", page}});
    for (const auto& [bytes, status] : {std::pair{no_page, nianbao::zip::Status::Missing}, std::pair{thrice, nianbao::zip::Status::TooLarge}}) {
        int rounds = 0;
        const auto page_read = read_in_rounds(bytes, rounds);
        const auto cli = read_bytes(bytes);
        CHECK_FALSE(cli.ok);
        CHECK_FALSE(page_read.ok);
        CHECK(cli.zip_status == status);
        CHECK(page_read.zip_status == status);
        CHECK(page_read.error == cli.error);
    }
    const auto round = nianbao::read_zip_round(no_page, {});
    CHECK(round.kind == nianbao::input_kind_by_id("ofd"));
}
#endif
