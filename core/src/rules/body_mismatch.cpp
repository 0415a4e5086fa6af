// body-mismatch: the body named in the title against the body on the
// signature. Only near-identical names are reported (a character or two
// mistyped: 沭阳县 above, 沐阳县 below); a name shortened or lengthened
// (平潭综合实验区 / 平潭综合实验区管理委员会, 淮安市洪泽区人民政府 /
// 洪泽区人民政府) is the same body, and a wholly different name is more likely
// a signature misread than a report signed by another body.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "meta/body_name.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::BodyMismatch, Severity::Warning)
            .title("标题与落款的机关名称不一致", "The body in the title and in the signature differ")
            .checks("标题中的机关名称与落款的机关名称几乎相同，却有一两个字不同（如标题“沭阳县人民政府”、落款“沐阳县人民政府”）。"
                    "简称、全称与带上级地名的写法（“平潭综合实验区”与“平潭综合实验区管理委员会”，“淮安市洪泽区人民政府”与“洪泽区人民政府”，"
                    "“某某镇人民政府”与“某某镇”）是同一机关，不报告；名称完全不同的，多半是落款没读准，也不报告。",
                    "The body named in the title and the one in the signature are near-identical names differing in one or two "
                    "characters (沭阳县人民政府 above, 沐阳县人民政府 below). An abbreviation, a suffix such as 人民政府 or "
                    "管理委员会, or the name of the higher level in front is the same body and is not reported.")
            .matters("机关名称写错是年度报告最显眼的错误之一，读者会怀疑报告是否经过核对。",
                     "A misspelt name of the reporting body is among the most visible mistakes of a published report.")
            .for_example("标题：沭阳县人民政府2024年政府信息公开工作年度报告 …… 落款：沐阳县人民政府",
                         "The title names 「沭阳县人民政府」, the signature 「沐阳县人民政府」 (沭 written as 沐)")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::BodyMismatchSignature, "落款的机关名称“{signed}”与标题中的“{title}”不一致{detail}。",
         "The signature names 「{signed}」 but the title names 「{title}」{detail_en}.",
         "核对机关名称，改正写错的一处。", "Check the body's name and correct the one that is misspelt."},
    };
    return m;
}

bool contains(const std::vector<char32_t>& hay, const std::vector<char32_t>& needle) {
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

void check_body(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    if (r.body_name.empty() || r.signed_body.empty() || r.signed_body_span.empty()) return;
    const std::vector<char32_t> title = body_core_name(r.body_name), sig = body_core_name(r.signed_body);
    // Names of Chinese characters only, long enough that one character is
    // a typo rather than another body (镇 names of two characters are not).
    for (const auto* name : {&title, &sig}) {
        if (name->size() < 3) return;
        for (char32_t c : *name)
            if (!is_cjk(c)) return;
    }
    // One inside the other: shortened, or the higher level named in front.
    if (contains(title, sig) || contains(sig, title)) return;
    const size_t shorter = std::min(title.size(), sig.size());
    const size_t longer = std::max(title.size(), sig.size());
    if (longer - shorter > 1) return;
    const size_t d = edit_distance(title, sig);
    // One character in a short name, two at most in a longer one.
    if (d == 0 || d > 2 || 2 * d > shorter - 1) return;

    // Only the last character, a kind of body (卫健委 / 卫健局, 某某乡 / 某某镇):
    // a renamed or re-formed body more likely than a typo.
    if (title.size() == sig.size() && d == 1 && title.back() != sig.back()) {
        static const std::u32string_view kKinds = U"局委办厅处室站所院镇乡署";
        if (kKinds.find(title.back()) != kKinds.npos && kKinds.find(sig.back()) != kKinds.npos) return;
    }
    // The characters that differ, when the names are of one length.
    std::string detail, detail_en;
    if (title.size() == sig.size()) {
        for (size_t k = 0; k < title.size(); ++k) {
            if (title[k] == sig[k]) continue;
            detail += (detail.empty() ? "：落款的“" : "，“") + utf8(sig[k]) + "”与标题的“" + utf8(title[k]) + "”";
            detail_en += (detail_en.empty() ? " (" : ", ") + utf8(sig[k]) + " for " + utf8(title[k]);
        }
        if (!detail_en.empty()) detail_en += ")";
    }
    Params p = {{"signed", r.signed_body}, {"title", r.body_name}, {"detail", detail}, {"detail_en", detail_en}};
    out.emit(Msg::BodyMismatchSignature, r.signed_body_span, p);
}

void run(const Context& ctx, Emitter& out) {
    if (!out.enabled(Rule::BodyMismatch)) return;
    check_body(ctx, out);
}

}  // namespace

const RuleCheck& body_mismatch_check() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
