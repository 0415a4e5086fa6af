// Every input the fuzzers (tests/fuzz, scripts/fuzz.sh) ever crashed, hung or
// ran out of memory on is kept in tests/fuzz/regressions/ and replayed here the
// way the fuzz targets run it: decoded, read as HTML when it looks like HTML,
// checked with and without a previous report, written as JSON and text; and
// through the number and date finders. Natively this also runs under ASan +
// UBSan (build-asan, scripts/test.sh).
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "meta/dates.h"
#include "meta/numerals.h"
#include "nianbao/decode.h"
#include "nianbao/html.h"
#include "nianbao/nianbao.h"

namespace {

const std::string kRegressions = std::string(NIANBAO_SOURCE_DIR) + "/tests/fuzz/regressions";

std::vector<std::string> regression_files() {
    std::vector<std::string> names;
    if (DIR* d = opendir(kRegressions.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name.empty() || name[0] == '.' || name == "README.md") continue;
            names.push_back(name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void check_result(const nianbao::Result& r) {
    const size_t n = r.report.source.size();
    for (const auto& f : r.findings) {
        CHECK(f.span.end <= n);
        CHECK(f.span.begin <= n);
    }
    const std::string json = nianbao::result_to_json(r, -1, true);
    CHECK(nianbao::is_valid_utf8(json));
    CHECK(json.find("\"findings\"") != std::string::npos);
}

}  // namespace

TEST_CASE("every kept fuzz input runs through the check and the parsers") {
    const std::vector<std::string> names = regression_files();
    MESSAGE(names.size() << " kept fuzz inputs in " << kRegressions);
    for (const std::string& name : names) {
        INFO("tests/fuzz/regressions/" << name);
        const std::string bytes = read_bytes(kRegressions + "/" + name);
        nianbao::Decoded d = nianbao::decode_bytes(bytes);
        CHECK(nianbao::is_valid_utf8(d.text));
        if (nianbao::looks_like_html(d.text)) d.text = nianbao::html_to_text(d.text);
        nianbao::Options options;
        options.today = "2025-06-30";
        check_result(nianbao::check(d.text, options));
        check_result(nianbao::check(d.text, options, &d.text));
        const size_t ff = d.text.find('\f');
        if (ff != std::string::npos) {
            const std::string previous = d.text.substr(ff + 1);
            check_result(nianbao::check(std::string_view(d.text).substr(0, ff), options, &previous));
        }
        CHECK(nianbao::is_valid_utf8(nianbao::result_to_text(nianbao::check(d.text, options), "x.txt", options)));
        const std::string clean = nianbao::sanitize_utf8(bytes);
        for (const auto& m : nianbao::find_numbers(clean)) CHECK(m.span.end <= clean.size());
        for (const auto& m : nianbao::find_dates(clean)) CHECK(m.span.end <= clean.size());
        for (const auto& m : nianbao::find_year_mentions(clean)) CHECK(m.span.end <= clean.size());
        (void)nianbao::parse_chinese_number(clean);
        (void)nianbao::parse_arabic_number(clean);
    }
}
