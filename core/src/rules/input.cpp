// Rules about the input as a whole: nothing there, undecodable bytes, or text
// that is not an annual report at all. When one of these fires, the other
// families stay silent: dozens of "section missing" help nobody.
#include "rules/registry.h"

namespace nianbao {

namespace {

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::InputEmpty, Severity::Error)
            .title("输入为空", "Input is empty")
            .checks("输入为空，或只有空白字符。",
                    "The input is empty or white space only.")
            .matters("没有可检查的内容。",
                     "There is nothing to check: usually the copy or the file went wrong.")
            .for_example("（空文本）")
            .based_on("—"),
        RuleDoc(Rule::InputEncoding, Severity::Error)
            .title("无法识别的文字编码", "Unrecognised text encoding")
            .checks("输入的字节既不是有效的 UTF-8，也不是 GB18030（命令行会自动识别 GB18030；网页在读取文件时解码）。",
                    "The bytes are neither valid UTF-8 nor GB18030 (the CLI detects GB18030 by itself; the page decodes files before checking).")
            .matters("编码错误会让文字变成乱码，表格和数字无法读取。",
                     "Undecodable text would be read as garbage and give meaningless findings.")
            .for_example("用 Big5 或二进制格式保存的文件")
            .based_on("—"),
        RuleDoc(Rule::InputNotReport, Severity::Error)
            .title("不像政府信息公开工作年度报告", "Does not look like an annual report")
            .checks("文本中找不到年度报告的任何一部分（标题、六个部分和三张表格都没有）。只报告一次，不再逐项报告缺失。",
                    "The text does not look like an annual report at all: neither its title nor any of its sections or tables was found. One finding, not dozens.")
            .matters("可能粘贴错了文件，或粘贴的内容不完整。",
                     "Checking a wrong document would only produce noise.")
            .for_example("一篇新闻稿或通知")
            .based_on("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"),
        RuleDoc(Rule::InputTooLarge, Severity::Error)
            .title("输入过大", "Input too large")
            .checks("输入（或上年报告）超过可检查的大小上限（命令行 64 MB，网页更小），未作检查。",
                    "The input is larger than the checker reads (64 MB natively; the page's module reads up to its memory budget). Nothing is read.")
            .matters("一份年度报告通常不过几十 KB；过大的输入多半是粘贴错了，检查它会耗尽内存。",
                     "A huge paste must not exhaust memory or freeze the page; no real report comes close.")
            .for_example("一个 100 MB 的文件")
            .based_on("—"),
    };
    return d;
}

const std::vector<MessageSpec>& messages() {
    static const std::vector<MessageSpec> m = {
        {Msg::InputEmptyEmpty, "输入为空：没有可检查的文字。",
         "The input is empty: there is no text to check.",
         "粘贴或拖入年度报告全文。",
         "Paste or drop the full text of the report."},
        {Msg::InputEncodingBytes, "输入中有无法按 UTF-8 或 GB18030 解码的字节，已用 � 代替。",
         "Some bytes are neither UTF-8 nor GB18030; they were replaced by �.",
         "将文件另存为 UTF-8 编码的文本后再检查。",
         "Save the file as UTF-8 text and check it again."},
        {Msg::InputEncodingBinary, "输入像是二进制文件（如 Word 或 PDF 原文件），不是文本。",
         "The input looks like a binary file (such as a Word or PDF file), not text.",
         "复制报告的文字粘贴进来，或另存为 .txt 文件。",
         "Copy the report's text, or save it as a .txt file."},
        {Msg::InputEncodingPrivateUse, "文字是嵌入字体的私用区编码（共 {count} 个），无法识别为汉字，未作检查。",
         "The text is in private-use code points of an embedded font ({count} of them): it cannot be read as characters and was not checked.",
         "用原编辑软件另存为 Word 或文本后检查，或在阅读器中选择“复制文字”确认能否得到正常汉字。",
         "Save it from its editor as Word or text and check that, or copy its text from a reader and see whether the characters come out."},
        {Msg::InputNotReportNone, "找不到年度报告的任何部分（标题、“一、总体情况”等六个部分和三张表格都没有）。",
         "None of the report's parts were found (neither its title, nor the six sections such as 一、总体情况, nor the three tables).",
         "确认粘贴的是政府信息公开工作年度报告全文。",
         "Make sure this is the full text of an annual report."},
        {Msg::InputTooLargeText, "输入有 {size} 字节，超过 {limit} 字节的上限，未作检查。",
         "The input has {size} bytes, more than the limit of {limit} bytes; it was not checked.",
         "只粘贴一份年度报告的全文。",
         "Paste the text of one annual report only."},
        {Msg::InputTooLargePrevious, "上年报告有 {size} 字节，超过 {limit} 字节的上限，未用于跨年度检查。",
         "Last year's report has {size} bytes, more than the limit of {limit} bytes; the across-year checks were skipped.",
         "只提供上年的一份年度报告。",
         "Give last year's report only."},
    };
    return m;
}

