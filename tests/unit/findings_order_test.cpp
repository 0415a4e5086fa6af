// The order a clerk reads the findings in: by place in the text, and at one
// place the error before the warning before the note (not by id).
#include <doctest/doctest.h>

#include <string>

#include "nianbao/nianbao.h"
#include "report_builder.h"

TEST_CASE("findings order: by start offset, errors first at the same offset") {
    std::string text = nianbao::test::ReportText{}.str();
    // A reworded row (row-label, warning) followed by a missing row (row-missing,
    // error, placed on the row before it): both start where the reworded label does.
    const std::string label = "2. 其他法律行政法规禁止公开";
    text.replace(text.find(label), label.size(), "2. 其他法律法规禁止公开");
    const size_t row = text.find("\t\t3. 危及");
    REQUIRE(row != std::string::npos);
    text.erase(row, text.find('\n', row) + 1 - row);
    const auto r = nianbao::check(text);
    size_t label_at = 0, missing_at = 0;
    for (size_t k = 0; k < r.findings.size(); ++k) {
        if (r.findings[k].id == "row-label") label_at = k;
        if (r.findings[k].id == "row-missing") missing_at = k;
    }
    REQUIRE(r.findings.at(label_at).span.begin == r.findings.at(missing_at).span.begin);
    CHECK(missing_at < label_at);
    for (size_t k = 1; k < r.findings.size(); ++k) {
        const auto &a = r.findings[k - 1], &b = r.findings[k];
        CHECK(a.span.begin <= b.span.begin);
        if (a.span.begin == b.span.begin) CHECK(a.severity >= b.severity);
    }
}
