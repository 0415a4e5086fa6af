// A content stream's bytes as operators with their operands (PDF 32000 7.8.2).
// Ours rather than qpdf's parseContentStream, which builds an object for each
// token: 1.7 us an operand here against some 30 ns, and a content stream is
// where a hostile file puts its millions of operators. Only what text
// extraction reads is kept: numbers, names, strings, arrays of them;
// dictionaries and inline images are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cli::pdf {

struct Operand {
    enum class Type { Number, Name, String, Array, Other };
    Type type = Type::Other;
    double number = 0;
    std::string text;            // a name (without '/', #xx decoded) or a string's bytes
    std::vector<Operand> items;  // an array's

    bool is_number() const { return type == Type::Number; }
    bool is_name() const { return type == Type::Name; }
    bool is_string() const { return type == Type::String; }
    bool is_array() const { return type == Type::Array; }
};

class Lexer {
public:
    explicit Lexer(std::string_view bytes) : s_(bytes) {}
    // The next operator and the operands before it (at least the last
    // kMaxOperands of them); false at the end, or when `objects_left`
    // (operators and operands, each one) runs out.
    bool next(std::string& op, std::vector<Operand>& operands, size_t& objects_left);

    static constexpr size_t kMaxOperands = 64;
    static constexpr size_t kMaxArray = 1u << 20;  // elements kept of one array
    static constexpr int kMaxNesting = 8;          // arrays in arrays

private:
    bool object(Operand& out, int depth);  // false at the end or at an operator (then in op_)
    void skip_space();
    void skip_dictionary();
    void skip_inline_image();
    std::string literal();
    std::string hex();
    std::string regular();

    std::string_view s_;
    size_t at_ = 0;
    std::string op_;
};

}  // namespace cli::pdf
