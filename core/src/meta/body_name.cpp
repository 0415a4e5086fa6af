// Names of bodies: the core name body-mismatch compares (without 人民政府,
// 管理委员会, 办公室…) and same_body(), stricter, for pairing reports.
#include "meta/body_name.h"

#include <algorithm>
#include <string_view>

#include "meta/scan_util.h"
#include "nianbao/nianbao.h"

namespace nianbao {

namespace {

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        const scan::Cp c = scan::decode_at(s, i);
        if (c.len == 0) break;
        if (!scan::is_space(c.cp)) out.push_back(c.cp);
        i += c.len;
    }
    return out;
}

bool ends_with(const std::vector<char32_t>& s, const std::vector<char32_t>& w) {
    return s.size() >= w.size() && std::equal(w.begin(), w.end(), s.end() - static_cast<long>(w.size()));
}

// `name` without spaces and without any of `suffixes` at its end, repeatedly
// (a name that is only a suffix stays whole).
template <size_t N>
std::vector<char32_t> strip(std::string_view name, const std::string_view (&suffixes)[N]) {
    std::vector<char32_t> s = code_points(name);
    for (bool again = true; again;) {
        again = false;
        for (std::string_view w : suffixes) {
            const std::vector<char32_t> suffix = code_points(w);
            if (s.size() > suffix.size() && ends_with(s, suffix)) {
                s.resize(s.size() - suffix.size());
                again = true;
                break;
            }
        }
    }
    return s;
}

}  // namespace

std::vector<char32_t> body_core_name(std::string_view name) {
    static const std::string_view kSuffixes[] = {"人民政府办公室", "人民政府办公厅", "政府办公室", "人民政府",
                                                 "管理委员会", "管委会", "办事处", "办公室", "办公厅", "政府"};
    return strip(name, kSuffixes);
}

bool same_body(std::string_view a, std::string_view b) {
    // Only what names one body two ways: a government's 办公室 is a body of its own.
    static const std::string_view kSuffixes[] = {"人民政府", "管理委员会", "管委会", "办事处", "政府"};
    std::vector<char32_t> x = strip(a, kSuffixes), y = strip(b, kSuffixes);
    if (x.size() > y.size()) std::swap(x, y);
    // Two characters at least: a lone 镇 or 区 names no body.
    if (x.size() < 2) return false;
    if (x == y) return true;
    // The higher level in front (淮安市 + 洪泽区, 卫滨区 + 平原镇), and only that:
    // 某县 and 某县教育局 are two bodies.
    if (!ends_with(y, x)) return false;
    static const std::u32string_view kLevels = U"省市区县州盟旗";
    return kLevels.find(y[y.size() - x.size() - 1]) != std::u32string_view::npos;
}

}  // namespace nianbao
