// The one zip reader (nianbao/zip.h) and the input table (nianbao/inputs.h):
// archives built here byte by byte (stored entries, ZIP64, lying sizes, bad
// offsets), every prefix of a .docx, zip bombs. Natively a real deflate from
// zlib; in the wasm build (no zlib) an inflater that only copies stored
// deflate blocks, which is enough for the reader's side.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nianbao/docx.h"
#include "nianbao/inputs.h"
#include "nianbao/zip.h"
#include "zip_builder.h"

#ifdef NIANBAO_TESTS_ZLIB
#include <zlib.h>

#include "zlib_inflate.h"
#endif

namespace {

using nianbao::zip::Archive;
using nianbao::zip::Limits;
using nianbao::zip::Status;
using nianbao::test::make_zip;
using nianbao::test::Part;
using nianbao::test::put;


// A deflate stream of stored blocks (BTYPE 00): valid raw deflate any inflater reads.
std::string stored_deflate(const std::string& data) {
    std::string out;
    size_t at = 0;
    do {
        const size_t n = std::min<size_t>(data.size() - at, 65535);
        out += static_cast<char>(at + n == data.size() ? 1 : 0);
        put(out, n, 2);
        put(out, ~n & 0xffff, 2);
        out.append(data, at, n);
        at += n;
    } while (at < data.size());
    return out;
}

// Inflates stored deflate blocks only; enough to test the reader in the wasm build.
bool copy_inflate(std::string_view in, uint64_t max_out, std::string& out) {
    out.clear();
    size_t at = 0;
    for (;;) {
        if (at + 5 > in.size() || (in[at] & 6) != 0) return false;
        const bool last = in[at] & 1;
        const size_t n = static_cast<unsigned char>(in[at + 1]) | static_cast<unsigned char>(in[at + 2]) << 8;
        if (at + 5 + n > in.size()) return false;
        out.append(in.substr(at + 5, n));
        if (out.size() > max_out) return false;
        at += 5 + n;
        if (last) return true;
    }
}

#ifdef NIANBAO_TESTS_ZLIB
std::string real_deflate(const std::string& data) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

#endif

const nianbao::zip::Inflate kCopy = copy_inflate;

const std::string kXml =
        R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
        R"(<w:body><w:p><w:r><w:t>某某镇人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p>)"
        R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>本年新收</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
        R"(<w:sectPr/></w:body></w:document>)";

std::string docx(bool zip64 = false) {
    return make_zip({{"[Content_Types].xml", "<Types/>"},
                     {"word/document.xml", stored_deflate(kXml), 8, kXml.size()},
                     {"word/styles.xml", "<w:styles/>"}},
                    zip64);
}

}  // namespace

TEST_CASE("zip: a .docx's word/document.xml, stored or deflated, reads as docx_document_to_text") {
    const std::string expected = nianbao::docx_document_to_text(kXml);
    CHECK(expected.find("本年新收\t3") != std::string::npos);
    for (const std::string& bytes : {docx(), make_zip({{"word/document.xml", kXml}})}) {
        const nianbao::InputText read = nianbao::read_input_bytes(bytes, kCopy);
        REQUIRE(read.ok);
        CHECK(read.decoded.text == expected);
    }
#ifdef NIANBAO_TESTS_ZLIB
    const nianbao::InputText read = nianbao::read_input_bytes(
            make_zip({{"word/document.xml", real_deflate(kXml), 8, kXml.size()}}), zlib_inflate);
    REQUIRE(read.ok);
    CHECK(read.decoded.text == expected);
#endif
}

TEST_CASE("zip: ZIP64 records (sizes and offsets in the extra field, 64-bit end records) read the same") {
    Archive archive;
    const std::string bytes = docx(true);
    REQUIRE(archive.open(bytes) == Status::Ok);
    REQUIRE(archive.entries().size() == 3);
    const nianbao::zip::Entry* e = archive.find("word/document.xml");
    REQUIRE(e);
    CHECK(e->size == kXml.size());
    std::string xml;
    CHECK(archive.read(*e, kCopy, xml) == Status::Ok);
    CHECK(xml == kXml);
    const nianbao::InputText read = nianbao::read_input_bytes(bytes, kCopy);
    REQUIRE(read.ok);
    CHECK(read.decoded.text == nianbao::docx_document_to_text(kXml));
}

TEST_CASE("zip: every prefix and every single-byte corruption of a .docx ends in a status, never a crash") {
    const std::string whole = docx();
    for (size_t n = 0; n < whole.size(); ++n) {
        const nianbao::InputText read = nianbao::read_input_bytes(std::string_view(whole).substr(0, n), kCopy);
        if (n >= 4) {  // "PK\3\4": a zip, so a zip error
            CHECK_FALSE(read.ok);
            CHECK_FALSE(read.error.empty());
        }
    }
    for (size_t at = 0; at < whole.size(); ++at) {
        std::string bad = whole;
        bad[at] = static_cast<char>(bad[at] ^ 0xa5);
        const nianbao::InputText read = nianbao::read_input_bytes(bad, kCopy);
        CHECK((read.ok || !read.error.empty()));
    }
}

