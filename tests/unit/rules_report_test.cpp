// Tests for the "report" rule family (core/src/rules/fee_statement.cpp … publish_late.cpp, one file a rule) and the
// signature date (core/src/meta/signature.cpp): fee-statement,
// format-outdated, section5-content, regulation-scope, year-mismatch,
// date-invalid, publish-late. Each rule: a case that fires and the near misses
// that must not.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "meta/dates.h"
#include "meta/signature.h"
#include "nianbao/nianbao.h"
#include "report_builder.h"
#include "rules/registry.h"

using nianbao::check;
using nianbao::Finding;
using nianbao::Options;
using nianbao::Result;
using nianbao::test::ReportText;

namespace {

const char* const kFamily[] = {"fee-statement", "format-outdated", "section5-content", "regulation-scope",
                               "year-mismatch", "date-invalid",    "publish-late"};

std::vector<Finding> findings(const Result& r, std::string_view id) {
    std::vector<Finding> out;
    for (const Finding& f : r.findings)
        if (f.id == id) out.push_back(f);
    return out;
}

int count(const std::string& text, std::string_view id, const Options& o = {}) {
    return static_cast<int>(findings(check(text, o), id).size());
}

bool fires(const std::string& text, std::string_view id, const Options& o = {}) { return count(text, id, o) > 0; }

// The one finding `id` on `text`; its span must cover `where` exactly.
Finding one(const std::string& text, std::string_view id, std::string_view where, const Options& o = {}) {
    const Result r = check(text, o);
    const auto fs = findings(r, id);
    REQUIRE(fs.size() == 1);
    CHECK(std::string_view(r.report.source).substr(fs[0].span.begin, fs[0].span.size()) == where);
    CHECK_FALSE(fs[0].message_zh.empty());
    CHECK_FALSE(fs[0].message_en.empty());
    CHECK(fs[0].message_zh.find('{') == std::string::npos);
    CHECK(fs[0].message_en.find('{') == std::string::npos);
    return fs[0];
}

std::string replace(std::string s, std::string_view from, std::string_view to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

// The 2019 template (国办公开办函〔2019〕60号): table 二 and （六） as one row.
const char* const kTable2Of2019 =
    "第二十条第（一）项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    "规章\t0\t0\t0\n规范性文件\t0\t0\t0\n"
    "第二十条第（五）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n"
    "第二十条第（六）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政处罚\t0\t0\t0\n行政强制\t0\t0\t0\n"
    "第二十条第（八）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t\n行政事业性收费\t0\t0\t\n"
    "第二十条第（九）项\t\t\t\n信息内容\t采购项目数量\t采购总金额\t\n政府集中采购\t0\t0\t\n\n";

std::string in_2019_layout(const ReportText& rt) {
    std::string s = rt.str();
    const size_t b = s.find("第二十条第（一）项");
    const size_t e = s.find("三、收到和处理");
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    s.replace(b, e - b, kTable2Of2019);
    const size_t o1 = s.find("\t(六) 其他处理");
    const size_t o3 = s.find("\t(七) 总计");
    REQUIRE(o1 != std::string::npos);
    REQUIRE(o3 != std::string::npos);
    s.replace(o1, o3 - o1, "\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\n");
    return s;
}

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("report family: a clean report draws none of its findings") {
    const ReportText rt;
    const Result r = check(rt.str());
    for (const char* id : kFamily) CHECK_MESSAGE(findings(r, id).empty(), id);
    CHECK(r.findings.empty());
}

TEST_CASE("report family: every rule id is documented and has messages in both languages") {
    const nianbao::RuleDoc* docs[7] = {};
    for (int i = 0; i < 7; ++i) {
        docs[i] = nianbao::find_rule(kFamily[i]);
        REQUIRE_MESSAGE(docs[i] != nullptr, kFamily[i]);
    }
    CHECK(docs[0]->severity == nianbao::Severity::Warning);
    CHECK(docs[1]->severity == nianbao::Severity::Warning);
    CHECK(docs[2]->severity == nianbao::Severity::Warning);
    CHECK(docs[3]->severity == nianbao::Severity::Warning);
    CHECK(docs[4]->severity == nianbao::Severity::Error);
    CHECK(docs[5]->severity == nianbao::Severity::Error);
    CHECK(docs[6]->severity == nianbao::Severity::Warning);
}

// --- the signature date -------------------------------------------------------

TEST_CASE("signature: the last date on a line of its own under the body name is the signed date") {
    ReportText rt;
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年1月20日\n";
    const Result r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->raw == "2025年1月20日");
    CHECK(r.report.signed_date->year == 2025);
    CHECK(r.report.signed_date->month == 1);
    CHECK(r.report.signed_date->day == 20);
    CHECK(r.report.source.substr(r.report.signed_date->span.begin, r.report.signed_date->span.size()) ==
          "2025年1月20日");
}

TEST_CASE("signature: the body name and the date may share a line, or the date carry a label") {
    ReportText rt;
    rt.signature = "平罗县陶乐镇人民政府    2025年1月20日\n";
    auto r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->day == 20);

