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

// Characters a count is written before in prose ("3件", "2024年", "68%"):
// digits before them are a sentence's number, not a cell glued to a label.
bool is_counter(char32_t c) {
    switch (c) {
        case U'年': case U'月': case U'日': case U'号': case U'件': case U'条': case U'项': case U'个':
        case U'次': case U'人': case U'家': case U'万': case U'亿': case U'元': case U'余': case U'多':
        case U'篇': case U'期': case U'场': case U'批': case U'份': case U'页': case U'类': case U'天':
        case U'名': case U'位': case U'所': case U'户': case U'宗': case U'起': case U'时': case U'届':
        case U'季': case U'周': case U'岁': case U'倍': case U'米': case U'亩': case U'吨': case U'台':
        case U'辆': case U'座': case U'例': case U'轮': case U'版': case U'章': case U'节': case U'款':
        case U'、': case U'，': case U'。': case U'；': case U'：': case U'）':
            return true;
        default:
            return false;
    }
}

char32_t cp_at(std::string_view text, size_t i) {
    int len = 1;
    return i < text.size() ? decode_at(text, i, &len) : 0;
}

// Digits glued to the words around them in a copy that lost its separators:
// "数量640020470二、上年结转", "行政许可447228", "0000000(二)部分公开",
// "政府信息2200003252.没有现成信息" (the last 2 is the 2. of the next label).
// Each run of digits after a Chinese character or a bracket, before a word
// that is not a counter (件, 年, %), becomes a token of its own; a run's last
// digit followed by "." or "、" and a word is the next label's enumerator.
void split_glued_numbers(std::string_view text, std::vector<Token>& tokens) {
    // Most lines have no glued number: `out` is written only from the first
    // token that splits, with the tokens before it copied then.
    std::vector<Token> out;
    bool split = false;
    for (size_t k = 0; k < tokens.size(); ++k) {
        const Token& tok = tokens[k];
        if (tok.kind != TokenKind::Text) {
            if (split) out.push_back(tok);
            continue;
        }
        size_t from = tok.begin;  // start of what is not yet emitted
        size_t i = tok.begin;
        while (i < tok.end) {
            if (!is_digit(text[i])) {
                ++i;
                continue;
            }
            size_t a = i, b = i;
            while (b < tok.end && (is_digit(text[b]) || ((text[b] == ',' || text[b] == '.') && b + 1 < tok.end &&
                                                         is_digit(text[b + 1]))))
                ++b;
            i = b;
            const unsigned char left = a > tok.begin ? static_cast<unsigned char>(text[a - 1]) : 0;
            if (a > tok.begin && left < 0x80 && left != ')') continue;
            if (a >= tok.begin + 3 && (text.substr(a - 3, 3) == "第" || text.substr(a - 3, 3) == "共")) continue;
            size_t num_end = b;
            bool enumerator = false;
            if (b < tok.end && (text[b] == '.' || text.substr(b, 3) == "、") && is_digit(text[b - 1]) &&
                !(b + 1 < tok.end && is_digit(text[b + 1]))) {
                num_end = b - 1;  // "…3252.没有" : 325 | 2.没有
                enumerator = true;
            }
            if (num_end == a) continue;  // the run is the enumerator itself: "1.属于"
            if (!enumerator && num_end < tok.end) {
                const unsigned char right = static_cast<unsigned char>(text[num_end]);
                if (right < 0x80 && right != '(') continue;
                if (right >= 0x80 && is_counter(cp_at(text, num_end))) continue;
            }
            const std::string_view num = text.substr(a, num_end - a);
            if (!is_number(num)) continue;
            if (!split) {
                out.reserve(tokens.size() + 4);
                out.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(k));
                split = true;
            }
            if (a > from) out.push_back({TokenKind::Text, from, a, text.substr(from, a - from)});
            out.push_back({TokenKind::Number, a, num_end, num});
            from = num_end;
            i = num_end;
        }
        if (!split) continue;
        if (from == tok.begin) out.push_back(tok);
        else if (from < tok.end) out.push_back({TokenKind::Text, from, tok.end, text.substr(from, tok.end - from)});
    }
    if (split) tokens.swap(out);
}

// "- 4 -" inside a line, next to words: a PDF page footer that a copy
// without line breaks ran into the text ("第二十条 第（六）项 - 4 - 信息内容").
void drop_inline_page_numbers(std::vector<Token>& tokens) {
    auto dash = [](const Token& t) { return t.text == "-" || t.text == "—" || t.text == "–"; };
    auto page = [](const Token& t) {
        if (t.text.empty() || t.text.size() > 3) return false;
        for (char c : t.text)
            if (!is_digit(c)) return false;
        return true;
    };
    for (size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (!dash(tokens[k]) || !page(tokens[k + 1]) || !dash(tokens[k + 2])) continue;
        const bool word_before = k > 0 && classify_token(tokens[k - 1].text) == TokenKind::Text;
        const bool word_after = k + 3 < tokens.size() && classify_token(tokens[k + 3].text) == TokenKind::Text;
        if (!word_before && !word_after) continue;
        tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(k), tokens.begin() + static_cast<std::ptrdiff_t>(k + 3));
    }
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
    split_glued_numbers(text, tokens);
    drop_inline_page_numbers(tokens);
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

    line.blank = tokens.empty();
    split_values(line, tokens.data(), tokens.size());
    return line;
}

