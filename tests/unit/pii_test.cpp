// Tests for core/src/meta/pii.{h,cpp}: ID numbers, bank cards and mobile
// numbers that must not be published.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "meta/pii.h"

using nianbao::find_pii;
using nianbao::id_check_char;
using nianbao::luhn_valid;
using nianbao::PiiKind;
using nianbao::PiiMention;
using nianbao::Span;

namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

// The only mention in `text`: its kind, written form and digits.
PiiMention one(std::string_view text, PiiKind kind, std::string_view written, std::string_view digits) {
    const auto ms = find_pii(text);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].kind == kind);
    CHECK(at(text, ms[0].span) == written);
    CHECK(ms[0].digits == digits);
    return ms[0];
}

bool none(std::string_view text) { return find_pii(text).empty(); }

bool no_id(std::string_view text) {
    for (const PiiMention& m : find_pii(text))
        if (m.kind == PiiKind::IdNumber) return false;
    return true;
}

}  // namespace

// --- check digits -----------------------------------------------------------

TEST_CASE("id_check_char computes the GB 11643 check character") {
    CHECK(id_check_char("11010519491231002") == 'X');
    CHECK(id_check_char("32080219850615123") == '4');
    CHECK(id_check_char("11010520000229001") == '3');
    CHECK(id_check_char("1101051949123100") == '\0');   // 16 digits
    CHECK(id_check_char("1101051949123100A") == '\0');
}

TEST_CASE("luhn_valid implements the mod 10 check") {
    CHECK(luhn_valid("4111111111111111"));
    CHECK(luhn_valid("6222020012345678903"));
    CHECK(luhn_valid("6228480012345671"));
    CHECK_FALSE(luhn_valid("6222020012345678901"));
    CHECK_FALSE(luhn_valid(""));
    CHECK_FALSE(luhn_valid("4111-1111"));
}

// --- ID numbers -------------------------------------------------------------

TEST_CASE("find_pii finds a resident ID number with a valid check character") {
    one("申请人张某（身份证号码：11010519491231002X）申请公开", PiiKind::IdNumber, "11010519491231002X",
        "11010519491231002X");
    one("身份证号11010519491231002x。", PiiKind::IdNumber, "11010519491231002x", "11010519491231002X");
    one("证件号码 320802198506151234 ", PiiKind::IdNumber, "320802198506151234", "320802198506151234");
    one("110105200002290013", PiiKind::IdNumber, "110105200002290013", "110105200002290013");  // 2000-02-29
    one("身份证号１１０１０５１９４９１２３１００２Ｘ", PiiKind::IdNumber, "１１０１０５１９４９１２３１００２Ｘ",
        "11010519491231002X");
}

TEST_CASE("find_pii rejects ID-shaped runs with a wrong check character or birth date") {
    CHECK(no_id("身份证号 110105194912310021"));   // check should be X
    CHECK(no_id("身份证号 110105200102290010"));   // 2001-02-29 does not exist (check char correct)
    CHECK(no_id("身份证号 11010518991231002X"));   // born 1899
    CHECK(no_id("身份证号 1101051949123100X2"));   // X not last
}

TEST_CASE("find_pii rejects an ID inside a longer digit or letter run") {
    CHECK(none("11010519491231002X1"));
    CHECK(none("911010519491231002X"));
    CHECK(none("A11010519491231002X"));
    CHECK(none("11010519491231002XA"));
    CHECK(none("编号11010519491231002X/2024-00123"));
}

// --- bank cards -------------------------------------------------------------

TEST_CASE("find_pii finds bank card numbers that pass Luhn") {
    one("退款账户：6222020012345678903，户名", PiiKind::BankCard, "6222020012345678903", "6222020012345678903");
    one("卡号 6228480012345671", PiiKind::BankCard, "6228480012345671", "6228480012345671");
    one("卡号 4111111111111111。", PiiKind::BankCard, "4111111111111111", "4111111111111111");
}

