// The WebAssembly front door: six functions, strings in and out (UTF-8 on
// the C++ side, JS strings on the other). Everything else is in the core.
#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include <string>

#include "nianbao/docx.h"
#include "nianbao/html.h"
#include "nianbao/nianbao.h"

namespace {

// The largest text (and previous report) the module reads: its memory cap
// (-sMAXIMUM_MEMORY) / 128. The core's peak heap reached 74x the input on
// the worst shape measured (a table of many short rows; a real report repeated:
// 19x), so inputs within the budget cannot run out of memory; a bigger input
// gets the input-too-large finding instead of an abort. 512 MB -> 4 MiB,
// about 50 times the largest real report.
size_t max_input_bytes() {
    const size_t budget = emscripten_get_heap_max() / 128;
    return budget < nianbao::kMaxInputBytes ? budget : nianbao::kMaxInputBytes;
}

// check(text, optionsJson, previousText) -> result JSON.
// An empty previousText means "no previous report".
std::string check(const std::string& text, const std::string& options_json,
                  const std::string& previous_text) {
    return nianbao::check_to_json(text, options_json, previous_text, max_input_bytes());
}

// Over the budget the model of an empty text: check() says why.
std::string extract(const std::string& text) {
    return nianbao::extract_to_json(text.size() > max_input_bytes() ? std::string() : text);
}

// The budget, for the page and the tests.
double max_input() { return static_cast<double>(max_input_bytes()); }

// Clipboard text/html and dropped .html files: the same reading as the CLI's.
std::string html_to_text(const std::string& html) { return nianbao::html_to_text(html); }

// word/document.xml of a dropped .docx (the page unzips it).
std::string docx_to_text(const std::string& document_xml) { return nianbao::docx_document_to_text(document_xml); }

std::string rules() { return nianbao::rules_to_json(); }

std::string version() { return nianbao::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(nianbao) {
    emscripten::function("check", &check);
    emscripten::function("extract", &extract);
    emscripten::function("htmlToText", &html_to_text);
    emscripten::function("docxToText", &docx_to_text);
    emscripten::function("rules", &rules);
    emscripten::function("version", &version);
    emscripten::function("maxInputBytes", &max_input);
}
