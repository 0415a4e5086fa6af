// The findings JSON is written by a streaming writer but must stay
// byte-for-byte what nlohmann's dump gives for the same document: the page,
// the parity tests and users' scripts read either.
#include <doctest/doctest.h>

#include <string>

#include "report/json_common.h"
#include "report/json_writer.h"

namespace {

// {"a": [1, {"b": null, "c": "x"}, []], "d": {}, "e": <model>, "f": text}
std::string written(int indent, const std::string& text, const nlohmann::json& model) {
    nianbao::JsonWriter w(indent);
    w.begin_object().key("a").begin_array().value(1);
    w.begin_object().key("b").null().key("c").value("x").end_object();
    w.begin_array().end_array().end_array();
    w.key("d").begin_object().end_object();
    w.key("e").embed(model);
    w.key("f").value(text).end_object();
    return w.take();
}

std::string dumped(int indent, const std::string& text, const nlohmann::json& model) {
    nlohmann::json j = {{"a", {1, {{"b", nullptr}, {"c", "x"}}, nlohmann::json::array()}},
                        {"d", nlohmann::json::object()},
                        {"e", model},
                        {"f", text}};
    return nianbao::dump_json(j, indent);
}

}  // namespace

TEST_CASE("the JSON writer gives nlohmann's bytes, indented and compact") {
    const nlohmann::json model = {{"rows", {{{"label", "合计"}, {"values", {0, 12}}}}}, {"year", 2024}};
    const std::string texts[] = {
            "表三“（一）予以公开”",
            "quote \" backslash \\ tab \t newline \n cr \r bell \x07 del \x7f",
            std::string("bad \xff\xfe utf-8 \xe4\xb8", 16),
            std::string("nul \0 inside", 12),
    };
    for (const auto& text : texts) {
        for (int indent : {-1, 2, 4}) {
            CAPTURE(indent);
            CHECK(written(indent, text, model) == dumped(indent, text, model));
        }
    }
}
