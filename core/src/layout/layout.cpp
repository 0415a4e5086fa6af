#include "nianbao/layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "nianbao/format.h"

namespace nianbao {

namespace {

// Runs on one line closer than this (in font sizes) belong to one piece of
// text (glyph runs of a word, a label); further apart they are cells.
constexpr double kCellGap = 1.2;
constexpr double kWordGap = 0.2;  // between ASCII words: a space

struct Piece {
    double x0 = 0, x1 = 0, size = 0;
    std::string text;
    std::vector<uint32_t> run_of;  // per byte of text
    bool number = false;
    double center() const { return (x0 + x1) / 2; }
};

struct Line {
    int page = 0;
    double y = 0, y_max = 0, size = 0;  // baselines from y to y_max
    std::vector<uint32_t> runs;  // indexes, left to right
    std::vector<Piece> pieces;
    size_t first_value = 0;      // pieces[first_value..] are the row's numbers
    bool has_values() const { return first_value < pieces.size(); }
};

double run_size(const TextRun& r) { return r.size > 0 ? r.size : 10; }

bool ascii_edge(std::string_view s, bool at_end) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(at_end ? s.back() : s.front());
    return c > 0x20 && c < 0x7F;
}

bool is_digit_edge(std::string_view s, bool at_end) {
    if (s.empty()) return false;
    const char c = at_end ? s.back() : s.front();
    return c >= '0' && c <= '9';
}

// Digits (ASCII or full-width) with separators and a decimal point: a cell's number.
bool is_number(std::string_view s) {
    size_t i = 0, digits = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= '0' && c <= '9') {
            ++digits;
            ++i;
        } else if (c == '.' || c == ',') {
            ++i;
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            ++digits;  // ０-９
            i += 3;
        } else {
            return false;
        }
    }
    return digits > 0;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The runs of a line, left to right, as pieces: runs closer than a cell gap
// join (with a space between ASCII words), a wider gap starts a new piece.
void make_pieces(Line& line, const std::vector<TextRun>& runs) {
    Piece* cur = nullptr;
    for (uint32_t k : line.runs) {
        const TextRun& r = runs[k];
        const double size = run_size(r);
        const double x1 = r.x + (r.width > 0 ? r.width : size * 0.5 * static_cast<double>(r.text.size()) / 3);
        if (cur) {
            const double gap = r.x - cur->x1;
            // Two numbers a space apart are two cells (a narrow table's columns).
            const bool digits = is_digit_edge(cur->text, true) && is_digit_edge(r.text, false);
            if (gap > kCellGap * std::min(size, cur->size) || (digits && gap > kWordGap * size)) {
                cur = nullptr;
            } else if (gap > kWordGap * size && ascii_edge(cur->text, true) && ascii_edge(r.text, false)) {
                cur->text += ' ';
                cur->run_of.push_back(LaidOutText::kNoRun);
            }
        }
        if (!cur) {
            line.pieces.push_back({r.x, x1, size, {}, {}, false});
            cur = &line.pieces.back();
        }
        cur->text += r.text;
        cur->run_of.insert(cur->run_of.end(), r.text.size(), k);
        cur->x1 = std::max(cur->x1, x1);
    }
    for (auto& p : line.pieces) p.number = is_number(trimmed(p.text));
    line.first_value = line.pieces.size();
    while (line.first_value > 0 && line.pieces[line.first_value - 1].number) --line.first_value;
}

// Columns of a table: the x-centres of the numbers of its rows, merged when
// closer than a font size.
struct Column {
    double center = 0, size = 0;
    int rows = 0;
};

int column_of(const std::vector<Column>& cols, double center, double size) {
    int best = -1;
    double dist = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
        const double d = std::fabs(cols[c].center - center);
        if (d <= std::max(size, cols[c].size) && (best < 0 || d < dist)) {
            best = static_cast<int>(c);
            dist = d;
        }
    }
    return best;
}