    rt.signature = "发布日期：2025年1月22日\n";
    r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->day == 22);

    rt.signature = "平罗县陶乐镇人民政府\n二〇二五年一月二十一日\n";
    r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->day == 21);

    rt.signature = "**平罗县陶乐镇人民政府**\r\n\r\n**2025 年 1 月 23 日**\r\n";
    r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->day == 23);
}

TEST_CASE("signature: dates inside sentences are not the signed date") {
    ReportText rt;
    rt.intro = "本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日。";
    rt.section6 = "本机关 2024 年未收取信息处理费。本报告于2025年1月20日在门户网站发布。\n";
    rt.signature = "";
    const Result r = check(rt.str());
    CHECK_FALSE(r.report.signed_date.has_value());
    CHECK(r.report.dates.size() == 3);  // all dates are still in the model
    CHECK_FALSE(fires(rt.str(), "publish-late"));
}

TEST_CASE("signature: a date line in the middle of the report is not the signed date") {
    ReportText rt;
    rt.section1 = "（一）主动公开情况\n\n2025年3月1日\n\n2024年，我镇通过政府网站公开各类政府信息 205 条。\n";
    rt.signature = "";
    CHECK_FALSE(check(rt.str()).report.signed_date.has_value());
}

TEST_CASE("signature: find_signature takes the last standing date and ignores a label of statistics") {
    const std::string_view t = "六、其他需要报告的事项\n无。\n统计时间：2024年12月31日\n某某镇人民政府\n2025年1月3日\n";
    const auto ds = nianbao::find_dates(t);
    REQUIRE(ds.size() == 2);
    CHECK(nianbao::find_signature(t, ds, 0) == 1);
    CHECK_FALSE(nianbao::date_stands_alone(t, ds[0].span.begin, ds[0].span.end));
    CHECK(nianbao::date_stands_alone(t, ds[1].span.begin, ds[1].span.end));
}

// --- fee-statement -----------------------------------------------------------

TEST_CASE("fee-statement fires when section 六 says nothing about 信息处理费") {
    ReportText rt;
    rt.body = "河曲县巡镇镇人民政府";
    rt.section6 = "我镇无其他需要报告的事项。\n";
    rt.signature = "河曲县巡镇镇人民政府\n\n2025年1月7日\n";
    one(rt.str(), "fee-statement", "六、其他需要报告的事项");
}

TEST_CASE("fee-statement accepts the usual wordings of the statement") {
    for (const char* said : {"本年度未收取信息处理费。", "本单位本年度没有产生信息公开处理费。",
                             "我单位 2024年度政务公开工作不存在收费情况。",
                             "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",
                             "本年度依申请公开未收取任何费用。", "依申请提供政府信息均免费。"}) {
        ReportText rt;
        rt.section6 = std::string(said) + "\n";
        CHECK_MESSAGE(!fires(rt.str(), "fee-statement"), said);
    }
}

TEST_CASE("fee-statement does not take 行政事业性收费 for the statement") {
    ReportText rt;
    rt.table2[9] = "12.5";  // table 二 第二十条第（八）项
    rt.section6 = "无。\n";
    CHECK(fires(rt.str(), "fee-statement"));
    rt.section6 = "本年度行政事业性收费 12.5 万元。\n";
    CHECK(fires(rt.str(), "fee-statement"));
    rt.section6 = "本年度未发生申请人逾期未按收费通知要求缴纳费用的情况。\n";
    CHECK(fires(rt.str(), "fee-statement") == false);  // speaks of fees for applications
}

TEST_CASE("fee-statement accepts a statement on 信息处理费 elsewhere in the narrative") {
    ReportText rt;
    rt.section1 += "\n（四）本年度未收取信息处理费。\n";
    rt.section6 = "无。\n";
    CHECK_FALSE(fires(rt.str(), "fee-statement"));
}

