#include "pdf/content.h"

#include <exception>
#include <set>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "pdf/lexer.h"
#include "pdf/stream.h"

namespace cli::pdf {

namespace {

constexpr size_t kMaxSavedStates = 256;  // q without Q past this saves nothing more

double num(QPDFObjectHandle o) { return o.isNumber() ? o.getNumericValue() : 0; }

bool matrix_of(QPDFObjectHandle array, Matrix& m) {
    if (!array.isArray() || array.getArrayNItems() != 6) return false;
    for (int k = 0; k < 6; ++k) m.m[k] = num(array.getArrayItem(k));
    return true;
}

QPDFObjectHandle key_of(QPDFObjectHandle dict, const std::string& key) {
    return dict.isDictionary() ? dict.getKey(key) : QPDFObjectHandle::newNull();
}

// The decoded bytes of a content (a stream, or an array of streams joined
// by a line break), within what the budget has left.
bool content_bytes(QPDFObjectHandle contents, Budget& budget, std::string& out) {
    std::vector<QPDFObjectHandle> streams;
    if (contents.isArray()) {
        const int n = contents.getArrayNItems();
        for (int k = 0; k < n; ++k) streams.push_back(contents.getArrayItem(k));
    } else {
        streams.push_back(contents);
    }
    for (auto& s : streams) {
        const size_t before = out.size();
        const StreamRead read = read_stream(s, budget.content_bytes + before, out);
        budget.content_bytes -= out.size() - before;
        if (read == StreamRead::TooLarge) {
            budget.run_out("content bytes");
            return false;
        }
        out += '\n';
    }
    return true;
}

class Runner {
public:
    Runner(QPDFObjectHandle resources, const TextState& state, const double view[4], Fonts& fonts, Budget& budget,
           std::vector<TextItem>& out, Paths& paths, std::set<QPDFObjGen>& forms)
        : resources_(resources), ts_(state), view_(view), fonts_(fonts), budget_(budget), out_(out),
          items_(out, view, budget), paths_(paths), forms_(forms) {}

    // Runs decoded content, operator by operator, until it ends or the budget does.
    void run(const std::string& bytes) {
        Lexer lexer(bytes);
        std::string name;
        try {
            while (!budget_.exhausted && lexer.next(name, operands_, budget_.objects)) op(name);
            if (budget_.objects == 0) budget_.run_out("content objects");
        } catch (const std::exception&) {
            // An object qpdf cannot resolve (a font, a form): this content ends here, its text so far stays.
        }
        items_.flush();
    }

private:
    double arg(size_t k) const { return k < operands_.size() && operands_[k].is_number() ? operands_[k].number : 0; }
    bool args(size_t n) const { return operands_.size() >= n; }
    const Operand& last() const { return operands_.back(); }

    void show(const std::string& bytes, double extra) {
        if (ts_.font) items_.show(ts_, bytes, extra);
    }

    void op(const std::string& name) {
        const size_t n = operands_.size();
        if (name == "q") {
            if (saved_.size() < kMaxSavedStates) saved_.push_back(ts_);
            else ++unsaved_;
        } else if (name == "Q") {
            if (unsaved_) {
                --unsaved_;
            } else if (!saved_.empty()) {
                ts_ = saved_.back();
                saved_.pop_back();
            }
        } else if (name == "cm" && args(6)) {
            Matrix m;
            for (int k = 0; k < 6; ++k) m.m[k] = arg(n - 6 + k);
            ts_.ctm = transform(ts_.ctm, m);
        } else if (name == "BT") {
            ts_.tm = ts_.tlm = Matrix();
        } else if (name == "Tf" && args(2)) {
            const std::string resource = operands_[n - 2].is_name() ? "/" + operands_[n - 2].text : "";
            const double size = arg(n - 1);
            if (ts_.font && resource == ts_.font_resource && size == ts_.font_size) return;
            ts_.font_resource = resource;
            ts_.font_size = size;
            ts_.font = resource.empty() ? nullptr : fonts_.get(key_of(key_of(resources_, "/Font"), resource));
        } else if (name == "Tc" && args(1)) {
            ts_.char_spacing = arg(n - 1);
        } else if (name == "Tw" && args(1)) {
            ts_.word_spacing = arg(n - 1);
        } else if (name == "Tz" && args(1)) {
            ts_.hscale = arg(n - 1) / 100;
        } else if (name == "TL" && args(1)) {
            ts_.leading = arg(n - 1);
        } else if (name == "Ts" && args(1)) {
            ts_.rise = arg(n - 1);
        } else if (name == "Td" && args(2)) {
            ts_.translate_tlm(arg(n - 2), arg(n - 1));
            ts_.tm = ts_.tlm;
        } else if (name == "TD" && args(2)) {
            ts_.leading = -arg(n - 1);
            ts_.translate_tlm(arg(n - 2), arg(n - 1));
            ts_.tm = ts_.tlm;
        } else if (name == "Tm" && args(6)) {
            for (int k = 0; k < 6; ++k) ts_.tm.m[k] = arg(n - 6 + k);
            ts_.tlm = ts_.tm;
            items_.update_advance_scale(ts_);
        } else if (name == "T*") {
            ts_.carriage_return();
        } else if (name == "Tj" && args(1) && last().is_string()) {
            show(last().text, 0);
        } else if (name == "'" && args(1) && last().is_string()) {
            ts_.carriage_return();
            show(last().text, 0);
        } else if (name == "\"" && args(3) && last().is_string()) {
            ts_.word_spacing = arg(n - 3);
            ts_.char_spacing = arg(n - 2);
            ts_.carriage_return();
            show(last().text, 0);
        } else if (name == "TJ" && args(1) && last().is_array()) {
            show_spaced(last());
        } else if (name == "Do" && args(1) && last().is_name()) {
            items_.flush();
            draw_form("/" + last().text);
        } else if (name == "gs" && args(1) && last().is_name()) {
            set_graphics_state("/" + last().text);
        } else if (name == "BMC" || name == "BDC" || name == "EMC") {
            items_.flush();
        } else {
            path_op(name, n);
        }
    }

