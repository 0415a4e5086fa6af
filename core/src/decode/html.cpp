#include "nianbao/html.h"

#include <cstdint>

#include "decode/entities.h"
#include "normalize/normalize.h"

namespace nianbao {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, size_t at, std::string_view p) {
    if (at + p.size() > s.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
        if (lower(s[at + i]) != p[i]) return false;
    return true;
}

struct Tag {
    std::string name;   // lower case, without '/'
    bool closing = false;
    int colspan = 1;
    size_t end = 0;     // index after '>'
};

Tag read_tag(std::string_view s, size_t at) {
    Tag t;
    size_t i = at + 1;
    if (i < s.size() && s[i] == '/') {
        t.closing = true;
        ++i;
    }
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                            (s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == '-'))
        t.name += lower(s[i++]);
    // attributes: only colspan matters; quoted values may hold '>'
    char quote = 0;
    size_t attrs = i;
    for (; i < s.size(); ++i) {
        if (quote) {
            if (s[i] == quote) quote = 0;
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '>') {
            break;
        }
    }
    t.end = i < s.size() ? i + 1 : s.size();
    std::string_view a = s.substr(attrs, i - attrs);
    for (size_t k = 0; k + 7 < a.size(); ++k) {
        if (!starts_with_ci(a, k, "colspan")) continue;
        size_t v = k + 7;
        while (v < a.size() && (a[v] == ' ' || a[v] == '=' || a[v] == '"' || a[v] == '\'')) ++v;
        int n = 0;
        while (v < a.size() && a[v] >= '0' && a[v] <= '9' && n < 1000) n = n * 10 + (a[v++] - '0');
        if (n > 1 && n <= 64) t.colspan = n;
        break;
    }
    return t;
}

bool is_block(const std::string& n) {
    static const char* blocks[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                   "table", "tr", "section", "article", "header", "footer", "title", "blockquote",
                                   "pre", "hr", "dd", "dt", "dl", "caption", "tbody", "thead", "tfoot", "body"};
    for (auto b : blocks)
        if (n == b) return true;
    return false;
}

class Writer {
public:
    void text(std::string_view t) {
        for (char c : t) {
            bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
            if (space) {
                pending_space_ = !out_.empty() && !at_line_start();
            } else {
                flush_space();
                out_ += c;
            }
        }
    }
    void raw(std::string_view t) {
        flush_space();
        out_ += t;
    }
    void newline() {
        pending_space_ = false;
        trim_trailing_spaces();
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    }
    void blank_line() {
        newline();
        if (out_.size() >= 2 && out_[out_.size() - 2] != '\n') out_ += '\n';
    }
    void cell_end(int colspan) {
        pending_space_ = false;
        trim_trailing_spaces();
        for (int i = 0; i < colspan; ++i) out_ += '\t';
        last_cell_tabs_ = colspan;
    }
    void row_end() {
        // The last cell's separators are not cells; the empty cells before
        // it are (blank cells of a row of numbers).
        for (; last_cell_tabs_ > 0 && !out_.empty() && out_.back() == '\t'; --last_cell_tabs_) out_.pop_back();
        last_cell_tabs_ = 0;
        out_ += '\n';
    }
    std::string take() {
        while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
        return std::move(out_);
    }

private:
    bool at_line_start() const { return out_.back() == '\n' || out_.back() == '\t'; }
    void flush_space() {
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
    }
    void trim_trailing_spaces() {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    }
    std::string out_;
    bool pending_space_ = false;
    int last_cell_tabs_ = 0;
};

// Markdown with some HTML in it (pandoc keeps a page's <div>s around its
// pipe tables): three or more lines framed by '|' are table rows of a text,
// which HTML would run together.
bool has_pipe_rows(std::string_view text) {
    int rows = 0;
    for (size_t at = 0; at < text.size() && rows < 3;) {
        size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        if (line.size() >= 2 && line.front() == '|' && line.back() == '|') ++rows;
        at = end + 1;
    }
    return rows >= 3;
}

}  // namespace

bool looks_like_html(std::string_view text) {
    size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == '<' &&
        (starts_with_ci(text, i, "<!doctype html") || starts_with_ci(text, i, "<html") ||
         starts_with_ci(text, i, "<meta") || starts_with_ci(text, i, "<table") || starts_with_ci(text, i, "<p") ||
         starts_with_ci(text, i, "<div") || starts_with_ci(text, i, "<body") || starts_with_ci(text, i, "<!--") ||
         starts_with_ci(text, i, "<head") || starts_with_ci(text, i, "<h1") || starts_with_ci(text, i, "<span")))
        return !has_pipe_rows(text);
    return false;
}

std::string html_to_text(std::string_view s) {
    Writer w;
    bool in_cell = false;
    int cell_colspan = 1;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '<') {
            if (s.compare(i, 4, "<!--") == 0) {  // comment (Word puts styles and conditionals in them)
                size_t e = s.find("-->", i + 4);
                i = e == std::string_view::npos ? s.size() : e + 3;
                continue;
            }
            if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {  // doctype, <?xml
                size_t e = s.find('>', i);
                i = e == std::string_view::npos ? s.size() : e + 1;
                continue;
            }
            bool tagish = i + 1 < s.size() && (s[i + 1] == '/' || (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
                                               (s[i + 1] >= 'A' && s[i + 1] <= 'Z'));
            if (!tagish) {
                w.text("<");
                ++i;
                continue;
            }
            Tag t = read_tag(s, i);
            i = t.end;
            if (!t.closing && (t.name == "script" || t.name == "style" || t.name == "noscript" ||
                               t.name == "template" || t.name == "xml")) {
                // skip to the matching close tag
                std::string close = "</" + t.name;
                size_t k = i;
                while (k < s.size() && !starts_with_ci(s, k, close)) ++k;
                size_t e = s.find('>', k);
                i = e == std::string_view::npos ? s.size() : e + 1;
                continue;
            }
            if (t.name == "td" || t.name == "th") {
                if (!t.closing) {
                    if (in_cell) w.cell_end(cell_colspan);  // unclosed previous cell
                    in_cell = true;
                    cell_colspan = t.colspan;
                } else if (in_cell) {
                    w.cell_end(cell_colspan);
                    in_cell = false;
                }
                continue;
            }
            if (t.name == "tr") {
                if (in_cell) {
                    w.cell_end(cell_colspan);
                    in_cell = false;
                }
                if (t.closing) w.row_end();
                else w.newline();
                continue;
            }
            if (in_cell && (t.name == "p" || t.name == "br" || t.name == "div")) {
                w.text(" ");  // paragraphs inside a cell stay in the cell
                continue;
            }
            if (t.name == "p" || t.name == "h1" || t.name == "h2" || t.name == "h3" || t.name == "h4") {
                w.blank_line();
            } else if (is_block(t.name)) {
                w.newline();
            }
            continue;
        }
        if (c == '&') {
            std::string decoded;
            size_t n = decode_entity(s, i, decoded);
            if (n) {
                w.raw(decoded);
                i += n;
                continue;
            }
        }
        size_t j = i;
        while (j < s.size() && s[j] != '<' && s[j] != '&') ++j;
        if (j == i) ++j;
        w.text(s.substr(i, j - i));
        i = j;
    }
    return w.take();
}

}  // namespace nianbao
