// Shared by the fuzz targets: a failed property is a crash libFuzzer keeps,
// and fuzz bytes become the UTF-8 text the scanners take.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "nianbao/decode.h"

namespace fuzz {

inline void require(bool ok) {
    if (!ok) std::abort();
}

inline std::string text_of(const uint8_t* data, size_t size) {
    return nianbao::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
}

}  // namespace fuzz
