#include "report/json_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nianbao/decode.h"
#include "text/swar.h"

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
    // Keys are the program's own words: plain ASCII, written as they are, in
    // one append (a report's JSON has ten keys for every place it names).
    char buf[64];
    if (k.size() + 4 <= sizeof buf &&
        std::all_of(k.begin(), k.end(), [](char c) { return c >= 0x20 && c != '"' && c != '\\'; })) {
        size_t n = 0;
        buf[n++] = '"';
        for (char c : k) buf[n++] = c;
        buf[n++] = '"';
        buf[n++] = ':';
        if (indent_ >= 0) buf[n++] = ' ';
        out_.append(buf, n);
    } else {
        string(k);
        out_.append(indent_ < 0 ? ":" : ": ", indent_ < 0 ? 1 : 2);
    }
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    string(s);
    return *this;
}

char* JsonWriter::write_digits(char* p, int64_t n) {
    if (n < 0) *p++ = '-';
    uint64_t v = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    size_t digits = 1;
    for (uint64_t rest = v / 10; rest; rest /= 10) ++digits;
    char* const end = p + digits;
    for (char* d = end; d > p; v /= 10) *--d = static_cast<char>('0' + v % 10);
    return end;
}

JsonWriter& JsonWriter::number(int64_t n) {
    before_value();
    char digits[24];
    out_.append(digits, static_cast<size_t>(write_digits(digits, n) - digits));
    return *this;
}

JsonWriter& JsonWriter::number_object(const std::string_view* keys, const int64_t* values, size_t n) {
    constexpr size_t kMaxKeyBytes = 16, kMaxFields = 8;
    bool plain = indent_ < 0 && n > 0 && n <= kMaxFields;
    for (size_t k = 0; plain && k < n; ++k) plain = keys[k].size() <= kMaxKeyBytes;
    if (!plain) {
        begin_object();
        for (size_t k = 0; k < n; ++k) key(keys[k]).number(values[k]);
        return end_object();
    }
    before_value();
    char buf[2 + kMaxFields * (kMaxKeyBytes + 4 + 20)];  // {"key":-digits, … }
    char* p = buf;
    *p++ = '{';
    for (size_t k = 0; k < n; ++k) {
        if (k) *p++ = ',';
        *p++ = '"';
        for (char c : keys[k]) *p++ = c;  // a few bytes: no call to memcpy
        *p++ = '"';
        *p++ = ':';
        p = write_digits(p, values[k]);
    }
    *p++ = '}';
    out_.append(buf, static_cast<size_t>(p - buf));
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

namespace {

// No control character, quote or backslash in the 8 bytes at p: a message
// is passed over a word at a time.
bool nothing_to_escape8(const char* p) {
    const uint64_t w = swar::load8(p);
    return !swar::any_below(w, 0x20) && !swar::any_equal(w, '"') && !swar::any_equal(w, '\\');
}

}  // namespace

// Valid UTF-8 as JSON string content: quotes, backslashes and control
// characters escaped as nlohmann escapes them.
void JsonWriter::escape(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;  // start of the bytes not yet written: copied whole up to the next escape
    for (size_t i = 0; i < s.size(); ++i) {
        while (i + 8 <= s.size() && nothing_to_escape8(s.data() + i)) i += 8;
        if (i >= s.size()) break;
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
