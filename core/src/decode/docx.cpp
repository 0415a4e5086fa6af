// word/document.xml -> text: a forward scan over the tags that matter
// (w:p, w:t, w:tab, w:br, w:tbl, w:tr, w:tc); everything else is skipped.
// Linear in the input; never recursive (nested tables only count depth).
#include "nianbao/docx.h"

#include <cstdint>
#include <vector>

#include "decode/entities.h"

namespace nianbao {

namespace {

class DocxReader {
public:
    std::string run(std::string_view xml) {
        size_t i = 0;
        while (i < xml.size()) {
            const size_t lt = xml.find('<', i);
            if (lt == std::string_view::npos) break;
            if (in_text_) text(xml.substr(i, lt - i));
            if (xml.compare(lt, 4, "<!--") == 0) {
                const size_t end = xml.find("-->", lt + 4);
                i = end == std::string_view::npos ? xml.size() : end + 3;
                continue;
            }
            const size_t gt = xml.find('>', lt);
            if (gt == std::string_view::npos) break;
            tag(xml.substr(lt + 1, gt - lt - 1));
            i = gt + 1;
        }
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
        return std::move(out_);
    }

private:
    void tag(std::string_view t) {
        const bool closing = !t.empty() && t[0] == '/';
        const bool self_closing = !t.empty() && t.back() == '/';
        if (closing) t.remove_prefix(1);
        size_t name_end = 0;
        while (name_end < t.size() && t[name_end] != ' ' && t[name_end] != '/' && t[name_end] != '\t' &&
               t[name_end] != '\n' && t[name_end] != '\r')
            ++name_end;
        const std::string_view name = t.substr(0, name_end);
        if (name == "w:t") {
            in_text_ = !closing && !self_closing;
        } else if (name == "w:p") {
            if (closing || self_closing) end_paragraph();
        } else if (name == "w:tab") {
            if (!closing) separator(tables_ == 0 ? '\t' : ' ');
        } else if (name == "w:br" || name == "w:cr") {
            if (!closing) separator(tables_ == 0 ? '\n' : ' ');
        } else if (name == "w:tbl") {
            if (closing) {
                if (tables_ > 0) --tables_;
            } else if (!self_closing) {
                if (tables_ == 0 && !out_.empty() && out_.back() != '\n') out_ += '\n';
                ++tables_;
            }
        } else if (name == "w:tr" && tables_ == 1) {
            if (!closing) cells_.clear();
            else end_row();
        } else if (name == "w:tc" && tables_ == 1) {
            if (!closing) {
                cell_.clear();
                cell_gap_ = false;
                if (self_closing) cells_.push_back({});
            } else {
                while (!cell_.empty() && cell_.back() == ' ') cell_.pop_back();
                cells_.push_back(std::move(cell_));
                cell_.clear();
            }
        }
    }

    void text(std::string_view raw) {
        if (raw.empty()) return;
        if (tables_ == 0) {
            append_xml_text(out_, raw);
            return;
        }
        if (cell_gap_ && !cell_.empty()) cell_ += ' ';
        cell_gap_ = false;
        append_xml_text(cell_, raw);
    }

    void separator(char c) {
        if (tables_ == 0) out_ += c;
        else cell_gap_ = true;
    }

    void end_paragraph() {
        if (tables_ == 0) out_ += '\n';
        else cell_gap_ = true;
    }

    void end_row() {
        if (cells_.empty()) return;
        for (size_t k = 0; k < cells_.size(); ++k) {
            if (k) out_ += '\t';
            out_ += cells_[k];
        }
        out_ += '\n';
        cells_.clear();
    }

    std::string out_;
    bool in_text_ = false;
    int tables_ = 0;  // open w:tbl elements; rows and cells count only at depth 1
    std::vector<std::string> cells_;
    std::string cell_;
    bool cell_gap_ = false;  // a paragraph end, tab or break since the cell's last text
};

}  // namespace

std::string docx_document_to_text(std::string_view document_xml) { return DocxReader().run(document_xml); }

}  // namespace nianbao
