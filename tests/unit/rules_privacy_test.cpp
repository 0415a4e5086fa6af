// Tests for the privacy family (core/src/rules/privacy.cpp): ID numbers, bank
// cards and mobile numbers in the published text, never table counts, codes
// or office numbers; the finding masks the number it reports.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"
#include "report_builder.h"

using nianbao::Finding;
using nianbao::Severity;
using nianbao::test::ReportText;

namespace {

std::vector<Finding> findings(const std::string& text, std::string_view id, const nianbao::Options& options = {}) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text, options).findings)
        if (f.id == id) out.push_back(f);
    return out;
}

std::vector<Finding> pii(const std::string& text) {
    std::vector<Finding> out;
    for (const Finding& f : nianbao::check(text).findings)
        if (f.id.rfind("pii-", 0) == 0) out.push_back(f);
    return out;
}

std::string at(const std::string& text, nianbao::Span s) { return text.substr(s.begin, s.size()); }

// A clean report with `sentence` added to section 一.
std::string with_sentence(const std::string& sentence) {
    ReportText r;
    r.section1 += "\n（四）其他\n\n" + sentence + "\n";
    return r.str();
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the clean report has no privacy findings") { CHECK(pii(ReportText().str()).empty()); }

// --- pii-id-number ------------------------------------------------------------

TEST_CASE("pii-id-number: a resident ID with a valid check digit fires on exactly the number") {
    const std::string text = with_sentence("申请人张某（身份证号码：11010519491231002X）申请公开征地补偿信息。");
    const auto f = findings(text, "pii-id-number");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Error);
    CHECK(at(text, f[0].span) == "11010519491231002X");
    CHECK(pii(text).size() == 1);  // not also a bank card
}

TEST_CASE("pii-id-number: the message and the fix mask the middle digits and never repeat the number") {
    const std::string text = with_sentence("申请人张某，身份证号码 11010519491231002X。");
    const auto f = findings(text, "pii-id-number");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message_zh, "110105********002X"));
    CHECK(contains(f[0].message_en, "110105********002X"));
    CHECK(contains(f[0].fix_zh, "删除"));
    CHECK(contains(f[0].fix_en, "Delete"));
    for (const std::string* s : {&f[0].message_zh, &f[0].message_en, &f[0].fix_zh, &f[0].fix_en})
        CHECK_FALSE(contains(*s, "19491231"));
}

TEST_CASE("pii-id-number: the same number with a wrong check digit does not fire") {
    const std::string text = with_sentence("申请人张某（身份证号码：110105194912310021）申请公开征地补偿信息。");
    CHECK(findings(text, "pii-id-number").empty());
}

TEST_CASE("pii-id-number: an ID written as 身份证编号 still fires (编号 is not a code label there)") {
    const std::string text = with_sentence("申请人身份证编号：320802198506151234。");
    const auto f = findings(text, "pii-id-number");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "320802198506151234");
}

TEST_CASE("pii-id-number: a valid ID in the intro before section 一 fires too") {
    ReportText r;
    r.intro = "联系人：王某，身份证号 320802198506151234。";
    const std::string text = r.str();
    const auto f = findings(text, "pii-id-number");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "320802198506151234");
}

// --- pii-bank-card ------------------------------------------------------------

TEST_CASE("pii-bank-card: a Luhn-valid card number fires as a warning, masked") {
    const std::string text = with_sentence("退还信息处理费至申请人账户：6222020012345678903。");
    const auto f = findings(text, "pii-bank-card");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(at(text, f[0].span) == "6222020012345678903");
    CHECK(contains(f[0].message_zh, "6222***********8903"));
    CHECK_FALSE(contains(f[0].message_zh, "6222020012345678903"));
    CHECK_FALSE(contains(f[0].message_en, "6222020012345678903"));
}

TEST_CASE("pii-bank-card: a card in groups of four spans all the groups") {
    const std::string text = with_sentence("卡号：6222 0200 1234 5678 903。");
    const auto f = findings(text, "pii-bank-card");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "6222 0200 1234 5678 903");
}

