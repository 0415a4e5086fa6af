// libFuzzer target: the whole check, as the CLI and the page run it.
// Bytes -> decode_bytes (UTF-8 / UTF-16 / GB18030 detection) -> HTML reading
// when it looks like HTML -> check() -> JSON and text output.
// One check a input (two reads with a previous report), its kind chosen by the
// input's size modulo 4, so that each execution costs one check and not three:
//   0: alone, JSON with the model, Chinese text output;
//   1: with itself as last year's report (the across-year rules);
//   2: the binding's front door check_to_json on the raw bytes (English, model);
//   3: alone, JSON without the model, English text output.
// A form feed splits the input into this year's report and last year's.
// Besides the sanitizers, it checks that every span points into the source
// and that the JSON and the text are valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "nianbao/decode.h"
#include "nianbao/html.h"
#include "nianbao/nianbao.h"
#include "targets.h"

using fuzz::require;

namespace {

void check_spans(const nianbao::Result& r) {
    const size_t n = r.report.source.size();
    for (const auto& f : r.findings) {
        require(f.span.begin <= f.span.end || f.span.end == 0);
        require(f.span.end <= n && f.span.begin <= n);
        for (const auto& c : f.cells) require(c.span.end <= n && c.span.begin <= n);
    }
    for (const nianbao::Table* t : {&r.report.table2, &r.report.table3, &r.report.table4})
        for (const auto& row : t->rows)
            for (const auto& c : row.cells) require(c.span.end <= n && c.span.begin <= c.span.end);
}

void run(std::string_view text, const std::string* previous, bool model, const char* lang) {
    nianbao::Options options;
    options.today = nianbao::CivilDate{2025, 6, 30};
    options.lang = lang;
    nianbao::Result r = nianbao::check(text, options, previous);
    check_spans(r);
    const std::string json = nianbao::result_to_json(r, -1, model);
    require(!json.empty() && nianbao::is_valid_utf8(json));
    const std::string out = nianbao::result_to_text(r, "fuzz.txt", options);
    require(nianbao::is_valid_utf8(out));
}

}  // namespace

void fuzz::check(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const int mode = static_cast<int>(size % 4);
    if (mode == 2) {
        // The binding's front door, on the raw bytes (it sanitizes invalid UTF-8).
        const std::string j = nianbao::check_to_json(bytes, R"({"lang":"en","model":true})");
        require(nianbao::is_valid_utf8(j));
        return;
    }
    nianbao::Decoded d = nianbao::decode_bytes(bytes);
    require(nianbao::is_valid_utf8(d.text));
    if (nianbao::looks_like_html(d.text)) {
        d.text = nianbao::html_to_text(d.text);
        require(nianbao::is_valid_utf8(d.text));
    }
    const size_t ff = d.text.find('\f');
    if (ff != std::string::npos) {
        const std::string previous = d.text.substr(ff + 1);
        run(std::string_view(d.text).substr(0, ff), &previous, mode == 0, mode == 3 ? "en" : "zh");
    } else if (mode == 1) {
        run(d.text, &d.text, true, "zh");
    } else {
        run(d.text, nullptr, mode == 0, mode == 3 ? "en" : "zh");
    }
}

NIANBAO_FUZZ_ENTRY(check)