TEST_CASE("fee-statement stays silent when section 六 is missing (section-missing says it)") {
    ReportText rt;
    std::string s = rt.str();
    s = replace(s, "六、其他需要报告的事项\n\n本机关 2024 年未收取信息处理费。\n", "");
    CHECK_FALSE(fires(s, "fee-statement"));
}

TEST_CASE("fee-statement is not asked of reports on 2019 and 2020: the fee began in 2021") {
    for (int year : {2019, 2020, 2021}) {
        ReportText rt;
        rt.year = year;
        rt.section1 = "（一）主动公开情况\n\n" + std::to_string(year) + "年，我镇通过政府网站公开各类政府信息 205 条。\n";
        rt.section6 = "我镇无其他需要报告的事项。\n";
        rt.signature = "平罗县陶乐镇人民政府\n\n" + std::to_string(year + 1) + "年1月20日\n";
        CAPTURE(year);
        const Result r = check(rt.str());
        CHECK(r.report.year == year);
        if (year < 2021) {
            CHECK(findings(r, "fee-statement").empty());
        } else {
            const auto fs = findings(r, "fee-statement");
            REQUIRE(fs.size() == 1);
            CHECK(r.report.source.substr(fs[0].span.begin, fs[0].span.size()) == "六、其他需要报告的事项");
        }
    }
}

// --- format-outdated ----------------------------------------------------------

TEST_CASE("format-outdated fires for a 2024 report in the 2019 layout") {
    ReportText rt;
    const std::string s = in_2019_layout(rt);
    const Result r = check(s);
    CHECK(r.report.format->id == "2019");
    one(s, "format-outdated", "本年新制作数量");
}

TEST_CASE("format-outdated is silent for a 2020 report in the 2019 layout, which reads cleanly") {
    ReportText rt;
    rt.year = 2020;
    rt.section1 = "（一）主动公开情况\n\n2020年，我镇通过政府网站公开各类政府信息 205 条。\n";
    rt.section6 = "本机关 2020 年未收取信息处理费。\n";
    rt.signature = "平罗县陶乐镇人民政府\n\n2021年1月20日\n";
    rt.intro = "本报告依据国办公开办函〔2019〕60号的格式编制。";
    const std::string s = in_2019_layout(rt);
    const Result r = check(s);
    CHECK(r.report.format->id == "2019");
    CHECK(r.report.year == 2020);
    for (const char* id : kFamily) CHECK_MESSAGE(findings(r, id).empty(), id);
    for (const Finding& f : r.findings) CHECK_MESSAGE(f.severity == nianbao::Severity::Info, std::string(f.id + ": " + f.message_zh));
}

TEST_CASE("format-outdated fires when a 2021+ report cites 〔2019〕60号 as its basis") {
    ReportText rt;
    rt.intro = "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
               "（国办公开办函〔2019〕60号）要求，编制本报告。";
    one(rt.str(), "format-outdated", "〔2019〕60号");
    rt.intro = "按照国办公开办函[2019] 60号要求编制。";
    one(rt.str(), "format-outdated", "[2019] 60号");
}

TEST_CASE("format-outdated: citing 〔2021〕30号, or both, is fine") {
    ReportText rt;
    rt.intro = "根据国办公开办函〔2021〕30号要求编制本报告。";
    CHECK_FALSE(fires(rt.str(), "format-outdated"));
    rt.intro = "年度报告格式已由国办公开办函〔2019〕60号更新为国办公开办函〔2021〕30号，本报告按新格式编制。";
    CHECK_FALSE(fires(rt.str(), "format-outdated"));
    rt.intro = "本报告依据国办公开办函〔2019〕160号编制。";  // another document
    CHECK_FALSE(fires(rt.str(), "format-outdated"));
}

// --- section5-content ---------------------------------------------------------

TEST_CASE("section5-content fires when section 五 is only 无") {
    ReportText rt;
    rt.section5 = "无。\n";
    one(rt.str(), "section5-content", "无。");
    rt.section5 = "（一）存在的问题\n\n无。\n\n（二）改进措施\n\n无。\n";
    CHECK(fires(rt.str(), "section5-content"));
}

