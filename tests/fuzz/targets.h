// The fuzz targets of tests/fuzz, one function each (NAME_fuzz.cpp defines
// fuzz::NAME). The unit tests replay a kept input tests/fuzz/regressions/
// NAME_fuzz-KIND-SHA1 through fuzz::NAME (tests/unit/fuzz_regressions_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

using Target = void (*)(const uint8_t* data, size_t size);

void check(const uint8_t* data, size_t size);    // the whole check and its outputs
void reader(const uint8_t* data, size_t size);   // text -> model (read_report) alone
void rules(const uint8_t* data, size_t size);    // the rules on a real model with fuzzed cells
void html(const uint8_t* data, size_t size);     // html_to_text
void docx(const uint8_t* data, size_t size);     // word/document.xml -> text, and .docx files
void ofd(const uint8_t* data, size_t size);      // OFD packages: zip + XML -> runs -> text
void layout(const uint8_t* data, size_t size);   // positioned runs -> text (the PDF/OFD layout step)
void glued(const uint8_t* data, size_t size);    // the glued-digit solver (split_glued)
void numbers(const uint8_t* data, size_t size);  // find_numbers and the numeral parsers
void dates(const uint8_t* data, size_t size);    // find_dates, year mentions

struct NamedTarget {
    std::string_view name;  // the binary's name, e.g. "check_fuzz"
    Target run;
};

inline constexpr NamedTarget kTargets[] = {
    {"check_fuzz", check}, {"reader_fuzz", reader}, {"rules_fuzz", rules},   {"html_fuzz", html},
    {"docx_fuzz", docx},   {"ofd_fuzz", ofd},       {"layout_fuzz", layout}, {"glued_fuzz", glued},
    {"numbers_fuzz", numbers}, {"dates_fuzz", dates},
};

}  // namespace fuzz
