// A streaming JSON writer for the findings output: a report with hundreds of
// findings, each listing its cells with two positions, cost more to build as
// an nlohmann DOM (a std::map per object) than to check. The bytes are the
// same as nlohmann's dump(indent) — keys must be given in sorted order, as
// nlohmann's std::map would order them — so either may produce a document.
#pragma once

#include <nlohmann/json.hpp>

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
    template <class Int, std::enable_if_t<std::is_integral_v<Int>, int> = 0>
    JsonWriter& value(Int n) {
        return number(static_cast<int64_t>(n));
    }
    JsonWriter& null();
    // A value built with nlohmann (the report model), indented in place.
    JsonWriter& embed(const nlohmann::json& j);

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void before_value();
    JsonWriter& number(int64_t n);
    JsonWriter& close(char bracket);
    void newline();
    void string(std::string_view s);

    int indent_;
    std::string out_;
    // Per open container: has it any element yet?
    std::vector<bool> nonempty_;
    bool after_key_ = false;
};

}  // namespace nianbao
