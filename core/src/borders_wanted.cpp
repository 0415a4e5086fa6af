// Whether a fixed-layout document's drawn cell borders are worth reading:
// the page gets them from pdf.js's operator lists, which cost as much again
// as the text (about half of a PDF's first read), and the layout step needs
// them only where the numbers alone cannot place a row's cells. So both
// readers of a PDF (the page and the CLI) lay the runs out first without
// them, and read them only when that text's tables come out short by this
// test: the same test in both, so they read a PDF alike.
#include <algorithm>
#include <iterator>

#include "nianbao/layout.h"
#include "nianbao/nianbao.h"
#include "rules/rule_ids.h"

namespace nianbao {

namespace {

// The findings of a table read short or with its cells out of place: what
// the borders can mend (a row's cells in their boxes, a blank row kept as a
// row). A label's wording or a cell's own value they cannot.
constexpr Rule kShort[] = {
    Rule::TableMissing, Rule::TableUnreadable, Rule::RowMissing,     Rule::CellCount,
    Rule::CellGlued,    Rule::CellAmbiguous,   Rule::TableByOrder,   Rule::CellBlank,
    Rule::ApplyIdentity, Rule::ApplyRowTotal,  Rule::ApplyResultTotal, Rule::ReviewTotal,
    Rule::LitigationTotal,
};

}  // namespace

bool borders_wanted(std::string_view laid_out_text) {
    const Result result = check(laid_out_text);
    return std::any_of(result.findings.begin(), result.findings.end(), [](const Finding& f) {
        return std::any_of(std::begin(kShort), std::end(kShort), [&](Rule r) { return f.id == rule_id(r); });
    });
}

LaidOutText lay_out_borders_if_wanted(const std::vector<TextRun>& runs, const std::vector<Ruling>& rulings) {
    LaidOutText plain = lay_out(runs);
    if (rulings.empty() || !borders_wanted(plain.text)) return plain;
    return lay_out(runs, rulings);
}

}  // namespace nianbao
