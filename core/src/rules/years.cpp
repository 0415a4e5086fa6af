// Across years: this year's report against last year's of the same body
// (ctx.previous). Applications carried over must be the ones last year said it
// would carry over; the count of valid normative documents rolls forward; the
// narrative should not be last year's with the year changed.
#include <algorithm>

#include "meta/scan_util.h"
#include "meta/sentences.h"
#include "rules/describe.h"
#include "normalize/normalize.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::CarryoverMismatch, Severity::Error)
            .title("上年结转与上年报告不一致", "Carried-over applications differ from last year")
            .checks("表三“二、上年结转政府信息公开申请数量”逐列与上年报告表三“四、结转下年度继续办理”比较，应当相同。"
                    "只在同时给出前一年度的报告时检查（两份报告的年度须相邻）。",
                    "This year's row 二 (carried in) differs, column by column, from last year's row 四 (carried out); needs last year's report.")
            .matters("上年结转到本年办理的申请，就是上年报告所说结转下年度继续办理的申请；两者不同，说明有申请漏统计或重复统计。",
                     "What was carried out last year is what is carried in this year; a difference means one of the reports is wrong.")
            .for_example("上年报告“四、结转下年度继续办理”自然人 3，本年“二、上年结转”自然人 2",
                         "Last year's 「四、结转下年度继续办理」 (carried out) 自然人 3; this year's 「二、上年结转」 (carried in) 自然人 2")
            .based_on("国办公开办函〔2021〕30号（表三的勾稽关系）"),
        RuleDoc(Rule::ValidCountRollforward, Severity::Info)
            .title("现行有效件数与上年推算不符", "Valid-document count does not roll forward")
            .checks("表二“行政规范性文件”的现行有效件数，不等于上年报告的现行有效件数 + 本年制发件数 − 本年废止件数。"
                    "开展文件清理后可能合理地不同，所以只作提示。只在同时给出前一年度的报告、且两份报告都用 2021 年格式时检查。",
                    "行政规范性文件 现行有效件数 differs from last year's + made this year − repealed this year.")
            .matters("现行有效件数应能由上年数据推出；对不上时，往往是制发或废止件数漏填，或现行有效件数沿用了旧数。",
                     "It can legitimately differ after a clean-up, hence only info.")
            .for_example("上年现行有效 5 件，本年制发 3 件、废止 0 件，本年现行有效却填 9 件",
                         "5 in force last year, 3 made and 0 repealed this year, but 9 in force this year (5 + 3 − 0 = 8)")
            .based_on("国办公开办函〔2021〕30号（表二第二十条第（一）项）"),
        RuleDoc(Rule::CopiedText, Severity::Warning)
            .title("正文大半照搬上年报告", "Narrative copied from last year")
            .checks("第一、五、六部分的正文（不含表格、小标题和落款）逐句与上年报告比较（数字和年份不计，空白不计），"
                    "相同的文字超过一半。只在同时给出更早年度的报告时检查。",
                    "More than half of the narrative is the same as last year's report.")
            .matters("年度报告应反映本年度的工作；照搬上年的总体情况、问题和改进措施，说明报告没有如实总结本年工作。",
                     "A report copied from last year does not report on this year.")
            .for_example("“2024年，我镇通过政府网站公开各类政府信息 205 条。”与上年“2023年，我镇通过政府网站公开各类政府信息 198 条。”相同",
                         "「2024年，我镇通过政府网站公开各类政府信息 205 条。」 is last year's 「2023年，我镇通过政府网站公开各类政府信息 198 条。」 with new numbers")
            .based_on("《中华人民共和国政府信息公开条例》第四十九条、第五十条"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::CarryoverMismatchRow, "{table}“{row}”与上年报告“{prev_row}”（上年报告第 {prev_line} 行）不一致：{diffs}。",
         "{table_en}: 「{row}」 differs from last year's 「{prev_row}」 (line {prev_line} of last year's report): "
         "{diffs_en}.",
         "应为：{fixes}（与上年结转下年度的数一致）；如上年报告有误，请说明。",
         "Should read: {fixes_en} (what last year's report carried over); if last year's figure was wrong, say so."},
        {Msg::ValidCountRollforwardDiffers, "{table}“{row}”现行有效件数 {valid}，与上年现行有效 {prev_valid} + 本年制发 {made} − 本年废止 {repealed} = "
         "{expected} 不符。",
         "{table_en}, 「{row}」: {valid} {valid|document|documents} in force, but last year's {prev_valid} + {made} made − {repealed} "
         "repealed = {expected}.",
         "核对现行有效件数（按上年推算应为 {expected}）和本年制发、废止件数；如开展过文件清理，可在报告中说明。",
         "Check the count in force (rolled forward: {expected}) and the made and repealed counts; if documents were "
         "cleaned up, say so in the report."},
        {Msg::CopiedTextCopied, "正文（第一、五、六部分）有 {share}% 与上年报告相同：{sentences} 句中有 {copied} 句除数字、年份外与上年一字不差；"
         "第一处在此。",
         "{share}% of the narrative (sections 1, 5 and 6) is the same as last year's report: {copied} of {sentences} "
         "{sentences|sentence|sentences} {copied|is|are} unchanged apart from numbers and years; the first is here.",
         "按本年度的实际工作重写总体情况、存在的主要问题及改进情况等内容，不要沿用上年的文字。",
         "Rewrite the overview, the problems and the improvements from this year's work instead of reusing last "
         "year's text."},
    };
    return m;
}

