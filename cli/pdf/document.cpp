#include "pdf/document.h"

#include <cmath>
#include <exception>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "nianbao/nianbao.h"
#include "pdf/cmap.h"
#include "pdf/content.h"

namespace cli::pdf {

namespace {

double round2(double v) { return std::floor(v * 100 + 0.5) / 100; }

// A box [x0 y0 x1 y1] with x0 <= x1, y0 <= y1; false if not four numbers.
bool box_of(QPDFObjectHandle a, double box[4]) {
    if (!a.isArray() || a.getArrayNItems() != 4) return false;
    for (int k = 0; k < 4; ++k) {
        QPDFObjectHandle v = a.getArrayItem(k);
        if (!v.isNumber()) return false;
        box[k] = v.getNumericValue();
    }
    if (box[0] > box[2]) std::swap(box[0], box[2]);
    if (box[1] > box[3]) std::swap(box[1], box[3]);
    return true;
}

// What the page shows: its CropBox within its MediaBox (pdf.js's page.view).
void view_of(QPDFPageObjectHelper& page, double view[4]) {
    double media[4] = {0, 0, 612, 792}, crop[4];
    box_of(page.getAttribute("/MediaBox", false), media);
    for (int k = 0; k < 4; ++k) view[k] = media[k];
    if (!box_of(page.getAttribute("/CropBox", false), crop)) return;
    const double x0 = std::max(crop[0], media[0]), y0 = std::max(crop[1], media[1]);
    const double x1 = std::min(crop[2], media[2]), y1 = std::min(crop[3], media[3]);
    if (x0 < x1 && y0 < y1) view[0] = x0, view[1] = y0, view[2] = x1, view[3] = y1;
}

int rotation_of(QPDFPageObjectHelper& page) {
    QPDFObjectHandle r = page.getAttribute("/Rotate", false);
    if (!r.isInteger()) return 0;
    const long long turn = ((r.getIntValue() % 360) + 360) % 360;
    return turn % 90 == 0 ? static_cast<int>(turn) : 0;
}

// pdf.js's normalizeUnicode, for the characters of Latin text: compatibility
// forms (ligatures, the micro sign, the ohm sign) as NFKC has them.
std::string normalized(const std::string& s) {
    if (s.find('\xEF') == std::string::npos && s.find('\xC2') == std::string::npos &&
        s.find('\xCD') == std::string::npos && s.find('\xE2') == std::string::npos)
        return s;
    std::string out;
    for (size_t k = 0; k < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[k]);
        const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string ch = s.substr(k, n);
        k += n;
        if (ch == "\xC2\xB5") out += "\xCE\xBC";              // µ -> μ
        else if (ch == "\xCD\xBE") out += ";";                // Greek question mark
        else if (ch == "\xE2\x84\xA6") out += "\xCE\xA9";     // Ω -> Ω
        else if (ch == "\xEF\xAC\x80") out += "ff";
        else if (ch == "\xEF\xAC\x81") out += "fi";
        else if (ch == "\xEF\xAC\x82") out += "fl";
        else if (ch == "\xEF\xAC\x83") out += "ffi";
        else if (ch == "\xEF\xAC\x84") out += "ffl";
        else if (ch == "\xEF\xAC\x85") out += "\xC5\xBFt";    // ſt, as pdf.js
        else if (ch == "\xEF\xAC\x86") out += "st";
        else out += ch;
    }
    return out;
}

// Some character that JavaScript's \S matches (runsOf drops items of blanks).
bool has_non_space(const std::string& s) {
    static const char* const kSpaces[] = {"\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
                                          "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF"};
    for (size_t k = 0; k < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[k]);
        if (c < 0x80) {
            if (!(c == ' ' || (c >= 0x09 && c <= 0x0D))) return true;
            ++k;
            continue;
        }
        const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string ch = s.substr(k, n);
        k += n;
        bool space = ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x80' &&
                     static_cast<unsigned char>(ch[2]) >= 0x80 && static_cast<unsigned char>(ch[2]) <= 0x8A;
        for (const char* sp : kSpaces) space = space || ch == sp;
        if (!space) return true;
    }
    return false;
}

// A point of the page's user space on the page as shown: y down from its top.
void on_page(double x, double y, const double view[4], int rotate, double& px, double& py) {
    switch (rotate) {
        case 90: px = y - view[1], py = x - view[0]; break;
        case 180: px = view[2] - x, py = y - view[1]; break;
        case 270: px = view[3] - y, py = view[2] - x; break;
        default: px = x - view[0], py = view[3] - y;
    }
}

