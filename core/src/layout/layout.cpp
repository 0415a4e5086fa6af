#include "nianbao/layout.h"

#include <algorithm>
#include <cmath>
#include <string_view>

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

// Does the row's numbers stand in the block's columns (at least half of them)?
bool fits_columns(const std::vector<Column>& cols, const Line& line) {
    size_t hits = 0, n = line.pieces.size() - line.first_value;
    for (size_t k = line.first_value; k < line.pieces.size(); ++k)
        hits += column_of(cols, line.pieces[k].center(), line.pieces[k].size) >= 0;
    return 2 * hits >= n;
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

// A row of a table: its label pieces, then one cell per column of its
// block, empty where the row has no number in that column.
void write_row(Writer& w, const Line& line, const std::vector<Column>& cols) {
    for (size_t k = 0; k < line.first_value; ++k) {
        if (k > 0) w.separator('\t');
        w.piece(line.pieces[k]);
    }
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

LaidOutText lay_out_split(const std::vector<TextRun>& runs);

}  // namespace

LaidOutText lay_out(const std::vector<TextRun>& input) {
    std::vector<TextRun> runs;
    std::vector<uint32_t> origin;
    split_runs(input, runs, origin);
    LaidOutText out = lay_out_split(runs);
    for (auto& k : out.run_of)
        if (k != LaidOutText::kNoRun) k = origin[k];
    return out;
}

namespace {

LaidOutText lay_out_split(const std::vector<TextRun>& runs) {
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
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].has_values()) {
            // A line of text reaching over the columns (a header such as
            // 信息内容 本年处理决定数量, or prose) ends the table's block; a
            // label wrapped inside its cell stays left of them.
            const auto& cols = blocks.back();
            if (!cols.empty() && !lines[i].pieces.empty() && lines[i].pieces.back().x1 > cols.front().center)
                blocks.emplace_back();
            continue;
        }
        if (!blocks.back().empty() && !fits_columns(blocks.back(), lines[i])) blocks.emplace_back();
        add_to_columns(blocks.back(), lines[i]);
        block_of[i] = blocks.size() - 1;
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
        if (!out.text.empty()) w.separator('\n');
        if (lines[i].has_values()) write_row(w, lines[i], blocks[block_of[i]]);
        else write_plain(w, lines[i]);
    }
    write_turned(1 << 30);
    return out;
}

}  // namespace

}  // namespace nianbao
