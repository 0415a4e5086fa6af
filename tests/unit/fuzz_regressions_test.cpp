// Every input the fuzzers (tests/fuzz, scripts/fuzz.sh) ever crashed, hung or
// ran out of memory on is kept in tests/fuzz/regressions/ as
// TARGET-KIND-SHA1 and replayed here through that target's own body (the
// same tests/fuzz/TARGET.cpp, compiled without libFuzzer's entry point, so a
// property that fails aborts as it did under the fuzzer), and, as text,
// through the whole check with and without a previous report. Natively this
// also runs under ASan + UBSan (build-asan, scripts/test.sh).
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/nianbao.h"
#include "targets.h"

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

void run(fuzz::Target target, const std::string& bytes) {
    target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

TEST_CASE("the fuzz targets are named as their files") {
    for (const auto& t : fuzz::kTargets) {
        CHECK(static_cast<bool>(t.run));
        std::ifstream source(std::string(NIANBAO_SOURCE_DIR) + "/tests/fuzz/" + std::string(t.name) + ".cpp");
        CHECK_MESSAGE(source.good(), t.name);
    }
}

TEST_CASE("every kept fuzz input runs through its target and the check") {
    const std::vector<std::string> names = regression_files();
    MESSAGE(names.size() << " kept fuzz inputs in " << kRegressions);
    for (const std::string& name : names) {
        INFO("tests/fuzz/regressions/" << name);
        const std::string bytes = read_bytes(kRegressions + "/" + name);
        const auto* target = std::find_if(std::begin(fuzz::kTargets), std::end(fuzz::kTargets), [&](const auto& t) {
            return name.compare(0, t.name.size() + 1, std::string(t.name) + "-") == 0;
        });
        CHECK_MESSAGE(target != std::end(fuzz::kTargets), "named TARGET-KIND-SHA1 after a target of tests/fuzz/targets.h");
        if (target != std::end(fuzz::kTargets)) run(target->run, bytes);
        // As a text, whatever target found it: every size modulo 4 the check
        // target tells apart, so with and without a previous report.
        for (size_t cut = 0; cut < 4 && cut <= bytes.size(); ++cut) run(fuzz::check, bytes.substr(0, bytes.size() - cut));
        nianbao::Options options;
        options.today = nianbao::CivilDate{2025, 6, 30};
        const std::string text = nianbao::sanitize_utf8(bytes);
        const nianbao::Result r = nianbao::check(text, options, &text);
        CHECK(nianbao::is_valid_utf8(nianbao::result_to_json(r, -1, true)));
    }
}