nianbao::Ruling ruling_of(const Segment& s, int page, const double view[4], int rotate) {
    nianbao::Ruling r;
    r.page = page;
    on_page(s.x0, s.y0, view, rotate, r.x0, r.y0);
    on_page(s.x1, s.y1, view, rotate, r.x1, r.y1);
    r.x0 = round2(r.x0), r.y0 = round2(r.y0), r.x1 = round2(r.x1), r.y1 = round2(r.y1);
    return r;
}

// A text item as the run the page makes of it, on the page as shown.
nianbao::TextRun run_of(const TextItem& item, int page, const double view[4], int rotate) {
    const Matrix& t = item.transform;
    nianbao::TextRun r;
    r.page = page;
    on_page(t[4], t[5], view, rotate, r.x, r.y);
    double size = std::hypot(t[2], t[3]);
    if (size == 0) size = std::fabs(t[3]);
    if (size == 0) size = 10;
    // Vertical writing runs down the page: a turned run, as long as its height.
    double angle = std::atan2(t[1], t[0]) * 180 / M_PI - (item.vertical ? 90 : 0) - rotate;
    while (angle <= -180) angle += 360;
    while (angle > 180) angle -= 360;
    r.x = round2(r.x);
    r.y = round2(r.y);
    r.width = round2(item.vertical ? item.height : item.width);
    r.size = round2(size);
    r.angle = round2(angle);
    r.text = normalized(item.text);
    return r;
}

}  // namespace

// A report is a few to a few dozen pages of some 10-100 KB of content each
// (the real ones in tests/fixtures/pdf: 5-6 pages, up to 44 KB of content,
// 5,400 operators and 100 text items a page); the caps are far above that
// and keep a hostile file to about a second.
Limits default_limits() {
    Limits l;
    l.pages = 1000;
    l.content_bytes = size_t(32) << 20;
    l.objects = 8000000;
    l.glyphs = 4000000;
    l.items = 200000;
    l.text_bytes = nianbao::kMaxInputBytes;  // as much as a text file may have
    l.rulings = 200000;  // a table's page draws some hundreds
    l.form_depth = 12;
    l.fonts.stream_bytes = size_t(32) << 20;
    l.fonts.entries = 1000000;
    return l;
}

PdfRuns read_pdf_runs(std::string_view bytes, const Limits& limits) {
    PdfRuns result;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(true);
        pdf.processMemoryFile("PDF", bytes.data(), bytes.size(), "");
        // The page tree says how many pages it holds before it is walked.
        QPDFObjectHandle count = pdf.getRoot().getKey("/Pages").getKey("/Count");
        if (count.isInteger() && count.getIntValue() > static_cast<long long>(limits.pages)) {
            result.error = PdfError::TooManyPages;
            result.pages = static_cast<size_t>(count.getIntValue());
            return result;
        }
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        result.pages = pages.size();
        if (pages.empty()) {
            result.error = PdfError::Damaged;
            result.detail = "no pages";
            return result;
        }
        if (pages.size() > limits.pages) {
            result.error = PdfError::TooManyPages;
            return result;
        }
        Budget budget;
        budget.content_bytes = limits.content_bytes;
        budget.objects = limits.objects;
        budget.glyphs = limits.glyphs;
        budget.text_bytes = limits.text_bytes;
        budget.items = limits.items;
        budget.form_depth = limits.form_depth;
        Fonts fonts(limits.fonts);
        std::vector<TextItem> items;
        std::vector<Segment> lines;
        size_t line_cap = limits.rulings;
        for (size_t p = 0; p < pages.size(); ++p) {
            double view[4];
            view_of(pages[p], view);
            const int rotate = rotation_of(pages[p]);
            items.clear();
            lines.clear();
            page_text(pages[p].getObjectHandle(), view, fonts, budget, items, lines, line_cap);
            if (budget.exhausted) {
                result.error = PdfError::TooMuchContent;
                result.detail = budget.what;
                result.runs.clear();
                return result;
            }
            for (const TextItem& item : items)
                if (has_non_space(item.text)) result.runs.push_back(run_of(item, static_cast<int>(p + 1), view, rotate));
            for (const Segment& s : lines) result.rulings.push_back(ruling_of(s, static_cast<int>(p + 1), view, rotate));
        }
    } catch (const QPDFExc& e) {
        result.error = e.getErrorCode() == qpdf_e_password      ? PdfError::Password
                       : e.getErrorCode() == qpdf_e_unsupported ? PdfError::Unsupported
                                                                : PdfError::Damaged;
        result.detail = e.getMessageDetail();
        result.runs.clear();
        result.rulings.clear();
        return result;
    } catch (const std::exception& e) {
        result.error = PdfError::Damaged;
        result.detail = e.what();
        result.runs.clear();
        return result;
    }
    if (result.runs.empty()) result.error = PdfError::NoText;
    return result;
}

}  // namespace cli::pdf
