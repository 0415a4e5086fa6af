#include "report/json_writer.h"

#include "report/json_common.h"

namespace nianbao {

namespace {

// Strict UTF-8 (no overlongs, no surrogates): nlohmann replaces anything else,
// and such strings are left to it so that the bytes stay the same.
bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return false;
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
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

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::embed(const nlohmann::json& j) {
    before_value();
    std::string dumped = dump_json(j, indent_);
    if (indent_ < 0 || nonempty_.empty()) {
        out_ += dumped;
        return *this;
    }
    // Raw newlines in nlohmann's output are all layout (strings escape theirs).
    const std::string pad(nonempty_.size() * static_cast<size_t>(indent_), ' ');
    for (char c : dumped) {
        out_ += c;
        if (c == '\n') out_ += pad;
    }
    return *this;
}

void JsonWriter::string(std::string_view s) {
    if (!valid_utf8(s)) {
        out_ += dump_json(nlohmann::json(std::string(s)), -1);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    out_ += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
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
                    out_ += ch;
                }
        }
    }
    out_ += '"';
}

}  // namespace nianbao
