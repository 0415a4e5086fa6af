// A PDF stream's decoded bytes with a cap: decoding stops as soon as the
// output passes it, so a flate bomb costs the cap, not its expansion.
#pragma once

#include <cstddef>
#include <string>

class QPDFObjectHandle;

namespace cli::pdf {

enum class StreamRead { Ok, TooLarge, Failed };

// Appends the stream's decoded bytes to `out`, which may grow to `cap` bytes
// in all. Failed: not a stream, or a filter qpdf cannot undo (what decoded
// before the error is kept).
StreamRead read_stream(QPDFObjectHandle stream, size_t cap, std::string& out);

}  // namespace cli::pdf
