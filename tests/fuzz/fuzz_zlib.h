// The inflater the zip-based targets (docx_fuzz, ofd_fuzz) hand the core's zip
// reader: the CLI's own (cli/inflate.cpp, zlib), compiled into the targets.
// Without zlib (the unit tests' wasm build) an inflater that fails, so only
// stored entries read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nianbao/zip.h"

#if NIANBAO_FUZZ_ZLIB
#include "inflate.h"
#endif

namespace fuzz {

inline const nianbao::zip::Inflate& inflater() {
#if NIANBAO_FUZZ_ZLIB
    return cli::zlib_inflate();
#else
    static const nianbao::zip::Inflate kNone = [](std::string_view, uint64_t, std::string&) { return false; };
    return kNone;
#endif
}

}  // namespace fuzz
