// libFuzzer target: the layout step (nianbao/layout.h), positioned runs ->
// text with table rows as tab-separated cells, as PDF (pdf.js, the CLI's
// qpdf) and OFD hand it. The input is a list of runs, each
//   page (1 byte, 1-4), x, y (2 bytes each, tenths of a point), width
//   (2 bytes, tenths; 0: unknown), size (1 byte, quarter points), angle
//   (1 byte: 0 horizontal, 1: 90, 2: -90, 3: 180, else byte - 128 degrees),
//   text length (1 byte), the text (made valid UTF-8). A text length of 255
//   makes the record a drawn line instead (nianbao::Ruling): from x, y, as
//   long as the width, horizontal for an even angle byte, else vertical.
// scripts/fuzz.sh writes seeds of this shape from tests/fixtures/runs. The
// text must be valid UTF-8 and every byte map to a run or to none.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "nianbao/layout.h"
#include "targets.h"

void fuzz::layout(const uint8_t* data, size_t size) {
    Bytes in{data, size};
    std::vector<nianbao::TextRun> runs;
    std::vector<nianbao::Ruling> rulings;
    while (!in.empty()) {
        nianbao::TextRun r;
        r.page = 1 + static_cast<int>(in.take(1) % 4);
        r.x = static_cast<double>(in.take(2)) / 10;
        r.y = static_cast<double>(in.take(2)) / 10;
        r.width = static_cast<double>(in.take(2)) / 10;
        r.size = static_cast<double>(in.take(1)) / 4;
        const int a = static_cast<int>(in.take(1));
        r.angle = a == 0 ? 0 : a == 1 ? 90 : a == 2 ? -90 : a == 3 ? 180 : a - 128;
        const size_t n = in.take(1);
        if (n == 255) {
            const bool horizontal = a % 2 == 0;
            rulings.push_back({r.page, r.x, r.y, horizontal ? r.x + r.width : r.x, horizontal ? r.y : r.y + r.width});
            continue;
        }
        const std::string_view text = in.rest().substr(0, n);
        in.at += text.size();
        r.text = nianbao::sanitize_utf8(text);
        runs.push_back(std::move(r));
    }
    const nianbao::LaidOutText out = nianbao::lay_out(runs, rulings);
    require(nianbao::is_valid_utf8(out.text));
    require(out.run_of.size() == out.text.size());
    for (uint32_t k : out.run_of) require(k == nianbao::LaidOutText::kNoRun || k < runs.size());
}

NIANBAO_FUZZ_ENTRY(layout)