TEST_CASE("section5-content fires when the problems or the measures are missing") {
    ReportText rt;
    rt.section5 = "我镇政务公开工作人员业务能力不足，公开内容与群众需求之间仍有差距，信息更新不够及时。\n";
    Finding f = one(rt.str(), "section5-content", rt.section5.substr(0, rt.section5.size() - 1));
    CHECK(f.message_zh.find("改进措施") != std::string::npos);

    rt.section5 = "下一步，我镇将进一步加强政务公开队伍建设，定期组织业务培训，拓宽公开渠道，提升公开质量。\n";
    f = one(rt.str(), "section5-content", rt.section5.substr(0, rt.section5.size() - 1));
    CHECK(f.message_zh.find("问题") != std::string::npos);
}

TEST_CASE("section5-content accepts problems with 将…加强 as the measures") {
    ReportText rt;
    rt.section5 = "2024年，我镇政务公开工作仍存在薄弱环节，公开形式较为单一。2025年，我镇将着力加强公开平台建设，"
                  "丰富公开形式。\n";
    CHECK_FALSE(fires(rt.str(), "section5-content"));
}

TEST_CASE("section5-content accepts 将 whose improving verb comes later in the same sentence") {
    ReportText rt;
    rt.year = 2020;
    rt.section5 = "我局政务公开工作存在问题，信息发布的及时性和规范性有待提升。2021 年，我局将根据我区部署的政务公开工作具体要求，"
                  "进一步提高认识，加大工作力度。\n";
    CHECK_FALSE(fires(rt.str(), "section5-content"));
}

TEST_CASE("section5-content: an improving verb in the sentence after 将 is not a measure") {
    ReportText rt;
    rt.year = 2020;
    rt.section5 = "我局政务公开工作存在问题，信息发布的及时性和规范性有待提升。2021 年，我局将根据我区部署的政务公开工作具体要求开展工作。"
                  "提高认识，加大工作力度。\n";
    const Finding f = one(rt.str(), "section5-content", rt.section5.substr(0, rt.section5.size() - 1));
    CHECK(f.message_zh.find("改进措施") != std::string::npos);
}

// --- regulation-scope ---------------------------------------------------------

TEST_CASE("regulation-scope fires when a township reports 规章") {
    ReportText rt;  // 平罗县陶乐镇人民政府
    rt.table2[0] = "1";
    rt.table2[2] = "1";
    const Finding f = one(rt.str(), "regulation-scope", "规章\t1\t0\t1");
    REQUIRE(f.cells.size() == 1);
    CHECK(f.cells[0].table == 2);
    CHECK(f.cells[0].row == "t2.regulation");
    CHECK(f.cells[0].column == 0);

    rt.table2[0] = "0";
    rt.table2[1] = "2";  // 本年废止
    rt.table2[2] = "0";
    CHECK(fires(rt.str(), "regulation-scope"));
}

TEST_CASE("regulation-scope fires for county and district governments and their departments") {
    for (const char* body : {"平罗县人民政府", "淮安市洪泽区人民政府", "达尔罕茂明安联合旗人民政府", "平罗县财政局",
                             "淮安市洪泽区教育局", "宁夏回族自治区银川市兴庆区教育局"}) {
        ReportText rt;
        rt.body = body;
        rt.signature = std::string(body) + "\n\n2025年1月20日\n";
        rt.table2[0] = "1";
        rt.table2[2] = "1";
        CHECK_MESSAGE(fires(rt.str(), "regulation-scope"), body);
    }
}

TEST_CASE("regulation-scope is silent for bodies that may make 规章, and for 0") {
    for (const char* body : {"淮安市人民政府", "宁夏回族自治区人民政府", "江苏省人民政府", "淮安市财政局",
                             "宁夏回族自治区财政厅", "自然资源部"}) {
        ReportText rt;
        rt.body = body;
        rt.signature = std::string(body) + "\n\n2025年1月20日\n";
        rt.section1 = "（一）主动公开情况\n\n2024年，通过政府网站公开各类政府信息 205 条。\n";
        rt.table2[0] = "1";
        rt.table2[2] = "11";
        CHECK_MESSAGE(!fires(rt.str(), "regulation-scope"), body);
    }
    ReportText rt;
    rt.table2[2] = "3";  // 现行有效 only: not made or repealed this year
    CHECK_FALSE(fires(rt.str(), "regulation-scope"));
    rt.table2[3] = "5";  // 行政规范性文件 is fine for anyone
    CHECK_FALSE(fires(rt.str(), "regulation-scope"));
}

