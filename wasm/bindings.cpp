// The WebAssembly front door: ten functions, strings in and out (UTF-8 on
// the C++ side, JS strings on the other; a file's bytes as a Uint8Array).
// Everything else is in the core.
#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/docx.h"
#include "nianbao/html.h"
#include "nianbao/inputs.h"
#include "nianbao/nianbao.h"
#include "nianbao/options_reader.h"
#include "nianbao/zip.h"

namespace {

// The largest text (and previous report) the module reads: its memory cap
// (-sMAXIMUM_MEMORY) / 128. The core's peak heap reached 74x the input on
// the worst shape measured (a table of many short rows; a real report repeated:
// 19x), so inputs within the budget cannot run out of memory; a bigger input
// gets the input-too-large finding instead of an abort. 1 GB -> 8 MiB,
// about 100 times the largest real report (a 5 MB paste is checked).
size_t max_input_bytes() {
    const size_t budget = emscripten_get_heap_max() / 128;
    return budget < nianbao::kMaxInputBytes ? budget : nianbao::kMaxInputBytes;
}

// read_options() over what the browser's JSON.parse gave: the page's wasm
// then needs no JSON parser of its own (nlohmann's parser and the float
// printf it pulls in were ~8% of the module).
struct JsObject {
    emscripten::val object;
    emscripten::val at(const char* key) const { return object[key]; }
    static bool is_string(const emscripten::val& v) { return v.isString(); }
    std::optional<std::string> string(const char* key) const {
        const emscripten::val v = at(key);
        if (!is_string(v)) return std::nullopt;
        return v.as<std::string>();
    }
    std::optional<bool> boolean(const char* key) const {
        const emscripten::val v = at(key);
        if (v.isTrue()) return true;
        if (v.isFalse()) return false;
        return std::nullopt;
    }
    std::vector<std::string> strings(const char* key) const {
        std::vector<std::string> out;
        const emscripten::val v = at(key);
        if (!emscripten::val::global("Array").call<bool>("isArray", v)) return out;
        const auto n = v["length"].as<unsigned>();
        for (unsigned k = 0; k < n; ++k)
            if (is_string(v[k])) out.push_back(v[k].as<std::string>());
        return out;
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> string_map(const char* key) const {
        std::vector<std::pair<std::string, std::optional<std::string>>> out;
        const emscripten::val v = at(key);
        if (!is_object(v)) return out;
        const emscripten::val keys = emscripten::val::global("Object").call<emscripten::val>("keys", v);
        const auto n = keys["length"].as<unsigned>();
        for (unsigned k = 0; k < n; ++k) {
            const auto name = keys[k].as<std::string>();
            const emscripten::val value = v[name];
            out.push_back({name, is_string(value) ? std::optional<std::string>(value.as<std::string>()) : std::nullopt});
        }
        return out;
    }
    static bool is_object(const emscripten::val& v) {
        return v.typeOf().as<std::string>() == "object" && !v.isNull() &&
               !emscripten::val::global("Array").call<bool>("isArray", v);
    }
};

// check(text, optionsJson, previousText) -> result JSON, as check_to_json().
// An empty previousText means "no previous report"; options that are not a
// JSON object are ignored, as natively (JSON.parse's SyntaxError propagates).
std::string check(const std::string& text, const std::string& options_json,
                  const std::string& previous_text) {
    nianbao::Options options;
    if (!options_json.empty()) {
        const emscripten::val parsed = emscripten::val::global("JSON").call<emscripten::val>("parse", options_json);
        std::string error;
        if (JsObject::is_object(parsed)) options = nianbao::read_options(JsObject{parsed}, &error);
    }
    options.max_input_bytes = max_input_bytes();
    return nianbao::check_to_json(text, options, previous_text);
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

// The input table (nianbao/inputs.h) for the page: its accept lists, which
// dropped files it takes and how it reads each (the worker sends it in 'ready').
emscripten::val input_kinds() {
    using emscripten::val;
    auto list = [](std::string_view s, char sep) {
        val out = val::array();
        for (size_t at = 0; at < s.size();) {
            size_t end = s.find(sep, at);
            if (end == std::string_view::npos) end = s.size();
            out.call<void>("push", std::string(s.substr(at, end - at)));
            at = end + 1;
        }
        return out;
    };
    val kinds = val::array();
    for (size_t k = 0; k < nianbao::input_kind_count(); ++k) {
        const nianbao::InputKind& kind = nianbao::input_kinds()[k];
        if (kind.page_reader.empty()) continue;  // not read by the page yet (OFD: the CLI only)
        val o = val::object();
        o.set("id", std::string(kind.id));
        o.set("extensions", list(kind.extensions, ' '));
        o.set("mime", list(kind.mime, ','));
        o.set("magic", std::string(kind.magic));
        o.set("zipEntry", std::string(kind.zip_entry));
        o.set("reader", std::string(kind.page_reader));
        kinds.call<void>("push", o);
    }
    return kinds;
}

// The page's half of the zip reader: the core reads the central directory of
// a dropped zip's bytes, names its kind and says which entry to inflate, where
// its packed bytes are and how far it may inflate ({kind, entry: {name, method,
// offset, packed, limit}}, or {code, message}). The worker inflates that range
// (DecompressionStream, else a fallback library) and hands the part to the
// kind's reader (docxToText). The caps are the core's, in both hosts.
emscripten::val zip_plan(const std::string& bytes) {
    using emscripten::val;
    val out = val::object();
    auto fail = [&](nianbao::zip::Status s, const std::string& message) {
        out.set("code", std::string(nianbao::zip::status_code(s)));
        out.set("message", message);
        return out;
    };
    nianbao::zip::Archive archive;
    nianbao::zip::Status s = archive.open(bytes);
    if (s != nianbao::zip::Status::Ok) return fail(s, archive.message());
    const nianbao::InputKind* kind = nianbao::input_kind_by_content(bytes);
    const nianbao::zip::Entry* e = kind ? archive.find(kind->zip_part) : nullptr;
    if (!e) {
        std::string wanted;  // the entries the table's zip kinds are known by
        for (size_t k = 0; k < nianbao::input_kind_count(); ++k)
            if (!nianbao::input_kinds()[k].zip_entry.empty())
                wanted += (wanted.empty() ? "" : " or ") + std::string(nianbao::input_kinds()[k].zip_entry);
        return fail(nianbao::zip::Status::Missing, "no " + wanted + " in the archive");
    }
    if (e->flags & 1 || (e->method != 0 && e->method != 8)) return fail(nianbao::zip::Status::Unsupported, e->name);
    uint64_t offset = 0;
    if ((s = archive.data_range(*e, offset)) != nianbao::zip::Status::Ok) return fail(s, archive.message());
    const uint64_t limit = archive.inflate_limit(*e);
    if (e->size > limit && (s = archive.account(*e, e->size)) != nianbao::zip::Status::Ok)
        return fail(s, archive.message());
    val entry = val::object();
    entry.set("name", e->name);
    entry.set("method", e->method);
    entry.set("offset", static_cast<double>(offset));
    entry.set("packed", static_cast<double>(e->packed));
    entry.set("limit", static_cast<double>(limit));
    out.set("kind", std::string(kind->id));
    out.set("entry", entry);
    return out;
}

// The part zipPlan named, inflated by the worker, read by its kind's reader.
// Valid UTF-8 as the CLI's decode_bytes leaves it (the part's text is UTF-8);
// decode_bytes itself would link the GB18030 table into the page's first load.
std::string read_zip_part(const std::string& kind_id, const std::string& part) {
    const nianbao::InputKind* kind = nianbao::input_kind_by_id(kind_id);
    if (!kind || !kind->read_part) return std::string();
    return nianbao::sanitize_utf8(kind->read_part(part));
}

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
    emscripten::function("inputKinds", &input_kinds);
    emscripten::function("zipPlan", &zip_plan);
    emscripten::function("readZipPart", &read_zip_part);
}
