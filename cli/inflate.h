// The CLI's inflater for the core's zip reader (nianbao::zip::Inflate): zlib.
#pragma once

#include "nianbao/zip.h"

namespace cli {

// Raw deflate (no zlib header), stopping once more than `max_out` bytes came
// out; a stream cut short keeps what it gave (as Word's own recovery does).
const nianbao::zip::Inflate& zlib_inflate();

}  // namespace cli
