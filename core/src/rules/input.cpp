// Rules about the input as a whole: nothing there, undecodable bytes, or text
// that is not an annual report at all. When one of these fires, the other
// families stay silent: dozens of "section missing" help nobody.
#include "nianbao/limits.h"
#include "rules/registry.h"
#include "text/swar.h"

namespace nianbao {

namespace {

// input-too-large's doc states the limit.
static_assert(kMaxInputBytes == 8388608, "update the limit in input-too-large's doc");

const std::vector<RuleDoc>& docs() {
    static const std::vector<RuleDoc> d = {
        RuleDoc(Rule::InputEmpty, Severity::Error)
            .title("输入为空", "Input is empty")
            .checks("输入为空，或只有空白字符。",
                    "The input is empty or white space only.")
            .matters("没有可检查的内容。",
                     "There is nothing to check: usually the copy or the file went wrong.")
            .for_example("（空文本）",
                         "(an empty text)")
            .based_on("—"),
        RuleDoc(Rule::InputEncoding, Severity::Error)
            .title("无法识别的文字编码", "Unrecognised text encoding")
            .checks("文本中有无法解码的字节（显示为 �），或像是二进制文件。文件的编码由同一个解码器识别（命令行和网页相同：UTF-8、GB18030、UTF-16，有无 BOM 均可）；少数坏字节不改变识别结果，只在这里指出第一处。",
                    "The text has bytes that could not be decoded (shown as �), or looks like a binary file. A file's encoding is found by one decoder, in the CLI and the page alike (UTF-8, GB18030, UTF-16 with or without BOM); a few bad bytes do not change it, and this points at the first.")
            .matters("编码错误会让文字变成乱码，表格和数字无法读取。",
                     "Undecodable text would be read as garbage and give meaningless findings.")
            .for_example("用 Big5 或二进制格式保存的文件",
                         "A file saved as Big5, or a binary file")
            .based_on("—"),
        RuleDoc(Rule::InputNotReport, Severity::Error)
            .title("不像政府信息公开工作年度报告", "Does not look like an annual report")
            .checks("文本中找不到年度报告的任何一部分（标题、六个部分和三张表格都没有）。只报告一次，不再逐项报告缺失。",
                    "The text does not look like an annual report at all: neither its title nor any of its sections or tables was found. One finding, not dozens.")
            .matters("可能粘贴错了文件，或粘贴的内容不完整。",
                     "Checking a wrong document would only produce noise.")
            .for_example("一篇新闻稿或通知",
                         "A press release or a notice")
            .based_on("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"),
        RuleDoc(Rule::InputTooLarge, Severity::Error)
            .title("输入过大", "Input too large")
            .checks("输入（或上年报告）超过可检查的大小上限（8 MB，即 8388608 字节，命令行和网页相同；文件按其字节数计，粘贴的文字按 UTF-8 字节数计），未作检查。",
                    "The input (or last year's report) is larger than the checker reads (8 MB, 8388608 bytes, in the CLI and the page alike; a file counts its bytes, a pasted text its UTF-8 bytes). Nothing is read.")
            .matters("一份年度报告通常不过几十 KB；过大的输入多半是粘贴错了，检查它会耗尽内存。",
                     "A huge paste must not exhaust memory or freeze the page; no real report comes close.")
            .for_example("一个 100 MB 的文件",
                         "A 100 MB file")
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
        {Msg::InputEncodingBytes, "文本中有 {count} 处无法解码的字节，已用 � 代替，这是第一处；这些地方原有的文字已丢失。",
         "The text has {count} {count|place|places} where bytes could not be decoded, replaced by �; this is the first. What was written there is lost.",
         "对照原文补上这些文字，或将原文件另存为 UTF-8 编码的文本后再检查。",
         "Restore the text there from the original, or save the original as UTF-8 text and check it again."},
        {Msg::InputEncodingBinary, "输入像是二进制文件（如 Word 或 PDF 原文件），不是文本。",
         "The input looks like a binary file (such as a Word or PDF file), not text.",
         "复制报告的文字粘贴进来，或另存为 .txt 文件。",
         "Copy the report's text, or save it as a .txt file."},
        {Msg::InputEncodingPrivateUse, "文字是嵌入字体的私用区编码（共 {count} 个），无法识别为汉字，未作检查。",
         "The text is in private-use code points of an embedded font ({count} of them): it cannot be read as characters and was not checked.",
         "用原编辑软件另存为 Word 或文本后检查，或在阅读器中选择“复制文字”确认能否得到正常汉字。",
         "Save it from its editor as Word or text and check that, or copy its text from a reader and see whether the characters come out."},
        {Msg::InputNotReportNone, "找不到年度报告的任何部分（标题、“一、总体情况”等六个部分和三张表格都没有）。",
         "None of the report's parts were found (neither its title, nor the six sections such as 「一、总体情况」, nor the three tables).",
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

// The U+FFFD replacement characters of a text: how many, and where the first is.
struct Replacements {
    size_t count = 0;
    uint32_t first = 0;
};

Replacements count_replacements(std::string_view s) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    Replacements out;
    for (size_t at = s.find(kReplacement); at != std::string_view::npos; at = s.find(kReplacement, at + 3)) {
        if (out.count++ == 0) out.first = static_cast<uint32_t>(at);
    }
    return out;
}

// Private-use code points (U+E000–U+F8FF) among the CJK and private-use
// characters: how many, and where the first is.
// Fewer private-use characters than this are symbols a font maps there.
constexpr size_t kMinPrivateUse = 20;

struct PrivateUse {
    size_t count = 0, cjk = 0;
    uint32_t first = 0;
};

PrivateUse count_private_use(std::string_view s) {
    // The text is valid UTF-8, so 0xEE and 0xEF only ever lead a character;
    // the characters of Chinese text are counted only where private-use ones
    // are many (their share decides).
    PrivateUse p;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        // Words without an 0xEE or 0xEF byte (most of a text) are passed whole.
        while (i + 9 < s.size() && !swar::any_equal(swar::load8(s.data() + i) & (swar::kOnes * 0xFE), 0xEE)) i += 8;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0xEE) continue;
        if (c == 0xEE || (c == 0xEF && static_cast<unsigned char>(s[i + 1]) < 0xA4)) {
            if (p.count++ == 0) p.first = static_cast<uint32_t>(i);
        }
    }
    if (p.count < kMinPrivateUse) return p;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        p.cjk += c >= 0xE4 && c <= 0xE9;
    }
    return p;
}

void run(const Context& ctx, Emitter& out) {
    const Report& r = ctx.report;
    // A NUL is no character of a report's text: a binary file, whatever
    // its bytes decoded to. Else each U+FFFD stands for bytes a decoder could not read.
    if (r.source.find('\0') != std::string::npos) {
        out.emit(Msg::InputEncodingBinary, {0, 0});
    } else if (const Replacements bad = count_replacements(r.source); bad.count > 0) {
        out.emit(Msg::InputEncodingBytes, {bad.first, bad.first + 3}, {{"count", std::to_string(bad.count)}});
    }
    if (!ctx.private_use.empty())
        out.emit(Msg::InputEncodingPrivateUse, ctx.private_use, {{"count", std::to_string(count_private_use(r.source).count)}});
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
    if (p.count < kMinPrivateUse || p.count * 3 < p.count + p.cjk) return {};
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
