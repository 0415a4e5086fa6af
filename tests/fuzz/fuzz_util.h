// Shared by the fuzz targets: a failed property is a crash libFuzzer keeps,
// and fuzz bytes become the UTF-8 text the scanners take.
//
// Each target's .cpp defines its body as fuzz::NAME(data, size) (targets.h
// lists them) and, unless NIANBAO_FUZZ_NO_MAIN, the LLVMFuzzerTestOneInput
// that calls it: the unit tests compile the same files without the entry
// point and replay tests/fuzz/regressions/NAME-* through fuzz::NAME.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "nianbao/decode.h"

namespace fuzz {

// A property that does not hold: says which (file and line of the call), then aborts.
inline void require(bool ok, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: property failed at %s:%d\n", file, line);
    std::abort();
}

inline std::string text_of(const uint8_t* data, size_t size) {
    return nianbao::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
}

// Reads fixed-size fields off the front of the input; 0 once it is used up.
struct Bytes {
    const uint8_t* data;
    size_t size;
    size_t at = 0;
    bool empty() const { return at >= size; }
    uint64_t take(int n) {
        uint64_t v = 0;
        for (int k = 0; k < n; ++k) v |= uint64_t(at < size ? data[at++] : 0) << (8 * k);
        return v;
    }
    std::string_view rest() const {
        return at >= size ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data) + at, size - at);
    }
};

}  // namespace fuzz

// The entry point of a target whose body is fuzz::NAME.
#ifdef NIANBAO_FUZZ_NO_MAIN
#define NIANBAO_FUZZ_ENTRY(NAME)
#else
#define NIANBAO_FUZZ_ENTRY(NAME)                                              \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
        fuzz::NAME(data, size);                                               \
        return 0;                                                             \
    }
#endif