void add_to_columns(std::vector<Column>& cols, const Line& line) {
    for (size_t k = line.first_value; k < line.pieces.size(); ++k) {
        const Piece& p = line.pieces[k];
        const int c = column_of(cols, p.center(), p.size);
        if (c < 0) {
            cols.push_back({p.center(), p.size, 1});
        } else {
            Column& col = cols[static_cast<size_t>(c)];
            col.center = (col.center * col.rows + p.center()) / (col.rows + 1);
            ++col.rows;
        }
    }
    std::sort(cols.begin(), cols.end(), [](const Column& a, const Column& b) { return a.center < b.center; });
}

// What every template row (tables 二-四 of every format) gives, each once, sorted.
template <typename T, typename Of>
std::vector<T> of_template_rows(Of of) {
    std::vector<T> out;
    for (const FormatSpec* f : formats())
        for (int n : {2, 3, 4})
            for (const RowSpec& row : f->table(n).rows)
                if (auto v = of(row)) out.push_back(*v);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The numbers of cells the template's data rows have (2021: 1, 3, 7, 15;
// 2019 adds 2): the column counts a table's blocks aim at.
const std::vector<int>& template_widths() {
    static const auto widths =
        of_template_rows<int>([](const RowSpec& row) { return row.cells > 0 ? std::optional<int>(row.cells) : std::nullopt; });
    return widths;
}

// Does the text begin with the enumerator of a template row ("3.", "（五）",
// "四、")? A row's label does; the second line of a label wrapped in its
// cell seldom does.
bool starts_with_marker(std::string_view text) {
    static const auto markers = of_template_rows<std::string_view>([](const RowSpec& row) {
        return row.marker.empty() ? std::nullopt : std::optional<std::string_view>(row.marker);
    });
    text = trimmed(text);
    return std::any_of(markers.begin(), markers.end(), [&](std::string_view m) { return text.substr(0, m.size()) == m; });
}

// Columns no row has a number in (a web page leaves its zeros blank, and a
// column may be all zeros): when the block's columns stand a common pitch
// apart but for gaps of whole pitches, and filling those gaps makes as many
// columns as a template row has, the gaps' columns are added (empty).
void fill_columns(std::vector<Column>& cols) {
    if (cols.size() < 3) return;
    const auto& widths = template_widths();
    if (std::find(widths.begin(), widths.end(), static_cast<int>(cols.size())) != widths.end()) return;
    double pitch = 1e9;
    for (size_t c = 1; c < cols.size(); ++c) pitch = std::min(pitch, cols[c].center - cols[c - 1].center);
    if (pitch < cols[0].size) return;
    std::vector<Column> filled{cols[0]};
    for (size_t c = 1; c < cols.size(); ++c) {
        const double gap = cols[c].center - cols[c - 1].center;
        const double k = std::round(gap / pitch);
        if (std::fabs(gap - k * pitch) > 0.15 * pitch) return;  // no common pitch
        for (int m = 1; m < static_cast<int>(k); ++m)
            filled.push_back({cols[c - 1].center + gap * m / k, cols[c].size, 0});
        filled.push_back(cols[c]);
    }
    if (std::find(widths.begin(), widths.end(), static_cast<int>(filled.size())) == widths.end()) return;
    cols = std::move(filled);
}

// Does the row's numbers stand in the block's columns (at least half of them,
// each in a column of its own)? Two numbers nearest one column belong to
// another table whose columns stand closer (two tables of one report,
// printed one under the other with columns of their own widths).
bool fits_columns(const std::vector<Column>& cols, const Line& line) {
    size_t hits = 0, n = line.pieces.size() - line.first_value;
    std::vector<char> taken(cols.size(), 0);
    for (size_t k = line.first_value; k < line.pieces.size(); ++k) {
        const int c = column_of(cols, line.pieces[k].center(), line.pieces[k].size);
        if (c < 0) continue;
        if (taken[static_cast<size_t>(c)]++) return false;
        ++hits;
    }
    return 2 * hits >= n;
}

// The drawn borders of one page: vertical and horizontal segments.
struct PageRules {
    struct Vertical {
        double x, y0, y1;
    };
    struct Horizontal {
        double y, x0, x1;
    };
    std::vector<Vertical> verticals;
    std::vector<Horizontal> horizontals;
};

std::vector<PageRules> rules_by_page(const std::vector<Ruling>& rulings) {
    std::vector<PageRules> pages;
    for (const Ruling& r : rulings) {
        if (r.page < 1 || r.page > 100000) continue;
        const double dx = std::fabs(r.x1 - r.x0), dy = std::fabs(r.y1 - r.y0);
        if (static_cast<size_t>(r.page) > pages.size()) pages.resize(static_cast<size_t>(r.page));
        PageRules& p = pages[static_cast<size_t>(r.page - 1)];
        if (dx <= 1 && dy >= 3) p.verticals.push_back({(r.x0 + r.x1) / 2, std::min(r.y0, r.y1), std::max(r.y0, r.y1)});
        else if (dy <= 1 && dx >= 3) p.horizontals.push_back({(r.y0 + r.y1) / 2, std::min(r.x0, r.x1), std::max(r.x0, r.x1)});
    }
    return pages;
}

using Box = std::pair<double, double>;  // x from, x to

// The boxes right of x = from on a line whose glyphs' middle is at y = mid:
// the spans between consecutive vertical borders crossing it there.
std::vector<Box> boxes_right_of(const PageRules& rules, double mid, double from) {
    std::vector<double> xs;
    for (const auto& v : rules.verticals)
        if (v.y0 - 0.5 <= mid && mid <= v.y1 + 0.5 && v.x >= from - 0.5) xs.push_back(v.x);
    std::sort(xs.begin(), xs.end());
    std::vector<Box> boxes;
    double last = 0;
    for (size_t k = 0; k < xs.size(); ++k) {
        if (k > 0 && xs[k] - last < 1.5) continue;  // one border drawn twice, or thick
        if (k > 0) boxes.push_back({last, xs[k]});
        last = xs[k];
    }
    return boxes;
}

// The nearest horizontal borders above and below y = mid at x: the band of
// one table row; {0, 0} when the rulings do not close it.
std::pair<double, double> band_at(const PageRules& rules, double x, double mid) {
    double top = -1e300, bottom = 1e300;
    for (const auto& h : rules.horizontals) {
        if (h.x0 - 0.5 > x || x > h.x1 + 0.5) continue;
        if (h.y < mid) top = std::max(top, h.y);
        else bottom = std::min(bottom, h.y);
    }
    if (top < -1e299 || bottom > 1e299) return {0, 0};
    return {top, bottom};
}

class Writer {
public:
    explicit Writer(LaidOutText& out) : out_(out) {}
    void piece(const Piece& p) {
        out_.text += p.text;
        out_.run_of.insert(out_.run_of.end(), p.run_of.begin(), p.run_of.end());
    }
    void separator(char c) {
        out_.text += c;
        out_.run_of.push_back(LaidOutText::kNoRun);
    }

private:
    LaidOutText& out_;
};

// Appends (or prepends) a piece of a label wrapped in its cell to the row's
// label piece in the same column; a space only between two ASCII words.
void join_piece(Piece& into, const Piece& part, bool before) {
    const Piece& first = before ? part : into;
    const Piece& second = before ? into : part;
    Piece joined{std::min(into.x0, part.x0), std::max(into.x1, part.x1), into.size, first.text, first.run_of, false};
    if (ascii_edge(first.text, true) && ascii_edge(second.text, false)) {
        joined.text += ' ';
        joined.run_of.push_back(LaidOutText::kNoRun);
    }
    joined.text += second.text;
    joined.run_of.insert(joined.run_of.end(), second.run_of.begin(), second.run_of.end());
    into = std::move(joined);
}

// The label lines of a cell a row's label wraps in (set above and below the
// row's numbers when the cell centres its text) go into the row's label
// pieces, column by column; a piece in no column of the row's label is a
// label cell of its own, in its place from the left. A piece is in a label's
// column when they share most of the narrower one's width: the characters of
// a header standing in a narrow cell left of the labels (三、本年度办理结果 one
// character a line) touch the labels' cells but are none of them.
void merge_wrapped(Line& row, const Line& part, bool above) {
    for (const Piece& p : part.pieces) {
        size_t best = row.first_value;
        for (size_t k = 0; k < row.first_value; ++k) {
            const Piece& q = row.pieces[k];
            const double shared = std::min(p.x1, q.x1) - std::max(p.x0, q.x0);
            if (shared > 0.5 * std::min(p.x1 - p.x0, q.x1 - q.x0)) {
                best = k;
                break;
            }
        }
        if (best < row.first_value) {
            join_piece(row.pieces[best], p, above);
            continue;
        }
        size_t at = 0;
        while (at < row.first_value && row.pieces[at].x0 < p.x0) ++at;
        row.pieces.insert(row.pieces.begin() + static_cast<std::ptrdiff_t>(at), p);
        ++row.first_value;
    }
}

// A row's label pieces, tab-separated.
void write_labels(Writer& w, const Line& line) {
    for (size_t k = 0; k < line.first_value; ++k) {
        if (k > 0) w.separator('\t');
        w.piece(line.pieces[k]);
    }
}

// The box x stands in, or boxes.size().
size_t box_of(const std::vector<Box>& boxes, double x) {
    size_t b = 0;
    while (b < boxes.size() && !(boxes[b].first <= x && x <= boxes[b].second)) ++b;
    return b;
}

// A row of a table: its label pieces, then one cell per column of its
// block, empty where the row has no number in that column.
void write_row(Writer& w, const Line& line, const std::vector<Column>& cols) {
    write_labels(w, line);
    std::vector<const Piece*> cells(cols.size(), nullptr);
    std::vector<const Piece*> stray;
    for (size_t k = line.first_value; k < line.pieces.size(); ++k) {
        const Piece& p = line.pieces[k];
        const int c = column_of(cols, p.center(), p.size);
        if (c >= 0 && !cells[static_cast<size_t>(c)]) cells[static_cast<size_t>(c)] = &p;
        else stray.push_back(&p);
    }
    if (!stray.empty()) {  // numbers outside the columns: keep them all, in their order
        for (size_t k = line.first_value; k < line.pieces.size(); ++k) {
            w.separator('\t');
            w.piece(line.pieces[k]);
        }
        return;
    }
    // Columns left of the row's label end are another table's, not this row's.
    const double label_end = line.first_value > 0 ? line.pieces[line.first_value - 1].x1 : -1e9;
    for (size_t c = 0; c < cols.size(); ++c) {
        if (cols[c].center < label_end) continue;
        w.separator('\t');
        if (cells[c]) w.piece(*cells[c]);
    }
}

// A row placed by the drawn borders: its labels, then a cell per box, with
// the number standing in it or empty.
void write_boxes(Writer& w, const Line& line, const std::vector<Box>& boxes) {
    write_labels(w, line);
    std::vector<const Piece*> cells(boxes.size(), nullptr);
    for (size_t k = line.first_value; k < line.pieces.size(); ++k) {
        const size_t b = box_of(boxes, line.pieces[k].center());
        if (b < boxes.size() && !cells[b]) cells[b] = &line.pieces[k];
    }
    for (const Piece* cell : cells) {
        w.separator('\t');
        if (cell) w.piece(*cell);
    }
}

void write_plain(Writer& w, const Line& line) {
    for (size_t k = 0; k < line.pieces.size(); ++k) {
        if (k > 0) w.separator('\t');
        w.piece(line.pieces[k]);
    }
}

// Producers put several cells into one run when they are close ("0 0 0 0 0 0 0"
// in a narrow table printed by Chromium): a run with numbers among its
// space-separated words becomes one run per word, placed by its share of the
// run's width (a CJK character counted twice as wide as a digit).
void split_runs(const std::vector<TextRun>& runs, std::vector<TextRun>& out, std::vector<uint32_t>& origin) {
    for (uint32_t k = 0; k < runs.size(); ++k) {
        const TextRun& r = runs[k];
        std::vector<std::pair<size_t, size_t>> words;  // byte ranges
        std::vector<double> units_at;                  // width units before each byte
        double units = 0;
        bool any_number = false;
        for (size_t i = 0; i < r.text.size();) {
            const auto c = static_cast<unsigned char>(r.text[i]);
            const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            const bool space = c == ' ' || r.text.compare(i, 3, "\xE3\x80\x80") == 0;
            if (!space && (words.empty() || words.back().second != i)) words.push_back({i, i});
            if (!space) words.back().second = i + len;
            for (size_t b = 0; b < len && i + b < r.text.size(); ++b) units_at.push_back(units);
            units += len >= 3 ? 2 : 1;
            i += len;
        }
        for (const auto& w : words) any_number |= is_number(std::string_view(r.text).substr(w.first, w.second - w.first));
        if (words.size() < 2 || !any_number || r.width <= 0) {
            out.push_back(r);
            origin.push_back(k);
            continue;
        }
        for (const auto& w : words) {
            TextRun part = r;
            part.text = r.text.substr(w.first, w.second - w.first);
            const double from = units_at[w.first];
            const double to = w.second < units_at.size() ? units_at[w.second] : units;
            part.x = r.x + r.width * from / units;
            part.width = r.width * (to - from) / units;
            out.push_back(std::move(part));
            origin.push_back(k);
        }
    }
}

LaidOutText lay_out_split(const std::vector<TextRun>& runs, const std::vector<PageRules>& rules);

}  // namespace

