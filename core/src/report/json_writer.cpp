#include "report/json_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace nianbao {

namespace {

// Length of the strict UTF-8 sequence (no overlongs, no surrogates) at s[i],
// 0 when there is none.
size_t utf8_sequence(std::string_view s, size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char c = p[i];
    if (c < 0x80) return 1;
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((p[i + k] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

}  // namespace

void JsonWriter::newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(nonempty_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (nonempty_.empty()) return;
    if (nonempty_.back()) out_ += ',';
    nonempty_.back() = true;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    nonempty_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool any = nonempty_.back();
    nonempty_.pop_back();
    if (any) newline();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    nonempty_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    string(k);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    string(s);
    return *this;
}

JsonWriter& JsonWriter::number(int64_t n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    before_value();
    if (!std::isfinite(d)) {  // nlohmann writes null for these
        out_ += "null";
        return *this;
    }
    // nlohmann's own shortest round-trip formatting (Grisu2): the same digits
    // as its dump, and std::to_chars(double) is missing from emscripten's libc++.
    char buf[64];
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
    out_.append(buf, static_cast<size_t>(end - buf));
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

// The core only ever passes valid UTF-8 (the source is sanitized on the way
// in); a stray invalid byte still becomes U+FFFD, never invalid JSON.
void JsonWriter::string(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out_ += '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const size_t len = utf8_sequence(s, i);
            if (len == 0) {
                out_ += "\xEF\xBF\xBD";
                ++i;
            } else {
                out_.append(s.data() + i, len);
                i += len;
            }
            continue;
        }
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default:
                if (c < 0x20) {
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 0xF];
                } else {
                    out_ += static_cast<char>(c);
                }
        }
        ++i;
    }
    out_ += '"';
}

}  // namespace nianbao