TEST_CASE("regulation-scope honours the body kind option") {
    ReportText rt;
    rt.body = "某某管理委员会";
    rt.signature = "某某管理委员会\n\n2025年1月20日\n";
    rt.section1 = "（一）主动公开情况\n\n2024年，通过政府网站公开各类政府信息 205 条。\n";
    rt.table2[0] = "1";
    CHECK_FALSE(fires(rt.str(), "regulation-scope"));
    Options o;
    o.body_kind = nianbao::BodyKind::Township;
    CHECK(fires(rt.str(), "regulation-scope", o));
}

// --- year-mismatch ------------------------------------------------------------

TEST_CASE("year-mismatch fires when the statistics period names another year") {
    ReportText rt;
    rt.intro = "本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。";
    one(rt.str(), "year-mismatch", "2023 年 1 月 1 日至 12 月 31 日");
    rt.intro = "报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。";
    one(rt.str(), "year-mismatch", "2023 年 1 月 1 日\n起至 2023 年 12 月 31 日");
    rt.intro = "统计期限自2024年1月1日至2023年12月31日。";
    CHECK(fires(rt.str(), "year-mismatch"));
}

TEST_CASE("year-mismatch is silent when the statistics period is the title year") {
    ReportText rt;
    rt.intro = "本报告统计数据从 2024 年 1 月 1 日至 12 月 31 日。";
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));
    rt.intro = "统计期限自2024年1月1日至2024年12月31日。";
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));
    rt.intro = "2023年1月1日至2023年12月31日期间的决算已公开。";  // not the statistics period
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));
}

TEST_CASE("year-mismatch fires when the narrative never names the title year but keeps naming another") {
    ReportText rt;
    rt.section1 =
        "（一）主动公开情况\n\n2023年，我镇通过政府网站公开各类政府信息 205 条。\n\n"
        "（二）依申请公开\n\n2023年，我镇未收到政府信息公开申请。\n\n"
        "（三）政府信息管理\n\n2023年度，完善政府信息公开审查机制。\n";
    rt.section6 = "本机关未收取信息处理费。\n";
    const Finding f = one(rt.str(), "year-mismatch", "2024年");
    CHECK(f.message_zh.find("2023") != std::string::npos);
}

TEST_CASE("year-mismatch: comparisons with another year are not what the report is about") {
    ReportText rt;
    rt.section1 =
        "（一）主动公开情况\n\n本年度公开信息 205 条，较2023年增加 12 条。\n\n"
        "（二）依申请公开\n\n本年度收到申请 3 件，比2023年减少 1 件；与2023年相比，办理更加规范。\n";
    rt.section6 = "本机关未收取信息处理费。\n";
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));
}

TEST_CASE("year-mismatch: plans for next year and last year's 决算 are normal") {
    ReportText rt;
    rt.section1 =
        "（一）主动公开情况\n\n2024年，我镇公开2023年度部门决算、2024年部门预算。\n\n"
        "（二）依申请公开\n\n我镇未收到政府信息公开申请。\n";
    rt.section5 = "（一）存在的问题\n\n公开形式单一。\n\n（二）改进情况\n\n2025 年我们将加强培训。2025年将完善制度。\n";
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));

    // Only next-year plans named, the report year called 本年度: not clear evidence.
    rt.section1 = "（一）主动公开情况\n\n本年度，我镇公开各类信息 205 条。\n";
    rt.section5 = "（一）存在的问题\n\n公开形式单一。\n\n（二）改进情况\n\n2025年将加强培训，2025年将完善制度，2025年将拓宽渠道。\n";
    rt.section6 = "本机关未收取信息处理费。\n";
    CHECK_FALSE(fires(rt.str(), "year-mismatch"));
}

// --- date-invalid -------------------------------------------------------------

TEST_CASE("date-invalid fires for a date that cannot exist") {
    ReportText rt;
    rt.section1 += "\n2025年2月30日召开专题会议。\n";
    one(rt.str(), "date-invalid", "2025年2月30日");
    rt.section1 = "（一）主动公开情况\n\n2024年，于2025年2月29日召开会议。\n";
    one(rt.str(), "date-invalid", "2025年2月29日");
    rt.section1 = "（一）主动公开情况\n\n2024年，于2024年13月5日召开会议。\n";
    CHECK(fires(rt.str(), "date-invalid"));
}

