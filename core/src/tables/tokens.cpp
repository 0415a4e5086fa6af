#include "tables/tokens.h"

#include <algorithm>

#include "normalize/normalize.h"

namespace nianbao {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_number(std::string_view t) {
    size_t i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t digits_start = i, group = 0;
    bool grouped = false, any = false;
    for (; i < t.size() && (is_digit(t[i]) || t[i] == ','); ++i) {
        if (t[i] == ',') {
            // thousands separators: 3,119 (a group of exactly three follows)
            if (!any || (grouped && group != 3) || (!grouped && group > 3)) return false;
            grouped = true;
            group = 0;
        } else {
            any = true;
            ++group;
        }
    }
    if (!any || (grouped && group != 3) || t[i - 1] == ',') return false;
    (void)digits_start;
    if (i < t.size() && t[i] == '.') {
        ++i;
        size_t frac = i;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == frac) return false;
    }
    return i == t.size();
}

bool is_blank_marker(std::string_view t) {
    static const std::string_view markers[] = {"—", "——", "-", "--", "/", "\\", "无", "空", "–", "−", "…", "……", "―"};
    for (auto m : markers)
        if (t == m) return true;
    return false;
}

// 1O, l0, 0o: ASCII letters and digits mixed, as OCR and typos leave them.
bool is_garbage_number(std::string_view t) {
    if (t.empty() || t.size() > 12) return false;
    bool digit = false, alpha = false;
    for (char c : t) {
        if (is_digit(c)) digit = true;
        else if (is_alpha(c)) alpha = true;
        else if (c != '.' && c != ',') return false;
    }
    return digit && alpha;
}

// "- 5 -", "-5-", "第 5 页", "第5页 共7页", "5/7"
bool is_page_number(std::string_view line) {
    if (line.size() > 64) return false;  // "第 12 页 共 30 页" with spaces fits; table rows mostly do not
    char buffer[64];  // the line without spaces: no allocation, this runs for every table line
    size_t used = 0;
    for (char c : line)
        if (c != ' ' && c != '\t') buffer[used++] = c;
    const std::string_view compact(buffer, used);
    if (compact.empty()) return false;
    auto digits_between = [&](std::string_view s, std::string_view pre, std::string_view post) {
        if (s.size() <= pre.size() + post.size()) return false;
        if (s.substr(0, pre.size()) != pre || s.substr(s.size() - post.size()) != post) return false;
        auto mid = s.substr(pre.size(), s.size() - pre.size() - post.size());
        if (mid.empty() || mid.size() > 4) return false;
        for (char c : mid)
            if (!is_digit(c)) return false;
        return true;
    };
    for (auto dash : {"-", "—", "–", "－"})
        if (digits_between(compact, dash, dash)) return true;
    if (digits_between(compact, "第", "页")) return true;
    // "第5页 共7页", "共7页 第5页": split after the first 页.
    const size_t first_page = compact.find("页");
    if (first_page != std::string::npos && first_page + 3 < compact.size()) {
        const std::string_view a = compact.substr(0, first_page + 3), b = compact.substr(first_page + 3);
        if ((digits_between(a, "第", "页") && digits_between(b, "共", "页")) ||
            (digits_between(a, "共", "页") && digits_between(b, "第", "页")))
            return true;
    }
    size_t slash = compact.find('/');
    if (slash != std::string::npos && slash > 0 && slash + 1 < compact.size() && compact.size() <= 9) {
        bool ok = true;
        for (size_t i = 0; i < compact.size(); ++i)
            if (i != slash && !is_digit(compact[i])) ok = false;
        if (ok) return true;
    }
    return false;
}

void push_words(std::string_view text, size_t begin, size_t end, std::vector<Token>& out) {
    size_t i = begin;
    while (i < end) {
        while (i < end && text[i] == ' ') ++i;
        size_t s = i;
        while (i < end && text[i] != ' ') ++i;
        if (i > s) out.push_back({TokenKind::Text, s, i, text.substr(s, i - s)});
    }
}

// "行政许可447228": a number glued to the label before it (PDF copies).
void split_glued_number(std::string_view text, std::vector<Token>& tokens) {
    if (tokens.empty()) return;
    Token& last = tokens.back();
    if (last.kind != TokenKind::Text) return;
    size_t k = last.end;
    while (k > last.begin && (is_digit(text[k - 1]) || text[k - 1] == '.' || text[k - 1] == ',')) --k;
    if (k == last.begin || k == last.end) return;
    if (static_cast<unsigned char>(text[k - 1]) < 0x80) return;  // only after CJK
    if (!is_digit(text[k])) return;
    std::string_view prev = text.substr(last.begin, k - last.begin);
    // "第5页", "（1" and ordinals are not glued cells
    if (prev.size() >= 3 && (prev.substr(prev.size() - 3) == "第" || prev.substr(prev.size() - 3) == "共")) return;
    std::string_view num = text.substr(k, last.end - k);
    if (!is_number(num)) return;
    Token n{TokenKind::Number, k, last.end, num};
    last.end = k;
    last.text = prev;
    tokens.push_back(n);
}

}  // namespace

