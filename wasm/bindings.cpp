// The WebAssembly front door: strings in and out (UTF-8 on the C++ side, JS
// strings on the other; a file's bytes as a Uint8Array).
// Everything else is in the core.
#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/html.h"
#include "nianbao/inputs.h"
#include "nianbao/layout.h"
#include "nianbao/nianbao.h"
#include "nianbao/options_reader.h"
#include "nianbao/zip.h"

namespace {

// The largest input (and previous report) the module reads, in bytes in: the
// core's one limit (nianbao/limits.h), which the CLI uses too. The worst
// shape takes kMemoryPerInputByte times its input (scripts/bench_hostile.py),
// which at the limit fits the memory cap (-sMAXIMUM_MEMORY, kWasmMemoryCap); a
// module built with a smaller cap reads less rather than abort (and the node
// tests, which compare this number with the CLI's, say so).
size_t max_input_bytes() {
    const size_t budget = emscripten_get_heap_max() / nianbao::kMemoryPerInputByte;
    return budget < nianbao::kMaxInputBytes ? budget : nianbao::kMaxInputBytes;
}

// A file's size, when the text was decoded from one (the worker knows): the
// limit counts those bytes (Options::input_bytes). 0 when absent.
size_t size_field(const emscripten::val& object, const char* key) {
    const emscripten::val v = object[key];
    if (v.typeOf().as<std::string>() != "number") return 0;
    const double d = v.as<double>();
    if (!(d >= 1)) return 0;  // NaN too
    return d < static_cast<double>(SIZE_MAX) ? static_cast<size_t>(d) : SIZE_MAX;
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
std::string check(std::string text, const std::string& options_json, const std::string& previous_text) {
    nianbao::Options options;
    if (!options_json.empty()) {
        const emscripten::val parsed = emscripten::val::global("JSON").call<emscripten::val>("parse", options_json);
        std::string error;
        if (JsObject::is_object(parsed)) {
            options = nianbao::read_options(JsObject{parsed}, &error);
            options.input_bytes = size_field(parsed, "inputBytes");
            options.previous_input_bytes = size_field(parsed, "previousInputBytes");
        }
    }
    options.max_input_bytes = max_input_bytes();
    // The text becomes the report's source without a copy.
    const nianbao::Result result =
        nianbao::check_text(std::move(text), options, previous_text.empty() ? nullptr : &previous_text);
    return nianbao::result_to_json(result, -1, options.include_model);
}

// Over the budget the model of an empty text: check() says why.
std::string extract(const std::string& text) {
    return nianbao::extract_to_json(text.size() > max_input_bytes() ? std::string() : text);
}

// The budget, for the page and the tests.
double max_input() { return static_cast<double>(max_input_bytes()); }

// Clipboard text/html: the same reading as the CLI's for .html files.
std::string html_to_text(const std::string& html) { return nianbao::html_to_text(html); }

// A dropped text or web page file, its bytes as the CLI reads them (the
// input table's reader of text: decode_bytes, a page read as its text):
// {text, encoding, lossy, binary}. Bytes over the limit are not read:
// {tooLarge: true, size, limit}, the page's message (it checks File.size first).
emscripten::val read_text(const std::string& bytes) {
    using emscripten::val;
    val out = val::object();
    if (bytes.size() > max_input_bytes()) {
        out.set("tooLarge", true);
        out.set("size", static_cast<double>(bytes.size()));
        out.set("limit", static_cast<double>(max_input_bytes()));
        return out;
    }
    const nianbao::InputText read = nianbao::input_kind_by_id("text")->read(bytes, nianbao::zip::Inflate());
    out.set("text", read.decoded.text);
    out.set("encoding", std::string(nianbao::encoding_name(read.decoded.encoding)));
    out.set("lossy", read.decoded.lossy);
    out.set("binary", read.decoded.binary);
    return out;
}

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
        if (kind.page_reader.empty()) continue;  // not read by the page
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

// The page's half of the zip reader, a round of read_zip_round: the bytes of
// a dropped zip and the entries the worker inflated so far ([[name, bytes],
// ...]) -> the entries the kind's reader wants next, where their packed bytes
// are and how far they may inflate ({kind, need: [{name, method, offset,
// packed, limit}], left}: the worker inflates them, all within `left`, and
// calls again), or the text ({kind, text}), or why not ({code, message,
// kind?, missing?}: the zip reader's code, the entry that is not there).
// The kinds' readers and caps are the core's, in both hosts.
emscripten::val zip_read(const std::string& bytes, const emscripten::val& parts) {
    using emscripten::val;
    std::vector<std::pair<std::string, std::string>> inflated;
    const auto n = parts["length"].as<unsigned>();
    for (unsigned k = 0; k < n; ++k) inflated.push_back({parts[k][0].as<std::string>(), parts[k][1].as<std::string>()});
    const nianbao::ZipRound round = nianbao::read_zip_round(bytes, inflated);
    val out = val::object();
    if (round.kind) out.set("kind", std::string(round.kind->id));
    if (!round.need.empty()) {
        val need = val::array();
        for (const nianbao::ZipNeed& e : round.need) {
            val entry = val::object();
            entry.set("name", e.name);
            entry.set("method", e.method);
            entry.set("offset", static_cast<double>(e.offset));
            entry.set("packed", static_cast<double>(e.packed));
            entry.set("limit", static_cast<double>(e.limit));
            need.call<void>("push", entry);
        }
        out.set("need", need);
        out.set("left", static_cast<double>(round.left));
    } else if (round.read.ok) {
        out.set("text", round.read.decoded.text);
    } else {
        out.set("code", std::string(nianbao::zip::status_code(round.read.zip_status)));
        out.set("message", round.read.error);
        if (!round.missing.empty()) out.set("missing", round.missing);
    }
    return out;
}

// A PDF's text items as pdf.js gives them, each {page, x, y, w, h, angle,
// text} with y down from the page's top, and the lines its pages draw, each
// {page, x0, y0, x1, y1} (web/pdftext.js) -> the text the reader reads, laid
// out by the core as the CLI's PDF and OFD readers do.
std::string lay_out_runs(const emscripten::val& items, const emscripten::val& lines) {
    std::vector<nianbao::TextRun> runs;
    const auto n = items["length"].as<unsigned>();
    runs.reserve(n);
    for (unsigned k = 0; k < n; ++k) {
        const emscripten::val r = items[k];
        runs.push_back({r["page"].as<int>(), r["x"].as<double>(), r["y"].as<double>(), r["w"].as<double>(),
                        r["h"].as<double>(), r["angle"].as<double>(), r["text"].as<std::string>()});
    }
    std::vector<nianbao::Ruling> rulings;
    const auto m = lines["length"].as<unsigned>();
    rulings.reserve(m);
    for (unsigned k = 0; k < m; ++k) {
        const emscripten::val r = lines[k];
        rulings.push_back({r["page"].as<int>(), r["x0"].as<double>(), r["y0"].as<double>(), r["x1"].as<double>(),
                           r["y1"].as<double>()});
    }
    return nianbao::lay_out(runs, rulings).text;
}

// Whether a PDF's text, laid out without its drawn borders, reads its
// tables short, so that the page reads pdf.js's operator lists (which cost
// as much as the text) only then, as the CLI decides (nianbao/layout.h).
bool borders_wanted(const std::string& laid_out_text) { return nianbao::borders_wanted(laid_out_text); }

std::string rules() { return nianbao::rules_to_json(); }

std::string version() { return nianbao::version(); }

// Whether two bodies' names are one body: the batch view pairs two years of a
// body and finds its duplicate reports with it.
bool same_body(const std::string& a, const std::string& b) { return nianbao::same_body(a, b); }

}  // namespace

// Two modules from this file (wasm/CMakeLists.txt): the page's first load
// (nianbao.wasm) and the readers of dropped files (nianbao-readers.wasm), which
// the worker loads on the first file and whose functions it joins to the
// first module's. A function that reads a file or a paste (and so links
// decode_bytes, the HTML, zip or Word readers or the layout step) belongs to
// the second.
#ifndef NIANBAO_READERS_MODULE
EMSCRIPTEN_BINDINGS(nianbao) {
    emscripten::function("check", &check);
    emscripten::function("extract", &extract);
    emscripten::function("rules", &rules);
    emscripten::function("version", &version);
    emscripten::function("maxInputBytes", &max_input);
    emscripten::function("inputKinds", &input_kinds);
    emscripten::function("sameBody", &same_body);
    emscripten::function("bordersWanted", &borders_wanted);
}
#else
EMSCRIPTEN_BINDINGS(nianbao_readers) {
    emscripten::function("readText", &read_text);
    emscripten::function("zipRead", &zip_read);
    emscripten::function("htmlToText", &html_to_text);
    emscripten::function("layOut", &lay_out_runs);
    emscripten::function("maxInputBytes", &max_input);
    emscripten::function("version", &version);
}
#endif