TEST_CASE("pii-bank-card: a 19-digit 索引号-like number that fails Luhn does not fire") {
    CHECK(pii(with_sentence("相关文件编码 1132080001413512340 已公开。")).empty());
    CHECK(pii(with_sentence("退款账户：6222020012345678901。")).empty());
}

TEST_CASE("pii-bank-card: a Luhn-valid number labelled 索引号, 文号 or 统一社会信用代码 does not fire") {
    // 1132080001413512345 happens to pass Luhn.
    CHECK(pii(with_sentence("该文件索引号：1132080001413512345。")).empty());
    CHECK(pii(with_sentence("统一社会信用代码 1132080001413512345。")).empty());
    // Without a code label it is reported.
    CHECK(findings(with_sentence("退款账户：1132080001413512345。"), "pii-bank-card").size() == 1);
}

// --- pii-mobile -----------------------------------------------------------------

TEST_CASE("pii-mobile: 13812345678 fires, masked as 138****5678") {
    const std::string text = with_sentence("经办人：李某，联系电话：13812345678。");
    const auto f = findings(text, "pii-mobile");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(at(text, f[0].span) == "13812345678");
    CHECK(contains(f[0].message_zh, "138****5678"));
    CHECK_FALSE(contains(f[0].message_zh, "13812345678"));
    CHECK_FALSE(contains(f[0].message_en, "13812345678"));
    CHECK_FALSE(contains(f[0].fix_zh, "13812345678"));
}

TEST_CASE("pii-mobile: a +86 prefix is part of the span") {
    const std::string text = with_sentence("联系电话：+86 138 1234 5678。");
    const auto f = findings(text, "pii-mobile");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "+86 138 1234 5678");
}

TEST_CASE("pii-mobile: office numbers such as 0952-8011132 do not fire") {
    CHECK(pii(with_sentence("咨询电话：0952-8011132，传真：0517-83605211。")).empty());
    CHECK(pii(with_sentence("联系电话：（0517）83605210，服务热线 12345。")).empty());
}

// --- what is never flagged --------------------------------------------------------

TEST_CASE("privacy: table cells are counts, even when they look like a mobile or a card") {
    ReportText r;
    r.table2[6] = "13812345678";          // 行政许可 本年处理决定数量
    r.table2[7] = "6222020012345678903";  // 行政处罚
    CHECK(pii(r.str()).empty());
    // The same numbers in the text are reported.
    r.section6 += "申请人电话 13812345678。\n";
    const auto f = pii(r.str());
    REQUIRE(f.size() == 1);
    CHECK(f[0].id == "pii-mobile");
}

TEST_CASE("privacy: 索引号, 文号, amounts and dates do not fire") {
    const std::string text = with_sentence(
        "索引号：11320800014135XXXX/2024-00123；依据淮政办发〔2021〕30号；收取费用 96171.6 元；"
        "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日；地址邮编 223100。");
    CHECK(pii(text).empty());
}

TEST_CASE("privacy: several numbers give one finding each, in text order") {
    const std::string text =
        with_sentence("张三，身份证 11010519491231002X，手机 13812345678，卡号 6228480012345671。");
    const auto f = pii(text);
    REQUIRE(f.size() == 3);
    CHECK(f[0].id == "pii-id-number");
    CHECK(f[1].id == "pii-mobile");
    CHECK(f[2].id == "pii-bank-card");
    CHECK(at(text, f[2].span) == "6228480012345671");
}

TEST_CASE("privacy: a rule turned off by id stays silent") {
    nianbao::Options o;
    o.disabled = {"pii-mobile"};
    const std::string text = with_sentence("联系电话：13812345678。");
    CHECK(findings(text, "pii-mobile", o).empty());
    CHECK(findings(text, "pii-mobile").size() == 1);
}

// A mobile written after an office number and a slash is a second contact,
// not the tail of a 索引号 ("…/2024-00123").
TEST_CASE("pii-mobile: a mobile listed after an office number and a slash fires") {
    const std::string text = with_sentence("联系电话：0517-83605210/13812345678。");
    const auto f = findings(text, "pii-mobile");
    REQUIRE(f.size() == 1);
    CHECK(at(text, f[0].span) == "13812345678");
}