Params table_params(int number) {
    return {{"table", table_name_zh(number)}, {"table_en", table_name_en(number)}};
}

// --- carryover-mismatch -----------------------------------------------------

// One finding per row: a clerk fixes the row at once, and a wrong part
// usually takes 总计 with it. Every differing cell is a CellRef with the value
// last year carried over.
void check_carryover(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Report& prev = *ctx.previous;
    const Row* in = r.table(3).found_row("t3.carried_in");
    const Row* was = prev.table(3).found_row("t3.carried_out");
    if (!in || !was) return;
    const TableSpec& spec = *r.table3.spec;
    std::string diffs, diffs_en, fixes, fixes_en, arithmetic;
    std::vector<CellRef> refs;
    const size_t n = std::min(in->cells.size(), was->cells.size());
    for (size_t k = 0; k < n; ++k) {
        const Cell& now = in->cells[k];
        const Cell& then = was->cells[k];
        if (!now.usable() || !then.usable() || now.value == then.value) continue;
        const std::string column = column_name(spec, *in->spec, static_cast<int>(k));
        const std::string v = std::to_string(now.value), e = std::to_string(then.value);
        if (!diffs.empty()) {
            diffs += "；";
            diffs_en += "; ";
            fixes += "，";
            fixes_en += ", ";
            arithmetic += "; ";
        }
        diffs += column + " 本年填 " + v + "，上年结转下年度 " + e;
        diffs_en += column + " " + v + " this year, " + e + " carried over last year";
        fixes += column + " " + e;
        fixes_en += column + " " + e;
        arithmetic += v + " ≠ " + e + " (" + column + ")";
        refs.push_back({3, std::string(in->spec->key), static_cast<int>(k), now.span.empty() ? in->span : now.span, e});
    }
    if (refs.empty()) return;
    LineIndex prev_lines(prev.source);
    Params p = table_params(3);
    p["row"] = std::string(in->spec->marker) + std::string(in->spec->label);
    p["prev_row"] = std::string(was->spec->marker) + std::string(was->spec->label);
    p["prev_line"] = std::to_string(prev_lines.position(was->span.begin).line);
    p["diffs"] = diffs;
    p["diffs_en"] = diffs_en;
    p["fixes"] = fixes;
    p["fixes_en"] = fixes_en;
    p["arithmetic"] = arithmetic;
    Finding& f = out.emit(Msg::CarryoverMismatchRow, in->span, p);
    f.cells = std::move(refs);
}

