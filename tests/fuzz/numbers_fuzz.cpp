// libFuzzer target: numbers in running text and the numeral parsers
// (core/src/meta/numerals.*). The input is made valid UTF-8 first, as the
// reader does before anything looks at it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "meta/numerals.h"
#include "fuzz_util.h"
#include "nianbao/decode.h"
#include "targets.h"

using fuzz::require;

void fuzz::numbers(const uint8_t* data, size_t size) {
    const std::string text = fuzz::text_of(data, size);
    uint32_t last = 0;
    for (const auto& m : nianbao::find_numbers(text)) {
        require(m.span.begin < m.span.end && m.span.end <= text.size());
        require(m.span.begin >= last);  // text order, no overlap
        last = m.span.end;
        require(m.decimals >= 0);
        if (!m.unit.empty()) require(m.unit_span.begin >= m.span.end && m.unit_span.end <= text.size());
    }
    // The whole-string parsers, on the whole input and on each line.
    (void)nianbao::parse_chinese_number(text);
    (void)nianbao::parse_arabic_number(text);
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        auto c = nianbao::parse_chinese_number(line);
        auto a = nianbao::parse_arabic_number(line);
        if (a) require(*a >= 0);
        if (c) require(*c >= 0);
        start = end + 1;
    }
}

NIANBAO_FUZZ_ENTRY(numbers)
