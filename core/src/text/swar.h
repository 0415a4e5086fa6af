// Eight bytes at a time in a plain uint64_t ("SIMD within a register"):
// scanners pass over runs of bytes that need nothing done with them a word
// per step instead of a byte per step. The tests are those of Bit Twiddling
// Hacks (haszero, hasless), exact for "some byte of the word".
#pragma once

#include <cstdint>
#include <cstring>

namespace nianbao::swar {

inline constexpr uint64_t kOnes = ~uint64_t{0} / 255;  // 0x0101…01
inline constexpr uint64_t kHighs = kOnes * 0x80;       // 0x8080…80

inline uint64_t load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

// Some byte of w is below n (n at most 128).
inline bool any_below(uint64_t w, unsigned n) { return ((w - kOnes * n) & ~w & kHighs) != 0; }

// Some byte of w equals c.
inline bool any_equal(uint64_t w, unsigned char c) {
    const uint64_t x = w ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHighs) != 0;
}

}  // namespace nianbao::swar
