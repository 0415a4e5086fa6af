// The kinds of input nianbao reads, as one table: the file extensions, the
// MIME types of a file picker's accept list, how a file is recognised by its
// bytes, and which reader turns it into text. The CLI (folders, detection),
// the wasm binding and, through it, the page (accept lists, drops, its
// decoder and worker) all take their formats from here: a new format is its
// reader, one row of the table and its test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/zip.h"

namespace nianbao {

// What an input turned into: decoded text, or a one-line error naming the
// problem (the caller adds the file's name). zip_status says whether the
// container was at fault, for the page's translated messages.
struct InputText {
    bool ok = false;
    Decoded decoded;
    std::string error;
    zip::Status zip_status = zip::Status::Ok;
};

// A reader in the core: bytes (and the host's inflater, for zip kinds) -> text.
using InputReader = InputText (*)(std::string_view bytes, const zip::Inflate& inflate);

// A zip package's entries as a zip kind's reader asks for them, one by one:
// the reader decides which it needs (an OFD: OFD.xml, then the Document.xml
// it names, then the pages that names), the host supplies them inflated.
class ZipEntries {
public:
    // Ok with the inflated entry in `out`; else why not (Missing: no such
    // entry; the zip reader's TooLarge, Damaged, ...), message() in a line.
    virtual zip::Status get(const std::string& name, std::string& out) = 0;
    virtual std::string message() const = 0;

protected:
    ~ZipEntries() = default;
};

// A zip kind's reader over its entries: the CLI's whole-file reading
// (read_zip_input) and the page's rounds (read_zip_round) both run it.
using ZipReader = InputText (*)(ZipEntries& entries);

struct InputKind {
    std::string_view id;          // "text", "html", "docx", "ofd", "pdf"
    std::string_view extensions;  // space-separated, lower case, without the dot
    std::string_view mime;        // comma-separated, for accept lists
    std::string_view magic;       // leading bytes that identify it ("%PDF-"), or empty
    std::string_view zip_entry;   // a zip holding this entry is this kind, or empty
    InputReader read;             // nullptr: not read by the core (PDF: the page's pdf.js, the CLI's qpdf)
    ZipReader read_zip;           // a zip kind's reader over its entries (the page's rounds), or nullptr
    std::string_view page_reader; // how the page reads it: "text", "html", "zip" (read_zip in rounds), "pdfjs"
};

// The table, in the order the page lists the kinds.
const InputKind* input_kinds();
size_t input_kind_count();

// The kind of that id ("docx"), or nullptr.
const InputKind* input_kind_by_id(std::string_view id);

// The kind a file name's extension names (case-insensitive), or nullptr.
const InputKind* input_kind_by_name(std::string_view file_name);

// The kind the bytes show: a zip by the entries it holds, else by magic
// bytes; nullptr when the bytes say nothing (text and HTML look alike).
const InputKind* input_kind_by_content(std::string_view bytes);

// The CLI's reading of a file: a zip goes to the reader of the kind its
// entries name (or an error: "not a Word document"), other bytes are decoded
// as text (a saved web page read as its text). Kinds without a core reader
// (PDF: the CLI reads it first, cli/pdf_input.cpp) are decoded as text too,
// which the checks report as binary.
InputText read_input_bytes(std::string_view bytes, const zip::Inflate& inflate);

// A zip kind's reader run over the whole file, entries inflated by
// `inflate` (the CLI's zlib); `what` names the kind in the message when the
// bytes are no zip ("the .docx": "cannot read the .docx (zip): ...").
InputText read_zip_input(std::string_view bytes, const zip::Inflate& inflate, ZipReader reader, std::string_view what);

// The page's reading of a zip file, in rounds, since its worker inflates:
// `parts` holds the entries inflated so far (name, inflated bytes). The kind
// is the one the zip's entries show (as read_input_bytes finds it); its
// reader runs over the parts, each counted against the zip reader's caps as
// the CLI counts them, and names the entries it wants that are not there
// yet: those are `need`, with where their packed bytes are and how far each
// may inflate, all of them together at most `left`. The worker inflates
// them and calls again; with `need` empty, `read` is the reading, the same
// text (or error) as read_input_bytes gives the CLI for the same file.
struct ZipNeed {
    std::string name;
    uint16_t method = 0;   // 0 stored, 8 deflate
    uint64_t offset = 0;   // of the packed bytes in the file
    uint64_t packed = 0;
    uint64_t limit = 0;    // the most it may inflate to
};
struct ZipRound {
    const InputKind* kind = nullptr;  // nullptr: no kind's entry in the zip, or no zip (read says)
    std::vector<ZipNeed> need;
    uint64_t left = 0;
    InputText read;
    std::string missing;  // read.zip_status Missing: the entry that is not in the package
};
ZipRound read_zip_round(std::string_view bytes, const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace nianbao
