#include "meta/numerals.h"

#include "meta/pii.h"
#include "meta/scan_util.h"

namespace nianbao {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;

// --- parse_chinese_number ---------------------------------------------------

std::optional<int64_t> parse_chinese_number(std::string_view s) {
    if (s.empty()) return std::nullopt;

    // First pass: every character must be a numeral; note whether any unit
    // character is present (digit-by-digit form otherwise).
    bool has_unit = false;
    for (size_t i = 0; i < s.size();) {
        const Cp c = decode_at(s, i);
        if (scan::cn_digit(c.cp) >= 0) {
        } else if (scan::cn_unit(c.cp) > 0) {
            has_unit = true;
        } else {
            return std::nullopt;
        }
        i += c.len;
    }

    if (!has_unit) {
        // 二〇二四 = 2024: plain positional digits.
        int64_t v = 0;
        for (size_t i = 0; i < s.size();) {
            const Cp c = decode_at(s, i);
            if (!scan::mul_add(v, 10, scan::cn_digit(c.cp))) return std::nullopt;
            i += c.len;
        }
        return v;
    }

    // Unit form. total: 亿 part; wan: 万 part; sec: part below 万 so far;
    // d: a digit waiting for its unit (-1 if none).
    int64_t total = 0, wan = 0, sec = 0;
    int d = -1;
    int64_t last_small = 10000;  // small units (十百千) must decrease within a section
    int64_t prev_unit = 0;       // unit right before the current position, 0 after 零 or at start
    int64_t digit_after = 0;     // prev_unit when the pending digit was read
    bool have_wan = false, have_yi = false, any = false;
    bool after_zero = false;  // the previous character was 零/〇
    for (size_t i = 0; i < s.size();) {
        const Cp c = decode_at(s, i);
        i += c.len;
        const bool zero_before = after_zero;
        after_zero = false;
        const int dv = scan::cn_digit(c.cp);
        const int64_t u = scan::cn_unit(c.cp);
        if (dv == 0) {  // 零 / 〇: a gap, "一百零五"
            if (d != -1) return std::nullopt;
            prev_unit = 0;
            after_zero = true;
            any = true;
            continue;
        }
        if (dv > 0) {
            if (d != -1) return std::nullopt;  // two digits without a unit: "一二十"
            d = dv;
            digit_after = prev_unit;
            prev_unit = 0;
            any = true;
            continue;
        }
        if (u < 10000) {  // 十 百 千
            int64_t m = d;
            if (d == -1) {
                // Implicit 一: "十二", "千"; and 十 right after 零: "一千零十".
                if (sec != 0 && !(u == 10 && zero_before)) return std::nullopt;  // "一百十"
                m = 1;
            }
            if (u >= last_small) return std::nullopt;  // "十百", "二十三十"
            sec += m * u;
            last_small = u;
            d = -1;
            prev_unit = u;
            any = true;
            continue;
        }
        if (u == 10000) {  // 万
            if (have_wan) return std::nullopt;
            int64_t g = sec + (d == -1 ? 0 : d);
            if (g == 0) {
                if (any) return std::nullopt;  // "一亿万", "零万"
                g = 1;                         // "万"
            }
            wan = g * 10000;
            sec = 0;
            d = -1;
            last_small = 10000;
            have_wan = true;
            prev_unit = u;
            any = true;
            continue;
        }
        // 亿
        if (have_yi) return std::nullopt;
        int64_t g = wan + sec + (d == -1 ? 0 : d);
        if (g == 0) {
            if (any) return std::nullopt;
            g = 1;
        }
        if (!scan::mul_add(g, 100000000, 0)) return std::nullopt;
        total = g;
        wan = 0;
        sec = 0;
        d = -1;
        last_small = 10000;
        have_wan = false;
        have_yi = true;
        prev_unit = u;
        any = true;
    }
    int64_t tail = 0;
    if (d != -1) {
        // A trailing digit right after 百/千/万/亿 is the next lower place:
        // 一百五 = 150, 三万五 = 35000 (after 十 or 零 it is the ones).
        if (digit_after >= 100) {
            tail = d * (digit_after / 10);
        } else {
            tail = d;
        }
    }
    int64_t v = total;
    if (__builtin_add_overflow(v, wan, &v)) return std::nullopt;
    if (__builtin_add_overflow(v, sec, &v)) return std::nullopt;
    if (__builtin_add_overflow(v, tail, &v)) return std::nullopt;
    return v;
}

// --- parse_arabic_number ----------------------------------------------------

std::optional<int64_t> parse_arabic_number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int64_t v = 0;
    char32_t sep = 0;
    int group_len = 0;   // digits in the current group
    int groups = 0;      // completed groups before the current one
    bool first_zero = false;
    for (size_t i = 0; i < s.size();) {
        const Cp c = decode_at(s, i);
        i += c.len;
        const int dv = scan::digit_value(c.cp);
        if (dv >= 0) {
            if (groups == 0 && group_len == 0) first_zero = dv == 0;
            ++group_len;
            if (groups > 0 && group_len > 3) return std::nullopt;
            if (!scan::mul_add(v, 10, dv)) return std::nullopt;
            continue;
        }
        if (c.cp != U',' && c.cp != U'，') return std::nullopt;
        if (sep != 0 && c.cp != sep) return std::nullopt;  // "1,234，567"
        if (groups == 0 && (group_len < 1 || group_len > 3 || first_zero)) return std::nullopt;
        if (groups > 0 && group_len != 3) return std::nullopt;
        sep = c.cp;
        ++groups;
        group_len = 0;
    }
    if (group_len == 0) return std::nullopt;  // "" or trailing separator
    if (groups > 0 && group_len != 3) return std::nullopt;
    return v;
}

