// libFuzzer target: the OFD reader (GB/T 33190: a zip of XML -> positioned
// runs -> the layout step -> text), through read_input_bytes as the CLI reads
// a file. Three shapes of input:
//   "PK…"        a whole .ofd file, deflated parts inflated by zlib as the CLI does;
//   "--- NAME\n" a package written out: each such line starts an entry (OFD.xml,
//                Doc_0/Document.xml, …), stored in a zip the harness builds;
//   anything else: page Content.xml, pages separated by form feeds, in a
//                package with a fixed OFD.xml and a Document.xml naming them.
// The last two put the fuzzing into the XML, which mutations of deflated
// bytes rarely reach. The text must be valid UTF-8; a failure must say why.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "fuzz_zlib.h"
#include "nianbao/inputs.h"
#include "targets.h"
#include "zip_builder.h"

using nianbao::test::Part;

namespace {

std::vector<Part> written_out(std::string_view in) {
    std::vector<Part> parts;
    while (in.substr(0, 4) == "--- ") {
        const size_t eol = in.find('\n');
        if (eol == std::string_view::npos) break;
        Part p;
        p.name = std::string(in.substr(4, eol - 4));
        in.remove_prefix(eol + 1);
        const size_t next = in.find("\n--- ");
        p.packed = std::string(in.substr(0, next));
        in.remove_prefix(next == std::string_view::npos ? in.size() : next + 1);
        parts.push_back(std::move(p));
    }
    return parts;
}

std::vector<Part> pages(std::string_view in) {
    std::vector<Part> parts;
    parts.push_back({"OFD.xml",
                     "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
                     "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"});
    std::string document =
        "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData><ofd:PageArea>"
        "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>";
    std::vector<Part> contents;
    for (int n = 0;; ++n) {
        const size_t ff = in.find('\f');
        const std::string name = "Pages/Page_" + std::to_string(n) + "/Content.xml";
        document += "<ofd:Page ID=\"" + std::to_string(n + 1) + "\" BaseLoc=\"" + name + "\"/>";
        contents.push_back({"Doc_0/" + name, std::string(in.substr(0, ff))});
        if (ff == std::string_view::npos) break;
        in.remove_prefix(ff + 1);
    }
    document += "</ofd:Pages></ofd:Document>";
    parts.push_back({"Doc_0/Document.xml", document});
    for (auto& p : contents) parts.push_back(std::move(p));
    return parts;
}

}  // namespace

void fuzz::ofd(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string file;
    if (bytes.substr(0, 2) == "PK") file = std::string(bytes);
    else file = nianbao::test::make_zip(bytes.substr(0, 4) == "--- " ? written_out(bytes) : pages(bytes));
    const nianbao::InputText t = nianbao::read_input_bytes(file, inflater());
    require(nianbao::is_valid_utf8(t.decoded.text));
    require(t.ok || !t.error.empty());
}

NIANBAO_FUZZ_ENTRY(ofd)
