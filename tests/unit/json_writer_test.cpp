// nianbao writes its JSON with a streaming writer, but the bytes must stay
// what nlohmann's dump gives for the same document (the format users' scripts
// and the parity tests already read), and stay valid JSON on any input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <limits>
#include <string>

#include "report/json_writer.h"

namespace {

// {"a": [1, {"b": null, "c": x}, [], true], "d": {}, "e": amount, "f": text}
std::string written(int indent, const std::string& text, double amount) {
    nianbao::JsonWriter w(indent);
    w.begin_object().key("a").begin_array().value(1);
    w.begin_object().key("b").null().key("c").value("x").end_object();
    w.begin_array().end_array().value(true).end_array();
    w.key("d").begin_object().end_object();
    w.key("e").value(amount);
    w.key("f").value(text).end_object();
    return w.take();
}

std::string dumped(int indent, const std::string& text, double amount) {
    nlohmann::json j = {{"a", {1, {{"b", nullptr}, {"c", "x"}}, nlohmann::json::array(), true}},
                        {"d", nlohmann::json::object()},
                        {"e", amount},
                        {"f", text}};
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("the JSON writer gives nlohmann's bytes, indented and compact") {
    const std::string texts[] = {
            "表三“（一）予以公开”",
            "quote \" backslash \\ tab \t newline \n cr \r bell \x07 del \x7f",
            std::string("nul \0 inside", 12),
    };
    for (const auto& text : texts) {
        for (double amount : {0.5, 12.34, 100.0, 1234567.89, 0.01, 3.0e-7}) {
            for (int indent : {-1, 2, 4}) {
                CAPTURE(indent);
                CAPTURE(amount);
                CHECK(written(indent, text, amount) == dumped(indent, text, amount));
            }
        }
    }
}

TEST_CASE("the JSON writer turns invalid UTF-8 into U+FFFD and stays valid JSON") {
    const std::string bad("bad \xff\xfe utf-8 \xe4\xb8", 15);
    nianbao::JsonWriter w(-1);
    w.begin_array().value(bad).end_array();
    const auto parsed = nlohmann::json::parse(w.str(), nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed[0].get<std::string>() == "bad \xEF\xBF\xBD\xEF\xBF\xBD utf-8 \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("the JSON writer prints integers as nlohmann does, to both ends of int64") {
    const int64_t numbers[] = {0, 7, -7, 10, 4294967296, std::numeric_limits<int64_t>::max(),
                               std::numeric_limits<int64_t>::min()};
    for (int64_t n : numbers) {
        CAPTURE(n);
        nianbao::JsonWriter w(-1);
        w.begin_array().value(n).end_array();
        CHECK(w.str() == nlohmann::json::array({n}).dump());
    }
}

TEST_CASE("the JSON writer escapes a key that is not plain ASCII") {
    nianbao::JsonWriter w(-1);
    w.begin_object().key("a\"b\n").value(1).key("表三").value(2).end_object();
    CHECK(w.str() == nlohmann::json({{"a\"b\n", 1}, {"表三", 2}}).dump());
}