// --- find_numbers -----------------------------------------------------------

namespace {

struct UnitDef {
    std::string_view written;
    std::string_view canonical;
};

// Longest first: 人次 before 次, 万元 before 元.
constexpr UnitDef kUnits[] = {
    {"人次", "人次"}, {"万元", "万元"}, {"亿元", "亿元"}, {"件", "件"}, {"条", "条"},
    {"个", "个"},     {"次", "次"},     {"期", "期"},     {"场", "场"}, {"篇", "篇"},
    {"项", "项"},     {"元", "元"},     {"%", "%"},       {"％", "%"},
};

struct UnitHit {
    std::string_view canonical;  // empty: no unit
    Span span;
};

bool starts_with_at(std::string_view text, size_t pos, std::string_view what) {
    return pos <= text.size() && text.size() - pos >= what.size() && text.compare(pos, what.size(), what) == 0;
}

UnitHit match_unit(std::string_view text, size_t pos) {
    for (const UnitDef& u : kUnits) {
        if (!starts_with_at(text, pos, u.written)) continue;
        // 一次性 ("one-off") is an adjective, not a count of 次.
        if (u.canonical == "次" && decode_at(text, pos + u.written.size()).cp == U'性') return {};
        // 个百分点 ("percentage points") is a difference of rates, not a count.
        if (u.canonical == "个" && starts_with_at(text, pos + u.written.size(), "百分点")) return {};
        return {u.canonical, {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + u.written.size())}};
    }
    return {};
}

bool ends_with_at(std::string_view text, size_t end, std::string_view what) {
    return end >= what.size() && text.compare(end - what.size(), what.size(), what) == 0;
}

// Labels after which a number is an identifier, not a count:
// "联系电话：0952-8011132", "邮编 750001", "政务服务便民热线12345".
constexpr std::string_view kLabels[] = {
    "电话", "传真", "热线", "邮编", "邮政编码", "手机", "号码", "编号", "索引号",
    "代码", "文号", "邮箱", "账号", "帐号", "卡号", "身份证", "QQ", "qq",
};

bool after_label(std::string_view text, size_t start) {
    size_t q = scan::skip_spaces_back(text, start);
    const Cp c = decode_before(text, q);
    if (c.cp == U':' || c.cp == U'：') q = scan::skip_spaces_back(text, q - c.len);
    for (std::string_view label : kLabels)
        if (ends_with_at(text, q, label)) return true;
    return false;
}

