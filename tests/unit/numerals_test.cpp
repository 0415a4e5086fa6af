// Tests for core/src/meta/numerals.{h,cpp}: Chinese and Arabic number
// parsing and the counts found in running report text.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "meta/numerals.h"

using nianbao::find_numbers;
using nianbao::NumberMention;
using nianbao::parse_arabic_number;
using nianbao::parse_chinese_number;
using nianbao::Span;

namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

// "75 条" style summary of every mention, to compare whole results at once.
std::vector<std::string> summary(std::string_view text) {
    std::vector<std::string> out;
    for (const NumberMention& m : find_numbers(text)) {
        std::string s(at(text, m.span));
        s += "=" + std::to_string(m.value);
        if (m.decimals) s += "/" + std::to_string(m.decimals);
        if (!m.unit.empty()) s += " " + std::string(m.unit);
        out.push_back(s);
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

// --- parse_chinese_number ---------------------------------------------------

TEST_CASE("parse_chinese_number reads unit forms") {
    CHECK(parse_chinese_number("十") == 10);
    CHECK(parse_chinese_number("十二") == 12);
    CHECK(parse_chinese_number("二十") == 20);
    CHECK(parse_chinese_number("二十五") == 25);
    CHECK(parse_chinese_number("一百零五") == 105);
    CHECK(parse_chinese_number("一百一十") == 110);
    CHECK(parse_chinese_number("一千零五") == 1005);
    CHECK(parse_chinese_number("一千零十") == 1010);
    CHECK(parse_chinese_number("一千零一十") == 1010);
    CHECK(parse_chinese_number("两千") == 2000);
    CHECK(parse_chinese_number("三万五千") == 35000);
    CHECK(parse_chinese_number("十万") == 100000);
    CHECK(parse_chinese_number("一万零五") == 10005);
    CHECK(parse_chinese_number("一亿二千万") == 120000000);
    CHECK(parse_chinese_number("一万亿") == 1000000000000LL);
    CHECK(parse_chinese_number("九千九百九十九万九千九百九十九") == 99999999);
}

TEST_CASE("parse_chinese_number reads colloquial trailing digits as the next lower place") {
    CHECK(parse_chinese_number("一百五") == 150);
    CHECK(parse_chinese_number("三万五") == 35000);
    CHECK(parse_chinese_number("一亿五") == 150000000);
}

TEST_CASE("parse_chinese_number reads digit-by-digit years and single digits") {
    CHECK(parse_chinese_number("二〇二四") == 2024);
    CHECK(parse_chinese_number("二零二四") == 2024);
    CHECK(parse_chinese_number("一九四九") == 1949);
    CHECK(parse_chinese_number("零") == 0);
    CHECK(parse_chinese_number("〇") == 0);
    CHECK(parse_chinese_number("七") == 7);
    CHECK(parse_chinese_number("两") == 2);
}

TEST_CASE("parse_chinese_number reads financial and traditional numerals") {
    CHECK(parse_chinese_number("壹佰贰拾叁") == 123);
    CHECK(parse_chinese_number("叁万") == 30000);
    CHECK(parse_chinese_number("玖仟玖佰") == 9900);
    CHECK(parse_chinese_number("伍拾") == 50);
    CHECK(parse_chinese_number("壹億") == 100000000);
    CHECK(parse_chinese_number("貳萬") == 20000);
}

TEST_CASE("parse_chinese_number rejects garbage and malformed unit order") {
    CHECK_FALSE(parse_chinese_number(""));
    CHECK_FALSE(parse_chinese_number("abc"));
    CHECK_FALSE(parse_chinese_number("十二件"));
    CHECK_FALSE(parse_chinese_number("12"));
    CHECK_FALSE(parse_chinese_number("十十"));
    CHECK_FALSE(parse_chinese_number("二十三十"));
    CHECK_FALSE(parse_chinese_number("十百"));
    CHECK_FALSE(parse_chinese_number("一二十"));
    CHECK_FALSE(parse_chinese_number("一百十"));
    CHECK_FALSE(parse_chinese_number("一万二万"));
    CHECK_FALSE(parse_chinese_number("一亿一亿"));
    CHECK_FALSE(parse_chinese_number("二\xEF\xBF\xBD"));  // U+FFFD
}

TEST_CASE("parse_chinese_number returns nullopt on int64 overflow") {
    // INT64_MAX digit by digit is fine, one more is not.
    CHECK(parse_chinese_number("九二二三三七二〇三六八五四七七五八〇七") == std::numeric_limits<int64_t>::max());
    CHECK_FALSE(parse_chinese_number("九二二三三七二〇三六八五四七七五八〇八"));
    CHECK_FALSE(parse_chinese_number("九九九九九九九九九九九九九九九九九九九九九九"));
    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "九";
    CHECK_FALSE(parse_chinese_number(huge));
}

// --- parse_arabic_number ----------------------------------------------------

TEST_CASE("parse_arabic_number reads ASCII and full-width digits") {
    CHECK(parse_arabic_number("0") == 0);
    CHECK(parse_arabic_number("3119") == 3119);
    CHECK(parse_arabic_number("007") == 7);
    CHECK(parse_arabic_number("３１１９") == 3119);
    CHECK(parse_arabic_number("3１1９") == 3119);
}

TEST_CASE("parse_arabic_number accepts only valid thousands grouping") {
    CHECK(parse_arabic_number("3,119") == 3119);
    CHECK(parse_arabic_number("3，119") == 3119);
    CHECK(parse_arabic_number("1,234,567") == 1234567);
    CHECK(parse_arabic_number("１，２３４") == 1234);
    CHECK_FALSE(parse_arabic_number("31,19"));
    CHECK_FALSE(parse_arabic_number("1,2345"));
    CHECK_FALSE(parse_arabic_number("1234,567"));
    CHECK_FALSE(parse_arabic_number("0,123"));
    CHECK_FALSE(parse_arabic_number("1,234，567"));  // mixed separators
    CHECK_FALSE(parse_arabic_number(",123"));
    CHECK_FALSE(parse_arabic_number("123,"));
    CHECK_FALSE(parse_arabic_number("1,,234"));
}

TEST_CASE("parse_arabic_number rejects signs, decimals, spaces and other text") {
    CHECK_FALSE(parse_arabic_number(""));
    CHECK_FALSE(parse_arabic_number("-3"));
    CHECK_FALSE(parse_arabic_number("+3"));
    CHECK_FALSE(parse_arabic_number("1.5"));
    CHECK_FALSE(parse_arabic_number("3 119"));
    CHECK_FALSE(parse_arabic_number("12件"));
    CHECK_FALSE(parse_arabic_number("十二"));
}

TEST_CASE("parse_arabic_number returns nullopt past INT64_MAX") {
    CHECK(parse_arabic_number("9223372036854775807") == std::numeric_limits<int64_t>::max());
    CHECK(parse_arabic_number("9,223,372,036,854,775,807") == std::numeric_limits<int64_t>::max());
    CHECK_FALSE(parse_arabic_number("9223372036854775808"));
    CHECK_FALSE(parse_arabic_number("99999999999999999999999999"));
    CHECK_FALSE(parse_arabic_number(std::string(1 << 20, '9')));
}

// --- find_numbers: positives ------------------------------------------------

TEST_CASE("find_numbers finds counts with units in report sentences") {
    std::string_view t = "全市共受理政府信息公开申请 3119 件，答复 3050 件。";
    auto ms = find_numbers(t);
    REQUIRE(ms.size() == 2);
    CHECK(at(t, ms[0].span) == "3119");
    CHECK(ms[0].value == 3119);
    CHECK(ms[0].unit == "件");
    CHECK(at(t, ms[0].unit_span) == "件");
    CHECK_FALSE(ms[0].chinese);
    CHECK(ms[0].decimals == 0);
    CHECK(at(t, ms[1].span) == "3050");
    CHECK(ms[1].value == 3050);

    CHECK(summary("主动公开政府信息 75 条，其中公开类信息 24 条。") == V{"75=75 条", "24=24 条"});
    CHECK(summary("本年度新制发规章12件，现行有效规范性文件28 条。") == V{"12=12 件", "28=28 条"});
    CHECK(summary("接待群众咨询 1200 人次，举办培训2期、发布会3场、解读文章5篇、公开事项6项") ==
          V{"1200=1200 人次", "2=2 期", "3=3 场", "5=5 篇", "6=6 项"});
    CHECK(summary("全年收到申请0件。") == V{"0=0 件"});
}

TEST_CASE("find_numbers reports Arabic numbers without a unit with an empty unit") {
    std::string_view t = "其中予以公开 120，部分公开 15";
    auto ms = find_numbers(t);
    REQUIRE(ms.size() == 2);
    CHECK(at(t, ms[0].span) == "120");
    CHECK(ms[0].unit.empty());
    CHECK(ms[0].unit_span.empty());
    CHECK(ms[1].value == 15);
}

TEST_CASE("find_numbers reads Chinese numerals only before a counting unit") {
    std::string_view t = "共收到申请十二件，办理答复二十件，发布两千条信息，开展一次培训。";
    auto ms = find_numbers(t);
    REQUIRE(ms.size() == 4);
    CHECK(at(t, ms[0].span) == "十二");
    CHECK(ms[0].value == 12);
    CHECK(ms[0].chinese);
    CHECK(ms[0].unit == "件");
    CHECK(summary(t) == V{"十二=12 件", "二十=20 件", "两千=2000 条", "一=1 次"});
    CHECK(summary("十分重视，统一部署，一般情况下，百姓满意") == V{});
    CHECK(summary("收到申请叁拾件") == V{"叁拾=30 件"});
}

TEST_CASE("find_numbers accepts valid thousands separators and keeps them in the span") {
    CHECK(summary("网站访问量 3,119 次") == V{"3,119=3119 次"});
    CHECK(summary("网站访问量3，119次") == V{"3，119=3119 次"});
    CHECK(summary("累计 1,234,567 次") == V{"1,234,567=1234567 次"});
}

TEST_CASE("find_numbers treats commas with wrong grouping as list separators") {
    CHECK(summary("分别为3，119，20件") == V{"3=3", "119=119", "20=20 件"});
    CHECK(summary("1,2,3件") == V{"1=1", "2=2", "3=3 件"});
}

TEST_CASE("find_numbers scales percentages and decimals and records the decimals") {
    std::string_view t = "行政复议纠错率为17.46%，同比下降";
    auto ms = find_numbers(t);
    REQUIRE(ms.size() == 1);
    CHECK(at(t, ms[0].span) == "17.46");
    CHECK(ms[0].value == 1746);
    CHECK(ms[0].decimals == 2);
    CHECK(ms[0].unit == "%");
    CHECK(at(t, ms[0].unit_span) == "%");

    CHECK(summary("占比 17.46 ％") == V{"17.46=1746/2 %"});
    CHECK(summary("占比 50%") == V{"50=50 %"});
    CHECK(summary("收取信息处理费 96171.6 元") == V{"96171.6=961716/1 元"});
    CHECK(summary("为 0.5 元") == V{"0.5=5/1 元"});
}

TEST_CASE("find_numbers applies 万/亿 multipliers but keeps 万元 as a unit") {
    CHECK(summary("网站访问量达1.2万次") == V{"1.2万=12000 次"});
    CHECK(summary("访问量达3万") == V{"3万=30000"});
    CHECK(summary("投入资金5000万元") == V{"5000=5000 万元"});
    CHECK(summary("投入资金 12.5 万元") == V{"12.5=125/1 万元"});
    CHECK(summary("投入资金五千万元") == V{"五千=5000 万元"});
    CHECK(summary("共3千万元") == V{"3千=3000 万元"});
    CHECK(summary("惠及群众2亿人次") == V{"2亿=200000000 人次"});
}

TEST_CASE("find_numbers spans are exact with full-width digits and spaces before the unit") {
    std::string_view t = "答复　３０５０　件";
    auto ms = find_numbers(t);
    REQUIRE(ms.size() == 1);
    CHECK(at(t, ms[0].span) == "３０５０");
    CHECK(ms[0].value == 3050);
    CHECK(at(t, ms[0].unit_span) == "件");
}

// --- find_numbers: near misses ----------------------------------------------

TEST_CASE("find_numbers skips years, dates and times") {
    CHECK(summary("2024年，我镇未收到政府信息公开申请。") == V{});
    CHECK(summary("本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日。") == V{});
    CHECK(summary("2024 年度") == V{});
    CHECK(summary("于2025-01-26、2025.1.26、2025/1/26发布") == V{});
    CHECK(summary("上午9:30，9时30分") == V{});
    CHECK(summary("截至12月31日，共收到申请5件") == V{"5=5 件"});
}

TEST_CASE("find_numbers skips phone numbers, postcodes and hotlines") {
    CHECK(summary("联系电话：0952-8011132") == V{});
    CHECK(summary("联系电话：0517-83605210，传真：(0517)83605210") == V{});
    CHECK(summary("联系电话（0517）83605210") == V{});
    CHECK(summary("手机：13812345678") == V{});
    CHECK(summary("咨询请拨打 138 1234 5678") == V{});
    CHECK(summary("邮编：750001") == V{});
    CHECK(summary("政务服务便民热线12345") == V{});
    CHECK(summary("拨打12345热线") == V{});
    CHECK(summary("值班电话 8011132") == V{});
    CHECK(summary("总机 8011132") == V{});  // 7+ bare digits: a phone or code
}

TEST_CASE("find_numbers skips 索引号 and document numbers") {
    CHECK(summary("索引号：11320800014135XXXX/2024-00123") == V{});
    CHECK(summary("索引号 113208000141351234/2024-00123") == V{});
    CHECK(summary("根据《市政府办公室关于印发的通知》（淮政办发〔2021〕30号）") == V{});
    CHECK(summary("宁政发[2021]30号") == V{});
}

TEST_CASE("find_numbers skips ordinals, list markers and one-off adjectives") {
    CHECK(summary("依据《条例》第三十三条、第 36 条规定") == V{});
    CHECK(summary("1.主动公开情况\n2．依申请公开") == V{});
    CHECK(summary("（1）收到申请（2）办理") == V{});
    CHECK(summary("一次性告知") == V{});
    CHECK(summary("同比下降2.5个百分点") == V{"2.5=25/1"});
    CHECK(summary("分别为3、5、7件") == V{"7=7 件"});
}

TEST_CASE("find_numbers skips digits inside alphanumeric tokens and dotted chains") {
    CHECK(summary("依据GB11643标准，A12栏，宽12px") == V{});
    CHECK(summary("邮箱 12345@qq.com") == V{});
    CHECK(summary("访问 www.12345.gov.cn") == V{});
    CHECK(summary("版本1.2.3") == V{});
    CHECK(summary("第1-3项") == V{});
    CHECK(summary("比例为1/3") == V{});
    CHECK(summary("编号No_12件") == V{});
}

TEST_CASE("find_numbers skips identity numbers found by find_pii") {
    CHECK(summary("申请人身份证号 11010519491231002X 已隐去") == V{});
    CHECK(summary("卡号6222020012345678903") == V{});
}

TEST_CASE("find_numbers drops numbers that overflow int64 without crashing") {
    CHECK(summary("共 99999999999999999999999 件") == V{});
    CHECK(summary("共 9223372036854775807 件") == V{"9223372036854775807=9223372036854775807 件"});
    CHECK(summary("共 922337203685477580.8 万件") == V{});
}

// --- find_numbers: robustness -----------------------------------------------

TEST_CASE("find_numbers is safe on pathological input") {
    std::vector<std::string> inputs;
    inputs.push_back(std::string(1 << 20, '9') + "件");
    std::string s;
    for (int i = 0; i < 350000; ++i) s += "一";
    inputs.push_back(s + "件");
    s.clear();
    for (int i = 0; i < 300000; ++i) s += "1,";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 300000; ++i) s += "1.";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 300000; ++i) s += "1 ";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 200000; ++i) s += "第 ";
    inputs.push_back(s + "3件");
    s.clear();
    for (int i = 0; i < 100000; ++i) s += "12件\xEF\xBF\xBD";
    inputs.push_back(s);
    // Every byte value, including truncated sequences.
    s.clear();
    for (int r = 0; r < 4000; ++r)
        for (int b = 0; b < 256; ++b) s += static_cast<char>((b * 7 + r) & 0xFF);
    inputs.push_back(s);
    inputs.push_back("\xE4\xB8");        // truncated 一
    inputs.push_back("3\xE4");           // digit then truncated unit
    inputs.push_back("\xE4\xB8\x80\xE4"); // 一 then truncated
    size_t total = 0;
    for (const std::string& in : inputs) {
        const auto ms = find_numbers(in);
        bool spans_ok = true;
        for (const NumberMention& m : ms) spans_ok = spans_ok && m.span.begin < m.span.end && m.span.end <= in.size();
        CHECK(spans_ok);
        total += ms.size();
    }
    CHECK(total >= 100000);  // the 12件 lines
}
