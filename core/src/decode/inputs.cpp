// The table of input kinds (see nianbao/inputs.h) and the detection that
// reads it. Detection by content comes first for zips, whose entries say what
// they are (a .docx holds word/document.xml, an OFD holds OFD.xml).
#include "nianbao/inputs.h"

#include "decode/input_readers.h"
#include "nianbao/docx.h"

namespace nianbao {

namespace {

// The page reads zips in rounds (read_zip_round, the binding's zipRead: its
// worker inflates), so the wasm leaves the whole-zip readers out. Text and web pages
// it reads as the CLI does, whole (the binding's readText).
#ifdef __EMSCRIPTEN__
#define NIANBAO_ZIP_READER(f) nullptr
#else
#define NIANBAO_ZIP_READER(f) f
#endif
// The page's first module (wasm/CMakeLists.txt builds this file once more for
// it) has no file reader at all: the worker loads them on the first file
// (nianbao-readers.wasm), so that decode_bytes and its GB18030 table, the
// zip, Word and OFD readers stay out of the page's first load.
#ifdef NIANBAO_PAGE_FIRST_MODULE
#define NIANBAO_PAGE_READER(f) nullptr
#else
#define NIANBAO_PAGE_READER(f) f
#endif

constexpr InputKind kKinds[] = {
    {"text", "txt md text", "text/plain,text/markdown", "", "", NIANBAO_PAGE_READER(read_text_input), nullptr, "text"},
    {"html", "html htm", "text/html", "", "", NIANBAO_PAGE_READER(read_text_input), nullptr, "html"},
    {"docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "",
     "word/document.xml", NIANBAO_ZIP_READER(read_docx_input), NIANBAO_PAGE_READER(read_docx_entries), "zip"},
    {"ofd", "ofd", "application/ofd", "", "OFD.xml", NIANBAO_ZIP_READER(read_ofd_input), NIANBAO_PAGE_READER(read_ofd_entries), "zip"},
    // No core reader (it takes a PDF library): the page's pdf.js (web/pdftext.js) and the
    // CLI's libqpdf (cli/pdf_input.cpp) read it, each handing runs to the layout step.
    {"pdf", "pdf", "application/pdf", "%PDF-", "", nullptr, nullptr, "pdfjs"},
};

constexpr std::string_view kZipMagic("PK\x03\x04", 4);

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool has_extension(const InputKind& kind, std::string_view ext) {
    for (size_t at = 0; at < kind.extensions.size();) {
        size_t end = kind.extensions.find(' ', at);
        if (end == std::string_view::npos) end = kind.extensions.size();
        if (kind.extensions.substr(at, end - at) == ext) return true;
        at = end + 1;
    }
    return false;
}

}  // namespace

const InputKind* input_kinds() { return kKinds; }
size_t input_kind_count() { return sizeof kKinds / sizeof kKinds[0]; }

const InputKind* input_kind_by_id(std::string_view id) {
    for (const InputKind& k : kKinds)
        if (k.id == id) return &k;
    return nullptr;
}

const InputKind* input_kind_by_name(std::string_view file_name) {
    const size_t dot = file_name.rfind('.');
    if (dot == std::string_view::npos || file_name.find('/', dot) != std::string_view::npos) return nullptr;
    std::string ext;
    for (char c : file_name.substr(dot + 1)) ext += lower(c);
    if (ext.empty()) return nullptr;
    for (const InputKind& k : kKinds)
        if (has_extension(k, ext)) return &k;
    return nullptr;
}

const InputKind* input_kind_by_content(std::string_view bytes) {
    if (bytes.substr(0, 4) == kZipMagic) {
        zip::Archive archive;
        if (archive.open(bytes) != zip::Status::Ok) return nullptr;
        for (const InputKind& k : kKinds)
            if (!k.zip_entry.empty() && archive.find(k.zip_entry)) return &k;
        return nullptr;
    }
    for (const InputKind& k : kKinds)
        if (!k.magic.empty() && bytes.substr(0, k.magic.size()) == k.magic) return &k;
    return nullptr;
}

#undef NIANBAO_ZIP_READER
#undef NIANBAO_PAGE_READER

std::string no_zip_kind() {
    std::string wanted;  // the entries the table's zip kinds are known by
    for (const InputKind& k : kKinds)
        if (!k.zip_entry.empty()) wanted += (wanted.empty() ? "" : " or ") + std::string(k.zip_entry);
    return "no " + wanted + " in the archive";
}

InputText read_input_bytes(std::string_view bytes, const zip::Inflate& inflate) {
    if (bytes.substr(0, 4) == kZipMagic) {
        const InputKind* kind = input_kind_by_content(bytes);
        if (kind && kind->read) return kind->read(bytes, inflate);
        // (The wasm has the kinds' entries readers only.)
        if (kind && kind->read_zip) return read_zip_input(bytes, inflate, kind->read_zip, kind->id);
        zip::Archive archive;
        // A damaged zip: the Word reader says what is wrong with it.
        if (archive.open(bytes) != zip::Status::Ok) return read_docx_input(bytes, inflate);
        InputText out;  // a zip of no kind the table knows
        out.zip_status = zip::Status::Missing;
        out.error = "not a document nianbao reads (.docx, .ofd): " + no_zip_kind();
        return out;
    }
    const InputKind* kind = input_kind_by_content(bytes);
    if (kind && kind->read) return kind->read(bytes, inflate);
    return read_text_input(bytes, inflate);
}

}  // namespace nianbao