// 第3条 / 第 十二 条: an ordinal (an article of the regulations), not a count.
bool after_ordinal_marker(std::string_view text, size_t start) {
    const size_t q = scan::skip_spaces_back(text, start);
    return decode_before(text, q).cp == U'第';
}

bool is_joiner(char32_t c) {
    switch (c) {
        case U'-': case U'－': case U'–': case U'—': case U'~': case U'～':
        case U'/': case U'／': case U'\\': case U':': case U'.': case U'．':
            return true;
        default:
            return false;
    }
}

bool is_glue(char32_t c) { return c == U'_' || c == U'@' || c == U'#' || c == U'=' || c == U'&'; }

bool is_open_bracket(char32_t c) {
    switch (c) {
        case U'(': case U'（': case U'[': case U'［': case U'【': case U'〔': case U'〖': case U'<': case U'《':
            return true;
        default:
            return false;
    }
}
bool is_close_bracket(char32_t c) {
    switch (c) {
        case U')': case U'）': case U']': case U'］': case U'】': case U'〕': case U'〗': case U'>': case U'》':
            return true;
        default:
            return false;
    }
}

bool at_line_start(std::string_view text, size_t start) {
    const size_t q = scan::skip_spaces_back(text, start, 8);
    const Cp c = decode_before(text, q);
    return c.len == 0 || c.cp == U'\n' || c.cp == U'\r';
}

bool is_date_part(char32_t c) {
    switch (c) {
        case U'年': case U'月': case U'日': case U'号': case U'时': case U'分': case U'秒':
            return true;
        default:
            return false;
    }
}

class NumberScanner {
public:
    NumberScanner(std::string_view text, size_t max) : text_(text), pii_(find_pii(text)), max_(max) {
        if (max != SIZE_MAX) out_.reserve(max);
    }

    std::vector<NumberMention> run() {
        size_t i = 0;
        while (i < text_.size() && out_.size() < max_) {
            i = scan::next_numeral_start(text_, i);  // A number starts with a digit or a Chinese numeral.
            if (i >= text_.size()) break;
            const Cp c = decode_at(text_, i);
            if (scan::is_digit(c.cp)) {
                i = arabic(i);
            } else if (scan::is_cn_numeral(c.cp)) {
                i = chinese(i);
            } else {
                i += c.len;
            }
        }
        return std::move(out_);
    }

private:
    // Is [b, e) overlapping something find_pii() reported? Calls come in
    // increasing b, so one forward pointer keeps this linear.
    bool overlaps_pii(size_t b, size_t e) {
        while (pii_i_ < pii_.size() && pii_[pii_i_].span.end <= b) ++pii_i_;
        return pii_i_ < pii_.size() && pii_[pii_i_].span.begin < e;
    }

    // Consume a run of digits; returns its end and counts the digits.
    size_t digits(size_t k, int& count, int& first) const {
        count = 0;
        first = -1;
        for (;;) {
            const Cp c = decode_at(text_, k);
            const int d = scan::digit_value(c.cp);
            if (d < 0) return k;
            if (first < 0) first = d;
            ++count;
            k += c.len;
        }
    }

    static bool is_point(char32_t c) { return c == U'.' || c == U'．'; }

