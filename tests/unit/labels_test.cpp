// Row labels: enumerator markers and the canonical form rows are matched by.
#include <doctest/doctest.h>

#include <string>

#include "tables/labels.h"

using nianbao::canonical_label;
using nianbao::Marker;
using nianbao::parse_marker;
using nianbao::to_utf8;

TEST_CASE("parse_marker reads the three levels of enumerators with their byte length") {
    const Marker one = parse_marker("三、本年度办理结果");
    CHECK(one.level == 1);
    CHECK(one.number == 3);
    CHECK(one.length == std::string("三、").size());

    const Marker two = parse_marker("（十二）其他");
    CHECK(two.level == 2);
    CHECK(two.number == 12);
    CHECK(two.length == std::string("（十二）").size());

    const Marker three = parse_marker("3.危及“三安全一稳定”");
    CHECK(three.level == 3);
    CHECK(three.number == 3);
    CHECK(three.length == 2);
}

TEST_CASE("parse_marker counts the indent before a marker as part of it") {
    const Marker m = parse_marker("  \t（一）予以公开");
    CHECK(m.level == 2);
    CHECK(m.number == 1);
    CHECK(m.length == 3 + std::string("（一）").size());
}

TEST_CASE("parse_marker finds no marker after a long indent or in plain words") {
    CHECK(parse_marker(std::string(200, ' ') + "（一）予以公开").level == 2);
    CHECK(parse_marker("予以公开").level == 0);
    CHECK(parse_marker("2024年").level == 0);  // a year, not item 2024
    CHECK(parse_marker("1.5万元").level == 0);  // a decimal, not item 1
    CHECK(parse_marker("").level == 0);
}

TEST_CASE("canonical_label drops the marker, spaces and punctuation and maps full-width forms") {
    CHECK(to_utf8(canonical_label("（二） 部分公开（区分处理的，只")) == "部分公开区分处理的只");
    CHECK(to_utf8(canonical_label("１．本机关不掌握相关政府信息")) == "本机关不掌握相关政府信息");
    CHECK(to_utf8(canonical_label("  ")).empty());
}
