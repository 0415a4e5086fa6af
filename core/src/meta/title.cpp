#include "meta/title.h"

#include <vector>

namespace nianbao {

namespace {

bool contains(std::string_view s, std::string_view n) { return s.find(n) != std::string_view::npos; }
bool ends_with(std::string_view s, std::string_view n) {
    return s.size() >= n.size() && s.substr(s.size() - n.size()) == n;
}

struct Line {
    size_t begin, end;
    std::string compact;  // without spaces and tabs
};

int chinese_year(std::string_view s, size_t at) {
    // 二〇二四 / 二零二四
    static const std::string_view digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int year = 0;
    size_t i = at;
    for (int k = 0; k < 4; ++k) {
        int d = -1;
        for (int v = 0; v < 10; ++v)
            if (s.substr(i, digits[v].size()) == digits[v]) d = v;
        if (d < 0 && s.substr(i, 3) == "零") d = 0;
        if (d < 0) return 0;
        year = year * 10 + d;
        i += 3;
    }
    return year;
}

// First "YYYY年" (or 二〇二四年) in s; sets `at` to its byte offset.
int find_year(std::string_view s, size_t* at) {
    for (size_t i = 0; i + 4 <= s.size(); ++i) {
        bool digits = true;
        for (size_t k = 0; k < 4; ++k) digits &= s[i + k] >= '0' && s[i + k] <= '9';
        if (digits && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') && s.substr(i + 4, 3) == "年") {
            int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
            if (y >= 1990 && y <= 2100) {
                *at = i;
                return y;
            }
        }
        int cy = chinese_year(s, i);
        if (cy >= 1990 && cy <= 2100 && s.substr(i + 12, 3) == "年") {
            *at = i;
            return cy;
        }
    }
    return 0;
}

// "…政府信息公开工作年度报告", and "…政务公开工作年度报告", a title that
// names the wrong thing (told apart by TitleInfo::names_disclosure).
bool looks_like_title(std::string_view t) {
    return (contains(t, "政府信息公开") || contains(t, "政务公开")) &&
           (contains(t, "年度报告") || contains(t, "年报") || contains(t, "工作报告"));
}

bool looks_like_body_name(std::string_view s) {
    static const std::string_view ends[] = {"人民政府", "政府", "办事处", "局", "委员会", "委", "厅", "办公室", "中心", "院", "署", "馆"};
    if (s.empty() || s.size() > 60) return false;
    for (auto e : ends)
        if (ends_with(s, e)) return true;
    return false;
}

// A title inside a longer line: the copy lost the line breaks around it
// ("平罗县陶乐镇 2024 年政府信息公开工作年度报告  根据《条例》…", "标题: …").
// The title runs back from 年度报告 to a mark that ends a field or sentence.
TitleInfo inline_title(const NormalizedText& norm, const std::vector<Line>& lines) {
    TitleInfo info;
    const std::string& text = norm.text;
    constexpr size_t kMaxTitleBytes = 80 * 3;
    for (const Line& line : lines) {
        const std::string_view l(text.data() + line.begin, line.end - line.begin);
        for (std::string_view ending : {"年度报告", "年报"}) {
            for (size_t at = l.find(ending); at != std::string_view::npos; at = l.find(ending, at + 1)) {
                const size_t end = at + ending.size();
                size_t start = at;
                while (start > 0 && at - start < kMaxTitleBytes) {
                    size_t prev = start - 1;
                    while (prev > 0 && (static_cast<unsigned char>(l[prev]) & 0xC0) == 0x80) --prev;
                    const std::string_view c = l.substr(prev, start - prev);
                    if (c == ":" || c == "：" || c == "。" || c == "，" || c == "；" || c == "《" || c == "》" ||
                        c == "“" || c == "”" || c == "\t" || c == "、" || c == "(" || c == ")")
                        break;
                    start = prev;
                }
                // Words of the title: a body name may stand before it, apart.
                std::vector<std::string> words(1);
                for (char ch : l.substr(start, end - start)) {
                    if (ch == ' ') {
                        if (!words.back().empty()) words.emplace_back();
                    } else {
                        words.back() += ch;
                    }
                }
                std::string joined;
                for (const auto& w : words) joined += w;
                if (!looks_like_title(joined)) continue;
                size_t year_at = 0;
                const int year = find_year(joined, &year_at);
                if (year == 0) continue;
                // The words before the year, and the part of the year's word before it.
                std::string before, own;
                size_t used = 0;
                for (const auto& w : words) {
                    if (used + w.size() <= year_at) before += w;
                    else if (used < year_at) own = w.substr(0, year_at - used);
                    used += w.size();
                }
                const std::string name = before.empty() ? own : before;
                while (start < at && l[start] == ' ') ++start;
                info.found = true;
                info.names_disclosure = contains(joined, "政府信息公开");
                info.year = year;
                info.title = joined;
                info.span = norm.to_source(line.begin + start, line.begin + end);
                info.body_name = looks_like_body_name(before) && (own.empty() || contains(before, own)) ? before
                                 : before + own;
                (void)name;
                return info;
            }
        }
    }
    return info;
}

}  // namespace

BodyKind body_kind_from_name(std::string_view name) {
    std::string_view n = name;
    for (auto suffix : {"人民政府", "政府", "办事处"}) {
        if (ends_with(n, suffix)) {
            n.remove_suffix(std::string_view(suffix).size());
            if (ends_with(n, "镇") || ends_with(n, "乡") || ends_with(n, "街道") || ends_with(n, "苏木"))
                return BodyKind::Township;
            if (std::string_view(suffix) == "办事处") return BodyKind::Township;
            if (ends_with(n, "县") || ends_with(n, "区") || ends_with(n, "市") || ends_with(n, "省") ||
                ends_with(n, "旗") || ends_with(n, "州") || ends_with(n, "盟") || ends_with(n, "自治区"))
                return BodyKind::Government;
            return BodyKind::Unknown;
        }
    }
    if (ends_with(n, "镇") || ends_with(n, "乡") || ends_with(n, "街道")) return BodyKind::Township;
    static const std::string_view dept[] = {"局", "委员会", "委", "厅", "办公室", "中心", "院", "署", "馆", "所", "站", "队"};
    for (auto d : dept)
        if (ends_with(n, d)) return BodyKind::Department;
    return BodyKind::Unknown;
}

BodyKind body_kind_from_text(std::string_view text) {
    size_t town = 0, dept = 0, gov = 0;
    for (size_t i = 0; (i = text.find("我", i)) != std::string_view::npos; i += 3) {
        std::string_view next = text.substr(i + 3, 6);
        if (next.substr(0, 3) == "镇" || next.substr(0, 3) == "乡" || next == "街道") ++town;
        else if (next.substr(0, 3) == "局" || next.substr(0, 3) == "委" || next.substr(0, 3) == "厅") ++dept;
        else if (next.substr(0, 3) == "市" || next.substr(0, 3) == "县" || next.substr(0, 3) == "区" ||
                 next.substr(0, 3) == "省")
            ++gov;
    }
    if (town > dept && town > gov && town >= 2) return BodyKind::Township;
    if (dept > town && dept > gov && dept >= 2) return BodyKind::Department;
    return BodyKind::Unknown;
}

TitleInfo read_title(const NormalizedText& norm, size_t limit) {
    TitleInfo info;
    const std::string& text = norm.text;
    if (limit > text.size()) limit = text.size();
    std::vector<Line> lines;
    size_t pos = 0;
    while (pos < limit && lines.size() < 12) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos || nl > limit) nl = limit;
        std::string compact;
        for (size_t i = pos; i < nl; ++i)
            if (text[i] != ' ' && text[i] != '\t') compact += text[i];
        bool page = compact.size() <= 8 && !compact.empty() && (compact[0] == '-' || compact.substr(0, 3) == "—");
        if (!compact.empty() && !page) lines.push_back({pos, nl, compact});
        pos = nl + 1;
    }
    // The first run of up to three lines that reads as a title; sentences
    // ("…年度报告如下：") are not titles.
    auto sentence = [](const std::string& l) {
        return contains(l, "。") || contains(l, "，") || contains(l, "如下") || contains(l, ":") || contains(l, "；");
    };
    for (size_t s = 0; s < lines.size() && s < 8 && !info.found; ++s) {
        std::string joined;
        for (size_t len = 1; len <= 3 && s + len <= lines.size(); ++len) {
            const Line& last = lines[s + len - 1];
            if (sentence(last.compact)) break;
            joined += last.compact;
            if (joined.size() > 150) break;
            if (!looks_like_title(joined)) continue;
            size_t at = 0;
            int year = find_year(joined, &at);
            if (year == 0) continue;
            info.found = true;
            info.names_disclosure = contains(joined, "政府信息公开");
            info.year = year;
            info.title = joined;
            info.span = norm.to_source(lines[s].begin, last.end);
            std::string prefix = joined.substr(0, at);
            // "巡镇镇 2024 年…" under a line "河曲县巡镇镇人民政府": the full name
            if (s > 0 && looks_like_body_name(lines[s - 1].compact) &&
                (prefix.empty() || contains(lines[s - 1].compact, prefix))) {
                info.body_name = lines[s - 1].compact;
                info.span = norm.to_source(lines[s - 1].begin, last.end);
                info.title = lines[s - 1].compact + joined;
            } else if (len > 1 && looks_like_body_name(lines[s].compact) && prefix.size() > lines[s].compact.size()) {
                info.body_name = lines[s].compact;  // the name on its own line above the title
            } else {
                info.body_name = prefix;
            }
            break;
        }
    }
    if (!info.found) info = inline_title(norm, lines);
    if (info.found) info.body_kind = body_kind_from_name(info.body_name);
    return info;
}

}  // namespace nianbao
