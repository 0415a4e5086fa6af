// Privacy: personal numbers that a published report must never contain —
// resident ID numbers, bank card numbers and mobile numbers. The scanners are
// meta/pii (find_pii); this family decides which mentions to report: none in
// the tables (their numbers are counts), none labelled as a code (索引号, 文号,
// 统一社会信用代码 …). Messages show the number masked, so the finding itself
// does not republish it.
#include <algorithm>

#include "meta/pii.h"
#include "meta/scan_util.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::PiiIdNumber, Severity::Error)
            .title("出现居民身份证号码", "Resident ID number published")
            .checks("正文中出现 18 位居民身份证号码（校验码符合 GB 11643，出生日期真实存在）。表格中的数字和标明为索引号、文号、代码的编号不算。",
                    "An 18-character resident ID number with a valid GB 11643 check character and an existing birth date, in the text (not in the tables, not labelled as a code).")
            .matters("年度报告要向社会公开，身份证号码属于个人信息，公开会侵犯申请人等第三方的合法权益。",
                     "The report is published; an ID number is personal information of the applicant or a third party.")
            .for_example("申请人张某（身份证号码：11010519491231002X）申请公开……",
                         "「申请人张某（身份证号码：11010519491231002X）申请公开……」 (an applicant named with a resident ID number)")
            .based_on("《中华人民共和国个人信息保护法》第二十八条；《中华人民共和国政府信息公开条例》第十五条；GB 11643-1999"),
        RuleDoc(Rule::PiiBankCard, Severity::Warning)
            .title("疑似银行卡号", "Possible bank card number")
            .checks("正文中出现 16 至 19 位、通过 Luhn 校验、且不是更长编号一部分的数字（如退费账户的卡号）。标明为索引号、文号、代码的编号不算。",
                    "A 16-19 digit number that passes the Luhn check and is not part of a longer number (e.g. a refund account).")
            .matters("银行卡号属于个人金融信息，不应随年度报告公开。",
                     "Card numbers are personal financial information and must not be published.")
            .for_example("退款账户：6222 0200 1234 5678 903",
                         "「退款账户：6222 0200 1234 5678 903」 (a refund account)")
            .based_on("《中华人民共和国个人信息保护法》第二十八条；《中华人民共和国政府信息公开条例》第十五条"),
        RuleDoc(Rule::PiiMobile, Severity::Warning)
            .title("出现手机号码", "Mobile phone number published")
            .checks("正文中出现 11 位手机号码（1 开头，第二位 3 至 9，可带 +86）。“0952-8011132”这样的办公电话不算。",
                    "An 11-digit mainland mobile number (1[3-9]…, optionally +86 / 0086); office numbers such as 0952-8011132 are fine.")
            .matters("手机号码通常是个人的联系方式；对外公布应使用办公电话或政务服务热线。",
                     "A mobile number is usually a person's own; publish office numbers or the service hotline instead.")
            .for_example("经办人：李某，联系电话：13812345678",
                         "「经办人：李某，联系电话：13812345678」 (a clerk's mobile number)")
            .based_on("《中华人民共和国个人信息保护法》；《中华人民共和国政府信息公开条例》第十五条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::PiiIdNumberFound, "出现居民身份证号码 {masked}；年度报告公开发布，不得包含个人身份证号码。",
         "A resident ID number ({masked}) appears in the text; a published report must not contain it.",
         "删除该号码，或改为隐去中间数字（如 {masked}）。",
         "Delete the number, or mask its middle digits (e.g. {masked})."},
        {Msg::PiiBankCardFound, "出现疑似银行卡号 {masked}（{length} 位，通过 Luhn 校验）；年度报告不应公开个人银行卡号。",
         "A number that looks like a bank card number ({masked}, {length} digits, passes the Luhn check) appears in "
         "the text; a published report must not contain it.",
         "如是银行卡号，删除该号码或隐去中间数字（如 {masked}）。",
         "If it is a card number, delete it or mask its middle digits (e.g. {masked})."},
        {Msg::PiiMobileFound, "出现手机号码 {masked}；年度报告不应公开个人手机号码。",
         "A mobile phone number ({masked}) appears in the text; a published report should not contain it.",
         "删除该号码或隐去中间数字（如 {masked}），对外联系请用办公电话或服务热线。",
         "Delete it or mask its middle digits (e.g. {masked}); give an office number or hotline instead."},
    };
    return m;
}