LaidOutText lay_out(const std::vector<TextRun>& input, const std::vector<Ruling>& rulings) {
    std::vector<TextRun> runs;
    std::vector<uint32_t> origin;
    split_runs(input, runs, origin);
    LaidOutText out = lay_out_split(runs, rules_by_page(rulings));
    for (auto& k : out.run_of)
        if (k != LaidOutText::kNoRun) k = origin[k];
    return out;
}

namespace {

LaidOutText lay_out_split(const std::vector<TextRun>& runs, const std::vector<PageRules>& rules) {
    LaidOutText out;
    Writer w(out);
    std::vector<uint32_t> order;
    for (uint32_t k = 0; k < runs.size(); ++k)
        if (!trimmed(runs[k].text).empty()) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        const TextRun &ra = runs[a], &rb = runs[b];
        if (ra.page != rb.page) return ra.page < rb.page;
        return ra.y < rb.y;
    });

    std::vector<Line> lines;
    std::vector<uint32_t> turned;  // runs not horizontal, by page
    for (uint32_t k : order) {
        const TextRun& r = runs[k];
        if (std::fabs(r.angle) > 2) {
            turned.push_back(k);
            continue;
        }
        const double size = run_size(r);
        // Cells of one row are often set on baselines a few points apart
        // (a label centred in a taller cell): a run within half a font size
        // of the line's lowest baseline is on the line.
        if (!lines.empty() && lines.back().page == r.page &&
            r.y - lines.back().y_max <= 0.45 * std::min(size, lines.back().size)) {
            lines.back().runs.push_back(k);
            lines.back().y_max = std::max(lines.back().y_max, r.y);
            continue;
        }
        lines.push_back({r.page, r.y, r.y, size, {k}, {}, 0});
    }
    for (auto& line : lines) {
        std::stable_sort(line.runs.begin(), line.runs.end(), [&](uint32_t a, uint32_t b) { return runs[a].x < runs[b].x; });
        // A run drawn twice at the same place (fake bold) is one run.
        std::vector<uint32_t> kept;
        for (uint32_t k : line.runs) {
            const bool twice = !kept.empty() && runs[kept.back()].text == runs[k].text &&
                               std::fabs(runs[kept.back()].x - runs[k].x) < 0.3 * run_size(runs[k]);
            if (!twice) kept.push_back(k);
        }
        line.runs = std::move(kept);
        make_pieces(line, runs);
    }

    // Blocks of rows whose numbers share columns; a row that does not fit
    // starts the next block (another table, or table 二's next block).
    std::vector<size_t> block_of(lines.size(), 0);
    std::vector<std::vector<Column>> blocks(1);
    // Where the numbers of the block's last row begin: a label wrapped in its
    // cell stays left of them (a table's columns may begin further left, in
    // rows of fewer label cells).
    double numbers_from = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].has_values()) {
            // A line of text reaching over the numbers (a header such as
            // 信息内容 本年处理决定数量, or prose) ends the table's block.
            if (!blocks.back().empty() && !lines[i].pieces.empty() && lines[i].pieces.back().x1 > numbers_from)
                blocks.emplace_back();
            continue;
        }
        numbers_from = lines[i].pieces[lines[i].first_value].x0;
        if (!blocks.back().empty() && !fits_columns(blocks.back(), lines[i])) blocks.emplace_back();
        add_to_columns(blocks.back(), lines[i]);
        block_of[i] = blocks.size() - 1;
    }

    for (auto& cols : blocks) fill_columns(cols);

    // Lines of a label wrapped in its cell, left of its row's numbers (a
    // cell that centres its text sets them above and below the row's
    // numbers): a line between two rows of a block goes with the nearer one,
    // when it is nearer by a quarter and within three lines. Lines before a
    // block's first row or after its last stay as they are: a header cell,
    // or the heading of table 二's next block (第二十条第（五）项).
    std::vector<char> merged(lines.size(), 0);
    std::vector<std::vector<size_t>> parts(lines.size());  // per row: its wrapped lines
    auto left_of_numbers = [&](const Line& l, const Line& row) {
        return !l.pieces.empty() && l.pieces.back().x1 < row.pieces[row.first_value].x0;
    };
    // The row of numbers next to line i in direction dir, past other lines
    // left of that row's columns; lines.size() if none on the page.
    auto row_beside = [&](size_t i, int dir) {
        for (size_t j = i;;) {
            if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= lines.size())) return lines.size();
            j = dir < 0 ? j - 1 : j + 1;
            if (lines[j].page != lines[i].page) return lines.size();
            if (lines[j].has_values()) return j;
            if (lines[j].pieces.empty()) continue;
            // A line reaching over the columns (prose, a header) stands between.
            const double right = lines[j].pieces.back().x1;
            if (right >= lines[i].pieces.back().x1 + 4 * lines[i].size) return lines.size();
        }
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].has_values() || lines[i].pieces.empty()) continue;
        const size_t p = row_beside(i, -1), n = row_beside(i, 1);
        if (p == lines.size() || !left_of_numbers(lines[i], lines[p])) continue;
        const double size = lines[i].size;
        const double above = lines[i].y - lines[p].y_max;
        size_t to = lines.size();
        if (n != lines.size() && block_of[n] == block_of[p] && left_of_numbers(lines[i], lines[n])) {
            const double below = lines[n].y - lines[i].y_max;
            const double near = std::min(above, below), far = std::max(above, below);
            if (near <= 3 * size && near < 0.75 * far) to = above <= below ? p : n;
        }
        if (to == lines.size()) continue;
        merged[i] = 1;
        parts[to].push_back(i);
    }
    // A row whose cells are all empty: a line of labels left of the columns
    // between two rows of one block, set where their row labels begin, led by
    // a template row's enumerator, and a row apart from the lines beside it
    // set there too (closer, it is a label wrapped in its cell). It gets the
    // block's cells, empty.
    std::vector<double> row_pitch(blocks.size(), 1e9);  // the least distance between two rows
    for (size_t i = 0, last = lines.size(); i < lines.size(); ++i) {
        if (!lines[i].has_values()) continue;
        if (last < lines.size() && block_of[last] == block_of[i] && lines[last].page == lines[i].page)
            row_pitch[block_of[i]] = std::min(row_pitch[block_of[i]], lines[i].y - lines[last].y);
        last = i;
    }
    // The row of numbers next to line i in direction dir past lines of labels
    // only (all left of that row's numbers); lines.size() if none.
    auto row_near = [&](size_t i, int dir) {
        size_t j = i;
        for (int k = 0; k < 8; ++k) {
            if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= lines.size())) break;
            j = dir < 0 ? j - 1 : j + 1;
            if (lines[j].page != lines[i].page) break;
            if (!lines[j].has_values()) continue;
            for (size_t m = std::min(i, j); m <= std::max(i, j); ++m)
                if (m != j && !lines[m].pieces.empty() && !left_of_numbers(lines[m], lines[j])) return lines.size();
            return j;
        }
        return lines.size();
    };
    std::vector<char> blank_row(lines.size(), 0);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (merged[i] || lines[i].has_values() || lines[i].pieces.empty()) continue;
        const size_t p = row_near(i, -1), n = row_near(i, 1);
        if (p == lines.size() || n == lines.size() || block_of[p] != block_of[n]) continue;
        if (!starts_with_marker(lines[i].pieces.front().text)) continue;
        const double x0 = lines[i].pieces.front().x0, size = lines[i].size;
        const auto starts_here = [&](const Line& l) {
            const size_t labels = l.has_values() ? l.first_value : l.pieces.size();
            return labels > 0 && std::fabs(l.pieces[labels - 1].x0 - x0) < 0.5 * size;
        };
        if (!starts_here(lines[p]) && !starts_here(lines[n])) continue;
        bool apart = true;
        for (size_t k = p; k <= n && apart; ++k)
            if (k != i && starts_here(lines[k]) && std::fabs(lines[k].y - lines[i].y) < 0.9 * row_pitch[block_of[p]])
                apart = false;
        if (!apart) continue;
        blank_row[i] = 1;
        block_of[i] = block_of[p];
    }

    // Rows the drawn borders place, where the numbers alone cannot (a table
    // left blank but for a number or two gives its numbers no columns): a
    // row of numbers whose block has another count of columns, and a
    // label alone in its band between two horizontal borders, get the boxes
    // right of their label; the label's other lines in the band, in its
    // column, join it (a group's label in a column of its own stays a line).
    std::vector<std::vector<Box>> ruled(lines.size());
    if (!rules.empty()) {
        const auto& widths = template_widths();
        auto is_width = [&](size_t n) { return std::find(widths.begin(), widths.end(), static_cast<int>(n)) != widths.end(); };
        auto mid_of = [](const Line& l) { return l.y - 0.35 * l.size; };
        auto rules_of = [&](const Line& l) -> const PageRules* {
            const auto page = static_cast<size_t>(l.page);
            return page >= 1 && page <= rules.size() && !rules[page - 1].verticals.empty() ? &rules[page - 1] : nullptr;
        };
        // The boxes right of the line's labels if it has a template's count
        // of them and its numbers sit one to a box; else none.
        auto boxes_of = [&](const Line& l) -> std::vector<Box> {
            const PageRules* pr = rules_of(l);
            if (!pr || l.first_value == 0) return {};
            std::vector<Box> boxes = boxes_right_of(*pr, mid_of(l), l.pieces[l.first_value - 1].x1);
            if (boxes.empty() || !is_width(boxes.size())) return {};
            std::vector<char> taken(boxes.size(), 0);
            for (size_t k = l.first_value; k < l.pieces.size(); ++k) {
                const size_t b = box_of(boxes, l.pieces[k].center());
                if (b == boxes.size() || taken[b]++) return {};
            }
            return boxes;
        };
        // A table's rows share where their boxes begin and how many there
        // are, on every page it runs over; a line whose boxes no two other
        // lines share (a header over the numbers' columns) is no row.
        std::map<std::pair<long, size_t>, int> shared;
        auto signature = [](const Line&, const std::vector<Box>& b) {
            return std::make_pair(std::lround(b.front().first), b.size());
        };
        std::vector<std::vector<Box>> candidate(lines.size());
        for (size_t i = 0; i < lines.size(); ++i) {
            if (merged[i] || blank_row[i] || lines[i].pieces.empty()) continue;
            candidate[i] = boxes_of(lines[i]);
            if (!candidate[i].empty()) ++shared[signature(lines[i], candidate[i])];
        }
        auto boxes_of_row = [&](size_t i) -> std::vector<Box> {
            if (candidate[i].empty() || shared[signature(lines[i], candidate[i])] < 3) return {};
            return candidate[i];
        };
        for (size_t i = 0; i < lines.size(); ++i) {
            const Line& l = lines[i];
            if (merged[i] || blank_row[i] || l.pieces.empty() || !ruled[i].empty()) continue;
            if (l.has_values()) {
                // Where the borders and the numbers' columns agree, the columns stay.
                std::vector<Box> boxes = boxes_of_row(i);
                if (boxes.size() != blocks[block_of[i]].size()) ruled[i] = std::move(boxes);
                continue;
            }
            const std::vector<Box> boxes = boxes_of_row(i);
            if (boxes.empty() || (boxes.size() < 3 && !starts_with_marker(l.pieces.front().text))) continue;
            const auto [top, bottom] = band_at(*rules_of(l), boxes.front().first + 1, mid_of(l));
            if (top == bottom) continue;
            // The lines of the band: none with numbers, none reaching into the boxes (a header).
            std::vector<size_t> band;
            bool row_of_labels = true;
            for (size_t j = 0; j < lines.size() && row_of_labels; ++j) {
                const Line& m = lines[j];
                if (m.page != l.page || m.pieces.empty() || mid_of(m) <= top || mid_of(m) >= bottom) continue;
                if (m.has_values() || m.pieces.back().x1 > boxes.front().first + 1 || merged[j] || blank_row[j])
                    row_of_labels = false;
                band.push_back(j);
            }
            if (!row_of_labels) continue;
            // The row's label: the line nearest the boxes, the top one of those.
            size_t row = i;
            for (size_t j : band) {
                const double x1 = lines[j].pieces.back().x1, best = lines[row].pieces.back().x1;
                if (x1 > best + 0.5 * lines[j].size) row = j;
            }
            const Piece& label = lines[row].pieces.back();
            for (size_t j : band) {
                if (j == row) continue;
                const Piece& q = lines[j].pieces.back();
                const double shared = std::min(q.x1, label.x1) - std::max(q.x0, label.x0);
                if (shared <= 0.5 * std::min(q.x1 - q.x0, label.x1 - label.x0)) continue;  // another column
                merged[j] = 1;
                parts[row].push_back(j);
            }
            ruled[row] = boxes_of_row(row);
            if (ruled[row].empty()) ruled[row] = boxes;
        }
    }

    for (size_t r = 0; r < lines.size(); ++r) {
        // Above the row, nearest first, so each is put before what is there.
        for (size_t k = parts[r].size(); k-- > 0;)
            if (parts[r][k] < r) merge_wrapped(lines[r], lines[parts[r][k]], true);
        for (size_t k : parts[r])
            if (k > r) merge_wrapped(lines[r], lines[k], false);
    }

    size_t next_turned = 0;
    auto write_turned = [&](int until_page) {
        for (; next_turned < turned.size() && runs[turned[next_turned]].page <= until_page; ++next_turned) {
            if (!out.text.empty()) w.separator('\n');
            const uint32_t k = turned[next_turned];
            Piece p{runs[k].x, runs[k].x, run_size(runs[k]), runs[k].text, std::vector<uint32_t>(runs[k].text.size(), k), false};
            w.piece(p);
        }
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && lines[i].page != lines[i - 1].page) write_turned(lines[i - 1].page);
        if (merged[i]) continue;
        if (!out.text.empty()) w.separator('\n');
        if (!ruled[i].empty()) write_boxes(w, lines[i], ruled[i]);
        else if (lines[i].has_values() || blank_row[i]) write_row(w, lines[i], blocks[block_of[i]]);
        else write_plain(w, lines[i]);
    }
    write_turned(1 << 30);
    return out;
}

}  // namespace

}  // namespace nianbao
