// Builds real-looking report text for tests: the layout of a Word/web copy
// (tab-separated cells), every part settable, numbers consistent by default.
// Tests start from a clean report and change one thing.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"

namespace nianbao::test {

struct ReportText {
    std::string body = "平罗县陶乐镇人民政府";
    int year = 2024;
    std::string intro;          // text between the title and section 一
    std::string section1 =
        "（一）主动公开情况\n\n2024年，我镇通过政府网站公开各类政府信息 205 条。\n\n"
        "（二）依申请公开\n\n2024年，我镇未收到政府信息公开申请。\n\n"
        "（三）政府信息管理\n\n完善政府信息公开审查机制，明确审查流程和责任。\n";
    // table 二: 规章 ×3, 行政规范性文件 ×3, 行政许可, 行政处罚, 行政强制, 收费
    std::array<std::string, 10> table2 = {"0", "0", "0", "0", "0", "0", "0", "0", "0", "0"};
    // table 三: 25 data rows × 7 (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)
    std::array<std::array<long long, 7>, 25> table3{};
    std::array<long long, 15> table4{};
    std::string section5 =
        "（一）存在的问题\n\n政府门户网站与政务新媒体之间的数据共享有待加强。\n\n"
        "（二）改进情况\n\n加强统筹协调，建立统一的信息发布管理系统，提高信息发布的及时性。\n";
    std::string section6 = "本机关 2024 年未收取信息处理费。\n";
    std::string signature = "平罗县陶乐镇人民政府\n\n2025年1月20日\n";

    // Set row r (0..24, template order) of table 三 from the first six
    // columns; the 总计 column is their sum.
    void set_row3(int r, std::array<long long, 6> parts);
    std::string str() const;
};

// Row indexes of table 三 in template order, for set_row3.
enum Row3 {
    kNew = 0, kCarriedIn = 1, kDisclosed = 2, kPartly = 3,
    kRefused1 = 4, kRefused8 = 11, kUnable1 = 12, kUnable3 = 14,
    kDeclined1 = 15, kDeclined5 = 19, kOther1 = 20, kOther2 = 21, kOther3 = 22,
    kTotal = 23, kCarriedOut = 24,
};

// The text of a file under tests/fixtures (NIANBAO_FIXTURES_DIR); empty if
// it cannot be read (the caller's checks then fail visibly).
std::string read_fixture(const std::string& name);

// The findings of `r` with that id, in order.
std::vector<Finding> findings_with(const Result& r, std::string_view id);

// "id:severity" of every finding that is not info, sorted: what another
// layout of the same report must not change.
std::vector<std::string> not_info(const Result& r);

}  // namespace nianbao::test