TEST_CASE("find_pii finds bank card numbers in groups of four") {
    one("卡号：6222 0200 1234 5678 903。", PiiKind::BankCard, "6222 0200 1234 5678 903", "6222020012345678903");
    one("卡号：6222-0200-1234-5678-903", PiiKind::BankCard, "6222-0200-1234-5678-903", "6222020012345678903");
    one("卡号 6228 4800 1234 5671", PiiKind::BankCard, "6228 4800 1234 5671", "6228480012345671");
}

TEST_CASE("find_pii rejects card-shaped numbers that fail Luhn or are part of something longer") {
    CHECK(none("卡号 6222020012345678901"));
    CHECK(none("卡号 6222 0200 1234 5678 901"));         // Luhn fails
    CHECK(none("62220200123456789030"));                  // 20 digits
    CHECK(none("1 6222 0200 1234 5678 903"));             // a fifth leading group
    CHECK(none("6222 0200 1234 5678 9031 1"));            // too many groups
    CHECK(none("6222 0200 1234 5678 903abc"));
    CHECK(none("6222 0200 1234 5678-903"));               // mixed separators
    CHECK(none("6222  0200  1234  5678  903"));           // double spaces
    CHECK(none("金额 6222020012345678903.50 元"));
}

TEST_CASE("find_pii reports a valid ID as ID only, not also as a bank card") {
    // 320802198506151103 has a valid GB 11643 check character and also
    // passes Luhn.
    REQUIRE(luhn_valid("320802198506151103"));
    const auto ms = find_pii("320802198506151103");
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].kind == PiiKind::IdNumber);
}

// --- mobile numbers ---------------------------------------------------------

TEST_CASE("find_pii finds mobile numbers in report sentences") {
    one("经办人：李某，联系电话：13812345678。", PiiKind::Mobile, "13812345678", "13812345678");
    one("手机 199 0000 1111", PiiKind::Mobile, "199 0000 1111", "19900001111");
    one("手机 138-1234-5678。", PiiKind::Mobile, "138-1234-5678", "13812345678");
    one("手机１３８１２３４５６７８", PiiKind::Mobile, "１３８１２３４５６７８", "13812345678");
}

TEST_CASE("find_pii includes a +86 or 86- country prefix in the span") {
    one("电话 +86 13812345678", PiiKind::Mobile, "+86 13812345678", "13812345678");
    one("电话 +86-13812345678", PiiKind::Mobile, "+86-13812345678", "13812345678");
    one("电话 86-13812345678", PiiKind::Mobile, "86-13812345678", "13812345678");
    one("电话+8613812345678", PiiKind::Mobile, "+8613812345678", "13812345678");
    one("电话 +86 138 1234 5678", PiiKind::Mobile, "+86 138 1234 5678", "13812345678");
    one("电话 86-138-1234-5678", PiiKind::Mobile, "86-138-1234-5678", "13812345678");
}

TEST_CASE("find_pii never takes office numbers for mobiles") {
    CHECK(none("联系电话：0952-8011132"));
    CHECK(none("联系电话：0517-83605210"));
    CHECK(none("联系电话：(0517)83605210"));
    CHECK(none("联系电话：（0517）83605210"));
    CHECK(none("服务热线 12345，传真 0517-83605211"));
    CHECK(none("电话 0517-13812345678"));   // hyphen-joined to an area code
    CHECK(none("电话 (0517)13812345678"));
}

TEST_CASE("find_pii ignores 索引号, document numbers and amounts") {
    CHECK(none("索引号：11320800014135XXXX/2024-00123"));
    CHECK(none("索引号：113208000141351234/2024-00123"));
    CHECK(none("索引号：2024-13812345678"));
    CHECK(none("淮政办发〔2021〕30号"));
    CHECK(none("支出 96171.6 元"));
    CHECK(none("金额 13812345678.00 元"));
    CHECK(none("全市共受理政府信息公开申请 3119 件，答复 3050 件"));
    CHECK(none("本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日"));
}