TEST_CASE("zip: offsets and sizes outside the file are damage, named") {
    Archive archive;
    std::string bytes = make_zip({{"word/document.xml", kXml}});
    const size_t end = bytes.size() - 22;
    std::string far = bytes;
    far[end + 16] = '\x7f';  // central directory offset past the end
    CHECK(archive.open(far) == Status::Damaged);
    CHECK(archive.message().find("central directory") != std::string::npos);

    std::string local = bytes;  // the entry's local header offset (central record +42) past the end
    const size_t dir = static_cast<unsigned char>(bytes[end + 16]) | static_cast<unsigned char>(bytes[end + 17]) << 8;
    local[dir + 42 + 3] = '\x10';
    REQUIRE(archive.open(local) == Status::Ok);
    std::string out;
    CHECK(archive.read(archive.entries()[0], kCopy, out) == Status::Damaged);
    CHECK(archive.message().find("local header") != std::string::npos);

    std::string packed = bytes;  // packed size past the end of the file
    packed[dir + 20 + 3] = '\x10';
    packed[dir + 24 + 3] = '\x10';
    Limits roomy;
    roomy.max_entry_bytes = roomy.max_total_bytes = roomy.ratio_floor_bytes = uint64_t(1) << 32;
    REQUIRE(archive.open(packed, roomy) == Status::Ok);
    CHECK(archive.read(archive.entries()[0], kCopy, out) == Status::Damaged);
    CHECK(archive.message().find("past the end") != std::string::npos);

    const nianbao::InputText read = nianbao::read_input_bytes(far, kCopy);
    CHECK_FALSE(read.ok);
    CHECK(read.zip_status == Status::Damaged);
}

TEST_CASE("zip: more entries than the cap is refused before they are read") {
    std::vector<Part> parts;
    for (int k = 0; k < 5; ++k) parts.push_back({"f" + std::to_string(k), "x"});
    Limits few;
    few.max_entries = 4;
    Archive archive;
    CHECK(archive.open(make_zip(parts), few) == Status::TooManyEntries);
    CHECK(archive.message().find("5 entries") != std::string::npos);
    // An end record claiming 1000 entries (under the cap) in a directory of five.
    std::string claim = make_zip(parts);
    claim[claim.size() - 12] = '\xe8';
    claim[claim.size() - 11] = '\x03';
    CHECK(archive.open(claim) == Status::Damaged);
    // A ZIP64 end record claiming 2^40 entries.
    std::string huge = make_zip(parts, true);
    const size_t end64 = huge.size() - 22 - 20 - 56;
    huge[end64 + 32 + 5] = '\x01';
    CHECK(archive.open(huge) == Status::TooManyEntries);
}

TEST_CASE("zip: a zip bomb is too large, not damaged, whether its sizes tell the truth or not") {
    Archive archive;
    std::string out;
    // Declared 100 MB: refused before inflating.
    const std::string declared = make_zip({{"word/document.xml", stored_deflate("<w:document/>"), 8, 100u << 20}});
    REQUIRE(archive.open(declared) == Status::Ok);
    int calls = 0;
    const nianbao::zip::Inflate counting = [&](std::string_view, uint64_t, std::string&) { return ++calls, false; };
    CHECK(archive.read(archive.entries()[0], counting, out) == Status::TooLarge);
    CHECK(calls == 0);
    CHECK(archive.message().find("zip bomb") != std::string::npos);
    Limits no_ratio;
    no_ratio.max_ratio = uint64_t(1) << 40;
    REQUIRE(archive.open(declared, no_ratio) == Status::Ok);
    CHECK(archive.read(archive.entries()[0], counting, out) == Status::TooLarge);
    CHECK(archive.message().find("more than 8 MB") != std::string::npos);  // the core's one limit (limits.h)

    // Declared small, inflates past the ratio cap (1 KB packed may give at most the 1 MB floor).
    const nianbao::zip::Inflate bomb = [](std::string_view, uint64_t max_out, std::string& o) {
        o.assign(max_out + 1, 'a');
        return false;
    };
    const std::string liar = make_zip({{"word/document.xml", std::string(1024, 'z'), 8, 1000}});
    REQUIRE(archive.open(liar) == Status::Ok);
    CHECK(archive.inflate_limit(archive.entries()[0]) == (1u << 20));
    CHECK(archive.read(archive.entries()[0], bomb, out) == Status::TooLarge);
    CHECK(out.empty());
    const nianbao::InputText read = nianbao::read_input_bytes(liar, bomb);
    CHECK_FALSE(read.ok);
    CHECK(read.zip_status == Status::TooLarge);
    CHECK(read.error.find("zip bomb") != std::string::npos);

    // Past the ratio floor the cap is 200x the packed size.
    const std::string big = make_zip({{"word/document.xml", std::string(30000, 'z'), 8, 1000}});
    REQUIRE(archive.open(big) == Status::Ok);
    CHECK(archive.inflate_limit(archive.entries()[0]) == 200u * 30000);
    CHECK(archive.read(archive.entries()[0], bomb, out) == Status::TooLarge);
    CHECK(archive.message().find("200 times") != std::string::npos);

    // The host that inflates by itself (the page) is held to the same caps.
    CHECK(archive.account(archive.entries()[0], 200u * 30000 + 1) == Status::TooLarge);
    CHECK(archive.account(archive.entries()[0], 5000) == Status::Ok);
#ifdef NIANBAO_TESTS_ZLIB
    // A real one: 80 MB of zeros deflate to ~80 KB.
    const std::string zeros(80u << 20, '\0');
    const std::string packed = real_deflate(zeros);
    const std::string real = make_zip({{"word/document.xml", packed, 8, 1000}});
    const nianbao::InputText r = nianbao::read_input_bytes(real, zlib_inflate);
    CHECK_FALSE(r.ok);
    CHECK(r.zip_status == Status::TooLarge);
#endif
}

