// Zip files for the tests, as zip tools write them: local headers, the
// central directory, the end record; ZIP64 on request.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nianbao::test {

inline void put(std::string& s, uint64_t v, int n) {
    for (int k = 0; k < n; ++k) s += static_cast<char>(v >> (8 * k) & 0xff);
}

struct Part {
    std::string name;
    std::string packed;     // the entry's bytes as stored in the file
    uint16_t method = 0;
    uint64_t size = UINT64_MAX;  // declared inflated size (default: packed's)
    uint16_t flags = 0;
};

// A zip of `parts`; zip64: every size and offset in the ZIP64 extra field and
// the 64-bit end records, as zip tools write archives over 4 GB.
inline std::string make_zip(const std::vector<Part>& parts, bool zip64 = false) {
    std::string out, dir;
    for (const Part& p : parts) {
        const uint64_t size = p.size == UINT64_MAX ? p.packed.size() : p.size;
        const uint64_t offset = out.size();
        put(out, 0x04034b50, 4);
        put(out, 20, 2);
        put(out, p.flags, 2);
        put(out, p.method, 2);
        put(out, 0, 8);  // time, date, crc
        put(out, zip64 ? 0xffffffff : p.packed.size(), 4);
        put(out, zip64 ? 0xffffffff : size, 4);
        put(out, p.name.size(), 2);
        put(out, 0, 2);
        out += p.name + p.packed;
        std::string extra;
        if (zip64) {
            put(extra, 1, 2);
            put(extra, 24, 2);
            put(extra, size, 8);
            put(extra, p.packed.size(), 8);
            put(extra, offset, 8);
        }
        put(dir, 0x02014b50, 4);
        put(dir, 45, 2);
        put(dir, 45, 2);
        put(dir, p.flags, 2);
        put(dir, p.method, 2);
        put(dir, 0, 8);
        put(dir, zip64 ? 0xffffffff : p.packed.size(), 4);
        put(dir, zip64 ? 0xffffffff : size, 4);
        put(dir, p.name.size(), 2);
        put(dir, extra.size(), 2);
        put(dir, 0, 6);  // comment length, disk, internal attributes
        put(dir, 0, 4);  // external attributes
        put(dir, zip64 ? 0xffffffff : offset, 4);
        dir += p.name + extra;
    }
    const uint64_t dir_at = out.size();
    out += dir;
    if (zip64) {
        const uint64_t end64 = out.size();
        put(out, 0x06064b50, 4);
        put(out, 44, 8);
        put(out, 45, 2);
        put(out, 45, 2);
        put(out, 0, 8);
        put(out, parts.size(), 8);
        put(out, parts.size(), 8);
        put(out, dir.size(), 8);
        put(out, dir_at, 8);
        put(out, 0x07064b50, 4);
        put(out, 0, 4);
        put(out, end64, 8);
        put(out, 1, 4);
    }
    put(out, 0x06054b50, 4);
    put(out, 0, 4);
    put(out, zip64 ? 0xffff : parts.size(), 2);
    put(out, zip64 ? 0xffff : parts.size(), 2);
    put(out, zip64 ? 0xffffffff : dir.size(), 4);
    put(out, zip64 ? 0xffffffff : dir_at, 4);
    put(out, 0, 2);
    return out;
}

}  // namespace nianbao::test
