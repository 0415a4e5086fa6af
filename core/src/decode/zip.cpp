// The zip container (APPNOTE 6.3): end of central directory -> central
// directory -> an entry's local header -> its data. Every offset read from the
// file is checked before use, so a hostile or truncated archive ends in a
// Status, never in a read outside `bytes`.
#include "nianbao/zip.h"

#include <algorithm>

namespace nianbao::zip {

namespace {

constexpr uint32_t kEocd = 0x06054b50, kEocd64 = 0x06064b50, kEocd64Locator = 0x07064b50;
constexpr uint32_t kCentral = 0x02014b50, kLocal = 0x04034b50;
constexpr uint64_t kMaxComment = 0xffff;

uint64_t le(std::string_view b, uint64_t at, int n) {
    uint64_t v = 0;
    for (int k = n - 1; k >= 0; --k) v = v << 8 | static_cast<unsigned char>(b[at + k]);
    return v;
}

// [at, at + n) inside b, without overflow.
bool fits(std::string_view b, uint64_t at, uint64_t n) { return at <= b.size() && n <= b.size() - at; }

uint64_t mul_sat(uint64_t a, uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; }

std::string megabytes(uint64_t n) { return std::to_string((n + (1u << 20) - 1) >> 20) + " MB"; }

// ZIP64 extended information (extra field 0x0001): the 8-byte values of the
// fields the 32-bit record marked 0xffffffff, in this order.
bool read_zip64_extra(std::string_view extra, Entry& e, bool need_size, bool need_packed, bool need_offset) {
    for (uint64_t at = 0; at + 4 <= extra.size();) {
        const uint64_t id = le(extra, at, 2), len = le(extra, at + 2, 2);
        if (!fits(extra, at + 4, len)) return false;
        if (id == 1) {
            uint64_t p = at + 4;
            const uint64_t end = p + len;
            auto take = [&](bool needed, uint64_t& field) {
                if (!needed) return true;
                if (p + 8 > end) return false;
                field = le(extra, p, 8);
                p += 8;
                return true;
            };
            return take(need_size, e.size) && take(need_packed, e.packed) && take(need_offset, e.local_header);
        }
        at += 4 + len;
    }
    return !(need_size || need_packed || need_offset);
}

}  // namespace

const char* status_code(Status s) {
    switch (s) {
        case Status::Ok: return "ok";
        case Status::NotZip: return "zip-not-zip";
        case Status::Damaged: return "zip-damaged";
        case Status::TooManyEntries: return "zip-too-many-entries";
        case Status::TooLarge: return "zip-too-large";
        case Status::Unsupported: return "zip-unsupported";
        case Status::Missing: return "zip-missing";
    }
    return "zip-damaged";
}

Status Archive::fail(Status s, std::string message) const {
    message_ = std::move(message);
    return s;
}

Status Archive::open(std::string_view bytes, const Limits& limits) {
    bytes_ = bytes;
    limits_ = limits;
    entries_.clear();
    total_ = 0;
    message_.clear();
    // The end record is the last 22 bytes, unless a comment (<= 64 KB) follows it.
    if (bytes.size() < 22) return fail(Status::NotZip, "not a zip archive (too short)");
    uint64_t eocd = UINT64_MAX;
    const uint64_t lowest = bytes.size() - 22 > kMaxComment ? bytes.size() - 22 - kMaxComment : 0;
    for (uint64_t at = bytes.size() - 22 + 1; at-- > lowest;)
        if (le(bytes, at, 4) == kEocd) {
            eocd = at;
            break;
        }
    if (eocd == UINT64_MAX) return fail(Status::NotZip, "not a zip archive (no end of central directory)");
    uint64_t count = le(bytes, eocd + 10, 2), dir_size = le(bytes, eocd + 12, 4), dir_at = le(bytes, eocd + 16, 4);
    // ZIP64: a locator just before the end record points at the 64-bit end record.
    if (eocd >= 20 && le(bytes, eocd - 20, 4) == kEocd64Locator) {
        const uint64_t at = le(bytes, eocd - 20 + 8, 8);
        if (!fits(bytes, at, 56) || le(bytes, at, 4) != kEocd64)
            return fail(Status::Damaged, "bad ZIP64 end of central directory");
        count = le(bytes, at + 32, 8);
        dir_size = le(bytes, at + 40, 8);
        dir_at = le(bytes, at + 48, 8);
    }
    if (count > limits.max_entries)
        return fail(Status::TooManyEntries, "the archive has " + std::to_string(count) + " entries (at most " +
                                                    std::to_string(limits.max_entries) + " are read)");
    if (!fits(bytes, dir_at, dir_size) || count > dir_size / 46)
        return fail(Status::Damaged, "the central directory lies outside the file");
    const std::string_view dir = bytes.substr(dir_at, dir_size);
    entries_.reserve(count);
    uint64_t at = 0;
    for (uint64_t k = 0; k < count; ++k) {
        if (!fits(dir, at, 46) || le(dir, at, 4) != kCentral)
            return fail(Status::Damaged, "bad central directory record " + std::to_string(k));
        const uint64_t name_len = le(dir, at + 28, 2), extra_len = le(dir, at + 30, 2), comment_len = le(dir, at + 32, 2);
        if (!fits(dir, at + 46, name_len + extra_len + comment_len))
            return fail(Status::Damaged, "central directory record " + std::to_string(k) + " runs past the directory");
        Entry e;
        e.flags = static_cast<uint16_t>(le(dir, at + 8, 2));
        e.method = static_cast<uint16_t>(le(dir, at + 10, 2));
        e.packed = le(dir, at + 20, 4);
        e.size = le(dir, at + 24, 4);
        e.local_header = le(dir, at + 42, 4);
        e.name.assign(dir.substr(at + 46, name_len));
        const bool big_size = e.size == 0xffffffff, big_packed = e.packed == 0xffffffff,
                   big_offset = e.local_header == 0xffffffff;
        if ((big_size || big_packed || big_offset) &&
            !read_zip64_extra(dir.substr(at + 46 + name_len, extra_len), e, big_size, big_packed, big_offset))
            return fail(Status::Damaged, e.name + ": bad ZIP64 extra field");
        entries_.push_back(std::move(e));
        at += 46 + name_len + extra_len + comment_len;
    }
    return Status::Ok;
}

const Entry* Archive::find(std::string_view name) const {
    for (const Entry& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

Status Archive::data_range(const Entry& e, uint64_t& offset) const {
    const uint64_t lh = e.local_header;
    if (!fits(bytes_, lh, 30) || le(bytes_, lh, 4) != kLocal)
        return fail(Status::Damaged, e.name + ": bad local header");
    offset = lh + 30 + le(bytes_, lh + 26, 2) + le(bytes_, lh + 28, 2);
    if (!fits(bytes_, offset, e.packed))
        return fail(Status::Damaged, e.name + " runs past the end of the file");
    return Status::Ok;
}

uint64_t Archive::inflate_limit(const Entry& e) const {
    const uint64_t left = limits_.max_total_bytes > total_ ? limits_.max_total_bytes - total_ : 0;
    const uint64_t by_ratio = std::max(limits_.ratio_floor_bytes, mul_sat(e.packed, limits_.max_ratio));
    return std::min({limits_.max_entry_bytes, left, by_ratio});
}

Status Archive::account(const Entry& e, uint64_t size) {
    const uint64_t limit = inflate_limit(e);
    if (size <= limit) {
        total_ += size;
        return Status::Ok;
    }
    // Name the cap that bit, so the message says what to do about it.
    const uint64_t left = limits_.max_total_bytes > total_ ? limits_.max_total_bytes - total_ : 0;
    if (limit < limits_.max_entry_bytes && limit < left)
        return fail(Status::TooLarge, e.name + " inflates to more than " + std::to_string(limits_.max_ratio) +
                                              " times its packed size (a zip bomb?)");
    if (limit < limits_.max_entry_bytes)
        return fail(Status::TooLarge, "the archive inflates to more than " + megabytes(limits_.max_total_bytes) +
                                              " in all (a zip bomb?)");
    return fail(Status::TooLarge, e.name + " inflates to more than " + megabytes(limit) + " (a zip bomb?)");
}

Status Archive::prepare(const Entry& e, uint64_t& offset) {
    if (e.flags & 1) return fail(Status::Unsupported, e.name + " is encrypted");
    if (e.method != 0 && e.method != 8)
        return fail(Status::Unsupported, e.name + ": compression method " + std::to_string(e.method));
    if (Status s = data_range(e, offset); s != Status::Ok) return s;
    const uint64_t limit = inflate_limit(e);
    // What the directory declares is refused before any work is done.
    if (e.size > limit || (e.method == 0 && e.packed > limit)) return account(e, std::max(e.size, e.packed));
    return Status::Ok;
}

Status Archive::read(const Entry& e, const Inflate& inflate, std::string& out) {
    out.clear();
    uint64_t offset = 0;
    if (Status s = prepare(e, offset); s != Status::Ok) return s;
    const uint64_t limit = inflate_limit(e);
    const std::string_view packed = bytes_.substr(offset, e.packed);
    if (e.method == 0) {
        out.assign(packed);
    } else if (!inflate(packed, limit, out)) {
        if (out.size() > limit) {
            out.clear();
            return account(e, limit + 1);
        }
        out.clear();
        return fail(Status::Damaged, e.name + " cannot be decompressed");
    }
    const Status s = account(e, out.size());
    if (s != Status::Ok) out.clear();
    return s;
}

}  // namespace nianbao::zip
