#include "meta/signature.h"

#include <algorithm>

#include "meta/scan_util.h"

namespace nianbao {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;

namespace {

// A signature line is short: a body name and a date. Scanning further than
// this for the line's ends means the date sits in a paragraph.
constexpr size_t kMaxPrefixBytes = 240;
constexpr size_t kMaxSuffixBytes = 48;
constexpr int kMaxPrefixChars = 40;

bool is_line_break(char32_t c) { return c == U'\n' || c == U'\r'; }

// Spaces and the marks Markdown, tables and Word copies leave around a line.
bool is_decoration(char32_t c) {
    return scan::is_space(c) || c == U'*' || c == U'_' || c == U'#' || c == U'>' || c == U'|' || c == U'`' ||
           c == 0xFEFF;
}

bool is_sentence_punct(char32_t c) {
    switch (c) {
        case U'。': case U'，': case U',': case U'；': case U';': case U'！': case U'!': case U'？': case U'?':
        case U'、':
            return true;
        default:
            return false;
    }
}

bool ends_with(std::string_view s, std::string_view n) {
    return s.size() >= n.size() && s.substr(s.size() - n.size()) == n;
}
bool contains(std::string_view s, std::string_view n) { return s.find(n) != std::string_view::npos; }

std::string_view trim_decoration(std::string_view s) {
    for (;;) {
        const Cp c = decode_at(s, 0);
        if (c.len == 0 || !is_decoration(c.cp)) break;
        s.remove_prefix(c.len);
    }
    for (;;) {
        const Cp c = decode_before(s, s.size());
        if (c.len == 0 || !is_decoration(c.cp)) break;
        s.remove_suffix(c.len);
    }
    return s;
}

// "发布日期：", "落款：", and with `any_time` also "时间:" (a web page's
// "来源：县政府办 时间：2025-01-20"): does `p` end with a label of a date?
bool ends_with_date_label(std::string_view p, bool any_time, bool* published = nullptr) {
    p = trim_decoration(p);
    for (std::string_view colon : {"：", ":"}) {
        if (!ends_with(p, colon)) continue;
        std::string_view label = trim_decoration(p.substr(0, p.size() - colon.size()));
        // The label's own words: after the fields before it on the line
        // ("来源：县政府办 发布时间：", "成文日期：2025-01-20 发布日期：").
        const size_t field = label.find_last_of(" \t|0123456789");
        if (field != std::string_view::npos) label = label.substr(field + 1);
        if (published) *published = contains(label, "发布");
        // The period counted, or when a web page was last edited, is not when it was published.
        static constexpr std::string_view kNot[] = {"统计", "更新", "修改", "截止"};
        static constexpr std::string_view kDate[] = {"日期", "发布时间", "印发时间", "成文时间", "落款"};
        for (std::string_view w : kNot)
            if (contains(label, w)) return false;
        for (std::string_view w : kDate)
            if (contains(label, w)) return true;
        return any_time && ends_with(label, "时间");
    }
    return false;
}

// What may stand before the date on the signature line.
bool signature_prefix(std::string_view p) {
    p = trim_decoration(p);
    if (p.empty()) return true;
    if (ends_with_date_label(p, false)) return true;
    for (std::string_view colon : {"：", ":"})
        if (ends_with(p, colon)) return false;
    // "河曲县巡镇镇人民政府 2025年2月7日": a name, no sentence, no numbers.
    int chars = 0;
    for (size_t i = 0; i < p.size();) {
        const Cp c = decode_at(p, i);
        if (is_sentence_punct(c.cp) || scan::is_digit(c.cp) || c.cp == U'：' || c.cp == U':') return false;
        if (++chars > kMaxPrefixChars) return false;
        i += c.len;
    }
    static constexpr std::string_view kBodyEnds[] = {
        "人民政府", "政府", "办事处", "公署", "委员会", "局", "委", "厅", "办公室", "办", "中心",
        "院", "署", "馆", "所", "站", "队", "部", "会", "处", "室", "镇", "乡", "街道", "苏木",
    };
    for (std::string_view e : kBodyEnds)
        if (ends_with(p, e)) return true;
    return false;
}

// What may follow the date on the signature line.
bool signature_suffix(std::string_view s) {
    s = trim_decoration(s);
    if (ends_with(s, "。")) s.remove_suffix(3);
    else if (ends_with(s, ".")) s.remove_suffix(1);
    return trim_decoration(s).empty();
}

// Where the first `n` non-empty lines of `s` end (`from_start`), or where
// its last `n` begin.
size_t edge_of_lines(std::string_view s, int n, bool from_start) {
    size_t edge = from_start ? 0 : s.size();
    int lines = 0;
    bool content = false;  // the line being walked has content
    // Most characters are Chinese (U+4000-U+9FFF: lead bytes E4-E9), never
    // a line break or a decoration: passed over without decoding (a copy
    // without line breaks is walked whole, twice).
    auto cont = [&](size_t k) { return (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
    auto cjk_lead = [&](size_t k) { return static_cast<unsigned char>(s[k]) >= 0xE4 && static_cast<unsigned char>(s[k]) <= 0xE9; };
    for (size_t i = edge; from_start ? i < s.size() : i > 0;) {
        if (from_start ? i + 2 < s.size() && cjk_lead(i) && cont(i + 1) && cont(i + 2)
                       : i >= 3 && cjk_lead(i - 3) && cont(i - 2) && cont(i - 1)) {
            content = true;
            i = from_start ? i + 3 : i - 3;
            edge = i;
            continue;
        }
        const Cp c = from_start ? decode_at(s, i) : decode_before(s, i);
        if (c.len == 0) break;
        if (is_line_break(c.cp)) {
            if (content && ++lines >= n) break;
            content = false;
        } else if (!is_decoration(c.cp)) {
            content = true;
        }
        i = from_start ? i + c.len : i - c.len;
        edge = i;
    }
    return edge;
}

}  // namespace

bool date_stands_alone(std::string_view source, size_t begin, size_t end) {
    if (begin > end || end > source.size()) return false;
    size_t line_begin = begin;
    for (;;) {
        if (begin - line_begin > kMaxPrefixBytes) return false;
        const Cp c = decode_before(source, line_begin);
        // A sentence's end stands for the line break a copy lost
        // ("…特此报告。河曲县巡镇镇人民政府 2025年2月7日" on one line).
        if (c.len == 0 || is_line_break(c.cp) || c.cp == U'。' || c.cp == U'！' || c.cp == U'？') break;
        line_begin -= c.len;
    }
    size_t line_end = end;
    for (;;) {
        if (line_end - end > kMaxSuffixBytes) return false;
        const Cp c = decode_at(source, line_end);
        if (c.len == 0 || is_line_break(c.cp)) break;
        line_end += c.len;
    }
    return signature_prefix(source.substr(line_begin, begin - line_begin)) &&
           signature_suffix(source.substr(end, line_end - end));
}

namespace {

// [b, e) trimmed of decoration at both ends.
Span trimmed(std::string_view source, size_t b, size_t e) {
    while (b < e) {
        const Cp c = decode_at(source, b);
        if (c.len == 0 || !is_decoration(c.cp)) break;
        b += c.len;
    }
    while (e > b) {
        const Cp c = decode_before(source, e);
        if (c.len == 0 || !is_decoration(c.cp)) break;
        e -= c.len;
    }
    return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// A body's name alone: what signature_prefix takes, without a date label.
bool body_name_alone(std::string_view s) {
    return !s.empty() && !ends_with_date_label(s, false) && signature_prefix(s) && !contains(s, "：") &&
           !contains(s, ":");
}

}  // namespace

Span find_signature_body(std::string_view source, size_t begin, size_t end) {
    if (begin > end || end > source.size()) return {};
    size_t line_begin = begin;
    bool sentence_end = false;
    while (begin - line_begin <= kMaxPrefixBytes) {
        const Cp c = decode_before(source, line_begin);
        if (c.len == 0 || is_line_break(c.cp)) break;
        if (c.cp == U'。' || c.cp == U'！' || c.cp == U'？') {
            sentence_end = true;
            break;
        }
        line_begin -= c.len;
    }
    const Span same = trimmed(source, line_begin, begin);
    if (!same.empty()) {
        const std::string_view name = source.substr(same.begin, same.size());
        return body_name_alone(name) ? same : Span{};
    }
    if (sentence_end) return {};
    // The non-empty line above.
    size_t e = line_begin;
    while (e > 0 && begin - e <= 4 * kMaxPrefixBytes) {
        e -= decode_before(source, e).len;  // the line break
        size_t b = e;
        while (b > 0) {
            const Cp c = decode_before(source, b);
            if (c.len == 0 || is_line_break(c.cp)) break;
            b -= c.len;
            if (e - b > kMaxPrefixBytes) return {};
        }
        const Span line = trimmed(source, b, e);
        if (!line.empty()) {
            const std::string_view name = source.substr(line.begin, line.size());
            return body_name_alone(name) ? line : Span{};
        }
        e = b;
    }
    return {};
}

int find_signature(std::string_view source, const std::vector<DateMention>& dates, size_t tail_begin) {
    size_t region = std::min(tail_begin, edge_of_lines(source, kSignatureTailLines, false));
    for (size_t k = dates.size(); k-- > 0;) {
        const DateMention& d = dates[k];
        if (d.span.begin < region) break;
        if (d.year == 0 || d.year_inherited) continue;
        if (date_stands_alone(source, d.span.begin, d.span.end)) return static_cast<int>(k);
    }
    return -1;
}

int find_published(std::string_view source, const std::vector<DateMention>& dates, size_t head_end) {
    const size_t head = std::min(head_end, edge_of_lines(source, kPublishedHeadLines, true));
    int first = -1;  // the first labelled date; one labelled 发布… wins over it
    for (size_t k = 0; k < dates.size() && dates[k].span.end <= head; ++k) {
        const DateMention& d = dates[k];
        if (d.year == 0 || d.year_inherited) continue;
        size_t line_begin = d.span.begin;
        while (line_begin > 0 && source[line_begin - 1] != '\n' && d.span.begin - line_begin < kMaxPrefixBytes)
            --line_begin;
        bool published = false;
        if (!ends_with_date_label(source.substr(line_begin, d.span.begin - line_begin), true, &published)) continue;
        // Not the start of a range ("统计时间：2024年1月1日至12月31日").
        const std::string_view next = trim_decoration(source.substr(d.span.end, 6));
        if (next.substr(0, 3) == "至" || next.substr(0, 3) == "到" || next.substr(0, 1) == "-" ||
            next.substr(0, 3) == "—" || next.substr(0, 3) == "～" || next.substr(0, 1) == "~")
            continue;
        if (published) return static_cast<int>(k);
        if (first < 0) first = static_cast<int>(k);
    }
    return first;
}

void read_dates(Report& report) {
    const std::string& source = report.source;
    DateScan scan = scan_dates(source);
    const std::vector<DateMention>& mentions = scan.dates;
    report.years = std::move(scan.years);
    report.dates.clear();
    report.dates.reserve(mentions.size());
    for (const DateMention& m : mentions) {
        Date d;
        d.year = m.year;
        d.month = m.month;
        d.day = m.day;
        d.span = m.span;
        d.raw = source.substr(m.span.begin, m.span.size());
        d.valid = m.valid;
        report.dates.push_back(std::move(d));
    }
    const Section& six = report.section(6);
    const size_t tail = six.found ? six.heading_span.end : source.size();
    const int s = find_signature(source, mentions, tail);
    report.signed_date.reset();
    report.published_date.reset();
    report.signed_body.clear();
    report.signed_body_span = {};
    if (s >= 0) {
        report.signed_date = report.dates[static_cast<size_t>(s)];
        const Span body = find_signature_body(source, report.signed_date->span.begin, report.signed_date->span.end);
        if (!body.empty()) {
            report.signed_body = source.substr(body.begin, body.size());
            report.signed_body_span = body;
        }
    } else {
        const Section& one = report.section(1);
        const int p = find_published(source, mentions, one.found ? one.heading_span.begin : source.size());
        if (p >= 0) report.published_date = report.dates[static_cast<size_t>(p)];
    }
}

}  // namespace nianbao
