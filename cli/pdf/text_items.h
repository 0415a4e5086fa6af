// Shown glyphs -> text items, as pdf.js's getTextContent makes them (pdf.js
// 5.6, src/core/evaluator.js: buildTextContentItem, compareWithLastPosition,
// addFakeSpaces, flushTextContentItem), so that the CLI hands the core's
// layout step the runs the page hands it: glyphs that follow one another on
// a line form one item across Tj, TJ and BT/ET; a jump back, a change of
// font or size, a move off the line, a gap wider than 0.6 of the font size,
// a Form XObject or marked content end it; a gap of 0.1-0.6 of the font size
// inside an item is a space. Names and constants are pdf.js's.
// No qpdf here: the content stream interpreter (pdf/content.h) drives it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pdf/font.h"

namespace cli::pdf {

// A PDF matrix [a b c d e f].
struct Matrix {
    double m[6] = {1, 0, 0, 1, 0, 0};
    double operator[](int k) const { return m[k]; }
};

// pdf.js's Util.transform(m1, m2): m2 applied first, then m1.
Matrix transform(const Matrix& m1, const Matrix& m2);

// The graphics and text state pdf.js keeps (its TextState, saved by q/Q whole).
struct TextState {
    Font* font = nullptr;
    std::string font_resource;  // the /Tf name; "" after a gs that sets the font
    double font_size = 0, char_spacing = 0, word_spacing = 0, hscale = 1, leading = 0, rise = 0;
    Matrix ctm, tm, tlm;        // the CTM, the text matrix and the text line matrix

    void translate_tm(double x, double y);
    void translate_tlm(double x, double y);
    void carriage_return();     // T*
};

// What one document may cost, shared by its pages and forms: content bytes
// decoded, content objects read (operators and operands), glyphs shown,
// bytes of text and items made.
// Whatever runs out first ends the reading (`what` names it).
struct Budget {
    size_t content_bytes = 0;  // page and form contents, each time drawn
    size_t objects = 0;
    size_t glyphs = 0;
    size_t text_bytes = 0;
    size_t items = 0;
    int form_depth = 0;        // forms inside forms (deeper ones are not drawn)
    bool exhausted = false;
    std::string what;
    void run_out(const char* name) {
        if (!exhausted) what = name;
        exhausted = true;
    }
};

struct TextItem {
    Matrix transform;           // of the first glyph: CTM x Tm x [size*Th 0 0 size 0 rise]
    double width = 0, height = 0;
    bool vertical = false;
    std::string text;           // UTF-8
};

class TextItems {
public:
    // `view`: the page's visible box in user space (x0, y0, x1, y1); glyphs
    // outside it are not text.
    TextItems(std::vector<TextItem>& out, const double view[4], Budget& budget);

    // A string shown with the current state (the font must be set);
    // `extra_spacing` (a TJ number, in text space) follows its last glyph.
    // An empty string only moves by the character spacing and the extra.
    void show(TextState& ts, std::string_view bytes, double extra_spacing);
    // After Tm: an item's advance scale may change.
    void update_advance_scale(const TextState& ts);
    // Ends the current item (Do, marked content, gs with a font).
    void flush();

private:
    struct Item {
        bool initialized = false;
        std::string str;
        double total_width = 0, total_height = 0, width = 0, height = 0;
        bool vertical = false;
        bool has_prev = false;
        Matrix prev_transform;
        double prev_text_rise = 0, text_advance_scale = 0;
        double space_in_flow_min = 0, space_in_flow_max = 0;
        double tracking_space_min = 1e300, negative_space_max = -1e300, not_a_space = -1e300;
        Matrix transform;
    };
    struct Snapshot {  // pdf.js's currentTextState, as far as it is compared
        bool set = false;
        double font_size = 0;
        std::string font_resource, font_name;
        bool vertical = false;
    };

    Matrix current_transform(const TextState& ts) const;
    Item& ensure_item(const TextState& ts);
    bool show_glyphs(TextState& ts, double scale, double base_char_spacing, double extra_spacing);
    bool compare_with_last_position(const TextState& ts, double glyph_width);
    bool add_fake_spaces(double width, double orientation);
    void append_eol();
    bool save_last_char(bool space);
    bool should_add_whitespace() const;
    void reset_last_chars();

    std::vector<TextItem>& out_;
    double view_[4];
    Budget& budget_;
    Item item_;
    Snapshot current_;
    bool last_space_[2] = {true, true};  // pdf.js's twoLastChars, as "is it a space"
    int last_pos_ = 0;
    std::vector<Glyph> glyphs_;
};

}  // namespace cli::pdf
