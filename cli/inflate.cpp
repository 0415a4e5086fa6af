#include "inflate.h"

#include <zlib.h>

namespace cli {

namespace {

bool inflate_raw(std::string_view in, uint64_t max_out, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    out.clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    // zlib counts in uInt: feed a (theoretical) >4 GB entry in pieces.
    std::string_view left = in;
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= max_out) {
        if (z.avail_in == 0 && !left.empty()) {
            const size_t n = left.size() < (1u << 30) ? left.size() : (1u << 30);
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(left.data()));
            z.avail_in = static_cast<uInt>(n);
            left.remove_prefix(n);
        }
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && left.empty()) break;  // truncated input: keep what came out
    }
    inflateEnd(&z);
    if (out.size() > max_out) return false;  // the reader calls it too large
    return rc == Z_STREAM_END || rc == Z_BUF_ERROR;
}

}  // namespace

const nianbao::zip::Inflate& zlib_inflate() {
    static const nianbao::zip::Inflate inflate = inflate_raw;
    return inflate;
}

}  // namespace cli