namespace {

// Sentence marks outside brackets: "（区分处理的，只计这一情形）" is a label,
// "共 3 件，其中…" is prose.
bool sentence_like(std::string_view text, const Token* tokens, size_t n) {
    int depth = 0;
    for (size_t k = 0; k < n; ++k) {
        const std::string_view t = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
        for (size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '(') ++depth;
            else if (t[i] == ')') depth = depth > 0 ? depth - 1 : 0;
            else if (depth == 0 && (t.substr(i, 3) == "。" || t.substr(i, 3) == "，" || t.substr(i, 3) == "；" ||
                                    t[i] == ';' || t.substr(i, 3) == "！" || t.substr(i, 3) == "？"))
                return true;
        }
    }
    return false;
}

// Does a new row start at tokens[k], a word after a row's numbers on the same
// line? Where a copy lost its line breaks, every row follows the one before on
// one line: "…数量 64 0 0 2 0 4 70 二、上年结转…". Not where the words after
// the number continue a sentence ("3 件，其中…", "68%").
bool row_starts_at(std::string_view text, const Token* tokens, size_t n, size_t k) {
    if (tokens[k].kind != TokenKind::Text) return false;
    size_t v = k;
    while (v > 0 && tokens[v - 1].kind == TokenKind::Empty) --v;
    if (v == 0 || tokens[v - 1].kind != TokenKind::Number) return false;
    if (is_counter(cp_at(text, tokens[k].begin))) return false;
    size_t e = k;  // the words up to the next number
    while (e < n && tokens[e].kind != TokenKind::Number) ++e;
    return !sentence_like(text, tokens + k, e - k);
}

}  // namespace

void split_values(LineTokens& line, const Token* tokens, size_t count) {
    // Trailing run of values; trailing empty cells are kept apart (layout, or
    // blanks: the table reader tells which).
    size_t n = count;
    while (n > 0 && tokens[n - 1].kind == TokenKind::Empty) --n;
    size_t start = n;
    while (start > 0 && tokens[start - 1].kind != TokenKind::Text) --start;
    // Empty cells between the label and the first value are merged label cells.
    size_t first = start;
    while (first < n && tokens[first].kind == TokenKind::Empty) ++first;
    // Blank markers standing apart at the end of a line are a row's cells,
    // also when the row has no number ("1.属于国家秘密 — — — — — — —",
    // "行政许可 —"); one glued to a word ("本年度无") is part of the word.
    size_t labels = 0;
    for (size_t i = 0; i < first; ++i) labels += tokens[i].kind != TokenKind::Empty;
    line.label.clear();
    line.label.reserve(labels);
    for (size_t i = 0; i < first; ++i)
        if (tokens[i].kind != TokenKind::Empty) line.label.push_back(tokens[i]);
    line.values.assign(tokens + first, tokens + n);
    line.trailing_empty.assign(tokens + n, tokens + count);
}

std::vector<LineTokens> tokenize_lines(std::string_view text, size_t begin, size_t end) {
    std::vector<LineTokens> lines;
    std::vector<Token> scratch;
    size_t pos = begin;
    while (pos < end && lines.size() < kMaxTableLines) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos || nl > end) nl = end;
        if (nl - pos > kMaxTableLineBytes) {  // its end, from a word's start
            pos = nl - kMaxTableLineBytes;
            while (pos < nl && text[pos] != ' ' && text[pos] != '\t') ++pos;
        }
        LineTokens line = tokenize_line(text, pos, nl, scratch);
        if (line.blank) {  // nothing on it: no reader looks at it
            pos = nl + 1;
            continue;
        }
        // Rows that follow each other on one line are lines of their own.
        size_t from = 0;
        for (size_t k = 1; k < scratch.size() && !line.page_number; ++k) {
            if (!row_starts_at(text, scratch.data(), scratch.size(), k)) continue;
            LineTokens row;
            row.tabbed = line.tabbed;
            row.blank = false;
            row.begin = from == 0 ? line.begin : scratch[from].begin;
            row.end = scratch[k].begin;
            split_values(row, scratch.data() + from, k - from);
            lines.push_back(std::move(row));
            from = k;
        }
        if (from > 0) {
            line.begin = scratch[from].begin;
            split_values(line, scratch.data() + from, scratch.size() - from);
        }
        lines.push_back(std::move(line));
        pos = nl + 1;
    }
    return lines;
}

}  // namespace nianbao
