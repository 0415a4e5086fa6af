// Tests for body-mismatch (core/src/rules/body_mismatch.cpp) and the
// signature's body it reads (core/src/meta/signature.cpp,
// find_signature_body): near-identical names fire, abbreviations, suffixes,
// higher levels and misread signatures do not.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "meta/signature.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::test::ReportText;

namespace {

std::vector<Finding> findings(const std::string& text) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text).findings)
        if (f.id == "body-mismatch") out.push_back(f);
    return out;
}

std::string at(const std::string& text, nianbao::Span s) { return text.substr(s.begin, s.size()); }

ReportText signed_as(const std::string& title_body, const std::string& signature) {
    ReportText r;
    r.body = title_body;
    r.signature = signature;
    return r;
}

std::string body_before(const std::string& text, const std::string& date) {
    const size_t b = text.rfind(date);
    const nianbao::Span s = nianbao::find_signature_body(text, b, b + date.size());
    return text.substr(s.begin, s.size());
}

}  // namespace

TEST_CASE("body-mismatch: the report as built (same name above and below) is clean") {
    CHECK(findings(ReportText().str()).empty());
}

TEST_CASE("body-mismatch: a one-character typo in the signature fires on the signature (沭阳 / 沐阳)") {
    const ReportText r = signed_as("沭阳县人民政府", "沐阳县人民政府\n\n2025年3月20日\n");
    const std::string text = r.str();
    const auto f = findings(text);
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "沐阳县人民政府");
    CHECK(f[0].severity == nianbao::Severity::Warning);
    CHECK(f[0].message_zh == "落款的机关名称“沐阳县人民政府”与标题中的“沭阳县人民政府”不一致：落款的“沐”与标题的“沭”。");
}

TEST_CASE("body-mismatch: a typo on the date's own line, or in a longer name, fires too") {
    CHECK(findings(signed_as("平罗县陶乐镇人民政府", "平罗县陶乐镇人民政府\n\n平罗县淘乐镇人民政府 2025年1月20日\n").str())
              .size() == 1);
    CHECK(findings(signed_as("平罗县陶乐镇人民政府", "平罗县陶东镇人民政府\n2025年1月20日\n").str()).size() == 1);
    // Two characters in a longer name.
    CHECK(findings(signed_as("卫滨区平原镇人民政府", "卫滨县平源镇人民政府\n2025年1月20日\n").str()).size() == 1);
}

