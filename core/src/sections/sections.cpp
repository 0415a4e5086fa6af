#include "sections/sections.h"

#include <algorithm>
#include <vector>

#include "meta/scan_util.h"
#include "tables/labels.h"

namespace nianbao {

namespace {

struct Candidate {
    int number;
    size_t line_begin, line_end, title_begin;
    bool usual;   // numbered 一、 (not 1. or 第一部分)
    bool strong;  // the title is the template's wording (or a known variant), not only a keyword
    int written;  // the number written, when another section's title stands under it; else 0
};

// By the needle's last byte (scan::find_text): a Chinese needle's first byte
// is shared by thousands of characters, and every numbered line is asked.
bool contains(std::string_view hay, std::string_view needle) {
    return scan::find_text(hay, needle) != std::string_view::npos;
}

// A heading line names the section: one of its keywords, and not too long to
// be a sentence.
bool names_section(std::string_view title, const SectionSpec& spec) {
    if (title.size() > 40 * 3) return false;
    for (std::string_view end : {"。", ".", "：", ":"})  // "一、总体情况。", "一、总体情况："
        if (title.size() > end.size() && title.substr(title.size() - end.size()) == end) {
            title.remove_suffix(end.size());
            break;
        }
    if (contains(title, "。")) return false;
    for (auto k : spec.keywords)
        if (contains(title, k)) return true;
    return false;
}

// "第一部分 总体情况", "第三部分："：the section number, and the bytes the
// marker takes; 0 when the line does not start so.
int part_marker(std::string_view line, size_t& length) {
    static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六"};
    if (line.substr(0, 3) != "第") return 0;
    for (int n = 1; n <= 6; ++n) {
        if (line.substr(3, 3) != kNumerals[n - 1] || line.substr(6, 6) != "部分") continue;
        length = 12;
        for (std::string_view sep : {"：", ":", "、", "，", ","})
            if (line.substr(length, sep.size()) == sep) {
                length += sep.size();
                break;
            }
        return n;
    }
    return 0;
}

// The title is the section's wording, the template's or a known variant,
// give or take a character or two a copy drops.
bool is_section_title(std::string_view title, const SectionSpec& spec) {
    for (std::string_view end : {"。", ".", "：", ":"})
        if (title.size() > end.size() && title.substr(title.size() - end.size()) == end) {
            title.remove_suffix(end.size());
            break;
        }
    const std::u32string written = canonical_label(title);
    if (written.empty()) return false;
    auto close = [&](std::string_view form) {
        const std::u32string official = canonical_label(form);
        return label_similarity(written, official) >= 0.85 && written.size() + 2 >= official.size();
    };
    if (close(spec.official)) return true;
    for (auto v : spec.variants)
        if (close(v)) return true;
    return false;
}

}  // namespace

std::array<SectionHit, 6> find_sections(const NormalizedText& norm, const FormatSpec& format) {
    const std::string& text = norm.text;
    std::vector<Candidate> cands;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + pos, nl - pos);
        size_t lead = 0;
        // Markdown marks a restored heading line may still carry ("#### 四、…").
        while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '#' || line[lead] == '*')) ++lead;
        Marker m = parse_marker(line.substr(lead));
        size_t part_length = 0;
        const int part = part_marker(line.substr(lead), part_length);
        // 一、 as the template has it; 1. and 第一部分 in reports that number
        // their sections so, used only for a section no 一、 heading names.
        const bool usual = m.level == 1;
        if (part > 0) m = Marker{3, part, part_length};
        if ((m.level == 1 || m.level == 3) && m.number >= 1 && m.number <= 6) {
            size_t t = lead + m.length;
            while (t < line.size() && (line[t] == ' ' || line[t] == '\t')) ++t;
            std::string_view title = line.substr(t);
            while (!title.empty() && (title.back() == ' ' || title.back() == '\t')) title.remove_suffix(1);
            if (names_section(title, format.sections[m.number - 1])) {
                cands.push_back({m.number, pos, pos + line.size(), pos + t, usual,
                                 is_section_title(title, format.sections[m.number - 1]), 0});
            } else {
                // Another section's title under this number: the outline numbers
                // the sections otherwise (section-numbering), the title decides.
                // (Its keywords first: a cheap test that most numbered lines fail.)
                for (int s = 1; s <= 6; ++s)
                    if (s != m.number && names_section(title, format.sections[s - 1]) &&
                        is_section_title(title, format.sections[s - 1]))
                        cands.push_back({s, pos, pos + line.size(), pos + t, usual, true, m.number});
            }
        }
        pos = nl + 1;
    }

    // Choose one heading per section. A table of contents or a quoted heading
    // can repeat a heading: prefer the choice that keeps most sections in
    // order, then the later occurrence (the body follows the contents).
    std::array<std::vector<const Candidate*>, 6> per;
    for (const auto& c : cands)
        if (c.usual && !c.written && per[c.number - 1].size() < 4) per[c.number - 1].push_back(&c);
    for (const auto& c : cands)  // 1. and 第一部分 where no 一、 heading is there
        if (!c.usual && !c.written && (per[c.number - 1].empty() || !per[c.number - 1].front()->usual) &&
            per[c.number - 1].size() < 4)
            per[c.number - 1].push_back(&c);
    // A title under another number: where the section has no heading of its
    // own that is its title (only a sub-heading that shares a keyword).
    for (const auto& c : cands) {
        auto& list = per[c.number - 1];
        const bool has_title = std::any_of(list.begin(), list.end(), [](const Candidate* k) { return k->strong && !k->written; });
        if (c.written && !has_title && list.size() < 4) list.push_back(&c);
    }
    std::array<const Candidate*, 6> best{}, cur{};
    long long best_score = -1;
    auto evaluate = [&]() {
        long long score = 0, found = 0, ordered = 0, titled = 0, later = 0;
        const Candidate* prev = nullptr;
        for (auto* c : cur) {
            if (!c) continue;
            ++found;
            if (!prev || prev->line_begin < c->line_begin) ++ordered;
            titled += c->strong;
            later += static_cast<long long>(c->line_begin / 64);
            prev = c;
        }
        // Most sections, then in order, then under their own titles (a
        // misnumbered title beats a sub-heading that only shares a word),
        // then the later occurrence (the body follows a table of contents).
        score = found * 100000000000LL + ordered * 1000000000LL + titled * 10000000LL + std::min(later, 9999999LL);
        if (score > best_score) {
            best_score = score;
            best = cur;
        }
    };
    // Every combination, one candidate per section that has any (at most
    // 4^6), counted through like an odometer, the last section fastest (the
    // first of equal scores wins).
    std::array<size_t, 6> pick{};
    for (;;) {
        for (int s = 0; s < 6; ++s) cur[s] = per[s].empty() ? nullptr : per[s][pick[s]];
        evaluate();
        int s = 5;
        while (s >= 0 && (per[s].empty() || ++pick[s] == per[s].size())) pick[s--] = 0;
        if (s < 0) break;
    }

    std::array<SectionHit, 6> out;
    for (int s = 0; s < 6; ++s) {
        out[s].number = s + 1;
        if (!best[s]) continue;
        out[s].found = true;
        out[s].line_begin = best[s]->line_begin;
        out[s].line_end = best[s]->line_end;
        out[s].title_begin = best[s]->title_begin;
        out[s].written_number = best[s]->written;
    }
    return out;
}

}  // namespace nianbao
