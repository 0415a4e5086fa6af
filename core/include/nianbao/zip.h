// The one zip reader, for every zip-based input (.docx, OFD): the
// central directory (ZIP64 too), every offset and size checked against the
// file, caps on the entry count and on what an entry may inflate to. The core
// does no I/O and carries no inflater: the host supplies one (zlib in the CLI;
// in the page the worker inflates the ranges zip_plan gives, see wasm/).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/limits.h"

namespace nianbao::zip {

// The caps. An entry may inflate to at most max_entry_bytes, and to at most
// max_ratio times its packed size once past ratio_floor_bytes (real .docx and
// OFD parts stay under 30x; deflate cannot exceed ~1032x). The inflated bytes
// read from one archive count against max_total_bytes, the same budget as a
// text input (nianbao::kMaxInputBytes, in the CLI and the page alike).
struct Limits {
    uint64_t max_entries = 20000;                 // an OFD has a few files a page
    uint64_t max_entry_bytes = kMaxInputBytes;
    uint64_t max_total_bytes = kMaxInputBytes;
    uint64_t max_ratio = 200;
    uint64_t ratio_floor_bytes = uint64_t(1) << 20;
};

enum class Status {
    Ok,
    NotZip,          // no end-of-central-directory record
    Damaged,         // an offset or size outside the file, a bad signature
    TooManyEntries,  // more than max_entries
    TooLarge,        // inflates (or says it does) past a cap: a zip bomb
    Unsupported,     // encrypted, or a method other than stored (0) / deflate (8)
    Missing,         // no entry of that name
};

// A stable code ("zip-too-large", ...) for the page's messages.
const char* status_code(Status s);

struct Entry {
    std::string name;
    uint16_t method = 0;       // 0 stored, 8 deflate
    uint16_t flags = 0;        // bit 0: encrypted
    uint64_t packed = 0;       // compressed size
    uint64_t size = 0;         // inflated size, as the directory says
    uint64_t local_header = 0; // offset of the entry's local header
};

// Inflates raw deflate `packed` into `out`, stopping once out holds more than
// `max_out` bytes (the reader then says "too large"). False when the stream is
// damaged; a stream cut short may return what it inflated (zlib's Z_BUF_ERROR).
using Inflate = std::function<bool(std::string_view packed, uint64_t max_out, std::string& out)>;

class Archive {
public:
    // Reads the central directory of `bytes` (which must outlive the Archive).
    Status open(std::string_view bytes, const Limits& limits = Limits());
    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* find(std::string_view name) const;

    // Where `e`'s packed bytes are in the file (checked against its local
    // header and the file's end).
    Status data_range(const Entry& e, uint64_t& offset) const;
    // The most `e` may inflate to now (entry cap, ratio cap, what is left of the total).
    uint64_t inflate_limit(const Entry& e) const;
    // What read() checks before it inflates `e`: not encrypted, stored or
    // deflated, inside the file (its packed bytes at `offset`), its declared
    // size within inflate_limit() (else TooLarge, counted as account() does).
    Status prepare(const Entry& e, uint64_t& offset);
    // Stored entries as they are, deflated ones through `inflate`; counts
    // against the total. TooLarge past inflate_limit().
    Status read(const Entry& e, const Inflate& inflate, std::string& out);
    // For a host that inflated `e` itself (the page): accepts `size` inflated
    // bytes, or TooLarge past inflate_limit(); counts against the total.
    Status account(const Entry& e, uint64_t size);

    // One line saying what went wrong with the last call, for the CLI
    // ("word/document.xml inflates to more than 8 MB (a zip bomb?)").
    const std::string& message() const { return message_; }

private:
    Status fail(Status s, std::string message) const;
    std::string_view bytes_;
    Limits limits_;
    std::vector<Entry> entries_;
    uint64_t total_ = 0;
    mutable std::string message_;  // set by const calls too (data_range)
};

}  // namespace nianbao::zip