TEST_CASE("find_pii rejects mobile-shaped digits glued to letters or longer runs") {
    CHECK(none("A13812345678"));
    CHECK(none("13812345678abc"));
    CHECK(none("13812345678@163.com"));
    CHECK(none("www.13812345678.com"));
    CHECK(none("138123456789"));      // 12 digits
    CHECK(none("913812345678"));      // 12 digits
    CHECK(none("12812345678"));       // 12x is not a mobile prefix
    CHECK(none("138 1234 5678 9"));   // a fourth group
    CHECK(none("5 138 1234 5678"));   // tail of a longer group chain
    CHECK(none("138 1234 56789"));
    CHECK(none("138-1234 5678"));     // mixed separators
    CHECK(none("+13812345678"));
    CHECK(none("8613812345678"));     // 13 digits without '+'
}

TEST_CASE("find_pii returns all mentions in text order") {
    std::string_view t = "张三，身份证11010519491231002X，手机13812345678，卡号6228480012345671。";
    const auto ms = find_pii(t);
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].kind == PiiKind::IdNumber);
    CHECK(ms[1].kind == PiiKind::Mobile);
    CHECK(ms[2].kind == PiiKind::BankCard);
    CHECK(at(t, ms[1].span) == "13812345678");
    CHECK(ms[0].span.end <= ms[1].span.begin);
    CHECK(ms[1].span.end <= ms[2].span.begin);
}

TEST_CASE("find_pii is safe on pathological input") {
    std::vector<std::string> inputs;
    inputs.push_back(std::string(1 << 20, '1'));
    std::string s;
    for (int i = 0; i < 200000; ++i) s += "1234 ";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 200000; ++i) s += "138-";
    inputs.push_back(s);
    s = "1234 1234 1234 1234 " + std::string(1 << 20, '5');
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 50000; ++i) s += "13812345678，";
    inputs.push_back(s);
    s.clear();
    for (int r = 0; r < 4000; ++r)
        for (int b = 0; b < 256; ++b) s += static_cast<char>((b * 11 + r) & 0xFF);
    inputs.push_back(s);
    inputs.push_back("+");
    inputs.push_back("86-");
    inputs.push_back("\xEF\xBC");  // truncated full-width
    for (const std::string& in : inputs) {
        bool spans_ok = true;
        for (const PiiMention& m : find_pii(in)) spans_ok = spans_ok && m.span.end <= in.size();
        CHECK(spans_ok);
    }
    CHECK(find_pii(inputs[4]).size() == 50000);
}

TEST_CASE("find_pii includes a 0086 international prefix in the span") {
    one("电话 0086-13812345678", PiiKind::Mobile, "0086-13812345678", "13812345678");
    one("电话 0086 138 1234 5678", PiiKind::Mobile, "0086 138 1234 5678", "13812345678");
    // Not a prefix when glued to more digits: an area code or a longer number.
    CHECK(none("电话 100086-13812345678"));
}

TEST_CASE("find_pii finds an ID number written in 6-8-4 groups") {
    one("身份证号 110105 19491231 002X，", PiiKind::IdNumber, "110105 19491231 002X", "11010519491231002X");
    one("身份证号：110105 19491231 002x。", PiiKind::IdNumber, "110105 19491231 002x", "11010519491231002X");
    // A wrong check character, a wrong group shape, or part of a longer chain: no ID.
    CHECK(no_id("身份证号 110105 19491231 0021"));
    CHECK(no_id("编号 110105 1949123 1002X"));
    CHECK(no_id("序列 12 110105 19491231 002X"));
    CHECK(no_id("序列 110105 19491231 002X 77"));
    // Table rows of six-digit counts are not IDs.
    CHECK(no_id("合计 110105 19491231 0020"));
}
