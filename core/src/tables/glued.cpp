#include "tables/glued.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace nianbao {

namespace {

constexpr size_t kMaxDigits = 15;          // the longest count a cell holds
constexpr size_t kMaxStates = 200000;      // memoized states of one row's search
// Steps (a next part tried) of all the searches of one table together: rows of
// ~100 digits each hit the state budget, ~0.2 s a row, and a table 三 has 23
// rows (a 10 KB text took 5 s; tests/fuzz/glued_fuzz found the shape). A real
// glued row takes a few hundred steps.
constexpr size_t kMaxSteps = 100000;
constexpr size_t kMaxCombinations = 200000;  // table 三: rows' readings tried together
constexpr size_t kShownReadings = 8;       // readings kept to show

// The memo is a std::map, not a hash map: the page's wasm then carries no hash
// table (its prime table and rehashing, ~0.7 KB gz); at most kMaxStates states.
struct State {
    uint32_t token, pos, part;
    int64_t sum;
    bool operator<(const State& o) const {
        return std::tie(token, pos, part, sum) < std::tie(o.token, o.pos, o.part, o.sum);
    }
};

class Search {
public:
    Search(const std::vector<std::string>& numbers, int cells, const RowSums& sums, size_t& steps_left)
        : numbers_(numbers), cells_(cells), steps_left_(steps_left), block_of_(cells, -1), last_(cells, false),
          digits_after_(numbers.size() + 1, 0) {
        for (size_t b = 0; b < sums.blocks.size(); ++b)
            for (int k = 0; k < sums.blocks[b].second; ++k) {
                const int part = sums.blocks[b].first + k;
                if (part >= cells) continue;
                block_of_[part] = static_cast<int>(b);
                last_[part] = k + 1 == sums.blocks[b].second;
            }
        for (size_t t = numbers.size(); t-- > 0;) digits_after_[t] = digits_after_[t + 1] + numbers[t].size();
    }

    uint64_t count(uint32_t token, uint32_t pos, uint32_t part, int64_t sum) {
        if (gave_up_) return 0;
        if (token == numbers_.size()) return part == static_cast<uint32_t>(cells_) ? 1 : 0;
        if (part >= static_cast<uint32_t>(cells_)) return 0;
        const size_t parts_left = cells_ - part;
        const size_t digits_left = numbers_[token].size() - pos + digits_after_[token + 1];
        if (parts_left > digits_left || parts_left < numbers_.size() - token) return 0;
        const State key{token, pos, part, sum};
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
        uint64_t total = 0;
        for_each_next(token, pos, part, sum, [&](uint32_t t, uint32_t p, int64_t s, int64_t) {
            if (steps_left_ == 0) gave_up_ = true;
            if (gave_up_) return;
            --steps_left_;
            total = std::min<uint64_t>(total + count(t, p, part + 1, s), uint64_t{1} << 62);
        });
        if (memo_.size() >= kMaxStates) gave_up_ = true;
        memo_.emplace(key, total);
        return total;
    }

    void collect(uint32_t token, uint32_t pos, uint32_t part, int64_t sum, std::vector<int64_t>& cur,
                 std::vector<std::vector<int64_t>>& out, size_t cap) {
        if (out.size() >= cap || gave_up_) return;
        if (token == numbers_.size()) {
            if (part == static_cast<uint32_t>(cells_)) out.push_back(cur);
            return;
        }
        for_each_next(token, pos, part, sum, [&](uint32_t t, uint32_t p, int64_t s, int64_t v) {
            if (out.size() >= cap || count(t, p, part + 1, s) == 0) return;
            cur.push_back(v);
            collect(t, p, part + 1, s, cur, out, cap);
            cur.pop_back();
        });
    }

    bool gave_up() const { return gave_up_; }

private:
    // Each next part: its value, where the search goes on, the block sum after it.
    template <class F>
    void for_each_next(uint32_t token, uint32_t pos, uint32_t part, int64_t sum, F&& f) {
        const std::string& d = numbers_[token];
        const size_t longest = d[pos] == '0' ? 1 : std::min(kMaxDigits, d.size() - pos);
        int64_t v = 0;
        for (size_t len = 1; len <= longest; ++len) {
            v = v * 10 + (d[pos + len - 1] - '0');
            int64_t next_sum = sum;
            if (block_of_[part] >= 0) {
                if (last_[part]) {
                    if (v != sum) continue;
                    next_sum = 0;
                } else {
                    next_sum = sum + v;
                }
            }
            const bool token_done = pos + len == d.size();
            f(token_done ? token + 1 : token, token_done ? 0 : static_cast<uint32_t>(pos + len), next_sum, v);
        }
    }

