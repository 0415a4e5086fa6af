#include "docx.h"

#include <zlib.h>

#include <cstdint>

#include "nianbao/docx.h"

namespace cli {

namespace {

constexpr size_t kMaxDocumentXml = 256u * 1024 * 1024;  // inflated; a zip bomb stops here

uint32_t le16(std::string_view b, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

struct Entry {
    uint32_t method = 0, compressed = 0, size = 0, local_header = 0;
};

// The central directory's record of `name` (the local headers may lack sizes).
bool find_entry(std::string_view zip, std::string_view name, Entry& e) {
    if (zip.size() < 22) return false;
    // End of central directory: within the last 64 KB + 22 bytes.
    size_t eocd = std::string_view::npos;
    const size_t lowest = zip.size() > 65557 ? zip.size() - 65557 : 0;
    for (size_t at = zip.size() - 22 + 1; at-- > lowest;)
        if (le32(zip, at) == 0x06054b50) {
            eocd = at;
            break;
        }
    if (eocd == std::string_view::npos) return false;
    const uint32_t count = le16(zip, eocd + 10);
    size_t at = le32(zip, eocd + 16);
    for (uint32_t k = 0; k < count; ++k) {
        if (at + 46 > zip.size() || le32(zip, at) != 0x02014b50) return false;
        const uint32_t name_len = le16(zip, at + 28), extra = le16(zip, at + 30), comment = le16(zip, at + 32);
        if (at + 46 + name_len > zip.size()) return false;
        if (zip.substr(at + 46, name_len) == name) {
            e.method = le16(zip, at + 10);
            e.compressed = le32(zip, at + 20);
            e.size = le32(zip, at + 24);
            e.local_header = le32(zip, at + 42);
            return true;
        }
        at += 46 + name_len + extra + comment;
    }
    return false;
}

bool inflate_raw(std::string_view in, size_t expected, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    out.clear();
    out.reserve(expected < kMaxDocumentXml ? expected : kMaxDocumentXml);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() <= kMaxDocumentXml) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input: keep what came out
    }
    inflateEnd(&z);
    return (rc == Z_STREAM_END || rc == Z_BUF_ERROR) && out.size() <= kMaxDocumentXml;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04"; }

bool docx_to_text(std::string_view bytes, std::string& text, std::string& error) {
    Entry e;
    if (!find_entry(bytes, "word/document.xml", e)) {
        error = "not a Word document (.docx): no word/document.xml in the archive";
        return false;
    }
    const size_t local = e.local_header;
    if (local + 30 > bytes.size() || le32(bytes, local) != 0x04034b50) {
        error = "damaged .docx: bad local header";
        return false;
    }
    const size_t data = local + 30 + le16(bytes, local + 26) + le16(bytes, local + 28);
    if (data > bytes.size() || e.compressed > bytes.size() - data) {
        error = "damaged .docx: word/document.xml runs past the end";
        return false;
    }
    const std::string_view packed = bytes.substr(data, e.compressed);
    std::string xml;
    if (e.method == 0) {
        xml.assign(packed);
    } else if (e.method != 8 || !inflate_raw(packed, e.size, xml)) {
        error = "damaged .docx: word/document.xml cannot be decompressed";
        return false;
    }
    text = nianbao::docx_document_to_text(xml);
    return true;
}

}  // namespace cli
