// libFuzzer target: dates and year mentions (core/src/meta/dates.*). The input
// is made valid UTF-8 first, as the reader does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "meta/dates.h"
#include "fuzz_util.h"
#include "nianbao/decode.h"
#include "targets.h"

using fuzz::require;

void fuzz::dates(const uint8_t* data, size_t size) {
    const std::string text = fuzz::text_of(data, size);
    uint32_t last = 0;
    for (const auto& d : nianbao::find_dates(text)) {
        require(d.span.begin < d.span.end && d.span.end <= text.size());
        require(d.span.begin >= last);
        last = d.span.end;
        require(d.year == 0 || (d.year >= 1949 && d.year <= 2100));
        if (d.valid) require(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= nianbao::days_in_month(d.year, d.month));
    }
    for (const auto& y : nianbao::find_year_mentions(text)) {
        require(y.span.begin < y.span.end && y.span.end <= text.size());
        require(y.year >= 1949 && y.year <= 2100);
    }
}

NIANBAO_FUZZ_ENTRY(dates)