    const std::vector<std::string>& numbers_;
    int cells_;
    size_t& steps_left_;
    std::vector<int> block_of_;
    std::vector<bool> last_;
    std::vector<size_t> digits_after_;
    std::map<State, uint64_t> memo_;
    bool gave_up_ = false;
};

// A row whose numbers may be glued: its digit strings and their readings.
struct GluedRow {
    size_t row = 0;
    std::vector<std::string> numbers;
    Splits fits;  // readings that satisfy the row's own sums
    Splits any;   // when none does: the readings with the right count of cells
};

// The row's cells as digit strings, when each is a plain count ("640020470",
// full-width digits too); empty when the row is no case of glued digits.
std::vector<std::string> digit_strings(const Row& row) {
    std::vector<std::string> out;
    bool glued = false;
    for (int k = 0; k < row.numbers_found; ++k) {
        const Cell& c = row.cells[static_cast<size_t>(k)];
        // Overflow: more digits than a count has, the clearest case of glued cells.
        if ((c.status != CellStatus::Ok && c.status != CellStatus::Overflow) || c.decimal) return {};
        std::string d;
        for (size_t i = 0; i < c.raw.size();) {
            const unsigned char b = static_cast<unsigned char>(c.raw[i]);
            if (b >= '0' && b <= '9') {
                d += static_cast<char>(b);
                ++i;
            } else if (b == 0xEF && i + 2 < c.raw.size() && static_cast<unsigned char>(c.raw[i + 1]) == 0xBC &&
                       static_cast<unsigned char>(c.raw[i + 2]) >= 0x90 && static_cast<unsigned char>(c.raw[i + 2]) <= 0x99) {
                d += static_cast<char>('0' + (static_cast<unsigned char>(c.raw[i + 2]) - 0x90));
                i += 3;
            } else {
                return {};  // 3,119, units, anything else: not glued digits
            }
        }
        glued |= d.size() > 1;
        out.push_back(std::move(d));
    }
    return glued ? out : std::vector<std::string>{};
}


// Put a reading into the row: each part a cell with its exact source range.
void read_into(Row& row, const std::vector<int64_t>& reading) {
    std::vector<Cell> cells;
    cells.reserve(reading.size());
    size_t part = 0;
    for (int k = 0; k < row.numbers_found; ++k) {
        const Cell& token = row.cells[static_cast<size_t>(k)];
        // Byte offset of each digit in the token's source text.
        std::vector<size_t> at;
        for (size_t i = 0; i < token.raw.size(); i += static_cast<unsigned char>(token.raw[i]) < 0x80 ? 1 : 3)
            at.push_back(i);
        at.push_back(token.raw.size());
        size_t digit = 0;
        while (digit + 1 < at.size() && part < reading.size()) {
            const int64_t v = reading[part++];
            size_t len = v == 0 ? 1 : 0;
            for (int64_t x = v; x > 0; x /= 10) ++len;
            Cell c;
            c.status = CellStatus::Ok;
            c.value = v;
            c.amount = static_cast<double>(v);
            c.fullwidth = token.fullwidth;
            c.span = {static_cast<uint32_t>(token.span.begin + at[digit]),
                      static_cast<uint32_t>(token.span.begin + at[digit + len])};
            c.raw = token.raw.substr(at[digit], at[digit + len] - at[digit]);
            cells.push_back(std::move(c));
            digit += len;
        }
    }
    row.glued = Row::Glued::Read;
    row.cells = std::move(cells);
    row.numbers_found = static_cast<int>(row.cells.size());
}

void leave_ambiguous(Row& row, std::vector<std::vector<int64_t>> readings, uint64_t count) {
    row.glued = Row::Glued::Ambiguous;
    // No cell is known: none is read, none takes part in a sum.
    for (Cell& c : row.cells) c = Cell{};
    if (readings.size() > kShownReadings) readings.resize(kShownReadings);
    row.glued_candidates = std::move(readings);
    row.glued_candidate_count = static_cast<size_t>(count);
}

// No reading adds up. Digits that split only one way are read all the same
// (the sums then say what is wrong); else show splits with the right count.
void leave_unsolved(Row& row, const std::vector<std::string>& numbers, size_t& steps_left) {
    Splits any = split_glued(numbers, static_cast<int>(row.cells.size()), RowSums{}, kShownReadings, &steps_left);
    if (any.count == 1 && !any.gave_up) read_into(row, any.readings.front());
    else leave_ambiguous(row, std::move(any.readings), 0);
}

// Table 三's column identities over every assignment of readings to its glued
// rows: which readings of each row take part in a table that adds up.
std::vector<std::vector<bool>> joint_fits(const Table& t, const std::vector<GluedRow>& glued, size_t* solutions) {
    const size_t n = t.rows.size(), columns = t.spec->columns.size();
    std::vector<int> var(n, -1);  // row -> index into `glued` (rows with readings)
    for (size_t g = 0; g < glued.size(); ++g)
        if (!glued[g].fits.readings.empty() && !glued[g].fits.gave_up) var[glued[g].row] = static_cast<int>(g);
    std::vector<bool> unknown(n, false);  // rows whose values no sum can use
    for (size_t i = 0; i < n; ++i) {
        const Row& r = t.rows[i];
        if (var[i] >= 0) continue;
        bool usable = r.found && r.numbers_found == static_cast<int>(r.cells.size()) && r.extra.empty();
        for (const auto& c : r.cells) usable = usable && c.usable();
        unknown[i] = !usable;
    }
    std::vector<size_t> pick(glued.size(), 0);
    auto value = [&](size_t i, size_t c, bool& ok) -> int64_t {
        if (unknown[i] || c >= t.rows[i].cells.size()) {
            ok = false;
            return 0;
        }
        if (var[i] >= 0) return glued[static_cast<size_t>(var[i])].fits.readings[pick[static_cast<size_t>(var[i])]][c];
        return t.rows[i].cells[c].value;
    };
    size_t news = n, in = n, total = n, out = n;
    std::vector<size_t> results;
    for (size_t i = 0; i < n; ++i) switch (t.rows[i].spec->role) {
            case RowRole::NewApplications: news = i; break;
            case RowRole::CarriedIn: in = i; break;
            case RowRole::ResultTotal: total = i; break;
            case RowRole::CarriedOut: out = i; break;
            case RowRole::Result: results.push_back(i); break;
            case RowRole::None: break;
        }
    auto holds = [&]() {
        for (size_t c = 0; c < columns; ++c) {
            bool ok = news < n && in < n && total < n && out < n;
            if (ok) {
                const int64_t lhs = value(news, c, ok) + value(in, c, ok), rhs = value(total, c, ok) + value(out, c, ok);
                if (ok && lhs != rhs) return false;
            }
            ok = total < n;
            int64_t sum = 0;
            for (size_t i : results) sum += ok ? value(i, c, ok) : 0;
            if (ok && sum != value(total, c, ok)) return false;
        }
        return true;
    };
    std::vector<std::vector<bool>> used(glued.size());
    for (size_t g = 0; g < glued.size(); ++g) used[g].assign(glued[g].fits.readings.size(), false);
    std::vector<size_t> vars;
    for (size_t g = 0; g < glued.size(); ++g)
        if (var[glued[g].row] >= 0) vars.push_back(g);
    *solutions = 0;
    size_t tried = 0;
    for (;;) {  // every combination, counted through like an odometer
        if (++tried > kMaxCombinations) {
            *solutions = SIZE_MAX;  // too many to try: nothing is decided jointly
            return used;
        }
        if (holds()) {
            ++*solutions;
            for (size_t g : vars) used[g][pick[g]] = true;
        }
        size_t v = 0;
        while (v < vars.size() && ++pick[vars[v]] == glued[vars[v]].fits.readings.size()) pick[vars[v++]] = 0;
        if (v == vars.size()) break;
    }
    return used;
}

}  // namespace

