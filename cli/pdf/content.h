// A page's content stream, run for its text: the graphics state stack (q, Q,
// cm), the text state (BT, ET, Tf, Tm, Td, TD, T*, TL, Tc, Tw, Tz, Ts, ',
// ", Tj, TJ with its kerning numbers), fonts from the /Resources in force,
// and the Form XObjects it draws (Do, with their /Matrix and resources), into
// text items (pdf/text_items.h). Bounded by the document's Budget.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "pdf/font.h"
#include "nianbao/paths.h"
#include "pdf/text_items.h"

namespace cli::pdf {

using nianbao::Paths;
using nianbao::Segment;

// The fonts of one document, read once each (by object).
class Fonts {
public:
    explicit Fonts(FontBudget budget) : budget_(budget) {}
    Font* get(QPDFObjectHandle dict);

private:
    FontBudget budget_;
    std::map<QPDFObjGen, std::unique_ptr<Font>> by_object_;
    // Fonts that are no indirect object (rare), found by identity; past
    // kMaxDirect such fonts, text in another one is not read.
    std::vector<std::pair<QPDFObjectHandle, std::unique_ptr<Font>>> direct_;
    static constexpr size_t kMaxDirect = 64;
};

// Runs the page's content; its items go to `out`, the lines it draws to
// `lines` (at most `line_cap` more, counted down). `view`: the page's box.
// Damage inside a content stream ends that stream, not the page's text so far.
void page_text(QPDFObjectHandle page, const double view[4], Fonts& fonts, Budget& budget,
               std::vector<TextItem>& out, std::vector<Segment>& lines, size_t& line_cap);

}  // namespace cli::pdf
