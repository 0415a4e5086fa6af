#include "pdf/text_items.h"

#include <cmath>
#include <cstdint>

namespace cli::pdf {

namespace {

constexpr double TRACKING_SPACE_FACTOR = 0.102;
constexpr double NOT_A_SPACE_FACTOR = 0.03;
constexpr double NEGATIVE_SPACE_FACTOR = -0.2;
constexpr double SPACE_IN_FLOW_MIN_FACTOR = 0.102;
constexpr double SPACE_IN_FLOW_MAX_FACTOR = 0.6;
constexpr double VERTICAL_SHIFT_RATIO = 0.25;

// JavaScript's \s.
bool is_js_space(uint32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
// \p{Mn}, the blocks of combining marks.
bool is_nonspacing_mark(uint32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) || (c >= 0x0591 && c <= 0x05BD) ||
           (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20F0) || (c >= 0x302A && c <= 0x302D) ||
           c == 0x3099 || c == 0x309A || (c >= 0xFE20 && c <= 0xFE2F);
}
// \p{Cf}: invisible format marks.
bool is_format_mark(uint32_t c) {
    return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD || c == 0x070F ||
           c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF ||
           (c >= 0xFFF9 && c <= 0xFFFB);
}

uint32_t decode_at(std::string_view s, size_t& at) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(at);
    int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (at + static_cast<size_t>(n) > s.size()) n = 1;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = cp << 6 | (b(at + static_cast<size_t>(k)) & 0x3F);
    at += static_cast<size_t>(n);
    return cp;
}

struct Category {
    bool whitespace = false, zero_width_diacritic = false, invisible_format_mark = false;
};

// pdf.js's getCharUnicodeCategory: /^(\s)|(\p{Mn})|(\p{Cf})$/u, first match wins.
Category category_of(std::string_view s) {
    Category c;
    if (s.empty()) return c;
    size_t at = 0;
    const uint32_t first = decode_at(s, at);
    if (is_js_space(first)) {
        c.whitespace = true;
        return c;
    }
    for (size_t k = 0; k < s.size();) {
        const uint32_t cp = decode_at(s, k);
        if (is_nonspacing_mark(cp)) {
            c.zero_width_diacritic = true;
            return c;
        }
        if (k == s.size() && is_format_mark(cp)) c.invisible_format_mark = true;
    }
    return c;
}

}  // namespace

Matrix transform(const Matrix& m1, const Matrix& m2) {
    Matrix r;
    r.m[0] = m1[0] * m2[0] + m1[2] * m2[1];
    r.m[1] = m1[1] * m2[0] + m1[3] * m2[1];
    r.m[2] = m1[0] * m2[2] + m1[2] * m2[3];
    r.m[3] = m1[1] * m2[2] + m1[3] * m2[3];
    r.m[4] = m1[0] * m2[4] + m1[2] * m2[5] + m1[4];
    r.m[5] = m1[1] * m2[4] + m1[3] * m2[5] + m1[5];
    return r;
}

void TextState::translate_tm(double x, double y) {
    tm.m[4] = tm[0] * x + tm[2] * y + tm[4];
    tm.m[5] = tm[1] * x + tm[3] * y + tm[5];
}

void TextState::translate_tlm(double x, double y) {
    tlm.m[4] = tlm[0] * x + tlm[2] * y + tlm[4];
    tlm.m[5] = tlm[1] * x + tlm[3] * y + tlm[5];
}

void TextState::carriage_return() {
    translate_tlm(0, -leading);
    tm = tlm;
}

TextItems::TextItems(std::vector<TextItem>& out, const double view[4], Budget& budget) : out_(out), budget_(budget) {
    for (int k = 0; k < 4; ++k) view_[k] = view[k];
}

Matrix TextItems::current_transform(const TextState& ts) const {
    Matrix tsm;
    tsm.m[0] = ts.font_size * ts.hscale;
    tsm.m[3] = ts.font_size;
    tsm.m[5] = ts.rise;
    return transform(ts.ctm, transform(ts.tm, tsm));
}

