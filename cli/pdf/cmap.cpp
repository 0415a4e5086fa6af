#include "pdf/cmap.h"

#include <cstdlib>

namespace cli::pdf {

namespace {

enum class Tok { End, Hex, Literal, Name, Number, Word, ArrayOpen, ArrayClose, Other };

struct Token {
    Tok type = Tok::End;
    std::string text;  // bytes of a string, a name without '/', a word, a number
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    Token next() {
        Token t;
        while (at_ < s_.size()) {
            if (is_space(s_[at_])) {
                ++at_;
            } else if (s_[at_] == '%') {
                while (at_ < s_.size() && s_[at_] != '\n' && s_[at_] != '\r') ++at_;
            } else {
                break;
            }
        }
        if (at_ >= s_.size()) return t;
        const char c = s_[at_];
        if (c == '<' && at_ + 1 < s_.size() && s_[at_ + 1] == '<') {
            at_ += 2;
            t.type = Tok::Other;
        } else if (c == '>' && at_ + 1 < s_.size() && s_[at_ + 1] == '>') {
            at_ += 2;
            t.type = Tok::Other;
        } else if (c == '<') {
            t.type = Tok::Hex;
            int high = -1;
            for (++at_; at_ < s_.size() && s_[at_] != '>'; ++at_) {
                const int v = hex_value(s_[at_]);
                if (v < 0) continue;  // white space inside
                if (high < 0) {
                    high = v;
                } else {
                    t.text += static_cast<char>(high << 4 | v);
                    high = -1;
                }
            }
            if (high >= 0) t.text += static_cast<char>(high << 4);  // odd digit count: a trailing 0
            ++at_;
        } else if (c == '(') {
            t.type = Tok::Literal;
            literal(t.text);
        } else if (c == '[') {
            ++at_;
            t.type = Tok::ArrayOpen;
        } else if (c == ']') {
            ++at_;
            t.type = Tok::ArrayClose;
        } else if (c == '/') {
            t.type = Tok::Name;
            for (++at_; at_ < s_.size() && !is_space(s_[at_]) && !is_delimiter(s_[at_]); ++at_) t.text += s_[at_];
        } else if (is_delimiter(c)) {
            ++at_;
            t.type = Tok::Other;
        } else {
            for (; at_ < s_.size() && !is_space(s_[at_]) && !is_delimiter(s_[at_]); ++at_) t.text += s_[at_];
            const char f = t.text[0];
            t.type = (f >= '0' && f <= '9') || f == '-' || f == '+' || f == '.' ? Tok::Number : Tok::Word;
        }
        return t;
    }

private:
    void literal(std::string& out) {
        int depth = 1;
        for (++at_; at_ < s_.size(); ++at_) {
            char c = s_[at_];
            if (c == '\\' && at_ + 1 < s_.size()) {
                c = s_[++at_];
                if (c >= '0' && c <= '7') {
                    int v = 0;
                    for (int k = 0; k < 3 && at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '7'; ++k, ++at_)
                        v = v * 8 + (s_[at_] - '0');
                    --at_;
                    out += static_cast<char>(v & 0xFF);
                    continue;
                }
                switch (c) {
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case '\r':
                    case '\n': break;  // a line continued
                    default: out += c;
                }
                continue;
            }
            if (c == '(') ++depth;
            if (c == ')' && --depth == 0) {
                ++at_;
                return;
            }
            out += c;
        }
    }

    std::string_view s_;
    size_t at_ = 0;
};

bool code_of(const Token& t, uint32_t& code, int& bytes) {
    if ((t.type != Tok::Hex && t.type != Tok::Literal) || t.text.empty() || t.text.size() > 4) return false;
    code = 0;
    for (unsigned char c : t.text) code = code << 8 | c;
    bytes = static_cast<int>(t.text.size());
    return true;
}

bool number_of(const Token& t, uint32_t& n) {
    if (t.type != Tok::Number) return false;
    const long v = std::strtol(t.text.c_str(), nullptr, 10);
    if (v < 0 || v > 0xFFFFFFL) return false;
    n = static_cast<uint32_t>(v);
    return true;
}

// The destination of bfrange's start form, code by code: the last byte
// counts up, carrying into the ones before (pdf.js does the same).
void increment(std::string& bytes) {
    for (size_t k = bytes.size(); k-- > 0;) {
        auto& b = reinterpret_cast<unsigned char&>(bytes[k]);
        if (++b != 0) return;
    }
}

class Builder {
public:
    Builder(CMap& map, size_t& entries_left) : map_(map), left_(entries_left) {}

    bool full() const { return left_ == 0; }

