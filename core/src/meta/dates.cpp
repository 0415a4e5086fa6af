#include "meta/dates.h"

#include "meta/numerals.h"
#include "meta/scan_util.h"

namespace nianbao {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && (year == 0 || is_leap(year))) return 29;
    return kDays[month - 1];
}

namespace {

constexpr int kMinYear = 1949;
constexpr int kMaxYear = 2100;

bool is_iso_sep(char32_t c) {
    switch (c) {
        case U'-': case U'.': case U'/': case U'－': case U'．': case U'／':
            return true;
        default:
            return false;
    }
}

bool is_point_or_slash(char32_t c) {
    return c == U'.' || c == U'．' || c == U'/' || c == U'／' || c == U'\\';
}

class DateScanner {
public:
    explicit DateScanner(std::string_view text) : text_(text) {}

    void run() {
        size_t i = 0;
        while (i < text_.size()) {
            i = scan::next_numeral_start(text_, i);  // A date starts with a digit, a Chinese numeral or 元.
            if (i >= text_.size()) break;
            if (const size_t skip = plain_number_end(i)) {
                i = skip;
                continue;
            }
            const Cp c = decode_at(text_, i);
            size_t next = 0;
            if (scan::is_digit(c.cp)) {
                if (!scan::is_alnum(decode_before(text_, i).cp)) {
                    next = arabic_year(i);
                    if (!next) next = month_day(i);
                }
            } else if (scan::is_cn_numeral(c.cp)) {
                if (!scan::is_cn_numeral(decode_before(text_, i).cp)) {
                    if (const size_t skip = plain_numerals_end(i)) {
                        i = skip;
                        continue;
                    }
                    next = chinese_year(i);
                    if (!next) next = month_day(i);
                }
            } else if (c.cp == U'元') {
                next = month_day(i);
            }
            i = next > i ? next : i + c.len;
        }
    }

