// libFuzzer target: the glued-digit solver (tables/glued.h, issue G), which
// cuts digit strings that lost their separators into a row's cells so that
// the template's sums hold. The input: the cell count (1 byte, 1-40), the
// sum blocks (1 byte: how many, then for each the cells skipped since the
// last block and its length, 1 byte each: in order and apart, as the
// template's are),
// the cap on readings (1 byte), then the digit strings (every run of digits
// in the rest). Properties: every reading has the cell count, reads back to
// the digits in order without leading zeros, and satisfies every block;
// no more readings than the cap nor than the count says; a search that gave
// up says nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "tables/glued.h"
#include "targets.h"

void fuzz::glued(const uint8_t* data, size_t size) {
    Bytes in{data, size};
    const int cells = 1 + static_cast<int>(in.take(1) % 40);
    nianbao::RowSums sums;
    const int blocks = static_cast<int>(in.take(1) % 5);
    for (int b = 0, next = 0; b < blocks; ++b) {
        const int first = next + static_cast<int>(in.take(1) % 8);
        const int count = 2 + static_cast<int>(in.take(1) % 8);
        if (first + count > cells) break;
        sums.blocks.emplace_back(first, count);
        next = first + count;
    }
    const size_t cap = in.take(1) % 12;
    std::vector<std::string> numbers;
    std::string digits;
    for (char c : in.rest()) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (!digits.empty()) {
            numbers.push_back(digits);
            digits.clear();
        }
    }
    if (!digits.empty()) numbers.push_back(digits);
    if (numbers.empty()) return;
    std::string all;
    for (const auto& d : numbers) all += d;

    const nianbao::Splits s = nianbao::split_glued(numbers, cells, sums, cap);
    require(s.readings.size() <= cap);
    require(s.readings.size() <= s.count);
    if (s.gave_up) require(s.count == 0 && s.readings.empty());
    for (const auto& r : s.readings) {
        require(r.size() == static_cast<size_t>(cells));
        std::string back;
        for (int64_t v : r) {
            require(v >= 0);
            back += std::to_string(v);
        }
        require(back == all);
        for (const auto& [first, count] : sums.blocks) {
            int64_t sum = 0;
            for (int k = first; k < first + count - 1; ++k) sum += r[k];
            require(sum == r[first + count - 1]);
        }
    }
}

NIANBAO_FUZZ_ENTRY(glued)
