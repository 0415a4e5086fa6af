#include "rules/glued.h"

#include <algorithm>

namespace nianbao {

namespace {

// Longer runs are not glued counts (and a cell over 15 digits is too large to
// be read as a count at all), so every part fits std::stoll.
constexpr size_t kMaxDigits = 15;
constexpr size_t kMaxCandidates = 50000;

// Every way to cut digits[pos..] into `parts` numbers without leading zeros
// (recursion depth: at most 15 parts, the widest row).
void splits(const std::string& digits, size_t pos, size_t parts, std::vector<int64_t>& cur,
            std::vector<std::vector<int64_t>>& out) {
    if (out.size() >= kMaxCandidates) return;
    const size_t remaining = digits.size() - pos;
    if (parts == 1) {
        if (remaining == 1 || digits[pos] != '0') {
            cur.push_back(std::stoll(digits.substr(pos)));
            out.push_back(cur);
            cur.pop_back();
        }
        return;
    }
    const size_t longest = digits[pos] == '0' ? 1 : remaining - (parts - 1);
    for (size_t len = 1; len <= longest; ++len) {
        cur.push_back(std::stoll(digits.substr(pos, len)));
        splits(digits, pos + len, parts - 1, cur, out);
        cur.pop_back();
    }
}

bool digits_only(const std::string& s) {
    if (s.empty() || s.size() > kMaxDigits) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// The row's own sums: table 三's 总计 column, table 四's 总计 of each block of five.
bool row_sums_hold(const Table& t, const std::vector<int64_t>& v) {
    auto block = [&](size_t from, size_t n) {
        int64_t s = 0;
        for (size_t k = from; k + 1 < from + n; ++k) s += v[k];
        return s == v[from + n - 1];
    };
    if (t.number == 3 && v.size() == 7) return block(0, 7);
    if (t.number == 4 && v.size() == 15) return block(0, 5) && block(5, 5) && block(10, 5);
    return false;  // table 二 has no sums: no way to tell a split
}

// Table 三's column sums through this row, with the row read as `v`:
// 一 + 二 = （七）总计 + 四, and （七）总计 = the result rows. Only sums whose
// other rows were read in full count; none checkable counts as holding.
bool column_sums_hold(const Table& t, size_t row_index, const std::vector<int64_t>& v) {
    if (t.number != 3) return true;
    auto value = [&](size_t i, size_t c, bool& ok) -> int64_t {
        if (i == row_index) return v[c];
        const Row& r = t.rows[i];
        if (!r.found || c >= r.cells.size() || !r.cells[c].usable()) ok = false;
        return ok ? r.cells[c].value : 0;
    };
    size_t news = SIZE_MAX, in = SIZE_MAX, total = SIZE_MAX, out = SIZE_MAX;
    std::vector<size_t> results;
    bool results_complete = true;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        switch (t.rows[i].spec->role) {
            case RowRole::NewApplications: news = i; break;
            case RowRole::CarriedIn: in = i; break;
            case RowRole::ResultTotal: total = i; break;
            case RowRole::CarriedOut: out = i; break;
            case RowRole::Result:
                results.push_back(i);
                results_complete &= t.rows[i].found;
                break;
            case RowRole::None: break;
        }
    }
    for (size_t c = 0; c < v.size(); ++c) {
        if (news != SIZE_MAX && in != SIZE_MAX && total != SIZE_MAX && out != SIZE_MAX) {
            bool ok = true;
            const int64_t lhs = value(news, c, ok) + value(in, c, ok), rhs = value(total, c, ok) + value(out, c, ok);
            if (ok && lhs != rhs) return false;
        }
        const bool involved = row_index == total || std::find(results.begin(), results.end(), row_index) != results.end();
        if (total != SIZE_MAX && results_complete && involved) {
            bool ok = true;
            int64_t sum = 0;
            for (size_t i : results) sum += value(i, c, ok);
            if (ok && sum != value(total, c, ok)) return false;
        }
    }
    return true;
}

}  // namespace

std::optional<GluedSplit> propose_split(const Table& t, size_t row_index) {
    const Row& row = t.rows[row_index];
    const size_t expected = row.cells.size();
    const auto found = static_cast<size_t>(row.numbers_found);
    if (!row.found || !row.extra.empty() || found == 0 || found >= expected) return std::nullopt;
    const size_t missing = expected - found;
    for (size_t i = 0; i < found; ++i)
        if (!row.cells[i].usable()) return std::nullopt;
    std::vector<GluedSplit> fits;
    for (size_t k = 0; k < found; ++k) {
        const Cell& glued = row.cells[k];
        if (glued.status != CellStatus::Ok || glued.decimal || glued.fullwidth || !digits_only(glued.raw) ||
            glued.raw.size() < missing + 1)
            continue;
        std::vector<std::vector<int64_t>> cuts;
        std::vector<int64_t> cur;
        splits(glued.raw, 0, missing + 1, cur, cuts);
        for (const auto& parts : cuts) {
            std::vector<int64_t> v;
            for (size_t i = 0; i < k; ++i) v.push_back(row.cells[i].value);
            v.insert(v.end(), parts.begin(), parts.end());
            for (size_t i = k + 1; i < found; ++i) v.push_back(row.cells[i].value);
            if (v.size() != expected || !row_sums_hold(t, v) || !column_sums_hold(t, row_index, v)) continue;
            fits.push_back({k, parts});
            if (fits.size() > 1) return std::nullopt;  // two readings fit: say nothing beyond cell-count
        }
    }
    if (fits.size() != 1) return std::nullopt;
    return fits.front();
}

}  // namespace nianbao