    std::vector<DateMention> dates;
    std::vector<YearMention> years;

private:
    static Span span(size_t b, size_t e) { return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)}; }

    // Chinese numerals are common words (一是, 统一, 万一). A date from a run
    // of them needs 年 or 月 right after it (spaces allowed): without that,
    // returns the run's end; 0 when a date may start here.
    size_t plain_numerals_end(size_t i) const {
        size_t k = i;
        for (;;) {
            const Cp c = decode_at(text_, k);
            if (c.len == 0 || !scan::is_cn_numeral(c.cp)) break;
            k += c.len;
        }
        const char32_t next = decode_at(text_, scan::skip_spaces(text_, k)).cp;
        return next == U'年' || next == U'月' ? 0 : k;
    }

    // Most ASCII digits in a report are counts in its tables. When the run
    // of ASCII digits at `i` is followed by none of what a date needs next
    // (a separator - . / right after it; 年 or 月 after at most a few
    // spaces, which are not ASCII), no date starts in it: returns its end.
    // 0 when a date may start here.
    size_t plain_number_end(size_t i) const {
        const auto ascii_digit = [&](size_t k) { return k < text_.size() && text_[k] >= '0' && text_[k] <= '9'; };
        if (!ascii_digit(i)) return 0;
        size_t j = i;
        while (ascii_digit(j)) ++j;
        if (j >= text_.size()) return j;
        size_t k = j;
        if (text_[k] == '-' || text_[k] == '.' || text_[k] == '/') return 0;
        while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
        if (k < text_.size() && static_cast<unsigned char>(text_[k]) >= 0x80) return 0;
        return j;
    }

    bool at(size_t i, char32_t want) const { return decode_at(text_, i).cp == want; }

    // Reads at most `max` digits at `i`; false if there are more (a longer
    // number) or none.
    bool arabic_int(size_t i, int max, int& val, size_t& end) const {
        val = 0;
        int n = 0;
        for (;;) {
            const Cp c = decode_at(text_, i);
            const int d = scan::digit_value(c.cp);
            if (d < 0) break;
            if (++n > max) return false;
            val = val * 10 + d;
            i += c.len;
        }
        end = i;
        return n > 0;
    }

    // A month or day: 1-2 digits, up to 3 Chinese numerals (十二, 三十一),
    // or 元 (元月) when `allow_yuan`.
    bool month_or_day(size_t i, bool allow_yuan, int& val, size_t& end) const {
        const Cp c = decode_at(text_, i);
        if (scan::is_digit(c.cp)) return arabic_int(i, 2, val, end);
        if (allow_yuan && c.cp == U'元') {
            val = 1;
            end = i + c.len;
            return true;
        }
        if (!scan::is_cn_numeral(c.cp)) return false;
        size_t k = i;
        for (int n = 0;; ++n) {
            const Cp d = decode_at(text_, k);
            if (!scan::is_cn_numeral(d.cp)) break;
            if (n == 3) return false;
            k += d.len;
        }
        const auto v = parse_chinese_number(text_.substr(i, k - i));
        if (!v || *v > 99) return false;
        val = static_cast<int>(*v);
        end = k;
        return true;
    }

    // "M月D日" / "M 月 D 日" at `i`; on success sets the values and the end.
    bool month_day_tail(size_t i, int& month, int& day, size_t& end) const {
        size_t e = 0;
        if (!month_or_day(i, true, month, e)) return false;
        e = scan::skip_spaces(text_, e);
        if (!at(e, U'月')) return false;
        e = scan::skip_spaces(text_, e + decode_at(text_, e).len);
        if (!month_or_day(e, false, day, e)) return false;
        e = scan::skip_spaces(text_, e);
        const Cp c = decode_at(text_, e);
        if (c.cp != U'日' && c.cp != U'号') return false;
        end = e + c.len;
        return true;
    }

    void add_date(int y, int m, int d, size_t b, size_t e, bool inherited) {
        DateMention dm;
        dm.year = y;
        dm.month = m;
        dm.day = d;
        dm.span = span(b, e);
        dm.valid = d >= 1 && d <= days_in_month(y, m);
        dm.year_inherited = inherited;
        dates.push_back(dm);
    }

    // After "Y" (ending at `yend`) with its 年 somewhere after spaces: a full
    // date, or else a year mention. Returns where scanning continues.
    size_t year_then(int year, size_t ys, size_t yend) {
        const size_t nian = scan::skip_spaces(text_, yend);
        const size_t after_nian = nian + decode_at(text_, nian).len;
        int m = 0, d = 0;
        size_t end = 0;
        if (month_day_tail(scan::skip_spaces(text_, after_nian), m, d, end)) {
            add_date(year, m, d, ys, end, false);
            return end;
        }
        size_t ye = after_nian;
        if (at(ye, U'度')) ye += decode_at(text_, ye).len;  // 2024年度
        years.push_back({year, span(ys, ye)});
        return ye;
    }

    // 4 ASCII/full-width digits at `i` (not preceded by an alphanumeric):
    // "2024年…" or "2025-01-26". 0 if neither.
    size_t arabic_year(size_t i) {
        int year = 0;
        size_t yend = 0;
        if (!arabic_int(i, 4, year, yend)) return 0;
        if (yend - i < 4 || year < kMinYear || year > kMaxYear) return 0;
        // Count digits, not bytes: full-width digits are 3 bytes each.
        int n = 0;
        for (size_t k = i; k < yend; k += decode_at(text_, k).len) ++n;
        if (n != 4) return 0;
        if (at(scan::skip_spaces(text_, yend), U'年')) return year_then(year, i, yend);
        return iso(year, i, yend);
    }

    // Y-M-D, Y.M.D, Y/M/D with the same separator twice.
    size_t iso(int year, size_t ys, size_t yend) {
        const Cp s1 = decode_at(text_, yend);
        if (!is_iso_sep(s1.cp)) return 0;
        // Glued to what comes before by the same separator, a point or a
        // slash: "00123-2025-01-26", "1.2025.1.26", ".../art/2025/1/26".
        // A dash of another kind is a range: "2024.1.1-2024.12.31".
        const Cp prev = decode_before(text_, ys);
        if (scan::is_alnum(decode_before(text_, ys - prev.len).cp) && (prev.cp == s1.cp || is_point_or_slash(prev.cp)))
            return 0;
        int m = 0, d = 0;
        size_t me = 0, de = 0;
        if (!arabic_int(yend + s1.len, 2, m, me)) return 0;
        const Cp s2 = decode_at(text_, me);
        if (s2.cp != s1.cp) return 0;
        if (!arabic_int(me + s2.len, 2, d, de)) return 0;
        // Likewise after: "2025-01-26-3", "2025.1.26.1", "2025/1/26/x",
        // "2025.1.26:1"; and not glued to letters: "2025/1/26abc".
        const Cp next = decode_at(text_, de);
        if (scan::is_letter(next.cp)) return 0;
        if (scan::is_alnum(decode_at(text_, de + next.len).cp) &&
            (next.cp == s1.cp || is_point_or_slash(next.cp) || next.cp == U':'))
            return 0;
        add_date(year, m, d, ys, de, false);
        return de;
    }

    // 4 Chinese digits (二〇二五, 二零二五) at `i` followed by 年.
    size_t chinese_year(size_t i) {
        int year = 0;
        size_t k = i;
        for (int n = 0;; ++n) {
            const Cp c = decode_at(text_, k);
            if (!scan::is_cn_numeral(c.cp)) {
                if (n != 4) return 0;
                break;
            }
            const int d = scan::cn_digit(c.cp);
            if (n == 4 || d < 0) return 0;  // five numerals, or a unit (二千零二十四)
            year = year * 10 + d;
            k += c.len;
        }
        if (year < kMinYear || year > kMaxYear) return 0;
        if (!at(scan::skip_spaces(text_, k), U'年')) return 0;
        return year_then(year, i, k);
    }

    // "M月D日" without a year at `i`. 0 if none.
    size_t month_day(size_t i) {
        // After "1900年" (a year we do not take) this is not a yearless date.
        if (decode_before(text_, scan::skip_spaces_back(text_, i)).cp == U'年') return 0;
        int m = 0, d = 0;
        size_t end = 0;
        if (!month_day_tail(i, m, d, end)) return 0;
        int year = 0;
        bool inherited = false;
        if (!dates.empty() && dates.back().year != 0 && range_between(dates.back().span.end, i)) {
            year = dates.back().year;
            inherited = true;
        }
        add_date(year, m, d, i, end, inherited);
        return end;
    }

    // Is the text between a date ending at `b` and one starting at `e` a
    // range connector ("至", " 至 ", "到", "起至", "-", "—", "——", "~")?
    bool range_between(size_t b, size_t e) const {
        if (e < b || e - b > 24) return false;
        static constexpr std::string_view kConnectors[] = {"起至", "至", "到", "——", "—", "－", "-", "～", "~", "–"};
        const size_t g = scan::skip_spaces(text_, b);
        for (std::string_view c : kConnectors) {
            if (text_.size() - g >= c.size() && text_.compare(g, c.size(), c) == 0)
                return scan::skip_spaces(text_, g + c.size()) == e;
        }
        return false;
    }

    std::string_view text_;
};

}  // namespace

DateScan scan_dates(std::string_view text) {
    if (text.size() > UINT32_MAX) return {};
    DateScanner s(text);
    s.run();
    return {std::move(s.dates), std::move(s.years)};
}

std::vector<DateMention> find_dates(std::string_view text) { return scan_dates(text).dates; }

std::vector<YearMention> find_year_mentions(std::string_view text) { return scan_dates(text).years; }

}  // namespace nianbao
