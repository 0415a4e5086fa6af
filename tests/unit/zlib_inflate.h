// The CLI's inflater for the tests (zlib, raw deflate): what a host hands the
// core's zip reader. Native tests only; the wasm build has no zlib.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

inline bool zlib_inflate(std::string_view in, uint64_t max_out, std::string& out) {
    z_stream z{};
    inflateInit2(&z, -MAX_WBITS);
    out.clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= max_out) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
        if (rc == Z_BUF_ERROR) break;
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END && out.size() <= max_out;
}