    void unicode(uint32_t code, int bytes, const std::string& utf16) {
        if (full()) return;
        --left_;
        // A code stands for a character or a few (a ligature): 32 UTF-16 units at most.
        map_.unicode[CMap::key(code, bytes)] = utf16be_to_utf8(std::string_view(utf16).substr(0, 64));
    }
    void cid(uint32_t code, int bytes, uint32_t cid) {
        if (full()) return;
        --left_;
        map_.cid[CMap::key(code, bytes)] = cid;
    }

private:
    CMap& map_;
    size_t& left_;
};

uint32_t range_end(uint32_t low, uint32_t high) {
    return high - low >= kMaxRange ? low + kMaxRange - 1 : high;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | cp >> 6);
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | cp >> 12);
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | cp >> 18);
        out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string utf16be_to_utf8(std::string_view bytes) {
    std::string out;
    for (size_t k = 0; k + 1 < bytes.size(); k += 2) {
        uint32_t u = static_cast<unsigned char>(bytes[k]) << 8 | static_cast<unsigned char>(bytes[k + 1]);
        if (u >= 0xD800 && u <= 0xDBFF && k + 3 < bytes.size()) {
            const uint32_t low = static_cast<unsigned char>(bytes[k + 2]) << 8 | static_cast<unsigned char>(bytes[k + 3]);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                k += 2;
                continue;
            }
        }
        append_utf8(out, u);  // a lone surrogate becomes U+FFFD
    }
    if (bytes.size() % 2) append_utf8(out, static_cast<unsigned char>(bytes.back()));  // one byte: as Latin-1
    return out;
}

int CMap::code_length(std::string_view s) const {
    if (codespace.empty() || s.empty()) return 0;
    const int have = s.size() < 4 ? static_cast<int>(s.size()) : 4;
    uint32_t code = 0;
    for (int n = 1; n <= have; ++n) {
        code = code << 8 | static_cast<unsigned char>(s[n - 1]);
        for (const auto& r : codespace)
            if (r.bytes == n && code >= r.low && code <= r.high) return n;
    }
    int shortest = 4;
    for (const auto& r : codespace)
        if (r.bytes < shortest) shortest = r.bytes;
    return shortest < have ? shortest : have;
}

const std::string* CMap::unicode_of(uint32_t code, int bytes) const {
    const auto it = unicode.find(key(code, bytes));
    return it == unicode.end() ? nullptr : &it->second;
}

CMap parse_cmap(std::string_view text, size_t& entries_left) {
    CMap map;
    Builder add(map, entries_left);
    Lexer lex(text);
    for (Token t = lex.next(); t.type != Tok::End; t = lex.next()) {
        if (t.type != Tok::Word) continue;
        if (t.text == "begincodespacerange") {
            for (Token a = lex.next(); a.type != Tok::End && a.text != "endcodespacerange"; a = lex.next()) {
                const Token b = lex.next();
                uint32_t low = 0, high = 0;
                int nl = 0, nh = 0;
                if (code_of(a, low, nl) && code_of(b, high, nh) && nl == nh && map.codespace.size() < 256)
                    map.codespace.push_back({nl, low, high});
            }
        } else if (t.text == "beginbfchar") {
            for (Token a = lex.next(); a.type != Tok::End && a.text != "endbfchar"; a = lex.next()) {
                const Token b = lex.next();
                uint32_t code = 0;
                int n = 0;
                if (code_of(a, code, n) && (b.type == Tok::Hex || b.type == Tok::Literal)) add.unicode(code, n, b.text);
            }
        } else if (t.text == "beginbfrange") {
            for (Token a = lex.next(); a.type != Tok::End && a.text != "endbfrange"; a = lex.next()) {
                const Token b = lex.next();
                Token c = lex.next();
                uint32_t low = 0, high = 0;
                int nl = 0, nh = 0;
                const bool ok = code_of(a, low, nl) && code_of(b, high, nh) && nl == nh && low <= high;
                if (c.type == Tok::ArrayOpen) {
                    // The array form: one destination per code.
                    uint32_t code = low;
                    for (Token d = lex.next(); d.type != Tok::End && d.type != Tok::ArrayClose; d = lex.next()) {
                        if (ok && code <= range_end(low, high) && (d.type == Tok::Hex || d.type == Tok::Literal))
                            add.unicode(code, nl, d.text);
                        ++code;
                    }
                } else if (ok && (c.type == Tok::Hex || c.type == Tok::Literal) && !c.text.empty()) {
                    const uint32_t end = range_end(low, high);
                    for (uint32_t code = low;; ++code) {
                        add.unicode(code, nl, c.text);
                        if (code == end || add.full()) break;
                        increment(c.text);
                    }
                }
            }
        } else if (t.text == "begincidchar") {
            for (Token a = lex.next(); a.type != Tok::End && a.text != "endcidchar"; a = lex.next()) {
                const Token b = lex.next();
                uint32_t code = 0, cid = 0;
                int n = 0;
                if (code_of(a, code, n) && number_of(b, cid)) add.cid(code, n, cid);
            }
        } else if (t.text == "begincidrange") {
            for (Token a = lex.next(); a.type != Tok::End && a.text != "endcidrange"; a = lex.next()) {
                const Token b = lex.next(), c = lex.next();
                uint32_t low = 0, high = 0, cid = 0;
                int nl = 0, nh = 0;
                if (!code_of(a, low, nl) || !code_of(b, high, nh) || nl != nh || low > high || !number_of(c, cid))
                    continue;
                const uint32_t end = range_end(low, high);
                for (uint32_t code = low;; ++code) {
                    add.cid(code, nl, cid + (code - low));
                    if (code == end || add.full()) break;
                }
            }
        }
    }
    return map;
}

}  // namespace cli::pdf