// Whitespace only: ASCII white space, and the blanks a paste brings along:
// U+3000 ideographic space, U+00A0 no-break space, U+FEFF BOM, U+200B.
bool blank(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
            continue;
        }
        const std::string_view rest = s.substr(i);
        if (rest.substr(0, 2) == "\xC2\xA0") i += 2;
        else if (rest.substr(0, 3) == "\xE3\x80\x80" || rest.substr(0, 3) == "\xEF\xBB\xBF" ||
                 rest.substr(0, 3) == "\xE2\x80\x8B") i += 3;
        else return false;
    }
    return true;
}

// Private-use code points (U+E000–U+F8FF) among the CJK and private-use
// characters: how many, and where the first is.
struct PrivateUse {
    size_t count = 0, cjk = 0;
    uint32_t first = 0;
};

PrivateUse count_private_use(std::string_view s) {
    PrivateUse p;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len == 3 && i + 1 < s.size()) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            const bool pua = c == 0xEE || (c == 0xEF && c1 < 0xA4);
            if (pua && p.count++ == 0) p.first = static_cast<uint32_t>(i);
            p.cjk += !pua && c >= 0xE4 && c <= 0xE9;
        }
        i += len;
    }
    return p;
}

void run(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    if (ctx.input_encoding_error) out.emit(ctx.input_binary ? Msg::InputEncodingBinary : Msg::InputEncodingBytes, {0, 0});
    const Span pua = private_use_text(r);
    if (!pua.empty())
        out.emit(Msg::InputEncodingPrivateUse, pua, {{"count", std::to_string(count_private_use(r.source).count)}});
    if (blank(r.source)) {
        out.emit(Msg::InputEmptyEmpty, {0, static_cast<uint32_t>(r.source.size())});
        return;
    }
}

}  // namespace

bool input_is_empty(const Report& r) { return blank(r.source); }

Span private_use_text(const Report& r) {
    // A few private-use characters are symbols a font maps there; a text of
    // them (a third or more of its characters) is unreadable.
    const PrivateUse p = count_private_use(r.source);
    if (p.count < 20 || p.count * 3 < p.count + p.cjk) return {};
    size_t len = 3;
    return {p.first, static_cast<uint32_t>(p.first + len)};
}

bool input_is_not_report(const Report& r) {
    // A title naming 政府信息公开工作年度报告 makes it a report, however little follows.
    if (r.title_span && r.title_names_disclosure) return false;
    for (const auto& s : r.sections)
        if (s.found) return false;
    return !r.table2.found && !r.table3.found && !r.table4.found;
}

// input-not-report is emitted by check() itself (see check.cpp), because it
// decides whether the other families run at all.
const RuleCheck& input_checks() {
    static const RuleCheck check{docs(), messages(), {}, run};
    return check;
}

}  // namespace nianbao