// --- valid-count-rollforward -------------------------------------------------

// The cell of `row` under the column worded `label` in its block, if the
// revision has such a column.
const Cell* column_cell(const Row& row, std::string_view label) {
    const auto& cols = row.spec->columns;
    const auto at = std::find(cols.begin(), cols.end(), label);
    if (at == cols.end() || static_cast<size_t>(at - cols.begin()) >= row.cells.size()) return nullptr;
    return &row.cells[static_cast<size_t>(at - cols.begin())];
}

void check_rollforward(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    const Report& prev = *ctx.previous;
    // Only a revision whose columns are a stock and its flows (本年制发 /
    // 本年废止 / 现行有效件数, not 2019's 本年新制作 / 本年新公开) rolls forward.
    const Row* row = r.table(2).found_row("t2.normative");
    const Row* last = prev.table(2).found_row("t2.normative");
    if (!row || !last) return;
    const Cell* made_at = column_cell(*row, "本年制发件数");
    const Cell* repealed_at = column_cell(*row, "本年废止件数");
    const Cell* valid_at = column_cell(*row, "现行有效件数");
    const Cell* prev_valid_at = column_cell(*last, "现行有效件数");
    if (!made_at || !repealed_at || !valid_at || !prev_valid_at) return;
    const Cell &made = *made_at, &repealed = *repealed_at, &valid = *valid_at, &prev_valid = *prev_valid_at;
    if (!made.usable() || !repealed.usable() || !valid.usable() || !prev_valid.usable()) return;
    const int64_t expected = prev_valid.value + made.value - repealed.value;
    if (valid.value == expected) return;
    Params p = table_params(2);
    p["row"] = std::string(row->spec->label);
    p["valid"] = std::to_string(valid.value);
    p["prev_valid"] = std::to_string(prev_valid.value);
    p["made"] = std::to_string(made.value);
    p["repealed"] = std::to_string(repealed.value);
    p["expected"] = std::to_string(expected);
    p["arithmetic"] = p["prev_valid"] + " + " + p["made"] + " − " + p["repealed"] + " ≠ " + p["valid"];
    const std::string key(row->spec->key);
    Finding& f = out.emit(Msg::ValidCountRollforwardDiffers, valid.span.empty() ? row->span : valid.span, p);
    f.cells.push_back({2, key, 2, valid.span, p["expected"]});
    f.cells.push_back({2, key, 0, made.span, ""});
    f.cells.push_back({2, key, 1, repealed.span, ""});
}

// --- copied-text -------------------------------------------------------------

// A sentence of the narrative in comparable form: white space dropped, every
// digit run (and a year in Chinese numerals, 二〇二四年) as '#', full-width
// ASCII as ASCII, a leading enumerator (（一）, 一是, 1.) dropped; headings
// left out. Sentences come from meta/sentences: PDF line wraps undone, page
// numbers dropped.
struct Sentence {
    uint32_t offset = 0, length = 0;  // in Narrative::text
    Span span;                        // in the source, its terminator included
    uint32_t weight = 0;              // code points compared
};

struct Narrative {
    std::string text;
    std::vector<Sentence> sentences;
    std::string_view view(const Sentence& s) const { return std::string_view(text).substr(s.offset, s.length); }
};

bool is_blank(char32_t c) { return c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xFEFF || scan::is_space(c); }
bool is_terminator(char32_t c) {
    return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' || c == U';';
}
bool is_cn_year_digit(char32_t c) { return c == U'〇' || c == U'○' || c == U'零' || (scan::cn_digit(c) >= 1 && c != U'两'); }


