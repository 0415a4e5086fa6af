// A streaming JSON writer for everything nianbao prints: a report with
// hundreds of findings, each listing its cells with two positions, cost more
// to build as an nlohmann DOM (a std::map per object) than to check, and the
// DOM and its serializer were a tenth of the page's wasm. The bytes are the
// same as nlohmann's dump(indent) for valid UTF-8 — keys must be given in
// sorted order, as nlohmann's std::map would order them. nlohmann still
// parses the options.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nianbao {

class JsonWriter {
public:
    // indent < 0: compact, as nlohmann's dump(-1).
    explicit JsonWriter(int indent) : indent_(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    // As nlohmann prints it: shortest round-trip digits, ".0" on integral values.
    JsonWriter& value(double d);
    template <class Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
    JsonWriter& value(Int n) {
        return number(static_cast<int64_t>(n));
    }
    JsonWriter& null();
    // An object of integer fields ({"byte":…,"column":…}), keys plain words
    // (no quote, backslash or control character). The same bytes as begin_object(), key(), value() … end_object();
    // compact output writes it in one append (a report's JSON is mostly
    // positions, five numbers each).
    JsonWriter& number_object(const std::string_view* keys, const int64_t* values, size_t n);

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void before_value();
    JsonWriter& number(int64_t n);
    static char* write_digits(char* p, int64_t n);  // n's decimal digits at p; returns their end
    JsonWriter& close(char bracket);
    void newline();
    void string(std::string_view s);
    void escape(std::string_view valid_utf8);

    int indent_;
    std::string out_;
    // Per open container: has it any element yet? (chars, not vector<bool>,
    // whose bit-packed push_back costs the page's wasm 3 KB.)
    std::vector<char> nonempty_;
    bool after_key_ = false;
};

}  // namespace nianbao