TEST_CASE("zip: the inflated bytes of one archive share one total budget") {
    Limits small;
    small.max_total_bytes = 100;
    small.ratio_floor_bytes = 1000;
    Archive archive;
    const std::string two = make_zip({{"a", std::string(60, 'a')}, {"b", std::string(60, 'b')}});
    REQUIRE(archive.open(two, small) == Status::Ok);
    std::string out;
    CHECK(archive.read(archive.entries()[0], kCopy, out) == Status::Ok);
    INFO(archive.message());
    CHECK(archive.read(archive.entries()[1], kCopy, out) == Status::TooLarge);
    CHECK(archive.message().find("in all") != std::string::npos);
}

TEST_CASE("zip: encrypted entries and other methods are unsupported; a zip without the document says so") {
    Archive archive;
    std::string out;
    const std::string bzip2 = make_zip({{"word/document.xml", "x", 12}});
    REQUIRE(archive.open(bzip2) == Status::Ok);
    CHECK(archive.read(archive.entries()[0], kCopy, out) == Status::Unsupported);
    const std::string encrypted = make_zip({{"word/document.xml", "x", 0, UINT64_MAX, 1}});
    REQUIRE(archive.open(encrypted) == Status::Ok);
    CHECK(archive.read(archive.entries()[0], kCopy, out) == Status::Unsupported);
    const nianbao::InputText read = nianbao::read_input_bytes(make_zip({{"readme.txt", "hello"}}), kCopy);
    CHECK_FALSE(read.ok);
    CHECK(read.error.find("word/document.xml") != std::string::npos);
    CHECK(std::string(nianbao::zip::status_code(Status::TooLarge)) == "zip-too-large");
}

TEST_CASE("inputs: one table; kinds by extension and by content") {
    REQUIRE(nianbao::input_kind_count() >= 4);
    for (size_t k = 0; k < nianbao::input_kind_count(); ++k) {
        const nianbao::InputKind& kind = nianbao::input_kinds()[k];
        CHECK_FALSE(kind.id.empty());
        CHECK_FALSE(kind.extensions.empty());
#ifndef __EMSCRIPTEN__  // (the wasm leaves the whole-file readers out)
        // Read somewhere: by the page, or (OFD, many parts) by the core's reader only.
        CHECK((!kind.page_reader.empty() || kind.read != nullptr));
#endif
        // A reader over zip entries belongs to a zip kind.
        CHECK((kind.read_zip == nullptr || !kind.zip_entry.empty()));
    }
    auto id = [](const nianbao::InputKind* k) { return k ? std::string(k->id) : std::string("none"); };
    CHECK(id(nianbao::input_kind_by_name("年报.DOCX")) == "docx");
    CHECK(id(nianbao::input_kind_by_name("dir/a.Md")) == "text");
    CHECK(id(nianbao::input_kind_by_name("a.htm")) == "html");
    CHECK(id(nianbao::input_kind_by_name("a.pdf")) == "pdf");
    CHECK(id(nianbao::input_kind_by_name("a.exe")) == "none");
    CHECK(id(nianbao::input_kind_by_name("no-extension")) == "none");
    CHECK(id(nianbao::input_kind_by_name("a.")) == "none");
    CHECK(id(nianbao::input_kind_by_content(docx())) == "docx");
    CHECK(id(nianbao::input_kind_by_content(make_zip({{"OFD.xml", "<ofd/>"}}))) == "ofd");
    CHECK(id(nianbao::input_kind_by_content(make_zip({{"other.xml", "<x/>"}}))) == "none");
    CHECK(id(nianbao::input_kind_by_name("公文.OFD")) == "ofd");
    CHECK(id(nianbao::input_kind_by_content("%PDF-1.7\n")) == "pdf");
    CHECK(id(nianbao::input_kind_by_content("某某镇人民政府")) == "none");
    // Text and saved pages: decoded, a page read as its text.
    const nianbao::InputText page = nianbao::read_input_bytes("<html><body><p>一</p><table><tr><td>a</td><td>1</td></tr></table></body></html>", kCopy);
    REQUIRE(page.ok);
    CHECK(page.decoded.text.find("a\t1") != std::string::npos);
}
