#include "meta/pii.h"

#include "meta/dates.h"
#include "meta/scan_util.h"
#include "text/swar.h"

namespace nianbao {

using scan::Cp;
using scan::decode_at;
using scan::decode_before;

char id_check_char(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    if (first17.size() != 17) return '\0';
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        const char c = first17[i];
        if (c < '0' || c > '9') return '\0';
        sum += (c - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

bool luhn_valid(std::string_view digits) {
    if (digits.empty()) return false;
    int sum = 0;
    bool dbl = false;
    for (size_t i = digits.size(); i-- > 0;) {
        const char c = digits[i];
        if (c < '0' || c > '9') return false;
        int d = c - '0';
        if (dbl) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

namespace {

// A maximal run of ASCII/full-width letters and digits.
struct Token {
    size_t begin = 0;
    size_t end = 0;
    int len = 0;  // code points
    bool all_digits = true;
    char norm[20] = {};  // first 20 characters, ASCII, letters upper-cased
    int norm_len = 0;
    std::string_view view() const { return {norm, static_cast<size_t>(norm_len)}; }
};

// Reads the token at `i`, but stops after `limit` code points (then `len` is
// limit + 1 and `end` is not the token's end): callers that only want short
// tokens use it to stay O(1).
Token read_token(std::string_view text, size_t i, int limit = -1) {
    Token t;
    t.begin = i;
    for (;;) {
        if (limit >= 0 && t.len > limit) break;
        const Cp c = decode_at(text, i);
        if (!scan::is_alnum(c.cp)) break;
        char ch = 0;
        const int d = scan::digit_value(c.cp);
        if (d >= 0) {
            ch = static_cast<char>('0' + d);
        } else {
            t.all_digits = false;
            char32_t a = c.cp;
            if (a >= 0xFF21 && a <= 0xFF3A) a = a - 0xFF21 + U'A';
            if (a >= 0xFF41 && a <= 0xFF5A) a = a - 0xFF41 + U'a';
            if (a >= U'a' && a <= U'z') a = a - U'a' + U'A';
            ch = static_cast<char>(a);
        }
        if (t.norm_len < 20) t.norm[t.norm_len++] = ch;
        ++t.len;
        i += c.len;
    }
    t.end = i;
    return t;
}

bool is_slash_or_dot(char32_t c) {
    return c == U'/' || c == U'／' || c == U'\\' || c == U'.' || c == U'．';
}
bool is_glue(char32_t c) { return c == U'_' || c == U'@' || c == U'#' || c == U'='; }
bool is_hyphen(char32_t c) { return c == U'-' || c == U'－'; }
bool is_close_paren(char32_t c) { return c == U')' || c == U'）'; }

bool valid_birth_date(std::string_view id) {
    const int y = (id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0');
    const int m = (id[10] - '0') * 10 + (id[11] - '0');
    const int d = (id[12] - '0') * 10 + (id[13] - '0');
    if (y < 1900 || y > 2100) return false;
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool is_mobile_digits(std::string_view d) {
    return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

class PiiScanner {
public:
    explicit PiiScanner(std::string_view text) : text_(text) {}

    std::vector<PiiMention> run() {
        size_t i = 0;
        while (i < text_.size()) {
            // Eight bytes none of which is ASCII or EF (the lead of a
            // full-width letter or digit) hold no token's start: passed over
            // a word at a time, to the next character's start (most of a
            // Chinese text).
            while (i + 8 <= text_.size()) {
                const uint64_t w = swar::load8(text_.data() + i);
                if (swar::any_below(w, 0x80) || swar::any_equal(w, 0xEF)) break;
                i += 8;
                while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
            }
            if (i >= text_.size()) break;
            // Tokens start with an ASCII letter or digit or a full-width one
            // (EF ..): other characters are passed over whole.
            const unsigned char b = static_cast<unsigned char>(text_[i]);
            if (b != 0xEF && !(b < 0x80 && scan::is_alnum(b))) {
                i = scan::past_three_byte_char(text_, i);
                continue;
            }
            const Cp c = decode_at(text_, i);
            if (!scan::is_alnum(c.cp)) {
                i += c.len;
                continue;
            }
            const Token t = read_token(text_, i);
            i = token(t);
        }
        return std::move(out_);
    }

private:
    void emit(PiiKind kind, size_t b, size_t e, std::string digits) {
        out_.push_back({kind, {static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, std::move(digits)});
    }

    // Where a "+86" / "86" country prefix begins if its "86" ends at byte
    // `at` (the caller has stepped back over the separator); npos if there
    // is none or it is itself glued to something. `need_plus`: only "+86".
    size_t prefix_86(size_t at, bool need_plus) const {
        const Cp six = decode_before(text_, at);
        if (six.cp != U'6' && six.cp != U'６') return npos;
        const Cp eight = decode_before(text_, at - six.len);
        if (eight.cp != U'8' && eight.cp != U'８') return npos;
        size_t b = at - six.len - eight.len;
        const Cp before = decode_before(text_, b);
        if (before.cp == U'+' || before.cp == U'＋') {
            b -= before.len;
            const Cp b2 = decode_before(text_, b);
            if (scan::is_alnum(b2.cp) || is_glue(b2.cp)) return npos;
            return b;
        }
        // "0086-13812345678": the international call prefix 00 instead of '+'.
        if (before.cp == U'0' && decode_before(text_, b - 1).cp == U'0') {
            const Cp b2 = decode_before(text_, b - 2);
            if (!scan::is_alnum(b2.cp) && !is_glue(b2.cp)) return b - 2;
        }
        if (need_plus || scan::is_alnum(before.cp) || is_glue(before.cp)) return npos;
        return b;
    }

    // "0517-83605210/13812345678": a '/' after an office number lists a
    // second contact, it does not glue a code together.
    bool after_phone_list(size_t begin, const Cp& slash) const {
        if (slash.cp != U'/' && slash.cp != U'／') return false;
        size_t k = begin - slash.len;
        size_t digits = 0;
        while (k > 0 && text_[k - 1] >= '0' && text_[k - 1] <= '9') {
            --k;
            ++digits;
        }
        return digits >= 7 && digits <= 8 && k > 0 && (text_[k - 1] == '-');
    }

    // Handles one token; returns where scanning continues.
    size_t token(const Token& t) {
        if (t.len > 19) return t.end;  // longer than any PII: a code or a table run
        // Only these lengths can be (part of) an ID, card or mobile number;
        // every other token, most numbers in the tables, has nothing to check.
        const bool pii_length = t.len == 3 || t.len == 4 || t.len == 6 || t.len == 11 || t.len == 13 || t.len >= 16;
        if (!pii_length) return t.end;
        const Cp prev = decode_before(text_, t.begin);
        const Cp prev2 = prev.len ? decode_before(text_, t.begin - prev.len) : Cp{};
        const Cp next = decode_at(text_, t.end);
        const Cp next2 = decode_at(text_, t.end + next.len);

        // Joined to other alphanumerics by '/', '.', '\': 索引号
        // "11320800014135XXXX/2024-00123", URLs, amounts "96171.6".
        // Glued by '_', '@', '#', '=': e-mail addresses, identifiers.
        const bool joined_before = (is_slash_or_dot(prev.cp) && scan::is_alnum(prev2.cp)) || is_glue(prev.cp) ||
                                   (is_close_paren(prev.cp) && scan::is_digit(prev2.cp));  // "(0517)83605210"
        const bool joined_after = (is_slash_or_dot(next.cp) && scan::is_alnum(next2.cp)) || is_glue(next.cp) ||
                                  (is_close_paren(next.cp) && scan::is_digit(next2.cp));
        if ((joined_before && !after_phone_list(t.begin, prev)) || joined_after) return t.end;

        // Hyphen-joined to other digits: office numbers "0952-8011132",
        // 索引号 tails "2024-00123". The groups of a card or a mobile and the
        // "86-" prefix are handled below.
        const bool hyphen_before = is_hyphen(prev.cp) && scan::is_alnum(prev2.cp);
        const bool hyphen_after = is_hyphen(next.cp) && scan::is_alnum(next2.cp);

        const std::string_view d = t.view();
        if (t.len == 18 && !hyphen_before && !hyphen_after) {
            bool first17 = true;
            for (int k = 0; k < 17; ++k) first17 = first17 && d[k] >= '0' && d[k] <= '9';
            if (first17 && (d[17] == 'X' || (d[17] >= '0' && d[17] <= '9')) &&
                id_check_char(d.substr(0, 17)) == d[17] && valid_birth_date(d)) {
                emit(PiiKind::IdNumber, t.begin, t.end, std::string(d));
                return t.end;
            }
        }
        if (!t.all_digits) return t.end;  // glued to letters: "A13812345678", "11320800014135XXXX"

        if (t.len >= 16 && t.len <= 19) {
            if (!hyphen_before && !hyphen_after && luhn_valid(d))
                emit(PiiKind::BankCard, t.begin, t.end, std::string(d));
            return t.end;
        }
        if (t.len == 11) {
            // Hyphen-joined to more digits ("13812345678-1"), or a bare '+'
            // without the country code ("+13812345678"): not a mobile.
            if (hyphen_after || prev.cp == U'+' || prev.cp == U'＋' || !is_mobile_digits(d)) return t.end;
            size_t b = t.begin;
            if (is_hyphen(prev.cp)) {  // only "86-" / "+86-" may join by a hyphen: not "0517-13812345678"
                const size_t p = prefix_86(t.begin - prev.len, false);
                if (p == npos) {
                    if (hyphen_before) return t.end;
                } else {
                    b = p;
                }
            } else if (prev.cp == U' ') {  // "+86 13812345678"
                const size_t p = prefix_86(t.begin - prev.len, true);
                if (p != npos) b = p;
            }
            emit(PiiKind::Mobile, b, t.end, std::string(d));
            return t.end;
        }
        if (t.len == 13) {  // "+8613812345678"
            // Without the '+', 13 digits are some other number.
            if (prev.cp != U'+' && prev.cp != U'＋') return t.end;
            if (hyphen_after || d.substr(0, 2) != "86" || !is_mobile_digits(d.substr(2))) return t.end;
            const Cp before_plus = decode_before(text_, t.begin - prev.len);
            if (scan::is_alnum(before_plus.cp) || is_glue(before_plus.cp)) return t.end;
            emit(PiiKind::Mobile, t.begin - prev.len, t.end, std::string(d.substr(2)));
            return t.end;
        }
        if ((t.len == 3 || t.len == 4) && (next.cp == U' ' || is_hyphen(next.cp)) && scan::is_digit(next2.cp))
            return grouped(t, prev, prev2, next.cp);
        if (t.len == 6 && next.cp == U' ' && scan::is_digit(next2.cp) && !hyphen_before &&
            !(prev.cp == U' ' && scan::is_alnum(prev2.cp)))
            return grouped_id(t, next.len);
        return t.end;
    }

    // An ID number written as region, birth date and sequence:
    // "110105 19491231 002X" (6 8 4, single spaces).
    size_t grouped_id(const Token& region, size_t space) {
        const Token birth = read_token(text_, region.end + space, 8);
        if (!birth.all_digits || birth.len != 8) return region.end;
        const Cp s2 = decode_at(text_, birth.end);
        if (s2.cp != U' ') return region.end;
        const Token seq = read_token(text_, birth.end + s2.len, 4);
        if (seq.len != 4) return region.end;
        const Cp next = decode_at(text_, seq.end);
        const Cp next2 = decode_at(text_, seq.end + next.len);
        if ((is_slash_or_dot(next.cp) && scan::is_alnum(next2.cp)) || is_glue(next.cp) ||
            ((next.cp == U' ' || is_hyphen(next.cp)) && scan::is_alnum(next2.cp)))
            return region.end;
        std::string id = std::string(region.view()) + std::string(birth.view()) + std::string(seq.view());
        if (id.size() != 18) return region.end;
        for (int k = 0; k < 17; ++k)
            if (id[k] < '0' || id[k] > '9') return region.end;
        if (id[17] != 'X' && (id[17] < '0' || id[17] > '9')) return region.end;
        if (id_check_char(std::string_view(id).substr(0, 17)) != id[17] || !valid_birth_date(id)) return region.end;
        emit(PiiKind::IdNumber, region.begin, seq.end, id);
        return seq.end;
    }

    // "138 1234 5678", "138-1234-5678", "6222 0200 1234 5678 901".
    size_t grouped(const Token& first, Cp prev, Cp prev2, char32_t sep) {
        constexpr int kMaxGroups = 5;
        Token g[kMaxGroups];
        int n = 0;
        g[n++] = first;
        size_t pos = first.end;
        bool too_long = false;
        for (;;) {
            const Cp s = decode_at(text_, pos);
            if (s.cp != sep || !scan::is_digit(decode_at(text_, pos + s.len).cp)) break;
            if (n == kMaxGroups) {
                too_long = true;  // a sixth group: part of something longer
                break;
            }
            g[n] = read_token(text_, pos + s.len, 4);
            // "5678abc", "1234 56789": not a group of this shape.
            if (!g[n].all_digits || g[n].len > 4) return first.end;
            pos = g[n].end;
            ++n;
        }
        if (too_long) return first.end;
        const Token& last = g[n - 1];
        const Cp next = decode_at(text_, last.end);
        const Cp next2 = decode_at(text_, last.end + next.len);
        if ((is_slash_or_dot(next.cp) && scan::is_alnum(next2.cp)) || is_glue(next.cp) ||
            (is_hyphen(next.cp) && scan::is_alnum(next2.cp)))
            return first.end;
        // The separator before the first group, with digits before it, makes
        // this the tail of a longer group chain, unless it is "86".
        const bool chained_before = (prev.cp == U' ' || is_hyphen(prev.cp)) && scan::is_alnum(prev2.cp);

        std::string digits;
        for (int k = 0; k < n; ++k) digits.append(g[k].view());

        if (n == 3 && g[0].len == 3 && g[1].len == 4 && g[2].len == 4 && is_mobile_digits(digits)) {
            size_t b = first.begin;
            if (chained_before) {
                const size_t p = prefix_86(first.begin - prev.len, prev.cp == U' ');
                if (p == npos) return first.end;
                b = p;
            }
            emit(PiiKind::Mobile, b, last.end, digits);
            return last.end;
        }
        if (chained_before) return first.end;
        if (n >= 4 && digits.size() >= 16 && digits.size() <= 19) {
            bool shape = true;
            for (int k = 0; k + 1 < n; ++k) shape = shape && g[k].len == 4;
            if (shape && last.len >= 1 && last.len <= 4 && luhn_valid(digits)) {
                emit(PiiKind::BankCard, first.begin, last.end, digits);
                return last.end;
            }
        }
        return first.end;
    }

    static constexpr size_t npos = static_cast<size_t>(-1);
    std::string_view text_;
    std::vector<PiiMention> out_;
};

}  // namespace

std::vector<PiiMention> find_pii(std::string_view text) {
    if (text.size() > UINT32_MAX) return {};
    return PiiScanner(text).run();
}

}  // namespace nianbao