TEST_CASE("body-mismatch: abbreviations, suffixes and the higher level in front are the same body") {
    struct Case {
        const char* title;
        const char* signature;
    } cases[] = {
        {"平潭综合实验区", "平潭综合实验区管理委员会\n2022年1月20日\n"},
        {"淮安市洪泽区人民政府", "洪泽区人民政府\n2025年1月20日\n"},
        {"洪泽区人民政府", "淮安市洪泽区人民政府\n2025年1月20日\n"},
        {"平罗县陶乐镇人民政府", "平罗县陶乐镇\n2025年1月20日\n"},
        {"平罗县陶乐镇", "平罗县陶乐镇人民政府\n2025年1月20日\n"},
        {"平罗县人民政府办公室", "平罗县人民政府办公室\n2025年1月20日\n"},
        {"平罗县人民政府", "平罗县人民政府办公室\n2025年1月20日\n"},
        {"平罗县人民政府", "平罗县政府\n2025年1月20日\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.title);
        CAPTURE(c.signature);
        CHECK(findings(signed_as(c.title, c.signature).str()).empty());
    }
}

TEST_CASE("body-mismatch: a wholly different name, or a short one, is left alone") {
    // More likely a signature misread (or another body's page) than a typo.
    CHECK(findings(signed_as("平潭综合实验区", "平潭县人民政府\n2022年1月20日\n").str()).empty());
    CHECK(findings(signed_as("平罗县陶乐镇人民政府", "石嘴山市生态环境局\n2025年1月20日\n").str()).empty());
    // Names of two characters without their suffix: one character is another body's name, not a typo.
    CHECK(findings(signed_as("东区人民政府", "西区人民政府\n2025年1月20日\n").str()).empty());
    // Only the kind of body differs (委 / 局, 乡 / 镇): renamed, not mistyped.
    CHECK(findings(signed_as("平罗县卫健委", "平罗县卫健局\n2025年1月20日\n").str()).empty());
    CHECK(findings(signed_as("平罗县高庄乡人民政府", "平罗县高庄镇人民政府\n2025年1月20日\n").str()).empty());
}

TEST_CASE("body-mismatch: a breadcrumb or a labelled line is not the signature") {
    ReportText r = signed_as("平潭综合实验区", "来源：平潭县人民政府 时间：2022-02-08\n");
    CHECK(findings(r.str()).empty());
    r.intro = "当前位置：首页 > 平潭县人民政府 > 政府信息公开年报";
    r.signature = "平潭综合实验区管理委员会\n2022年1月20日\n";
    CHECK(findings(r.str()).empty());
    // A sentence above the date, or a seal, names no body.
    r.signature = "特此报告。\n2022年1月20日\n";
    CHECK(findings(r.str()).empty());
    r.signature = "（盖章）\n2022年1月20日\n";
    CHECK(findings(r.str()).empty());
}

TEST_CASE("signature body: on the date's line, on the line above (blank lines between), or none") {
    CHECK(body_before("……\n\n河曲县巡镇镇人民政府\n\n2025年2月7日\n", "2025年2月7日") == "河曲县巡镇镇人民政府");
    CHECK(body_before("……\r\n河曲县巡镇镇人民政府\r\n\r\n2025年2月7日\r\n", "2025年2月7日") == "河曲县巡镇镇人民政府");
    CHECK(body_before("……\n**河曲县巡镇镇人民政府**  2025年2月7日\n", "2025年2月7日") == "河曲县巡镇镇人民政府");
    CHECK(body_before("特此报告。河曲县巡镇镇人民政府 2025年2月7日", "2025年2月7日") == "河曲县巡镇镇人民政府");
    CHECK(body_before("我镇无其他需要报告的事项。\n2025年2月7日\n", "2025年2月7日").empty());
    CHECK(body_before("发布日期：2025年2月7日\n", "2025年2月7日").empty());
    CHECK(body_before("2025年2月7日", "2025年2月7日").empty());
}

TEST_CASE("body-mismatch: the seeds' signatures are read and agree with their titles") {
    for (const char* name : {"seeds/001_596907d86b561f89.txt", "seeds/003_42f29cd10deb4ca1.txt"}) {
        const std::string text = nianbao::test::read_fixture(name);
        REQUIRE(!text.empty());
        const nianbao::Report r = nianbao::read_report(text);
        CAPTURE(name);
        CHECK(!r.signed_body.empty());
        CHECK(findings(text).empty());
    }
}

TEST_CASE("same_body: the same name after 人民政府 and the like, or the higher level in front, is one body") {
    using nianbao::same_body;
    CHECK(same_body("淮安市洪泽区人民政府", "洪泽区人民政府"));   // the higher level in front (007 / 008)
    CHECK(same_body("洪泽区人民政府", "淮安市洪泽区人民政府"));
    CHECK(same_body("平潭综合实验区", "平潭综合实验区管理委员会"));
    CHECK(same_body("卫滨区平原镇", "平原镇人民政府"));
    CHECK(same_body("河曲县巡镇镇人民政府", "河曲县 巡镇镇人民政府"));  // spaces do not count
    CHECK_FALSE(same_body("洪泽区人民政府", "淮阴区人民政府"));
    CHECK_FALSE(same_body("甲县城关镇", "乙县城关镇"));
    CHECK_FALSE(same_body("洪泽区人民政府", "洪泽区教育局"));          // the district and its bureau
    CHECK_FALSE(same_body("城关镇", "新城关镇"));                      // 新 is no higher level
    CHECK_FALSE(same_body("洪泽区人民政府", "洪泽区人民政府办公室"));    // the government's office is a body of its own
    CHECK(same_body("巴拉素镇人民政府", "巴拉素镇"));
    CHECK_FALSE(same_body("", "洪泽区人民政府"));
    CHECK_FALSE(same_body("镇", "巡镇镇人民政府"));          // one character names no body
}