RowSums row_sums(int table, int cells) {
    RowSums s;
    if (table == 3) s.blocks.push_back({0, cells});
    if (table == 4)
        for (int b = 0; b + 5 <= cells; b += 5) s.blocks.push_back({b, 5});
    return s;
}

Splits split_glued(const std::vector<std::string>& numbers, int cells, const RowSums& sums, size_t cap,
                   size_t* steps_left) {
    size_t own_steps = kMaxSteps;
    if (!steps_left) steps_left = &own_steps;
    Splits out;
    size_t digits = 0;
    for (const auto& d : numbers) {
        if (d.empty()) return out;
        digits += d.size();
    }
    if (cells <= 0 || digits > kMaxDigits * static_cast<size_t>(cells)) return out;
    Search search(numbers, cells, sums, *steps_left);
    out.count = search.count(0, 0, 0, 0);
    if (!search.gave_up() && out.count > 0) {
        std::vector<int64_t> cur;
        search.collect(0, 0, 0, 0, cur, out.readings, cap);
    }
    out.gave_up = search.gave_up();
    if (out.gave_up) {
        out.count = 0;
        out.readings.clear();
    }
    return out;
}

// Does a cell of the row begin with a zero followed by a digit ("00", "０１")?
bool any_leading_zero(const Row& row) {
    for (int k = 0; k < row.numbers_found; ++k) {
        const std::string& raw = row.cells[static_cast<size_t>(k)].raw;
        const bool ascii = raw.size() >= 2 && raw[0] == '0';
        const bool wide = raw.size() >= 6 && raw.compare(0, 3, "\xEF\xBC\x90") == 0;
        if (ascii || wide) return true;
    }
    return false;
}