// Appends the comparable form of `s` to `out`.
void comparable(std::string_view s, std::string& out) {
    for (size_t i = 0; i < s.size();) {
        const scan::Cp c = scan::decode_at(s, i);
        if (is_blank(c.cp)) {
            i += c.len;
            continue;
        }
        if (scan::is_digit(c.cp)) {
            size_t j = i + c.len;
            for (scan::Cp d = scan::decode_at(s, j); scan::is_digit(d.cp); d = scan::decode_at(s, j)) j += d.len;
            out += '#';
            i = j;
            continue;
        }
        if (is_cn_year_digit(c.cp)) {  // 二〇二四年
            size_t j = i;
            int n = 0;
            for (scan::Cp d = scan::decode_at(s, j); n < 4 && is_cn_year_digit(d.cp); d = scan::decode_at(s, j))
                j += d.len, ++n;
            if (n == 4 && scan::decode_at(s, j).cp == U'年') {
                out += '#';
                i = j;
                continue;
            }
        }
        char32_t k = c.cp;
        if (k >= 0xFF01 && k <= 0xFF5E) k = k - 0xFF01 + U'!';
        append_utf8(out, k);
        i += c.len;
    }
}

// Bytes of a leading enumerator in comparable form: (一) (#) 一、 #、 #. 一是 第一,
size_t marker_length(std::string_view s) {
    auto numeral = [&](size_t at) {  // a run of up to 3 numerals
        size_t j = at;
        for (int n = 0; n < 3; ++n) {
            const scan::Cp c = scan::decode_at(s, j);
            if (c.len == 0 || !(c.cp == U'#' || scan::is_cn_numeral(c.cp))) break;
            j += c.len;
        }
        return j;
    };
    const scan::Cp c = scan::decode_at(s, 0);
    if (c.cp == U'(') {
        const size_t j = numeral(c.len);
        return j > c.len && scan::decode_at(s, j).cp == U')' ? j + 1 : 0;
    }
    const size_t i = c.cp == U'第' ? c.len : 0;
    const size_t j = numeral(i);
    if (j == i) return 0;
    const scan::Cp after = scan::decode_at(s, j);
    if (after.cp == U'、' || after.cp == U'.' || after.cp == U',' || after.cp == U'是') return j + after.len;
    return 0;
}

bool has_clause_mark(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const scan::Cp c = scan::decode_at(s, i);
        if (c.cp == U',' || c.cp == U'、' || c.cp == U':') return true;
        i += c.len;
    }
    return false;
}

// Sections 一, 五 and 六 without the tables and what the reader could not
// read, as byte ranges in order.
std::vector<Span> narrative_ranges(const Report& r) {
    std::vector<Span> skip;
    for (int n : {2, 3, 4})
        if (r.table(n).found) skip.push_back(r.table(n).span);
    for (const Unread& u : r.unread) skip.push_back(u.span);
    std::sort(skip.begin(), skip.end(), EarlierBegin());
    std::vector<Span> bodies;
    for (int n : {1, 5, 6})
        if (r.section(n).found && !r.section(n).body.empty()) bodies.push_back(r.section(n).body);
    std::sort(bodies.begin(), bodies.end(), EarlierBegin());
    std::vector<Span> out;
    size_t k = 0;
    uint32_t done = 0;  // bodies may overlap when the reader misplaces a section
    for (Span body : bodies) {
        uint32_t at = std::max(body.begin, done);
        const uint32_t end = std::min<uint32_t>(body.end, static_cast<uint32_t>(r.source.size()));
        while (k < skip.size() && skip[k].end <= at) ++k;
        for (size_t j = k; at < end && j < skip.size() && skip[j].begin < end; ++j) {
            if (skip[j].end <= at) continue;
            if (skip[j].begin > at) out.push_back({at, skip[j].begin});
            at = std::max(at, skip[j].end);
        }
        if (at < end) out.push_back({at, end});
        done = std::max(done, end);
    }
    return out;
}

