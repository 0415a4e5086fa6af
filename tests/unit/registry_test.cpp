// The rule ids and default severities are a public interface
// (../shared/spec/rules.md): the registry must list exactly these.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "nianbao/nianbao.h"
#include "rules/rule.h"

namespace {
const std::vector<std::pair<std::string, std::string>> kSpec = {
        {"input-empty", "error"},
        {"input-encoding", "error"},
        {"input-not-report", "error"},
        {"input-too-large", "error"},  // issue E; to add to ../shared/spec/rules.md
        {"title-missing", "warning"},
        {"section-missing", "error"},
        {"section-order", "warning"},
        {"section-title", "info"},
        {"table-missing", "error"},
        {"row-missing", "error"},
        {"row-label", "warning"},
        {"cell-count", "error"},
        {"cell-value", "error"},
        {"cell-blank", "warning"},
        {"cell-fullwidth", "info"},
        {"cell-glued", "info"},
        {"cell-ambiguous", "warning"},
        {"table-by-order", "info"},
        {"apply-identity", "error"},
        {"apply-row-total", "error"},
        {"apply-result-total", "error"},
        {"review-total", "error"},
        {"litigation-total", "error"},
        {"narrative-applications", "error"},
        {"narrative-review", "error"},
        {"narrative-breakdown", "warning"},
        {"narrative-fee-notice", "info"},
        {"fee-statement", "warning"},
        {"format-outdated", "warning"},
        {"section5-content", "warning"},
        {"regulation-scope", "warning"},
        {"year-mismatch", "error"},
        {"date-invalid", "error"},
        {"publish-late", "warning"},
        {"pii-id-number", "error"},
        {"pii-bank-card", "warning"},
        {"pii-mobile", "warning"},
        {"carryover-mismatch", "error"},
        {"valid-count-rollforward", "info"},
        {"copied-text", "warning"},
};
}  // namespace

TEST_CASE("the registry lists exactly the ids of rules.md with their default severities") {
    std::set<std::string> listed;
    for (const auto& family : nianbao::rule_families())
        for (const auto& d : family.docs) {
            CHECK_MESSAGE(listed.insert(std::string(d.id)).second, d.id);
        }
    CHECK(listed.size() == kSpec.size());
    for (const auto& spec : kSpec) {  // (no structured bindings: clang 14 rejects them in doctest's macros)
        const nianbao::RuleDoc* d = nianbao::find_rule(spec.first);
        REQUIRE_MESSAGE(d, spec.first);
        CHECK_MESSAGE(nianbao::severity_name(d->severity) == spec.second, spec.first);
    }
}

TEST_CASE("every rule has titles and a doc: what, why (in both languages), example, basis") {
    for (const auto& family : nianbao::rule_families())
        for (const auto& d : family.docs) {
            CHECK_MESSAGE(!d.title_zh.empty(), d.id);
            CHECK_MESSAGE(!d.title_en.empty(), d.id);
            CHECK_MESSAGE(!d.what.empty(), d.id);
            CHECK_MESSAGE(!d.why.empty(), d.id);
            CHECK_MESSAGE(!d.example.empty(), d.id);
            CHECK_MESSAGE(!d.basis.empty(), d.id);
            CHECK_MESSAGE(!d.what_en.empty(), d.id);
            CHECK_MESSAGE(!d.why_en.empty(), d.id);
        }
}

TEST_CASE("every message belongs to a listed rule and names its placeholders in both languages") {
    for (const auto& family : nianbao::rule_families())
        for (const auto& m : family.messages) {
            CHECK_MESSAGE(nianbao::find_rule(m.rule) != nullptr, m.rule);
            CHECK_MESSAGE(!m.zh.empty(), m.rule);
            CHECK_MESSAGE(!m.en.empty(), m.rule);
        }
}

TEST_CASE("turning a rule off or changing its severity by id takes effect") {
    const std::string text = "一、总体情况\n\n本年度无。\n";
    nianbao::Result plain = nianbao::check(text);
    bool had = false;
    for (const auto& f : plain.findings) had |= f.id == "section-missing";
    REQUIRE(had);
    nianbao::Options off;
    off.disabled.push_back("section-missing");
    for (const auto& f : nianbao::check(text, off).findings) CHECK(f.id != "section-missing");
    nianbao::Options lower;
    lower.severity["section-missing"] = nianbao::Severity::Info;
    for (const auto& f : nianbao::check(text, lower).findings)
        if (f.id == "section-missing") CHECK(f.severity == nianbao::Severity::Info);
}

TEST_CASE("options arrive as JSON from the page and the binding") {
    std::string error;
    nianbao::Options o = nianbao::parse_options_json(
        R"({"lang":"en","disable":["pii-mobile"],"severity":{"section-title":"warning","copied-text":"off"},"deadline":"03-31","bodyKind":"government","today":"2025-02-01"})",
        &error);
    CHECK(error.empty());
    CHECK(o.lang == "en");
    CHECK(o.deadline == "03-31");
    CHECK(o.body_kind == "government");
    CHECK(o.today == "2025-02-01");
    CHECK(o.severity.at("section-title") == nianbao::Severity::Warning);
    CHECK(std::find(o.disabled.begin(), o.disabled.end(), "pii-mobile") != o.disabled.end());
    CHECK(std::find(o.disabled.begin(), o.disabled.end(), "copied-text") != o.disabled.end());
    nianbao::parse_options_json("not json", &error);
    CHECK(!error.empty());
}
