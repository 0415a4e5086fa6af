// Tests for core/src/meta/dates.{h,cpp}: dates and year mentions in report
// text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "meta/dates.h"

using nianbao::DateMention;
using nianbao::days_in_month;
using nianbao::find_dates;
using nianbao::find_year_mentions;
using nianbao::is_leap;
using nianbao::Span;
using nianbao::YearMention;

namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

// The only date in `text`, which must be written exactly as `written`.
DateMention one_date(std::string_view text, std::string_view written) {
    const auto ds = find_dates(text);
    REQUIRE(ds.size() == 1);
    CHECK(at(text, ds[0].span) == written);
    return ds[0];
}

std::vector<std::string> years(std::string_view text) {
    std::vector<std::string> out;
    for (const YearMention& y : find_year_mentions(text))
        out.push_back(std::string(at(text, y.span)) + "=" + std::to_string(y.year));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("is_leap follows the Gregorian rules") {
    CHECK(is_leap(2024));
    CHECK(is_leap(2000));
    CHECK_FALSE(is_leap(2025));
    CHECK_FALSE(is_leap(1900));
    CHECK_FALSE(is_leap(2100));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2025, 2) == 28);
    CHECK(days_in_month(0, 2) == 29);
    CHECK(days_in_month(2025, 4) == 30);
    CHECK(days_in_month(2025, 13) == 0);
}

TEST_CASE("find_dates reads Y年M月D日 in a sentence") {
    const auto d = one_date("本报告于2025年1月26日在门户网站发布。", "2025年1月26日");
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 26);
    CHECK(d.valid);
    CHECK_FALSE(d.year_inherited);
    CHECK(one_date("截至2024年12月31日", "2024年12月31日").day == 31);
    CHECK(one_date("于2024年12月5号办结", "2024年12月5号").day == 5);
}

TEST_CASE("find_dates accepts spaces between the parts as in PDF copies") {
    const auto d = one_date("发布日期：2025 年 1 月 26 日", "2025 年 1 月 26 日");
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 26);
    one_date("2025\xE3\x80\x80年\xE3\x80\x80" "1月26日", "2025\xE3\x80\x80年\xE3\x80\x80" "1月26日");  // U+3000
}

TEST_CASE("find_dates gives the end of a range the year of its start") {
    std::string_view t = "本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日。";
    const auto ds = find_dates(t);
    REQUIRE(ds.size() == 2);
    CHECK(at(t, ds[0].span) == "2024 年 1 月 1 日");
    CHECK(ds[0].year == 2024);
    CHECK(at(t, ds[1].span) == "12 月 31 日");
    CHECK(ds[1].year == 2024);
    CHECK(ds[1].month == 12);
    CHECK(ds[1].day == 31);
    CHECK(ds[1].year_inherited);
    CHECK(ds[1].valid);

    const auto dash = find_dates("2024年1月1日—12月31日");
    REQUIRE(dash.size() == 2);
    CHECK(dash[1].year == 2024);
}

TEST_CASE("find_dates reports a month-day date without a range as year 0") {
    const auto d = one_date("请于12月31日前提交", "12月31日");
    CHECK(d.year == 0);
    CHECK(d.month == 12);
    CHECK(d.day == 31);
    CHECK_FALSE(d.year_inherited);
    CHECK(d.valid);
    CHECK(one_date("2月29日", "2月29日").valid);  // year unknown
}

TEST_CASE("find_dates reads ISO-like dates with - . /") {
    auto d = one_date("发布于2025-01-26。", "2025-01-26");
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 26);
    d = one_date("日期 2025.1.26", "2025.1.26");
    CHECK(d.month == 1);
    d = one_date("日期:2025/1/26", "2025/1/26");
    CHECK(d.day == 26);
    d = one_date("（2025－01－26）", "2025－01－26");
    CHECK(d.valid);
}

TEST_CASE("find_dates reads both ends of an ISO-like range joined by a dash") {
    std::string_view t = "统计期限：2024.1.1-2024.12.31";
    const auto ds = find_dates(t);
    REQUIRE(ds.size() == 2);
    CHECK(at(t, ds[0].span) == "2024.1.1");
    CHECK(at(t, ds[1].span) == "2024.12.31");
    CHECK(ds[1].month == 12);
}

TEST_CASE("find_dates reads Chinese-numeral dates, with 元月 as January") {
    auto d = one_date("二〇二五年一月二十六日", "二〇二五年一月二十六日");
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 26);
    CHECK(d.valid);
    d = one_date("落款：二〇二五年元月二十六日", "二〇二五年元月二十六日");
    CHECK(d.month == 1);
    d = one_date("二零二四年十二月三十一日", "二零二四年十二月三十一日");
    CHECK(d.year == 2024);
    CHECK(d.month == 12);
    CHECK(d.day == 31);
}

