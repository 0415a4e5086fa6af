#include "pdf/lexer.h"

#include <cstdlib>

namespace cli::pdf {

namespace {

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
bool starts_number(char c) { return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'; }

}  // namespace

void Lexer::skip_space() {
    while (at_ < s_.size()) {
        if (is_space(s_[at_])) {
            ++at_;
        } else if (s_[at_] == '%') {
            while (at_ < s_.size() && s_[at_] != '\n' && s_[at_] != '\r') ++at_;
        } else {
            return;
        }
    }
}

std::string Lexer::regular() {
    const size_t from = at_;
    while (at_ < s_.size() && !is_space(s_[at_]) && !is_delimiter(s_[at_])) ++at_;
    return std::string(s_.substr(from, at_ - from));
}

std::string Lexer::literal() {
    std::string out;
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
                    if (at_ + 1 < s_.size() && s_[at_ + 1] == '\n') ++at_;
                    break;  // a line continued
                case '\n': break;
                default: out += c;  // \( \) \\ and an unknown escape: the character
            }
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) {
            ++at_;
            return out;
        }
        out += c;
    }
    return out;
}

std::string Lexer::hex() {
    std::string out;
    int high = -1;
    for (++at_; at_ < s_.size() && s_[at_] != '>'; ++at_) {
        const int v = hex_value(s_[at_]);
        if (v < 0) continue;
        if (high < 0) {
            high = v;
        } else {
            out += static_cast<char>(high << 4 | v);
            high = -1;
        }
    }
    if (high >= 0) out += static_cast<char>(high << 4);
    if (at_ < s_.size()) ++at_;
    return out;
}

void Lexer::skip_dictionary() {
    at_ += 2;
    int depth = 1;
    while (at_ < s_.size() && depth > 0) {
        const char c = s_[at_];
        if (c == '(') {
            literal();
        } else if (c == '<' && at_ + 1 < s_.size() && s_[at_ + 1] == '<') {
            ++depth;
            at_ += 2;
        } else if (c == '>' && at_ + 1 < s_.size() && s_[at_ + 1] == '>') {
            --depth;
            at_ += 2;
        } else if (c == '<') {
            hex();
        } else if (c == '%') {
            skip_space();
        } else {
            ++at_;
        }
    }
}

// BI <key value>… ID <data> EI: the data ends at an EI standing alone.
void Lexer::skip_inline_image() {
    Operand o;
    for (;;) {
        if (object(o, 0)) continue;
        if (op_.empty() || op_ == "ID") break;
    }
    if (op_.empty()) return;
    if (at_ < s_.size()) ++at_;  // the one white-space character after ID
    for (size_t k = at_; k + 1 < s_.size(); ++k) {
        if (s_[k] != 'E' || s_[k + 1] != 'I') continue;
        const bool before = k == at_ || is_space(s_[k - 1]);
        const bool after = k + 2 == s_.size() || is_space(s_[k + 2]) || is_delimiter(s_[k + 2]);
        if (before && after) {
            at_ = k + 2;
            return;
        }
    }
    at_ = s_.size();
}

bool Lexer::object(Operand& out, int depth) {
    op_.clear();
    out = Operand();
    skip_space();
    if (at_ >= s_.size()) return false;
    const char c = s_[at_];
    if (c == '/') {
        ++at_;
        const std::string raw = regular();
        out.type = Operand::Type::Name;
        for (size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '#' && k + 2 < raw.size() && hex_value(raw[k + 1]) >= 0 && hex_value(raw[k + 2]) >= 0) {
                out.text += static_cast<char>(hex_value(raw[k + 1]) << 4 | hex_value(raw[k + 2]));
                k += 2;
            } else {
                out.text += raw[k];
            }
        }
        return true;
    }
    if (c == '(') {
        out.type = Operand::Type::String;
        out.text = literal();
        return true;
    }
    if (c == '<') {
        if (at_ + 1 < s_.size() && s_[at_ + 1] == '<') {
            skip_dictionary();
        } else {
            out.type = Operand::Type::String;
            out.text = hex();
        }
        return true;
    }
    if (c == '[') {
        ++at_;
        out.type = Operand::Type::Array;
        for (;;) {
            skip_space();
            if (at_ >= s_.size()) return true;
            if (s_[at_] == ']') {
                ++at_;
                return true;
            }
            Operand item;
            if (depth < kMaxNesting) {
                if (!object(item, depth + 1)) {
                    if (op_.empty()) return true;
                    op_.clear();  // a keyword inside an array: no operator there
                    item.type = Operand::Type::Other;
                }
            } else {
                ++at_;  // too deep: skipped a byte at a time
                continue;
            }
            if (out.items.size() < kMaxArray) out.items.push_back(std::move(item));
        }
    }
    if (is_delimiter(c)) {
        ++at_;  // a stray ] > ) { }
        return true;
    }
    std::string word = regular();
    if (starts_number(word[0])) {
        out.type = Operand::Type::Number;
        out.number = std::strtod(word.c_str(), nullptr);
        return true;
    }
    if (word == "true" || word == "false" || word == "null") return true;
    op_ = std::move(word);
    return false;
}

bool Lexer::next(std::string& op, std::vector<Operand>& operands, size_t& objects_left) {
    operands.clear();
    for (;;) {
        if (objects_left == 0) return false;
        --objects_left;
        Operand o;
        if (object(o, 0)) {
            // Operands no operator takes that many of: the first ones go, half at a time.
            if (operands.size() >= 2 * kMaxOperands) operands.erase(operands.begin(), operands.begin() + kMaxOperands);
            operands.push_back(std::move(o));
            continue;
        }
        if (op_.empty()) return false;
        op = op_;
        if (op == "BI") skip_inline_image();
        return true;
    }
}

}  // namespace cli::pdf
