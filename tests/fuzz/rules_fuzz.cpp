// libFuzzer target: the rules alone, on a real model whose cells the fuzzer
// writes. The models are those the reader makes of the seed reports
// (tests/fixtures/{seeds,real}, read once); each input picks one, optionally
// a second as last year's, the report's year and body kind, then rewrites
// the cells of the rows that were read: status, value (up to the 15 digits a
// cell holds, where the sums overflow if anything does), decimal. The values
// keep the reader's promises (an Ok cell is non-negative unless its row is
// signed, decimals only where the template allows them, 0 unless Ok), so a
// crash here is one a real text can reach. Then the input gate and every
// content rule run as check() runs them, and the findings are written as text.
#include <dirent.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "nianbao/nianbao.h"
#include "rules/registry.h"
#include "targets.h"

using fuzz::require;

namespace {

std::vector<nianbao::Report> load_models() {
    std::vector<nianbao::Report> models;
    for (const char* dir : {"/seeds", "/real"}) {
        const std::string path = std::string(NIANBAO_FIXTURES_DIR) + dir;
        std::vector<std::string> names;
        if (DIR* d = opendir(path.c_str())) {
            while (dirent* e = readdir(d)) {
                const std::string name = e->d_name;
                if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) names.push_back(name);
            }
            closedir(d);
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            std::ifstream in(path + "/" + name, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            models.push_back(nianbao::read_report(text));
        }
    }
    require(!models.empty());
    return models;
}

const std::vector<nianbao::Report>& models() {
    static const std::vector<nianbao::Report> kModels = load_models();
    return kModels;
}

constexpr int64_t kMaxCell = 999'999'999'999'999;  // 15 digits, as the reader reads (tables/rows.cpp)

int64_t value_of(fuzz::Bytes& in) {
    const uint64_t k = in.take(1);
    if (k < 160) return static_cast<int64_t>(k);                                // small counts
    if (k < 220) return static_cast<int64_t>(in.take(2));                       // up to 65535
    if (k < 250) return static_cast<int64_t>(in.take(4) % (kMaxCell + 1));      // large
    return kMaxCell - static_cast<int64_t>(in.take(1));                         // at the top
}

void rewrite(nianbao::Table& t, fuzz::Bytes& in) {
    for (auto& row : t.rows) {
        if (!row.found || !row.spec) continue;
        for (auto& c : row.cells) {
            if (in.empty()) return;
            const uint64_t b = in.take(1);
            if (b >= 0xC0) continue;  // as read
            c.value = 0;
            c.amount = 0;
            c.decimal = false;
            switch (b % 5) {
                case 0: c.status = nianbao::CellStatus::Ok; break;
                case 1: c.status = nianbao::CellStatus::Blank; break;
                case 2: c.status = nianbao::CellStatus::Invalid; break;
                case 3: c.status = nianbao::CellStatus::Overflow; break;
                default: c.status = nianbao::CellStatus::Missing; break;
            }
            if (c.status == nianbao::CellStatus::Ok) {
                c.value = value_of(in);
                c.amount = static_cast<double>(c.value);
                if (row.spec->signed_values && (b & 0x20)) {
                    c.value = -c.value;
                    c.amount = -c.amount;
                }
                if (row.spec->decimal && (b & 0x40)) {
                    c.decimal = true;
                    c.amount += static_cast<double>(in.take(1) % 100) / 100;
                }
            }
            c.raw = c.status == nianbao::CellStatus::Ok ? std::to_string(c.value) : "x";
        }
    }
}

}  // namespace

void fuzz::rules(const uint8_t* data, size_t size) {
    const auto& all = models();
    Bytes in{data, size};
    const uint64_t flags = in.take(1);
    nianbao::Report report = all[in.take(1) % all.size()];
    const nianbao::Report* previous = (flags & 1) ? &all[in.take(1) % all.size()] : nullptr;
    if (flags & 2) report.year = static_cast<int>(in.take(1)) + 1940;  // 1940..2195: also years no date has
    if (flags & 4) report.body_kind = static_cast<nianbao::BodyKind>(in.take(1) % 4);
    rewrite(report.table3, in);
    rewrite(report.table4, in);
    rewrite(report.table2, in);

    nianbao::Options options;
    options.today = nianbao::CivilDate{2025, 6, 30};
    options.lang = (flags & 8) ? "en" : "zh";
    const nianbao::LineIndex lines(report.source);
    nianbao::Context ctx{report, options, previous, lines, {}, {}, {}};
    ctx.private_use = nianbao::private_use_text(report);
    nianbao::Emitter emitter(options);
    nianbao::input_checks().run(ctx, emitter);
    if (!nianbao::input_is_empty(report) && ctx.private_use.empty() && !nianbao::input_is_not_report(report))
        for (const nianbao::RuleCheck* c : nianbao::content_checks()) c->run(ctx, emitter);

    nianbao::Result result;
    result.findings = emitter.take();
    const size_t n = report.source.size();
    for (auto& f : result.findings) {
        require(f.span.begin <= n && f.span.end <= n);
        f.location = lines.locate(f.span);
        for (auto& c : f.cells) {
            require(c.span.begin <= n && c.span.end <= n);
            c.location = lines.locate(c.span);
        }
    }
    result.report = std::move(report);
    require(nianbao::is_valid_utf8(nianbao::result_to_text(result, "fuzz.txt", options)));
}

NIANBAO_FUZZ_ENTRY(rules)