TEST_CASE("date-invalid: a leap day and office phone numbers are fine") {
    ReportText rt;
    rt.section1 += "\n2024年2月29日召开专题会议。\n";
    rt.section6 += "如有疑问，请联系：电话：0952-8011132，0517-83605210。\n";
    CHECK_FALSE(fires(rt.str(), "date-invalid"));
}

TEST_CASE("date-invalid: numbers shaped like dates that are no dates are left alone") {
    ReportText rt;
    rt.section1 += "\n参照标准 GB/T 2024.3.45 的要求。\n";
    CHECK_FALSE(fires(rt.str(), "date-invalid"));
    rt.section1 += "\n于2025-02-30召开会议。\n";  // a near miss is a date
    CHECK(fires(rt.str(), "date-invalid"));
}

TEST_CASE("date-invalid fires when the report is signed before its year ends") {
    ReportText rt;
    rt.signature = "平罗县陶乐镇人民政府\n\n2024年3月1日\n";
    one(rt.str(), "date-invalid", "2024年3月1日");
    CHECK_FALSE(fires(rt.str(), "publish-late"));
    rt.signature = "平罗县陶乐镇人民政府\n\n2024年12月31日\n";
    CHECK_FALSE(fires(rt.str(), "date-invalid"));
}

// --- publish-late -------------------------------------------------------------

TEST_CASE("publish-late fires for a township signed after 1月31日") {
    ReportText rt;
    rt.body = "河曲县巡镇镇人民政府";
    rt.signature = "河曲县巡镇镇人民政府\n\n2025年2月7日\n";
    const Finding f = one(rt.str(), "publish-late", "2025年2月7日");
    CHECK(f.message_zh.find("2025年1月31日") != std::string::npos);
    CHECK(f.message_zh.find("7 天") != std::string::npos);
}

TEST_CASE("publish-late: on the deadline day is in time") {
    ReportText rt;
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年1月31日\n";
    CHECK_FALSE(fires(rt.str(), "publish-late"));
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年1月26日\n";
    CHECK_FALSE(fires(rt.str(), "publish-late"));
}

TEST_CASE("publish-late: the deadline option and the body kind option move the deadline") {
    ReportText rt;
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年2月7日\n";
    Options o;
    o.deadline = nianbao::MonthDay{3, 31};
    CHECK_FALSE(fires(rt.str(), "publish-late", o));
    o.deadline = nianbao::MonthDay{2, 5};
    CHECK(fires(rt.str(), "publish-late", o));
    // A deadline that does not parse is left out: the township default applies.
    std::string error;
    const Options unusable = nianbao::parse_options_json(R"({"deadline":"nonsense"})", &error);
    CHECK(error == "unusable deadline: nonsense");
    CHECK(fires(rt.str(), "publish-late", unusable));
    Options g;
    g.body_kind = nianbao::BodyKind::Government;
    CHECK_FALSE(fires(rt.str(), "publish-late", g));
}

TEST_CASE("publish-late: a county government's own report is due 3月31日, a department's 1月31日") {
    ReportText rt;
    rt.body = "平罗县人民政府";
    rt.section1 = "（一）主动公开情况\n\n2024年，通过政府网站公开各类政府信息 205 条。\n";
    rt.signature = "平罗县人民政府\n\n2025年2月7日\n";
    CHECK_FALSE(fires(rt.str(), "publish-late"));
    rt.signature = "平罗县人民政府\n\n2025年4月1日\n";
    CHECK(fires(rt.str(), "publish-late"));

    rt.body = "平罗县财政局";
    rt.signature = "平罗县财政局\n\n2025年2月7日\n";
    CHECK(fires(rt.str(), "publish-late"));
}

TEST_CASE("publish-late: an unknown kind of body gets 3月31日") {
    ReportText rt;
    rt.body = "某某";
    rt.section1 = "（一）主动公开情况\n\n2024年，通过政府网站公开各类政府信息 205 条。\n";
    rt.signature = "2025年2月7日\n";
    const Result r = check(rt.str());
    CHECK(r.report.body_kind == nianbao::BodyKind::Unknown);
    CHECK(findings(r, "publish-late").empty());
}

