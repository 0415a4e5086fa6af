// Row and column labels: enumerator markers (一、 （三） 1.), a canonical form
// for comparing labels, and how close a label is to the official wording.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

struct Marker {
    int level = 0;      // 0 none, 1 "一、", 2 "（一）", 3 "1." / "1、" / "（1）"
    int number = 0;
    size_t length = 0;  // bytes the marker takes at the start of the text
    bool operator==(const Marker& o) const { return level == o.level && number == o.number; }
};

// The marker at the start of `text` (leading spaces allowed), if any.
Marker parse_marker(std::string_view text);

// Byte offsets in `text` where a marker starts an atom: "三、本年度办 (一) 予以公开"
// -> {0, 17}. Used to take the last labelled item of a run of label text.
std::vector<size_t> marker_positions(std::string_view text);

// Label as code points without spaces, punctuation and a leading marker:
// "（二） 部分公开（区分处理的，只" -> 部分公开区分处理的只
std::u32string canonical_label(std::string_view text);

size_t lcs_length(const std::u32string& a, const std::u32string& b);

// How well an observed label matches an official one, 0..1. Precision counts
// more than recall, because PDF copies cut labels short but rarely add words.
double label_similarity(const std::u32string& observed, const std::u32string& official);

// Does the observed label deviate from the official wording beyond what
// extraction does (cut short at the end, split over lines)? Typos,
// substitutions and dropped words in the middle are deviations.
bool label_deviates(const std::u32string& observed, const std::u32string& official);

std::string to_utf8(const std::u32string& s);

// One official label prepared for many comparisons: the LCS is computed
// bit-parallel (Hyyrö 2004), one word operation per observed character, as
// the template's labels are at most 64 characters. Same scores as
// label_similarity().
class LabelPattern {
public:
    explicit LabelPattern(std::u32string label);
    size_t lcs(const std::u32string& text) const;
    double similarity(const std::u32string& observed) const;
    const std::u32string& label() const { return label_; }

private:
    uint64_t mask(char32_t c) const;
    std::u32string label_;
    std::vector<std::pair<char32_t, uint64_t>> masks_;  // sorted by character
};

}  // namespace nianbao