    // An Arabic number starting at `start` (a digit not preceded by one).
    // Returns where scanning continues.
    size_t arabic(size_t start) {
        int int_digits = 0, first = -1;
        size_t k = digits(start, int_digits, first);

        // Thousands grouping "3,119" / "3，119": only if every group after
        // the first has exactly three digits; otherwise the separators are
        // list commas ("3，5，7") and the first run stands alone.
        bool grouped = false;
        if (int_digits <= 3 && first != 0) {
            size_t g = k;
            char32_t sep = 0;
            bool ok = true;
            bool any = false;
            for (;;) {
                const Cp c = decode_at(text_, g);
                if (c.cp != U',' && c.cp != U'，') break;
                if (sep != 0 && c.cp != sep) break;
                int cnt = 0, f = 0;
                const size_t h = digits(g + c.len, cnt, f);
                if (cnt == 0) break;  // "3，其中": the sentence goes on
                if (cnt != 3) {
                    ok = false;
                    break;
                }
                sep = c.cp;
                g = h;
                any = true;
            }
            if (ok && any) {
                grouped = true;
                k = g;
            }
        }

        // Decimal part; a second point makes a dotted chain (2025.1.26,
        // 1.2.3), which is skipped as a whole.
        bool has_frac = false;
        {
            const Cp c = decode_at(text_, k);
            if (is_point(c.cp) && scan::is_digit(decode_at(text_, k + c.len).cp)) {
                has_frac = true;
                int cnt = 0, f = 0;
                k = digits(k + c.len, cnt, f);
                Cp c2 = decode_at(text_, k);
                if (is_point(c2.cp) && scan::is_digit(decode_at(text_, k + c2.len).cp)) {
                    while (is_point(c2.cp) && scan::is_digit(decode_at(text_, k + c2.len).cp)) {
                        k = digits(k + c2.len, cnt, f);
                        c2 = decode_at(text_, k);
                    }
                    return k;
                }
            }
        }
        const size_t num_end = k;

        const Cp prev = decode_before(text_, start);
        const Cp prev2 = prev.len ? decode_before(text_, start - prev.len) : Cp{};
        const Cp next = decode_at(text_, num_end);
        const Cp next2 = decode_at(text_, num_end + next.len);

        // Glued to letters or code punctuation: "GB11643", "A12", "12px",
        // "+86", "12345@qq.com", "No_12".
        if (scan::is_letter(prev.cp) || is_glue(prev.cp) || prev.cp == U'+') return num_end;
        if (scan::is_letter(next.cp) || is_glue(next.cp)) return num_end;
        // Joined to other alphanumerics by - / : . and dashes: phone numbers
        // "0952-8011132", 索引号 "2024-00123", times "9:30", ranges "3-5",
        // dates "2025/1/26", domains "www.12345.gov.cn".
        if (is_joiner(prev.cp) && scan::is_alnum(prev2.cp)) return num_end;
        if (is_joiner(next.cp) && scan::is_alnum(next2.cp)) return num_end;
        // Area code in brackets: "(0517)83605210".
        if ((prev.cp == U')' || prev.cp == U'）') && scan::is_digit(prev2.cp)) return num_end;
        if ((next.cp == U')' || next.cp == U'）') && scan::is_digit(next2.cp)) return num_end;
        // Zero-padded runs are codes, not counts: "0952", "00123".
        if (first == 0 && int_digits >= 2 && !grouped) return num_end;
        // Bracketed alone: document-number years "〔2021〕", list markers "（1）".
        if (is_open_bracket(prev.cp) && is_close_bracket(next.cp)) return num_end;
        // List markers: "1、" anywhere, "1." / "1）" at the start of a line.
        if (next.cp == U'、') return num_end;
        if ((is_point(next.cp) || next.cp == U')' || next.cp == U'）') && at_line_start(text_, start))
            return num_end;
        if (after_ordinal_marker(text_, start)) return num_end;
        if (after_label(text_, start)) return num_end;

        // Multipliers 百 千 万 亿 ("1.2万次", "3千万"), up to two; 万元 and
        // 亿元 stay units. 百/千 count only when a unit or 万/亿 follows.
        int64_t mult_exp = 0;
        size_t span_end = num_end;
        {
            size_t q = scan::skip_spaces(text_, num_end);
            int mults = 0;
            char32_t last = 0;
            while (mults < 2) {
                const Cp m = decode_at(text_, q);
                const int64_t u = scan::cn_unit(m.cp);
                if (u < 100) break;
                if ((u == 10000 || u == 100000000) && decode_at(text_, q + m.len).cp == U'元') break;
                mult_exp += u == 100 ? 2 : u == 1000 ? 3 : u == 10000 ? 4 : 8;
                q += m.len;
                last = m.cp;
                ++mults;
            }
            if (mults > 0) {
                const bool big = scan::cn_unit(last) >= 10000;
                if (big || !match_unit(text_, scan::skip_spaces(text_, q)).canonical.empty()) {
                    span_end = q;
                } else {
                    mult_exp = 0;
                }
            }
        }

        const size_t after = scan::skip_spaces(text_, span_end);
        const UnitHit unit = match_unit(text_, after);
        if (unit.canonical.empty()) {
            const Cp a = decode_at(text_, after);
            // Parts of dates and times: 2024年, 1月, 26日, 30号, 9时30分.
            if (is_date_part(a.cp)) return span_end;
            // "12345热线".
            if (starts_with_at(text_, after, "热线")) return span_end;
            // Long bare runs are phone numbers, codes, serials.
            if (int_digits >= 7 && !grouped && !has_frac && span_end == num_end) return span_end;
        }
        if (overlaps_pii(start, span_end)) return span_end;

        // Value: all digits, separators and the point skipped.
        int64_t v = 0;
        int decimals = 0;
        bool in_frac = false;
        for (size_t i = start; i < num_end;) {
            const Cp c = decode_at(text_, i);
            i += c.len;
            const int d = scan::digit_value(c.cp);
            if (d >= 0) {
                if (!scan::mul_add(v, 10, d)) return span_end;  // overflow: not reported
                if (in_frac) ++decimals;
            } else if (is_point(c.cp)) {
                in_frac = true;
            }
        }
        while (mult_exp > 0) {
            if (decimals > 0) {
                --decimals;
            } else if (!scan::mul_add(v, 10, 0)) {
                return span_end;
            }
            --mult_exp;
        }

        NumberMention m;
        m.value = v;
        m.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(span_end)};
        m.chinese = false;
        m.unit = unit.canonical;
        m.decimals = decimals;
        m.unit_span = unit.span;
        out_.push_back(m);
        return span_end;
    }

    // A run of Chinese numerals starting at `start`; reported only with a unit.
    size_t chinese(size_t start) {
        size_t k = start;
        bool has_digit = false;
        Cp last{};
        size_t last_pos = start;
        for (;;) {
            const Cp c = decode_at(text_, k);
            if (!scan::is_cn_numeral(c.cp)) break;
            if (scan::cn_digit(c.cp) >= 0) has_digit = true;
            last = c;
            last_pos = k;
            k += c.len;
        }
        const size_t run_end = k;
        const char32_t first = decode_at(text_, start).cp;
        // Unit characters alone are words: 百姓, 千万 ("by all means"), 万一.
        if (!has_digit && first != U'十' && first != U'拾') return run_end;
        if (after_ordinal_marker(text_, start)) return run_end;  // 第十二条

        size_t num_end = run_end;
        UnitHit unit;
        if (last_pos > start && (last.cp == U'万' || last.cp == U'亿') &&
            decode_at(text_, run_end).cp == U'元') {
            num_end = last_pos;  // 五千万元 -> 五千 + 万元, like "5000万元"
            unit = match_unit(text_, last_pos);
        } else {
            unit = match_unit(text_, scan::skip_spaces(text_, run_end));
        }
        if (unit.canonical.empty()) return run_end;
        const auto value = parse_chinese_number(text_.substr(start, num_end - start));
        if (!value) return run_end;

        NumberMention m;
        m.value = *value;
        m.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(num_end)};
        m.chinese = true;
        m.unit = unit.canonical;
        m.decimals = 0;
        m.unit_span = unit.span;
        out_.push_back(m);
        return run_end;
    }

    std::string_view text_;
    std::vector<PiiMention> pii_;
    size_t pii_i_ = 0;
    size_t max_;
    std::vector<NumberMention> out_;
};

}  // namespace

std::vector<NumberMention> find_numbers(std::string_view text, size_t max) {
    // Spans are uint32_t byte offsets; larger inputs are out of scope.
    if (text.size() > UINT32_MAX) return {};
    return NumberScanner(text, max).run();
}

}  // namespace nianbao
