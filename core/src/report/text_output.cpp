// Human output, like a compiler's: file:line:col, severity, id, message, the
// line with the span underlined, the fix.
#include "nianbao/nianbao.h"
#include "normalize/normalize.h"

namespace nianbao {

namespace {

int display_width(char32_t c) {
    if (c == U'\t') return 4;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000)
        return 2;
    return 1;
}

// The source line, tabs as spaces, and a caret line under [from, to).
void underline(std::string& out, std::string_view src, Span line, Span mark) {
    std::string text, carets;
    for (size_t i = line.begin; i < line.end;) {
        int len = 1;
        char32_t c = decode_at(src, i, &len);
        int w = display_width(c);
        if (c == U'\t') text += "    ";
        else text.append(src.substr(i, len));
        bool in = i >= mark.begin && i < mark.end;
        carets.append(static_cast<size_t>(w), in ? '^' : ' ');
        i += len;
    }
    while (!carets.empty() && carets.back() == ' ') carets.pop_back();
    if (mark.begin >= line.end && carets.empty()) carets = std::string(1, '^');
    out += "    | " + text + "\n";
    if (!carets.empty()) out += "    | " + carets + "\n";
}

}  // namespace

std::string result_to_text(const Result& result, std::string_view file_name, const Options& options) {
    const bool en = options.lang == "en";
    const Report& r = result.report;
    LineIndex lines(r.source);
    std::string out;
    for (const auto& f : result.findings) {
        const Location& loc = f.location;
        out += std::string(file_name) + ":" + std::to_string(loc.start.line) + ":" + std::to_string(loc.start.column) +
               ": " + severity_name(f.severity) + "[" + f.id + "]: " + (en ? f.message_en : f.message_zh) + "\n";
        if (!f.arithmetic.empty()) out += "    = " + f.arithmetic + "\n";
        if (!r.source.empty()) {
            Span line = lines.line_span(f.span.begin);
            Span mark{f.span.begin, std::min(f.span.end, line.end)};
            if (line.size() <= 400) underline(out, r.source, line, mark);
        }
        const std::string& fix = en ? f.fix_en : f.fix_zh;
        if (!fix.empty()) out += std::string("    = ") + (en ? "fix: " : "修改：") + fix + "\n";
    }
    if (en)
        out += std::string(file_name) + ": " + (result.errors ? "FAIL" : "PASS") + " — " +
               std::to_string(result.errors) + " errors, " + std::to_string(result.warnings) + " warnings, " +
               std::to_string(result.infos) + " notes\n";
    else
        out += std::string(file_name) + "：" + (result.errors ? "未通过" : "通过") + " — " +
               std::to_string(result.errors) + " 个错误、" + std::to_string(result.warnings) + " 个警告、" +
               std::to_string(result.infos) + " 个提示\n";
    return out;
}

}  // namespace nianbao