TokenKind classify_token(std::string_view t) {
    if (is_number(t)) return TokenKind::Number;
    if (is_blank_marker(t)) return TokenKind::Blank;
    if (is_garbage_number(t)) return TokenKind::Garbage;
    return TokenKind::Text;
}

int count_written(const std::vector<Token>& values) {
    int n = 0;
    for (const auto& v : values) n += v.kind != TokenKind::Empty;
    return n;
}

bool LineTokens::has_values() const { return count_written(values) > 0; }

LineTokens tokenize_line(std::string_view text, size_t begin, size_t end, std::vector<Token>& tokens) {
    LineTokens line;
    tokens.clear();
    line.begin = begin;
    line.end = end;
    std::string_view content = text.substr(begin, end - begin);
    line.page_number = is_page_number(content);
    line.tabbed = content.find('\t') != std::string_view::npos;
    if (line.tabbed) {
        size_t s = begin;
        for (size_t i = begin; i <= end; ++i) {
            if (i == end || text[i] == '\t') {
                size_t a = s, b = i;
                while (a < b && text[a] == ' ') ++a;
                while (b > a && text[b - 1] == ' ') --b;
                if (a == b) tokens.push_back({TokenKind::Empty, a, a, {}});
                else push_words(text, a, b, tokens);
                s = i + 1;
            }
        }
    } else {
        push_words(text, begin, end, tokens);
    }
    split_glued_number(text, tokens);
    for (auto& t : tokens) {
        if (t.kind != TokenKind::Text) continue;
        t.kind = classify_token(t.text);
        // An amount with its unit ("251000元", "25.1万元"): the number, the
        // unit kept in the cell's span.
        if (t.kind == TokenKind::Text) {
            for (std::string_view unit : {"万元", "元"}) {
                const size_t n = t.text.size();
                if (n > unit.size() && t.text.substr(n - unit.size()) == unit &&
                    is_number(t.text.substr(0, n - unit.size()))) {
                    t.kind = TokenKind::Number;
                    t.text = t.text.substr(0, n - unit.size());
                    break;
                }
            }
        }
    }

    // Trailing run of values; trailing empty cells are kept apart (layout, or
    // blanks: the table reader tells which).
    size_t n = tokens.size();
    while (n > 0 && tokens[n - 1].kind == TokenKind::Empty) --n;
    size_t start = n;
    while (start > 0 && tokens[start - 1].kind != TokenKind::Text) --start;
    // Empty cells between the label and the first value are merged label cells.
    size_t first = start;
    while (first < n && tokens[first].kind == TokenKind::Empty) ++first;
    bool any_number = false;
    for (size_t i = first; i < n; ++i)
        if (tokens[i].kind == TokenKind::Number || tokens[i].kind == TokenKind::Garbage) any_number = true;
    // A lone "无" or "—" in running text is a word, not a blank cell.
    if (!any_number && !line.tabbed) first = n;
    line.blank = tokens.empty();
    size_t labels = 0;
    for (size_t i = 0; i < first; ++i) labels += tokens[i].kind != TokenKind::Empty;
    line.label.reserve(labels);
    for (size_t i = 0; i < first; ++i)
        if (tokens[i].kind != TokenKind::Empty) line.label.push_back(tokens[i]);
    line.values.assign(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                       tokens.begin() + static_cast<std::ptrdiff_t>(n));
    if (n < tokens.size())
        line.trailing_empty.assign(tokens.begin() + static_cast<std::ptrdiff_t>(n), tokens.end());
    return line;
}

std::vector<LineTokens> tokenize_lines(std::string_view text, size_t begin, size_t end) {
    std::vector<LineTokens> lines;
    std::vector<Token> scratch;
    lines.reserve(static_cast<size_t>(std::count(text.begin() + begin, text.begin() + end, '\n')) + 1);
    size_t pos = begin;
    while (pos < end) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos || nl > end) nl = end;
        lines.push_back(tokenize_line(text, pos, nl, scratch));
        pos = nl + 1;
    }
    return lines;
}

}  // namespace nianbao