TEST_CASE("publish-late: without a signature the reference date is compared") {
    ReportText rt;
    rt.signature = "";
    Options o;
    o.today = nianbao::CivilDate{2025, 2, 10};
    const Finding f = one(rt.str(), "publish-late", "平罗县陶乐镇人民政府2024年政府信息公开工作年度报告", o);
    CHECK(f.message_zh.find("2025-02-10") != std::string::npos);
    o.today = nianbao::CivilDate{2025, 1, 15};
    CHECK_FALSE(fires(rt.str(), "publish-late", o));
    CHECK_FALSE(fires(rt.str(), "publish-late"));  // no reference date: nothing to say

    // A signed report is judged by its signature, not by the reference date.
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年1月20日\n";
    o.today = nianbao::CivilDate{2025, 6, 1};
    CHECK_FALSE(fires(rt.str(), "publish-late", o));
}

// --- publish-late: the publication date at the top ------------------------------

TEST_CASE("publish-late: without a signed date, 发布日期 under the title is the publication date") {
    ReportText rt;
    rt.signature = "";
    rt.intro = "发布日期：2025-02-20";
    const Result r = check(rt.str());
    CHECK_FALSE(r.report.signed_date.has_value());
    REQUIRE(r.report.published_date.has_value());
    CHECK(r.report.published_date->raw == "2025-02-20");
    CHECK(r.report.published_date->month == 2);
    CHECK(r.report.published_date->day == 20);
    const Finding f = one(rt.str(), "publish-late", "2025-02-20");
    CHECK(f.message_zh.find("发布日期“2025-02-20”晚于发布期限 2025年1月31日，逾期 20 天") != std::string::npos);
    CHECK(f.message_en.find("published") != std::string::npos);

    // 发布时间 with a time of day; a web page's 来源 on the same line.
    rt.intro = "发布时间：2025-02-20 10:30";
    one(rt.str(), "publish-late", "2025-02-20");
    rt.intro = "来源：平罗县陶乐镇人民政府  发布时间：2025-02-20";
    one(rt.str(), "publish-late", "2025-02-20");
}

TEST_CASE("publish-late: of the dates a web page gives at the top, the one labelled 发布 is the publication date") {
    ReportText rt;
    rt.signature = "";
    // 成文日期 comes first, in time; 发布日期 after it on the line is late.
    rt.intro = "成文日期：2025-01-20 发布日期：2025-02-20";
    one(rt.str(), "publish-late", "2025-02-20");
    // The statistics period before it on the line does not spoil its label.
    rt.intro = "统计时间：2024年1月1日至12月31日 发布时间：2025-02-20";
    one(rt.str(), "publish-late", "2025-02-20");
    // Only 成文日期: it stands in.
    rt.intro = "成文日期：2025-02-20";
    one(rt.str(), "publish-late", "2025-02-20");
    rt.intro = "成文日期：2025-02-20 发布日期：2025-01-25";
    CHECK_FALSE(fires(rt.str(), "publish-late"));
}

TEST_CASE("publish-late: a publication date in time is in time, whatever the reference date") {
    ReportText rt;
    rt.signature = "";
    rt.intro = "发布日期：2025-01-25";
    Options o;
    o.today = nianbao::CivilDate{2025, 6, 1};
    CHECK_FALSE(fires(rt.str(), "publish-late", o));
    CHECK(check(rt.str(), o).report.published_date.has_value());
}

TEST_CASE("publish-late: 更新时间 and 统计时间 at the top are not the publication date") {
    ReportText rt;
    rt.signature = "";
    Options o;
    o.today = nianbao::CivilDate{2025, 2, 10};
    for (const char* head : {"更新时间：2025-02-20", "统计时间：2024年1月1日至12月31日"}) {
        const std::string shown = head;
        CAPTURE(shown);
        rt.intro = head;
        CHECK_FALSE(check(rt.str()).report.published_date.has_value());
        CHECK_FALSE(fires(rt.str(), "publish-late"));
        // Judged by the reference date, as without any date at the top.
        const Finding f = one(rt.str(), "publish-late", "平罗县陶乐镇人民政府2024年政府信息公开工作年度报告", o);
        CHECK(f.message_zh.find("参考日期 2025-02-10") != std::string::npos);
    }
}