bool TextItems::save_last_char(bool space) {
    const int next = (last_pos_ + 1) % 2;
    const bool ret = !last_space_[last_pos_] && last_space_[next];
    last_space_[last_pos_] = space;
    last_pos_ = next;
    return ret;
}

bool TextItems::should_add_whitespace() const {
    return !last_space_[last_pos_] && last_space_[(last_pos_ + 1) % 2];
}

void TextItems::reset_last_chars() {
    last_space_[0] = last_space_[1] = true;
    last_pos_ = 0;
}

TextItems::Item& TextItems::ensure_item(const TextState& ts) {
    if (item_.initialized) return item_;
    const Matrix trm = item_.transform = current_transform(ts);
    if (!ts.font->vertical()) {
        item_.width = item_.total_width = 0;
        item_.height = item_.total_height = std::hypot(trm[2], trm[3]);
        item_.vertical = false;
    } else {
        item_.width = item_.total_width = std::hypot(trm[0], trm[1]);
        item_.height = item_.total_height = 0;
        item_.vertical = true;
    }
    item_.text_advance_scale = std::hypot(ts.ctm[0], ts.ctm[1]) * std::hypot(ts.tlm[0], ts.tlm[1]);
    const double size = ts.font_size;
    item_.tracking_space_min = size * TRACKING_SPACE_FACTOR;
    item_.not_a_space = size * NOT_A_SPACE_FACTOR;
    item_.negative_space_max = size * NEGATIVE_SPACE_FACTOR;
    item_.space_in_flow_min = size * SPACE_IN_FLOW_MIN_FACTOR;
    item_.space_in_flow_max = size * SPACE_IN_FLOW_MAX_FACTOR;
    item_.initialized = true;
    return item_;
}

void TextItems::update_advance_scale(const TextState& ts) {
    if (!item_.initialized) return;
    const double scale = std::hypot(ts.ctm[0], ts.ctm[1]) * std::hypot(ts.tlm[0], ts.tlm[1]);
    if (scale == item_.text_advance_scale) return;
    if (!item_.vertical) {
        item_.total_width += item_.width * item_.text_advance_scale;
        item_.width = 0;
    } else {
        item_.total_height += item_.height * item_.text_advance_scale;
        item_.height = 0;
    }
    item_.text_advance_scale = scale;
}

void TextItems::flush() {
    if (!item_.initialized) return;
    if (budget_.items == 0) {
        budget_.run_out("text items");
        item_.initialized = false;
        item_.str.clear();
        return;
    }
    --budget_.items;
    if (!item_.vertical) item_.total_width += item_.width * item_.text_advance_scale;
    else item_.total_height += item_.height * item_.text_advance_scale;
    out_.push_back({item_.transform, std::fabs(item_.total_width), std::fabs(item_.total_height), item_.vertical,
                    std::move(item_.str)});
    item_.initialized = false;
    item_.str.clear();
}

void TextItems::append_eol() {
    reset_last_chars();
    if (item_.initialized) flush();  // else pdf.js adds an empty item, which no run comes from
}

// A gap in the flow: a space inside the item when it is 0.1-0.6 of the font
// size (returns false), else the item ends there (returns true).
bool TextItems::add_fake_spaces(double width, double orientation) {
    if (orientation * item_.space_in_flow_min <= width && width <= orientation * item_.space_in_flow_max) {
        if (item_.initialized) {
            reset_last_chars();
            item_.str += ' ';
        }
        return false;
    }
    flush();
    reset_last_chars();  // pdf.js adds a whitespace item here, which no run comes from
    return true;
}