Narrative narrative(const Report& r) {
    constexpr uint32_t kMinWeight = 4;       // "无。", "#。" say nothing
    constexpr uint32_t kHeadingWeight = 20;  // an enumerated line this short, without a comma, is a heading
    const JoinedText joined = join_lines(r.source, narrative_ranges(r));
    Narrative n;
    n.text.reserve(joined.text.size());
    for (Span s : split_sentences(joined.text)) {
        const size_t start = n.text.size();
        comparable(std::string_view(joined.text).substr(s.begin, s.size()), n.text);
        const std::string_view form = std::string_view(n.text).substr(start);
        const size_t skip = marker_length(form);
        uint32_t weight = 0;
        for (size_t i = skip; i < form.size(); ++i) weight += (static_cast<unsigned char>(form[i]) & 0xC0) != 0x80;
        // Headings ("（一）主动公开情况") are the template's, the same every year.
        if (weight < kMinWeight || (skip > 0 && weight <= kHeadingWeight && !has_clause_mark(form))) {
            n.text.resize(start);
            continue;
        }
        Span span = joined.to_source(s.begin, s.end);
        // The signature (body and date) is the same every year: not narrative.
        if (r.signed_date && span.begin < r.signed_date->span.end && r.signed_date->span.begin < span.end) {
            n.text.resize(start);
            continue;
        }
        const scan::Cp t = scan::decode_at(joined.text, s.end);  // the 。 that ended it
        if (is_terminator(t.cp)) span.end = joined.source_at(s.end + t.len - 1) + 1;
        n.sentences.push_back({static_cast<uint32_t>(start + skip), static_cast<uint32_t>(form.size() - skip), span, weight});
    }
    return n;
}

void check_copied(const Context& ctx, Emitter& out) {
    const Narrative now = narrative(ctx.report);
    if (now.sentences.empty()) return;
    const Narrative then = narrative(*ctx.previous);
    if (then.sentences.empty()) return;
    // Sorted, not hashed: the page's wasm need not carry a hash table.
    std::vector<std::string_view> last_year;
    last_year.reserve(then.sentences.size());
    for (const Sentence& s : then.sentences) last_year.push_back(then.view(s));
    std::sort(last_year.begin(), last_year.end());

    uint64_t total = 0, copied = 0;
    size_t copied_sentences = 0;
    const Sentence* first = nullptr;
    for (const Sentence& s : now.sentences) {
        total += s.weight;
        if (!std::binary_search(last_year.begin(), last_year.end(), now.view(s))) continue;
        copied += s.weight;
        ++copied_sentences;
        if (!first) first = &s;
    }
    constexpr uint64_t kMinTotal = 20;  // a line or two is no narrative to speak of
    if (total < kMinTotal || copied * 2 <= total) return;
    Params p;
    p["share"] = std::to_string((copied * 100 + total / 2) / total);
    p["sentences"] = std::to_string(now.sentences.size());
    p["copied"] = std::to_string(copied_sentences);
    out.emit(Msg::CopiedTextCopied, first->span, p);
}

// The numbers only carry over from the year right before; the text is
// compared with any earlier year, not with the same year or a later one (a
// revised version of the same report, or the files given the wrong way round).
bool year_before(const Report& r, const Report& prev) {
    return r.year == 0 || prev.year == 0 || prev.year == r.year - 1;
}
bool earlier(const Report& r, const Report& prev) { return r.year == 0 || prev.year == 0 || prev.year < r.year; }

void run(const Context& ctx, Emitter& out) {
    if (!ctx.previous || ctx.previous->source.empty()) return;
    const Report& r = ctx.report;
    const Report& prev = *ctx.previous;
    if (year_before(r, prev)) {
        if (out.enabled(Rule::CarryoverMismatch)) check_carryover(ctx, out);
        if (out.enabled(Rule::ValidCountRollforward)) check_rollforward(ctx, out);
    }
    if (earlier(r, prev) && out.enabled(Rule::CopiedText)) check_copied(ctx, out);
}

}  // namespace

const RuleCheck& years_checks() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
