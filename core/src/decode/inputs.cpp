// The table of input kinds (see nianbao/inputs.h) and the detection that
// reads it. Detection by content comes first for zips, whose entries say what
// they are (a .docx holds word/document.xml, an OFD holds OFD.xml).
#include "nianbao/inputs.h"

#include "decode/input_readers.h"
#include "nianbao/docx.h"

namespace nianbao {

namespace {

// The page reads no whole file in the core (it decodes text itself and hands
// zips over part by part: zipPlan/readZipPart), so the wasm leaves the
// whole-file readers out: they would link decode_bytes and its GB18030 table,
// ~50 KB gz of the page's first load.
#ifdef __EMSCRIPTEN__
#define NIANBAO_FILE_READER(f) nullptr
#else
#define NIANBAO_FILE_READER(f) f
#endif

constexpr InputKind kKinds[] = {
    {"text", "txt md text", "text/plain,text/markdown", "", "", "", NIANBAO_FILE_READER(read_text_input), nullptr, "text"},
    {"html", "html htm", "text/html", "", "", "", NIANBAO_FILE_READER(read_text_input), nullptr, "html"},
    {"docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "",
     "word/document.xml", "word/document.xml", NIANBAO_FILE_READER(read_docx_input), docx_document_to_text, "zip"},
    // The CLI's for now: the page's worker would need every page's part inflated (no page reader).
    {"ofd", "ofd", "application/ofd", "", "OFD.xml", "", NIANBAO_FILE_READER(read_ofd_input), nullptr, ""},
    // Read by the page's pdf.js only (web/pdftext.js); the CLI decodes it as bytes.
    {"pdf", "pdf", "application/pdf", "%PDF-", "", "", nullptr, nullptr, "pdfjs"},
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

#undef NIANBAO_FILE_READER

InputText read_input_bytes(std::string_view bytes, const zip::Inflate& inflate) {
    if (bytes.substr(0, 4) == kZipMagic) {
        const InputKind* kind = input_kind_by_content(bytes);
        // A zip of no known kind, or a damaged one: the Word reader says which
        // (the only zip kind today; with OFD the message names both).
        return kind && kind->read ? kind->read(bytes, inflate) : read_docx_input(bytes, inflate);
    }
    const InputKind* kind = input_kind_by_content(bytes);
    if (kind && kind->read) return kind->read(bytes, inflate);
    return read_text_input(bytes, inflate);
}

}  // namespace nianbao