// A count is never written with a leading zero: "000" is three zeros run
// together, "0012" is 0 0 12. When that gives the row more numbers than the
// template has, the row has too many (cell-count says so), as in the copy
// that kept its separators.
void split_leading_zeros(Row& row, const std::vector<std::string>& numbers) {
    std::vector<int64_t> parts;
    for (const auto& d : numbers) {
        size_t z = 0;
        while (z + 1 < d.size() && d[z] == '0') {
            parts.push_back(0);
            ++z;
        }
        if (d.size() - z > kMaxDigits) return;
        // Digits only, at most kMaxDigits: std::stoll would link printf into
        // the page's wasm (its out-of-range message), ~2 KB gz.
        int64_t v = 0;
        for (size_t k = z; k < d.size(); ++k) v = v * 10 + (d[k] - '0');
        parts.push_back(v);
    }
    const size_t cells = row.cells.size();
    if (parts.size() <= cells || static_cast<int>(parts.size()) == row.numbers_found) return;
    read_into(row, parts);
    row.glued = Row::Glued::None;
    row.extra.assign(row.cells.begin() + static_cast<std::ptrdiff_t>(cells), row.cells.end());
    row.cells.resize(cells);
}

void resolve_glued(Table& t, const NormalizedText&) {
    std::vector<GluedRow> glued;
    size_t steps_left = kMaxSteps;  // for the whole table
    for (size_t i = 0; i < t.rows.size(); ++i) {
        Row& r = t.rows[i];
        const int cells = static_cast<int>(r.cells.size());
        if (r.found && r.spec && r.extra.empty() && r.numbers_found >= cells && r.numbers_found > 0) {
            if (!any_leading_zero(r)) continue;  // most rows: nothing to split
            const std::vector<std::string> numbers = digit_strings(r);
            if (!numbers.empty()) split_leading_zeros(r, numbers);
            continue;
        }
        if (!r.found || !r.spec || !r.extra.empty() || r.numbers_found <= 0 || r.numbers_found >= cells)
            continue;
        std::vector<std::string> numbers = digit_strings(r);
        if (numbers.empty()) continue;
        GluedRow g;
        g.row = i;
        g.numbers = std::move(numbers);
        g.fits = split_glued(g.numbers, cells, row_sums(t.number, cells), 64, &steps_left);
        if (g.fits.readings.empty() && !g.fits.gave_up) {
            // One number short and no split adds up: a number is missing, not
            // glued; digits that make too few or too many cells: the row has
            // the wrong count. Both are cell-count's case.
            if (cells - r.numbers_found < 2) continue;
            g.any = split_glued(g.numbers, cells, RowSums{}, kShownReadings, &steps_left);
            if (g.any.count == 0 && !g.any.gave_up) {
                split_leading_zeros(r, g.numbers);
                continue;
            }
        }
        for (int k = 0; k < r.numbers_found; ++k)
            r.glued_raw += (k ? " " : "") + r.cells[static_cast<size_t>(k)].raw;
        r.glued_span = {r.cells.front().span.begin, r.cells[static_cast<size_t>(r.numbers_found - 1)].span.end};
        glued.push_back(std::move(g));
    }
    if (glued.empty()) return;
    size_t solutions = 0;
    std::vector<std::vector<bool>> used;
    if (t.number == 3) used = joint_fits(t, glued, &solutions);
    for (size_t g = 0; g < glued.size(); ++g) {
        Row& r = t.rows[glued[g].row];
        const Splits& fits = glued[g].fits;
        if (fits.readings.empty()) {
            leave_unsolved(r, glued[g].numbers, steps_left);
            continue;
        }
        if (t.number == 3 && solutions > 0 && solutions != SIZE_MAX) {
            std::vector<std::vector<int64_t>> fit;
            for (size_t k = 0; k < used[g].size(); ++k)
                if (used[g][k]) fit.push_back(fits.readings[k]);
            if (fit.size() == 1) read_into(r, fit.front());
            else if (fit.empty()) leave_unsolved(r, glued[g].numbers, steps_left);
            else leave_ambiguous(r, fit, fit.size());
            continue;
        }
        // No table-wide reading adds up (or table 二 and 四, which have only
        // their rows' sums): the row's own sums decide, or nothing does.
        if (fits.count == 1) read_into(r, fits.readings.front());
        else leave_ambiguous(r, fits.readings, fits.count);
    }
}

}  // namespace nianbao
