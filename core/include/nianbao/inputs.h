// The kinds of input nianbao reads, as one table: the file extensions, the
// MIME types of a file picker's accept list, how a file is recognised by its
// bytes, and which reader turns it into text. The CLI (folders, detection),
// the wasm binding and, through it, the page (accept lists, drops, its
// decoder and worker) all take their formats from here: a new format is its
// reader, one row of the table and its test.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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
// The reader of a zip kind's part, once a host inflated it (the page).
using PartReader = std::string (*)(std::string_view part);

struct InputKind {
    std::string_view id;          // "text", "html", "docx", "pdf"
    std::string_view extensions;  // space-separated, lower case, without the dot
    std::string_view mime;        // comma-separated, for accept lists
    std::string_view magic;       // leading bytes that identify it ("%PDF-"), or empty
    std::string_view zip_entry;   // a zip holding this entry is this kind, or empty
    std::string_view zip_part;    // the entry a page host inflates for the core (docx: the document)
    InputReader read;             // nullptr: not read by the core (PDF: the page's pdf.js)
    PartReader read_part;         // zip_part's bytes -> text, or nullptr
    std::string_view page_reader; // how the page reads it: "text", "html", "zip", "pdfjs"
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
// (PDF) are decoded as text too, which the checks report as binary.
InputText read_input_bytes(std::string_view bytes, const zip::Inflate& inflate);

}  // namespace nianbao