    // Path construction and painting: the lines a table's borders are drawn with.
    void path_op(const std::string& name, size_t n) {
        if (name == "m" && args(2)) {
            paths_.move_to(arg(n - 2), arg(n - 1));
        } else if (name == "l" && args(2)) {
            paths_.line_to(arg(n - 2), arg(n - 1));
        } else if (name == "c" && args(6)) {
            paths_.curve_to(arg(n - 2), arg(n - 1));
        } else if ((name == "v" || name == "y") && args(4)) {
            paths_.curve_to(arg(n - 2), arg(n - 1));
        } else if (name == "re" && args(4)) {
            paths_.rect(arg(n - 4), arg(n - 3), arg(n - 2), arg(n - 1));
        } else if (name == "h") {
            paths_.close();
        } else if (name == "S" || name == "s") {
            if (name == "s") paths_.close();
            paths_.paint(true, false, ts_.ctm.m);
        } else if (name == "f" || name == "F" || name == "f*") {
            paths_.paint(false, true, ts_.ctm.m);
        } else if (name == "B" || name == "B*" || name == "b" || name == "b*") {
            if (name == "b" || name == "b*") paths_.close();
            paths_.paint(true, true, ts_.ctm.m);
        } else if (name == "n") {
            paths_.paint(false, false, ts_.ctm.m);
        }
    }

    // TJ: strings run together up to each non-zero number, which moves by
    // -number/1000 of the font size (pdf.js's showSpacedText).
    void show_spaced(const Operand& array) {
        if (!ts_.font) return;
        const double space_factor = (ts_.font->vertical() ? 1 : -1) * ts_.font_size / 1000;
        std::string pending;
        bool have = false;
        for (const Operand& e : array.items) {
            if (budget_.exhausted) return;
            if (e.is_string()) {
                pending += e.text;
                have = true;
            } else if (e.is_number() && e.number != 0) {
                show(pending, e.number * space_factor);
                pending.clear();
                have = false;
            }
        }
        if (have) show(pending, 0);
    }

    void set_graphics_state(const std::string& name) {
        QPDFObjectHandle font = key_of(key_of(key_of(resources_, "/ExtGState"), name), "/Font");
        if (!font.isArray() || font.getArrayNItems() != 2) return;
        items_.flush();
        ts_.font_resource.clear();
        ts_.font_size = num(font.getArrayItem(1));
        ts_.font = fonts_.get(font.getArrayItem(0));
    }

    void draw_form(const std::string& name) {
        QPDFObjectHandle form = key_of(key_of(resources_, "/XObject"), name);
        if (!form.isStream()) return;
        QPDFObjectHandle dict = form.getDict();
        if (!dict.getKey("/Subtype").isNameAndEquals("/Form")) return;
        // Too deep, or drawing itself: not drawn.
        if (budget_.form_depth <= 0 || (form.isIndirect() && forms_.count(form.getObjGen()))) return;
        std::string bytes;
        if (!content_bytes(form, budget_, bytes)) return;
        TextState state = ts_;
        Matrix m;
        if (matrix_of(dict.getKey("/Matrix"), m)) state.ctm = transform(state.ctm, m);
        QPDFObjectHandle own = dict.getKey("/Resources");
        const bool marked = form.isIndirect() && forms_.insert(form.getObjGen()).second;
        --budget_.form_depth;
        Runner child(own.isDictionary() ? own : resources_, state, view_, fonts_, budget_, out_, paths_, forms_);
        child.run(bytes);
        ++budget_.form_depth;
        if (marked) forms_.erase(form.getObjGen());
    }

    QPDFObjectHandle resources_;
    TextState ts_;
    const double* view_;
    Fonts& fonts_;
    Budget& budget_;
    std::vector<TextItem>& out_;
    TextItems items_;
    Paths& paths_;
    std::set<QPDFObjGen>& forms_;
    std::vector<Operand> operands_;
    std::vector<TextState> saved_;
    size_t unsaved_ = 0;
};

}  // namespace

Font* Fonts::get(QPDFObjectHandle dict) {
    if (!dict.isDictionary()) return nullptr;
    if (!dict.isIndirect()) {
        for (auto& known : direct_)
            if (known.first.isSameObjectAs(dict)) return known.second.get();
        if (direct_.size() >= kMaxDirect) return nullptr;
        direct_.emplace_back(dict, Font::load(dict, budget_));
        return direct_.back().second.get();
    }
    auto& slot = by_object_[dict.getObjGen()];
    if (!slot) slot = Font::load(dict, budget_);
    return slot.get();
}

void page_text(QPDFObjectHandle page, const double view[4], Fonts& fonts, Budget& budget,
               std::vector<TextItem>& out, std::vector<Segment>& lines, size_t& line_cap) {
    Paths paths(lines, line_cap);
    std::string bytes;
    if (!content_bytes(page.getKey("/Contents"), budget, bytes)) return;
    std::set<QPDFObjGen> forms;
    // Resources may be inherited from the page tree.
    QPDFObjectHandle resources = QPDFPageObjectHelper(page).getAttribute("/Resources", false);
    Runner runner(resources, TextState(), view, fonts, budget, out, paths, forms);
    runner.run(bytes);
}

}  // namespace cli::pdf