TEST_CASE("publish-late: the signed date at the end wins over 发布日期 at the top") {
    ReportText rt;
    rt.intro = "发布日期：2025-02-20";
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年1月20日\n";
    Result r = check(rt.str());
    REQUIRE(r.report.signed_date.has_value());
    CHECK(r.report.signed_date->raw == "2025年1月20日");
    CHECK_FALSE(r.report.published_date.has_value());
    CHECK(findings(r, "publish-late").empty());

    rt.intro = "发布日期：2025-01-20";
    rt.signature = "平罗县陶乐镇人民政府\n\n2025年2月7日\n";
    const Finding f = one(rt.str(), "publish-late", "2025年2月7日");
    CHECK(f.message_zh.find("落款日期“2025年2月7日”") != std::string::npos);
}

TEST_CASE("publish-late: 发布日期 counts only within the first 8 lines and before section 一") {
    const char* const meta[] = {"索引号：640221001/2025-00012", "发布机构：平罗县陶乐镇人民政府", "主题分类：政务公开",
                                "公开方式：主动公开", "公开范围：全部公开", "来源：陶乐镇党政办", "浏览次数：128"};
    ReportText rt;
    rt.signature = "";
    // Title, six lines, 发布日期: the eighth line.
    rt.intro.clear();
    for (int k = 0; k < 6; ++k) rt.intro += std::string(meta[k]) + "\n";
    rt.intro += "发布日期：2025-02-20";
    one(rt.str(), "publish-late", "2025-02-20");
    // Seven lines: the ninth.
    rt.intro = std::string(meta[6]) + "\n" + rt.intro;
    CHECK_FALSE(check(rt.str()).report.published_date.has_value());
    CHECK_FALSE(fires(rt.str(), "publish-late"));
    // Under section 一's heading.
    rt.intro.clear();
    rt.section1 = "发布日期：2025-02-20\n\n" + rt.section1;
    CHECK_FALSE(check(rt.str()).report.published_date.has_value());
    CHECK_FALSE(fires(rt.str(), "publish-late"));
}

TEST_CASE("report family: the ending of seed 001 draws fee-statement and publish-late") {
    ReportText rt;
    rt.body = "河曲县巡镇镇人民政府";
    rt.section6 = "我镇无其他需要报告的事项。\n";
    rt.signature = "河曲县巡镇镇人民政府\n\n2025年2月7日";
    const Result r = check(rt.str());
    CHECK(findings(r, "fee-statement").size() == 1);
    CHECK(findings(r, "publish-late").size() == 1);
    CHECK(findings(r, "year-mismatch").empty());
    CHECK(findings(r, "date-invalid").empty());
}

TEST_CASE("report family: linear and safe on pathological input") {
    ReportText rt;
    std::string noise;
    for (int i = 0; i < 20000; ++i) noise += "将将〔2019〕60号收费费用2024年2025-02-30 ";
    rt.section5 = noise + "\n";
    rt.section6 = noise + "\n";
    rt.signature = noise;
    const Result r = check(rt.str());
    CHECK(findings(r, "date-invalid").size() == 60000);
    CHECK(findings(r, "format-outdated").size() == 1);
    CHECK_FALSE(r.report.signed_date.has_value());
}

TEST_CASE("section5-content: 针对上述问题，一是……二是…… after the problems is complete") {
    ReportText rt;
    rt.section5 = "（一）存在的问题\n\n一是公开内容不够全面，部分领域信息更新不及时；二是工作人员业务能力有待提高。\n\n"
                  "针对上述问题，一是加强政务公开队伍建设，定期组织业务培训；二是完善信息发布审核机制，做到及时更新。\n";
    CHECK_FALSE(fires(rt.str(), "section5-content"));
    // The same measures as an enumeration alone, after the problems.
    rt.section5 = "公开内容不够全面，部分领域信息更新不及时。\n\n一是健全工作机制，明确责任分工；二是拓宽公开渠道。\n";
    CHECK_FALSE(fires(rt.str(), "section5-content"));
    // 进一步 + a verb of improving, after the problems.
    rt.section5 = "信息公开的及时性仍有差距。我镇进一步规范发布流程，压实审核责任。\n";
    CHECK_FALSE(fires(rt.str(), "section5-content"));
}

TEST_CASE("section5-content: a section whose 将/一是/进一步 only describe the problems still lacks the measures") {
    ReportText rt;
    rt.section5 = "一是部分科室仍存在将信息公开与业务工作割裂、未能统筹推进的情况；二是公开质量有待进一步提高，"
                  "群众关切回应不够及时。\n";
    const Finding f = one(rt.str(), "section5-content", rt.section5.substr(0, rt.section5.size() - 1));
    CHECK(f.message_zh.find("改进措施") != std::string::npos);
}