bool TextItems::compare_with_last_position(const TextState& ts, double glyph_width) {
    const Matrix current = current_transform(ts);
    double pos_x = current[4], pos_y = current[5];
    const bool vertical = ts.font->vertical();
    if (vertical) {
        // pdf.js adds the (negative, text space) advance to pos_y here and so
        // drops vertical glyphs within an em or so of the bottom of the page
        // (of 三、本年度办理结果 standing in a table it keeps 三、本年): not copied.
        if (pos_x < view_[0] || pos_x > view_[2] || pos_y < view_[1] || pos_y > view_[3]) return false;
    } else if (pos_x + glyph_width < view_[0] || pos_x > view_[2] || pos_y < view_[1] || pos_y > view_[3]) {
        return false;
    }
    if (!item_.has_prev) return true;
    double last_x = item_.prev_transform[4], last_y = item_.prev_transform[5];
    if (last_x == pos_x && last_y == pos_y) return true;

    int rotate = -1;
    if (current[0] != 0 && current[1] == 0 && current[2] == 0) rotate = current[0] > 0 ? 0 : 180;
    else if (current[1] != 0 && current[0] == 0 && current[3] == 0) rotate = current[1] > 0 ? 90 : 270;
    switch (rotate) {
        case 0: break;
        case 90:
            std::swap(pos_x, pos_y);
            std::swap(last_x, last_y);
            break;
        case 180:
            pos_x = -pos_x, pos_y = -pos_y, last_x = -last_x, last_y = -last_y;
            break;
        case 270: {
            const double px = pos_x, lx = last_x;
            pos_x = -pos_y, pos_y = -px;
            last_x = -last_y, last_y = -lx;
            break;
        }
        default: {
            // Turned by another angle: positions along and across the baseline.
            auto inverse = [](double x, double y, const Matrix& m, double& ox, double& oy) {
                const double scale = std::hypot(m[0], m[1]);
                ox = (m[0] * x + m[1] * y) / scale;
                oy = (m[2] * x + m[3] * y) / scale;
            };
            const double px = pos_x, py = pos_y, lx = last_x, ly = last_y;
            inverse(px, py, current, pos_x, pos_y);
            inverse(lx, ly, item_.prev_transform, last_x, last_y);
        }
    }

    if (vertical) {
        const double advance_y = (last_y - pos_y) / item_.text_advance_scale;
        const double advance_x = pos_x - last_x;
        const double h = item_.height != 0 ? item_.height : item_.total_height;
        const double orientation = h > 0 ? 1 : h < 0 ? -1 : 0;
        if (advance_y < orientation * item_.negative_space_max) {
            if (std::fabs(advance_x) > 0.5 * item_.width) {
                append_eol();
                return true;
            }
            reset_last_chars();
            flush();
            return true;
        }
        if (std::fabs(advance_x) > item_.width) {
            append_eol();
            return true;
        }
        if (advance_y <= orientation * item_.not_a_space) reset_last_chars();
        if (advance_y <= orientation * item_.tracking_space_min) {
            if (should_add_whitespace()) {
                reset_last_chars();
                flush();
            } else {
                item_.height += advance_y;
            }
        } else if (!add_fake_spaces(advance_y, orientation)) {
            if (!item_.initialized) reset_last_chars();
            else item_.height += advance_y;
        }
        if (std::fabs(advance_x) > item_.width * VERTICAL_SHIFT_RATIO) flush();
        return true;
    }

    const double advance_x = (pos_x - last_x) / item_.text_advance_scale;
    const double advance_y = pos_y - last_y;
    const double w = item_.width != 0 ? item_.width : item_.total_width;
    const double orientation = w > 0 ? 1 : w < 0 ? -1 : 0;
    if (advance_x < orientation * item_.negative_space_max) {
        if (std::fabs(advance_y) > 0.5 * item_.height) {
            append_eol();
            return true;
        }
        reset_last_chars();
        flush();
        return true;
    }
    const double rise_delta = ts.rise - item_.prev_text_rise;
    const double advance_y_corrected =
        rise_delta == 0 ? advance_y : advance_y - current[3] / ts.font_size * rise_delta;
    if (std::fabs(advance_y_corrected) > item_.height) {
        append_eol();
        return true;
    }
    if (advance_x <= orientation * item_.not_a_space) reset_last_chars();
    if (advance_x <= orientation * item_.tracking_space_min) {
        if (should_add_whitespace()) {
            reset_last_chars();
            flush();
        } else {
            item_.width += advance_x;
        }
    } else if (!add_fake_spaces(advance_x, orientation)) {
        if (!item_.initialized) reset_last_chars();
        else item_.width += advance_x;
    }
    if (std::fabs(advance_y) > item_.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
}

void TextItems::show(TextState& ts, std::string_view bytes, double extra_spacing) {
    // A change of size, or of font (another font by name, or writing mode), ends the item.
    const bool vertical = ts.font->vertical();
    if (!current_.set || current_.font_size != ts.font_size ||
        (current_.font_resource != ts.font_resource &&
         (current_.font_name != ts.font->name() || current_.vertical != vertical))) {
        flush();
        current_ = {true, ts.font_size, ts.font_resource, ts.font->name(), vertical};
    }
    const double base_char_spacing = vertical ? -ts.char_spacing : ts.char_spacing;
    if (bytes.empty()) {
        const double spacing = base_char_spacing + extra_spacing;
        if (spacing != 0) {
            if (!vertical) ts.translate_tm(spacing * ts.hscale, 0);
            else ts.translate_tm(0, -spacing);
        }
        return;
    }
    const double scale = ts.font->matrix0() * ts.font_size;
    // A few hundred glyphs at a time: a string of millions costs no more memory.
    for (size_t at = 0; at < bytes.size();) {
        at += ts.font->glyphs(bytes.substr(at), glyphs_, 256);
        const bool last_chunk = at >= bytes.size();
        if (glyphs_.size() > budget_.glyphs) {
            budget_.run_out("glyphs");
            return;
        }
        budget_.glyphs -= glyphs_.size();
        if (!show_glyphs(ts, scale, base_char_spacing, last_chunk ? extra_spacing : 0)) return;
    }
}

bool TextItems::show_glyphs(TextState& ts, double scale, double base_char_spacing, double extra_spacing) {
    const bool vertical = ts.font->vertical();
    for (size_t i = 0; i < glyphs_.size(); ++i) {
        Glyph& glyph = glyphs_[i];
        const Category category = category_of(glyph.unicode);
        if (category.invisible_format_mark) continue;
        double char_spacing = base_char_spacing + (i + 1 == glyphs_.size() ? extra_spacing : 0);
        const double glyph_width = vertical ? glyph.vertical_advance : glyph.width;
        double scaled = glyph_width * scale;
        if (glyph.word_space) char_spacing += ts.word_spacing;
        if (category.whitespace) {
            if (!vertical) {
                char_spacing += scaled;
                ts.translate_tm(char_spacing * ts.hscale, 0);
            } else {
                char_spacing += -scaled;
                ts.translate_tm(0, -char_spacing);
            }
            save_last_char(true);
            continue;
        }
        if (!category.zero_width_diacritic && !compare_with_last_position(ts, scaled)) {
            // Off the page: moves on, is no text.
            if (!vertical) ts.translate_tm(scaled * ts.hscale, 0);
            else ts.translate_tm(0, scaled);
            continue;
        }
        Item& chunk = ensure_item(ts);
        if (category.zero_width_diacritic) scaled = 0;
        if (!vertical) {
            scaled *= ts.hscale;
            ts.translate_tm(scaled, 0);
            chunk.width += scaled;
        } else {
            ts.translate_tm(0, scaled);
            scaled = std::fabs(scaled);
            chunk.height += scaled;
        }
        if (scaled != 0) {
            chunk.prev_transform = current_transform(ts);
            chunk.has_prev = true;
            chunk.prev_text_rise = ts.rise;
        }
        if (save_last_char(false)) chunk.str += ' ';
        if (glyph.unicode.size() + 1 > budget_.text_bytes) {
            budget_.run_out("text bytes");
            return false;
        }
        budget_.text_bytes -= glyph.unicode.size();
        chunk.str += glyph.unicode;
        if (char_spacing != 0) {
            if (!vertical) ts.translate_tm(char_spacing * ts.hscale, 0);
            else ts.translate_tm(0, -char_spacing);
        }
    }
    return true;
}

}  // namespace cli::pdf
