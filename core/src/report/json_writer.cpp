#include "report/json_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "nianbao/decode.h"

namespace nianbao {

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
    nonempty_.back() = 1;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    nonempty_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool any = nonempty_.back() != 0;
    nonempty_.pop_back();
    if (any) newline();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    nonempty_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    // Keys are the program's own words: plain ASCII, written as they are.
    if (std::all_of(k.begin(), k.end(), [](char c) { return c >= 0x20 && c != '"' && c != '\\'; })) {
        out_ += '"';
        out_ += k;
        out_ += '"';
    } else {
        string(k);
    }
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
    char digits[24];  // INT64_MIN needs 20
    char* end = digits + sizeof digits;
    char* p = end;
    uint64_t v = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    do {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    if (n < 0) *--p = '-';
    out_.append(p, static_cast<size_t>(end - p));
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
    out_ += '"';
    for (;;) {
        uint64_t bad = 0;
        const bool valid = is_valid_utf8(s, &bad);
        escape(valid ? s : s.substr(0, bad));
        if (valid) break;
        out_ += "\xEF\xBF\xBD";
        s.remove_prefix(bad + 1);
    }
    out_ += '"';
}

// Valid UTF-8 as JSON string content: quotes, backslashes and control
// characters escaped as nlohmann escapes them.
void JsonWriter::escape(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;  // start of the bytes not yet written: copied whole up to the next escape
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default:
                out_ += "\\u00";
                out_ += hex[c >> 4];
                out_ += hex[c & 0xF];
        }
    }
    out_.append(s.data() + run, s.size() - run);
}

}  // namespace nianbao