// The digits with all but the first `head` and last `tail` replaced by '*'.
std::string mask(std::string_view digits, size_t head, size_t tail) {
    if (digits.size() <= head + tail) return std::string(digits.size(), '*');
    return std::string(digits.substr(0, head)) + std::string(digits.size() - head - tail, '*') +
           std::string(digits.substr(digits.size() - tail));
}

bool contains(std::u32string_view hay, std::u32string_view needle, size_t* where) {
    const size_t at = hay.rfind(needle);
    if (at == std::u32string_view::npos) return false;
    *where = at;
    return true;
}

// Labels that make the number that follows a code, not a person's number.
constexpr std::u32string_view kCodeLabels[] = {U"索引号", U"文号", U"编号", U"代码", U"流水号", U"单号",
                                               U"批次号", U"登记号", U"备案号", U"许可证号"};
// Labels that make it a person's number again ("编号及身份证号：").
constexpr std::u32string_view kPersonLabels[] = {U"身份证", U"证件", U"卡号", U"账号", U"帐号", U"账户", U"帐户",
                                                 U"银行", U"手机", U"电话", U"联系方式"};

// Is the mention labelled as a code (索引号, 文号, 统一社会信用代码 …) by the
// text right before it on its line? Looks back at most 20 code points, and
// not past a sentence end, so the cost per mention is constant.
bool labelled_as_code(std::string_view text, uint32_t begin) {
    std::u32string before;
    size_t i = begin;
    for (int k = 0; k < 20; ++k) {
        const scan::Cp c = scan::decode_before(text, i);
        if (c.len == 0 || c.cp == U'\n' || c.cp == U'。' || c.cp == U'；' || c.cp == U';') break;
        before.insert(before.begin(), c.cp);
        i -= c.len;
    }
    // The last code label, and whether a person label ends at or after its
    // start ("身份证编号" is a person's number).
    size_t code_at = 0;
    bool code = false;
    for (std::u32string_view l : kCodeLabels) {
        size_t at = 0;
        if (contains(before, l, &at) && (!code || at > code_at)) code = true, code_at = at;
    }
    if (!code) return false;
    for (std::u32string_view l : kPersonLabels) {
        size_t at = 0;
        if (contains(before, l, &at) && at + l.size() >= code_at) return false;
    }
    return true;
}

bool inside(Span s, Span outer) { return s.begin < outer.end && s.end > outer.begin; }

void run(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    std::vector<Span> tables;
    for (int n : {2, 3, 4})
        if (r.table(n).found && !r.table(n).span.empty()) tables.push_back(r.table(n).span);
    for (const PiiMention& m : find_pii(r.source)) {
        if (std::any_of(tables.begin(), tables.end(), [&](Span t) { return inside(m.span, t); })) continue;
        if (labelled_as_code(r.source, m.span.begin)) continue;
        Params p = {{"length", std::to_string(m.digits.size())}};
        switch (m.kind) {
            case PiiKind::IdNumber:
                p["masked"] = mask(m.digits, 6, 4);  // 110105********002X
                out.emit(Msg::PiiIdNumberFound, m.span, p);
                break;
            case PiiKind::BankCard:
                p["masked"] = mask(m.digits, 4, 4);  // 6222***********8903
                out.emit(Msg::PiiBankCardFound, m.span, p);
                break;
            case PiiKind::Mobile:
                p["masked"] = mask(m.digits, 3, 4);  // 138****5678
                out.emit(Msg::PiiMobileFound, m.span, p);
                break;
        }
    }
}

}  // namespace

const RuleCheck& privacy_checks() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