TEST_CASE("find_dates reads full-width digits") {
    const auto d = one_date("２０２５年１月２６日", "２０２５年１月２６日");
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 26);
}

TEST_CASE("find_dates marks dates that cannot exist as invalid") {
    CHECK_FALSE(one_date("2025年2月30日", "2025年2月30日").valid);
    CHECK_FALSE(one_date("2025年13月1日", "2025年13月1日").valid);
    CHECK(one_date("2025年13月1日", "2025年13月1日").month == 13);
    CHECK_FALSE(one_date("2025年4月31日", "2025年4月31日").valid);
    CHECK_FALSE(one_date("2025年0月1日", "2025年0月1日").valid);
    CHECK_FALSE(one_date("2025年1月0日", "2025年1月0日").valid);
    CHECK_FALSE(one_date("2025-02-29", "2025-02-29").valid);
    CHECK(one_date("2024-02-29", "2024-02-29").valid);
    CHECK(one_date("2000年2月29日", "2000年2月29日").valid);
    CHECK_FALSE(one_date("二〇二五年二月三十日", "二〇二五年二月三十日").valid);
}

TEST_CASE("find_dates only considers years 1949 to 2100") {
    CHECK(find_dates("1900年1月1日").empty());
    CHECK(find_dates("2101年1月1日").empty());
    CHECK(find_dates("1948-10-01").empty());
    CHECK(find_dates("1949年10月1日").size() == 1);
    CHECK(find_dates("2100-12-31").size() == 1);
}

TEST_CASE("find_dates ignores numbers that only look like dates") {
    CHECK(find_dates("索引号：11320800014135XXXX/2024-00123").empty());
    CHECK(find_dates("淮政办发〔2021〕30号").empty());
    CHECK(find_dates("联系电话：0952-8011132").empty());
    CHECK(find_dates("全市共受理政府信息公开申请 3119 件，答复 3050 件").empty());
    CHECK(find_dates("金额 2025.12 元").empty());
    CHECK(find_dates("版本 1.2025.1.26").empty());
    CHECK(find_dates("2025.1.26.1").empty());
    CHECK(find_dates("2025-01-26-3").empty());
    CHECK(find_dates("X2025-01-26").empty());
    CHECK(find_dates("00123-2025-01-26").empty());
    CHECK(find_dates("http://www.xx.gov.cn/art/2025/1/26/art_1.html").empty());
    CHECK(find_dates("12025年1月1日").empty());
    CHECK(find_dates("2025年1月123日").empty());
    CHECK(find_dates("2025年1月").empty());
    CHECK(find_dates("2025-1").empty());
}

TEST_CASE("find_year_mentions finds years that are not part of a full date") {
    CHECK(years("2024年，我镇未收到政府信息公开申请。") == V{"2024年=2024"});
    CHECK(years("2024 年度政府信息公开工作年度报告") == V{"2024 年度=2024"});
    CHECK(years("二〇二四年政府信息公开工作") == V{"二〇二四年=2024"});
    CHECK(years("２０２４年") == V{"２０２４年=2024"});
    CHECK(years("截至2024年12月底") == V{"2024年=2024"});
    CHECK(years("与2023年相比，2024年申请量上升") == V{"2023年=2023", "2024年=2024"});
}

TEST_CASE("find_year_mentions leaves out years of full dates and out-of-range years") {
    CHECK(years("本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日").empty());
    CHECK(years("二〇二五年元月二十六日").empty());
    CHECK(years("1900年").empty());
    CHECK(years("12024年").empty());
    CHECK(years("二千零二十四年").empty());  // not written digit by digit
    CHECK(years("2024件").empty());
}

TEST_CASE("find_dates is safe on pathological input") {
    std::vector<std::string> inputs;
    inputs.push_back(std::string(1 << 20, '2'));
    std::string s;
    for (int i = 0; i < 200000; ++i) s += "2024年";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 100000; ++i) s += "2024年1月1日至";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 300000; ++i) s += "1.";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 200000; ++i) s += "元月";
    inputs.push_back(s);
    s.clear();
    for (int i = 0; i < 300000; ++i) s += "二〇";
    inputs.push_back(s);
    s.clear();
    for (int r = 0; r < 4000; ++r)
        for (int b = 0; b < 256; ++b) s += static_cast<char>((b * 13 + r) & 0xFF);
    inputs.push_back(s);
    inputs.push_back("2024\xE5\xB9");  // truncated 年
    inputs.push_back("2024年1月1\xE6");
    for (const std::string& in : inputs) {
        bool spans_ok = true;
        for (const DateMention& d : find_dates(in)) spans_ok = spans_ok && d.span.end <= in.size();
        for (const YearMention& y : find_year_mentions(in)) spans_ok = spans_ok && y.span.end <= in.size();
        CHECK(spans_ok);
    }
    CHECK(find_dates(inputs[2]).size() == 100000);
    CHECK(find_year_mentions(inputs[1]).size() == 200000);
}
